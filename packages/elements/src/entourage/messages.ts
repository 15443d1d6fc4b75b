// The element's tables: its French and English words over the kit's. A module of their
// own, so that the drop-in bundle lays the texts out together, away from the code (see
// ../define-all.ts).
import { withMessages, type Messages } from '../i18n/localize.ts';
import { uploadEn, uploadFr, type UploadMessages } from '../i18n/upload.ts';
import { personFormEn, personFormFr, type PersonFormMessages } from '../i18n/person-form.ts';
import { entourageFr, type EntourageMessages } from './messages.fr.ts';
import { entourageEn } from './messages.en.ts';

export type AllEntourageMessages = Messages & PersonFormMessages & EntourageMessages & UploadMessages;
export const entourageTables = withMessages({ ...uploadFr, ...personFormFr, ...entourageFr }, { ...uploadEn, ...personFormEn, ...entourageEn });
