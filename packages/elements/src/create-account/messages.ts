// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { createAccountFr, type CreateAccountMessages } from './messages.fr.ts';

export type AllCreateAccountMessages = Messages & CreateAccountMessages;
export const createAccountTables = withMessages(createAccountFr, () => import('./messages.en.ts').then((m) => m.createAccountEn));
