import { passwordRulesFr } from '../i18n/password-rules.ts';
import { personFormFr } from '../i18n/person-form.ts';

/**
 * Words of `<famille-create-account>` only, kept out of the kit's common table so that
 * the login path does not carry them. Tenant overrides apply to these keys too.
 */
export const createAccountFr = {
  ...personFormFr,
  ...passwordRulesFr,
  stepCgu: 'Conditions d’utilisation',
  stepIdentity: 'Identité',
  stepAddress: 'Adresse',
  stepContacts: 'Moyens de contact',
  stepCredentials: 'Identifiant et mot de passe',
  stepReview: 'Vérifiez vos réponses',
  cguNotice: 'Conditions générales d’utilisation',
  dataNotice: 'Données personnelles',
  cguLink: 'Lire les conditions générales d’utilisation',
  dataLink: 'Lire les mentions d’information',
  newWindow: ' (nouvelle fenêtre)',
  acceptCgu: 'J’accepte les conditions générales d’utilisation',
  acceptRequired: 'Cochez la case pour accepter les conditions générales d’utilisation.',
  identityHint: 'Identité = référent allocataire CAF ou MSA.',
  numero: 'Numéro',
  voie: 'Nom de la voie',
  batiment: 'Bâtiment',
  appartement: 'Appartement',
  complement: 'Complément d’adresse',
  codePostal: 'Code postal',
  postalHint: '5 chiffres, par exemple 38200.',
  commune: 'Commune',
  emailHint: 'Le lien d’activation de votre espace y sera envoyé.',
  preferredContact: 'Moyen de contact préféré',
  courrier: 'Courrier',
  identifiantHint: 'De 3 à 64 caractères : lettres sans accent, chiffres, point, tiret, tiret bas ou @.',
  continue: 'Continuer',
  backToReview: 'Revenir à la vérification',
  accepted: 'Acceptées',
  hidden: 'Masqué',
  register: 'Créer mon espace',
  registering: 'Création de votre espace…',
  sentHeading: 'Consultez votre messagerie',
  sentTo: (p: { email: string }) => `Un e-mail d’activation vous a été envoyé à ${p.email}.`,
  sentTtl: (p: { hours: number }) => `Ouvrez le lien qu’il contient dans les ${p.hours} heures pour activer votre espace ; il ne sert qu’une fois.`,
  sentHelp: 'Rien reçu après quelques minutes ? Regardez dans vos courriers indésirables (spam), vérifiez l’adresse, ou demandez un nouveau lien.',
  resend: 'Recevoir un nouveau lien',
  resent: 'Si votre espace attend son activation, un nouvel e-mail vous a été envoyé.',
  activating: 'Activation de votre espace…',
  activatedHeading: 'Votre compte est activé',
  activatedText: (p: { identifiant: string }) => `Vous pouvez vous connecter avec votre identifiant ${p.identifiant}.`,
  activationFailed: 'Activation impossible',
  usedHelp: 'Votre espace est peut-être déjà activé : essayez de vous connecter.',
};

export type CreateAccountMessages = typeof createAccountFr;
