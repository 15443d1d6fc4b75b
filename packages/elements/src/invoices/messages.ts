// The element's tables: its French and English words over the kit's. A module of their
// own, so that the drop-in bundle lays the texts out together, away from the code (see
// ../define-all.ts).
import { withMessages, type Messages } from '../i18n/localize.ts';
import { invoicesFr, type InvoicesMessages } from './messages.fr.ts';
import { invoicesEn } from './messages.en.ts';

export type AllInvoicesMessages = Messages & InvoicesMessages;
export const invoicesTables = withMessages(invoicesFr, invoicesEn);
