// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { uploadFr, type UploadMessages } from '../i18n/upload.ts';
import { preregistrationFr, type PreregistrationMessages } from './messages.fr.ts';

export type AllPreregistrationMessages = Messages & PreregistrationMessages & UploadMessages;
export const preregistrationTables = withMessages({ ...uploadFr, ...preregistrationFr }, () =>
  import('./messages.en.ts').then((m) => ({ ...m.uploadEn, ...m.preregistrationEn })),
);
