// The element's tables: its French and English words over the kit's. A module of their
// own, so that the drop-in bundle lays the texts out together, away from the code (see
// ../define-all.ts).
import { withMessages, type Messages } from '../i18n/localize.ts';
import { uploadEn, uploadFr, type UploadMessages } from '../i18n/upload.ts';
import { preregistrationFr, type PreregistrationMessages } from './messages.fr.ts';
import { preregistrationEn } from './messages.en.ts';

export type AllPreregistrationMessages = Messages & PreregistrationMessages & UploadMessages;
export const preregistrationTables = withMessages({ ...uploadFr, ...preregistrationFr }, { ...uploadEn, ...preregistrationEn });
