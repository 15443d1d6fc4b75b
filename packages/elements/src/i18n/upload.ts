// Messages of the shared upload pieces (src/form/upload.ts), for every element that uploads.
export const uploadFr = {
  uploading: (p: { name: string }) => `Envoi de ${p.name}`,
  uploadCancelled: (p: { name: string }) => `Envoi de ${p.name} annulé.`,
  uploadRemoved: (p: { name: string }) => `${p.name} a été retiré.`,
  cancelUpload: 'Annuler l’envoi',
  replaceFile: 'Remplacer',
  removeFile: 'Retirer',
};
export type UploadMessages = typeof uploadFr;
