// The element's tables: its words over the kit's, French at once, English on first use.
import { withMessages, type Messages } from '../i18n/localize.ts';
import { dashboardFr, type DashboardMessages } from './messages.fr.ts';

export type AllDashboardMessages = Messages & DashboardMessages;
export const dashboardTables = withMessages(dashboardFr, () => import('./messages.en.ts').then((m) => m.dashboardEn));
