/**
 * Words of `<famille-entourage>`'s member form (with the person-form and upload words of
 * src/i18n), role choice, removal and confirmation: they come with the module showing
 * them (editor.ts), over the element's own (messages.ts `entourageTablesWith`).
 */
import { personFormFr } from '../i18n/person-form.ts';
import { uploadFr } from '../i18n/upload.ts';

const editorOwnFr = {
  chooseRoleHeading: 'Qui souhaitez-vous déclarer ?',
  role: 'Type de membre',
  role_coRepresentant: 'Co-représentant (l’autre parent)',
  role_enfant: 'Enfant',
  duplicateWarning: (p: { member: string }) =>
    `${p.member} figure déjà dans votre entourage, avec les mêmes nom, prénoms et date de naissance. Vérifiez qu’il ne s’agit pas de la même personne.`,
  confirmDuplicate: 'Il s’agit d’une autre personne (des jumeaux, par exemple)',
  role_futur: 'Futur enfant (naissance à venir)',
  role_contact: 'Contact (personne autorisée)',
  roleRequired: 'Choisissez le type de membre à déclarer.',
  formHeadingAdd: (p: { kind: string }) => `Déclarer un ${p.kind}`,
  formHeadingEdit: (p: { name: string }) => `Modifier : ${p.name}`,
  stepProfile: 'Profil',
  stepCheck: 'Vérifier et valider',
  profileSection: 'Identité et contact',
  sexe: 'Sexe',
  feminin: 'Féminin',
  masculin: 'Masculin',
  dateNaissancePrevue: 'Date de naissance prévue',
  futureDateHint: 'Au format JJ/MM/AAAA, par exemple 15/03/2027.',
  emailHintOther: 'Par exemple prenom.nom@exemple.fr.',
  lien: 'Lien avec l’enfant',
  lienHint: 'Par exemple : grand-mère, voisin, nourrice.',
  yes: 'Oui',
  no: 'Non',
  attachments: 'Pièces jointes (facultatif)',
  attachmentsIntro: 'Vous pouvez joindre un justificatif (acte de naissance, jugement, pièce d’identité). Ce n’est pas obligatoire.',
  attachmentRules: (p: { types: string; size: string }) => `Formats acceptés : ${p.types}. Taille maximale : ${p.size} par fichier.`,
  addFile: 'Ajouter une pièce jointe',
  uploaded: (p: { name: string }) => `${p.name} est joint à votre demande.`,
  waitUpload: 'Attendez la fin de l’envoi de la pièce jointe, ou annulez-le.',
  noAttachment: 'Aucune pièce jointe',
  documentsOnFile: 'Pièces déjà transmises',
  continue: 'Continuer',
  cancel: 'Annuler',
  validate: 'Valider ma demande',
  validating: 'Envoi de votre demande…',
  doneHeading: 'Votre demande a bien été enregistrée et transmise au service pour traitement',
  statusLabel: 'Statut',
  backToList: 'Retour à mon entourage',
  removeHeading: (p: { name: string }) => `Supprimer ${p.name} de votre entourage ?`,
  removeText: 'Votre demande de suppression sera transmise au service pour traitement. La personne reste affichée jusqu’à sa validation.',
  removeConfirm: 'Confirmer la suppression',
  removing: 'Envoi de la demande…',
};

export const editorFr = { ...uploadFr, ...personFormFr, ...editorOwnFr };
export type EditorOwnMessages = typeof editorOwnFr;
export type EditorMessages = typeof editorFr;
