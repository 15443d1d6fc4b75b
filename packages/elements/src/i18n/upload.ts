// Messages of the shared upload pieces (src/form/upload.ts), for every element that uploads.
export const uploadFr = {
  uploading: (p: { name: string }) => `Envoi de ${p.name}`,
  uploadCancelled: (p: { name: string }) => `Envoi de ${p.name} annulé.`,
  uploadRemoved: (p: { name: string }) => `${p.name} a été retiré.`,
  cancelUpload: 'Annuler l’envoi',
  replaceFile: 'Remplacer',
  removeFile: 'Retirer',
  // Problem codes of the upload routes (only elements that upload receive them).
  file_too_large: 'Ce fichier est trop volumineux.',
  file_type_not_accepted: 'Ce type de fichier n’est pas accepté.',
  file_empty: 'Ce fichier est vide.',
  file_active_content:
    'Ce PDF ne peut pas être accepté : il est illisible ou contient des éléments actifs (script, pièce jointe, formulaire). Enregistrez-le à nouveau avec « Imprimer en PDF », puis envoyez-le.',
};
export type UploadMessages = typeof uploadFr;
