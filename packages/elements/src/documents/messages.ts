// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { uploadFr, type UploadMessages } from '../i18n/upload.ts';
import { documentsFr, type DocumentsMessages } from './messages.fr.ts';

export type AllDocumentsMessages = Messages & DocumentsMessages & UploadMessages;
export const documentsTables = withMessages({ ...uploadFr, ...documentsFr }, () =>
  import('./messages.en.ts').then((m) => ({ ...m.uploadEn, ...m.documentsEn })),
);
