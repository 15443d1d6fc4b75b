// The element's tables: its words over the kit's, French at once, English on first use.
import { withDeferredMessages, withMessages, type Messages, type MessageTables } from '../i18n/localize.ts';
import { loginFr, type LoginMessages } from './messages.fr.ts';

export type AllLoginMessages = Messages & LoginMessages;
const loginEnglish = (): Promise<LoginMessages> => import('./messages.en.ts').then((m) => m.loginEn);
export const loginTables = withMessages(loginFr, loginEnglish);

/**
 * The login's tables with the words of a flow loaded on demand over them (recovery.ts),
 * for the element once that flow's module is here: English comes for both at once.
 */
export function loginTablesWith<W extends object>(words: W, english: () => Promise<W>): MessageTables<AllLoginMessages & W> {
  return withDeferredMessages(loginFr, loginEnglish, words, english);
}
