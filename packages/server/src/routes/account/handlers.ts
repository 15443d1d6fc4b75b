import type { HandlerTable } from '../../http/endpoint.ts';
import { clearSessionCookie } from '../../auth/authenticate.ts';
import { tenantAccountChanges } from '../../accounts/account-changes.ts';
import { changePassword, logOutEverywhere } from '../../accounts/credentials.ts';
import { accountDetails, updateContactDetails } from '../../accounts/details.ts';
import { confirmEmailChange, requestEmailChange } from '../../accounts/email-change.ts';
import { familyExport } from '../../accounts/export.ts';
import { requestClosure, requestIdentityChange } from '../../accounts/holder-requests.ts';
import { parisDate } from '../../domain/paris-date.ts';

export const myAccountHandlers: Pick<
  HandlerTable,
  | 'account'
  | 'updateContactDetails'
  | 'requestEmailChange'
  | 'confirmEmailChange'
  | 'changePassword'
  | 'logoutEverywhere'
  | 'requestIdentityChange'
  | 'requestAccountClosure'
  | 'accountExport'
  | 'agentAccountChanges'
> = {
  account: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return accountDetails(app, tenant, session);
  },
  updateContactDetails: ({ app, tenant, session, body }) => updateContactDetails(app, tenant, session, body),
  requestEmailChange: async ({ c, app, tenant, session, body }) => {
    c.header('Cache-Control', 'no-store');
    return requestEmailChange(app, tenant, session, body, app.clientIp(c));
  },
  confirmEmailChange: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    return confirmEmailChange(app, tenant, body.token, app.clientIp(c));
  },
  changePassword: async ({ c, app, tenant, session, body }) => {
    c.header('Cache-Control', 'no-store');
    return changePassword(app, tenant, session, body, app.clientIp(c));
  },
  logoutEverywhere: async ({ c, app, tenant, session }) => {
    const ended = await logOutEverywhere(app, tenant, session);
    if (session.via === 'cookie') clearSessionCookie(c, app, tenant);
    return ended;
  },
  requestIdentityChange: ({ app, tenant, session, body }) => requestIdentityChange(app, tenant, session, body),
  requestAccountClosure: ({ app, tenant, session, body }) => requestClosure(app, tenant, session, body),
  accountExport: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="espace-famille-${tenant.config.id}-${parisDate(app.clock.now())}.json"`);
    return familyExport(app, tenant, session);
  },
  agentAccountChanges: async ({ c, app, tenant, query }) => {
    c.header('Cache-Control', 'no-store');
    return { changes: await tenantAccountChanges(app, tenant, query.familyId) };
  },
};
