import type { HandlerTable } from '../../http/endpoint.ts';
import { familyRequestSummaries } from './requests.ts';
import { dashboardSummary } from './summary.ts';

export const dashboardHandlers: Pick<HandlerTable, 'dashboard' | 'requestSummaries'> = {
  dashboard: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return dashboardSummary(app, tenant, session);
  },
  requestSummaries: async ({ c, app, tenant, session, query }) => {
    c.header('Cache-Control', 'no-store');
    return familyRequestSummaries(app.db, tenant.config.id, session.familyId, query);
  },
};
