// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { invoicesFr, type InvoicesMessages } from './messages.fr.ts';

export type AllInvoicesMessages = Messages & InvoicesMessages;
export const invoicesTables = withMessages(invoicesFr, () => import('./messages.en.ts').then((m) => m.invoicesEn));
