// The element's tables: its words over the kit's, French at once, English on first use.
import { withDeferredMessages, withMessages, type Messages, type MessageTables } from '../i18n/localize.ts';
import { invoicesFr, type InvoicesMessages } from './messages.fr.ts';

export type AllInvoicesMessages = Messages & InvoicesMessages;
const invoicesEnglish = (): Promise<InvoicesMessages> => import('./messages.en.ts').then((m) => m.invoicesEn);
export const invoicesTables = withMessages(invoicesFr, invoicesEnglish);

/**
 * The element's tables with the words of the module loaded on demand over them (a
 * payment and its outcome, flows.ts), once it is here: English comes for both at once.
 */
export function invoicesTablesWith<W extends object>(words: W, english: () => Promise<W>): MessageTables<AllInvoicesMessages & W> {
  return withDeferredMessages(invoicesFr, invoicesEnglish, words, english);
}
