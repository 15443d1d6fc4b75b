// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { accountFr, type AccountMessages } from './messages.fr.ts';

export type AllAccountMessages = Messages & AccountMessages;
export const accountTables = withMessages(accountFr, () => import('./messages.en.ts').then((m) => m.accountEn));
