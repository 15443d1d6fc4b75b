// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { tariffFr, type TariffMessages } from './messages.fr.ts';

export type AllTariffMessages = Messages & TariffMessages;
export const tariffTables = withMessages(tariffFr, () => import('./messages.en.ts').then((m) => m.tariffEn));
