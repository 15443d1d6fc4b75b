import type { HandlerTable } from '../../http/endpoint.ts';
import { logInAgent } from '../../agents/auth.ts';
import { setRequestStatus, tenantRequest, tenantRequests } from '../../agents/requests.ts';
import { setPreregistrationStatus, tenantPreregistrations } from '../../preregistration/status.ts';

export const agentHandlers: Pick<
  HandlerTable,
  'agentLogin' | 'agentRequests' | 'agentRequest' | 'agentSetRequestStatus' | 'agentPreregistrations' | 'agentSetPreregistrationStatus'
> = {
  agentLogin: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    return logInAgent(app, tenant, body, app.clientIp(c));
  },
  agentRequests: async ({ c, app, tenant, query }) => {
    c.header('Cache-Control', 'no-store');
    return { requests: await tenantRequests(app, tenant, query.status) };
  },
  agentRequest: async ({ c, app, tenant, params }) => {
    c.header('Cache-Control', 'no-store');
    return tenantRequest(app, tenant, params.requestId);
  },
  agentSetRequestStatus: ({ app, tenant, agent, params, body }) => setRequestStatus(app, tenant, agent, params.requestId, body),
  agentPreregistrations: async ({ c, app, tenant, query }) => {
    c.header('Cache-Control', 'no-store');
    return { preregistrations: await tenantPreregistrations(app, tenant, query.status) };
  },
  agentSetPreregistrationStatus: ({ app, tenant, agent, params, body }) => setPreregistrationStatus(app, tenant, agent, params.preregistrationId, body),
};
