/**
 * Words of `<famille-login>`'s login form and logged-in state, kept out of the kit's
 * common table so that other pages do not carry them. The forgotten-password and reset
 * forms' words come with their module (recovery-messages.fr.ts). Tenant overrides apply
 * to these keys too.
 */
export const loginFr = {
  loginHeading: 'Connexion à mon espace',
  sessionLoading: 'Chargement de votre espace…',
  loginIntro: 'Connectez-vous avec vos identifiants.',
  submit: 'Se connecter',
  submitting: 'Connexion…',
  forgotPassword: 'J’ai oublié mon mot de passe',
  noAccount: 'Vous n’avez pas encore d’espace personnel ?',
  createAccount: 'Créer mon compte',
  resendActivation: 'Renvoyer le courriel d’activation',
  greeting: (p: { name: string }) => `Bonjour ${p.name}`,
  loggedIn: 'Votre session est ouverte.',
  logout: 'Se déconnecter',
  loggingOut: 'Déconnexion…',
};

export type LoginMessages = typeof loginFr;
