import { passwordRulesFr } from '../i18n/password-rules.ts';

/**
 * Words of `<famille-login>`'s rarely used flows — a forgotten password, the reset link's
 * new-password form (with the policy's checklist), a new activation e-mail — loaded with
 * their module (recovery.ts). Tenant overrides apply to these keys too.
 */
export const recoveryFr = {
  ...passwordRulesFr,
  forgotHeading: 'Mot de passe oublié',
  forgotIntro: 'Indiquez votre identifiant ou votre adresse e-mail : nous vous enverrons un lien pour choisir un nouveau mot de passe.',
  identifiantOrEmail: 'Identifiant ou adresse e-mail',
  sendLink: 'Recevoir un lien',
  sending: 'Envoi…',
  forgotSent: 'Si un compte correspond, un e-mail vous a été envoyé. Ouvrez le lien qu’il contient pour choisir un nouveau mot de passe.',
  backToLogin: 'Retour à la connexion',
  resetHeading: 'Choisir un nouveau mot de passe',
  newPassword: 'Nouveau mot de passe',
  resetSubmit: 'Enregistrer le mot de passe',
  resetDone: 'Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe.',
  askAgain: 'Demander un nouveau lien',
  activationResent: 'Si ce compte attend son activation, un nouveau courriel d’activation vous a été envoyé.',
};

export type RecoveryMessages = typeof recoveryFr;
