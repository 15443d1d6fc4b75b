import { passwordRulesEn } from '../i18n/password-rules.en.ts';
import type { RecoveryMessages } from './recovery-messages.fr.ts';

export const recoveryEn: RecoveryMessages = {
  ...passwordRulesEn,
  forgotHeading: 'Forgotten password',
  forgotIntro: 'Enter your username or your e-mail address: we will send you a link to choose a new password.',
  identifiantOrEmail: 'Username or e-mail address',
  sendLink: 'Send me a link',
  sending: 'Sending…',
  forgotSent: 'If an account matches, an e-mail has been sent to you. Open its link to choose a new password.',
  backToLogin: 'Back to log in',
  resetHeading: 'Choose a new password',
  newPassword: 'New password',
  resetSubmit: 'Save the password',
  resetDone: 'Your password has been changed. Log in with your new password.',
  askAgain: 'Ask for a new link',
  activationResent: 'If this account is waiting for activation, a new activation e-mail has been sent to you.',
};
