// The element's tables: its French and English words over the kit's. A module of their
// own, so that the drop-in bundle lays the texts out together, away from the code (see
// ../define-all.ts).
import { withMessages, type Messages } from '../i18n/localize.ts';
import { createAccountFr, type CreateAccountMessages } from './messages.fr.ts';
import { createAccountEn } from './messages.en.ts';

export type AllCreateAccountMessages = Messages & CreateAccountMessages;
export const createAccountTables = withMessages(createAccountFr, createAccountEn);
