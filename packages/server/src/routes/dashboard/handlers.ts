import { withSessionQuery, type HandlerTable } from '../../http/endpoint.ts';
import { familyRequestSummaries } from './requests.ts';
import { dashboardSummary, sessionWithDashboard } from './summary.ts';

export const dashboardHandlers: Pick<HandlerTable, 'dashboard' | 'requestSummaries'> = {
  // The previous login and the invoices are read with the session, in one query.
  dashboard: withSessionQuery(sessionWithDashboard, async ({ c, app, tenant, session }, joined) => {
    c.header('Cache-Control', 'no-store');
    return dashboardSummary(app, tenant, session, joined);
  }),
  requestSummaries: async ({ c, app, tenant, session, query }) => {
    c.header('Cache-Control', 'no-store');
    return familyRequestSummaries(app.db, tenant.config.id, session.familyId, query);
  },
};
