import type { LoginMessages } from './messages.fr.ts';

export const loginEn: LoginMessages = {
  loginHeading: 'Log in to my account',
  sessionLoading: 'Loading your account…',
  loginIntro: 'Log in with your credentials.',
  submit: 'Log in',
  submitting: 'Logging in…',
  forgotPassword: 'I forgot my password',
  noAccount: 'You do not have an account yet?',
  createAccount: 'Create my account',
  resendActivation: 'Resend the activation e-mail',
  greeting: (p) => `Hello ${p.name}`,
  loggedIn: 'You are logged in.',
  logout: 'Log out',
  loggingOut: 'Logging out…',
};
