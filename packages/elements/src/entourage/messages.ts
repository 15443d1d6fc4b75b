// The element's tables: its words over the kit's, French at once, English on first use.
import { withDeferredMessages, withMessages, type Messages, type MessageTables } from '../i18n/localize.ts';
import { entourageFr, type EntourageMessages } from './messages.fr.ts';

export type AllEntourageMessages = Messages & EntourageMessages;
const entourageEnglish = (): Promise<EntourageMessages> => import('./messages.en.ts').then((m) => m.entourageEn);
export const entourageTables = withMessages(entourageFr, entourageEnglish);

/**
 * The element's tables with the words of the module loaded on demand over them (the
 * member form, editor.ts), once it is here: English comes for both at once.
 */
export function entourageTablesWith<W extends object>(words: W, english: () => Promise<W>): MessageTables<AllEntourageMessages & W> {
  return withDeferredMessages(entourageFr, entourageEnglish, words, english);
}
