// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { uploadFr, type UploadMessages } from '../i18n/upload.ts';
import { personFormFr, type PersonFormMessages } from '../i18n/person-form.ts';
import { entourageFr, type EntourageMessages } from './messages.fr.ts';

export type AllEntourageMessages = Messages & PersonFormMessages & EntourageMessages & UploadMessages;
export const entourageTables = withMessages({ ...uploadFr, ...personFormFr, ...entourageFr }, () =>
  import('./messages.en.ts').then((m) => ({ ...m.uploadEn, ...m.personFormEn, ...m.entourageEn })),
);
