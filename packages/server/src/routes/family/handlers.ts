import type { HandlerTable } from '../../http/endpoint.ts';
import { addMember, familyOf, familyRequest, familyRequests, removeMember, updateMember } from '../../family/members.ts';

export const familyHandlers: Pick<HandlerTable, 'family' | 'addMember' | 'updateMember' | 'removeMember' | 'requests' | 'request'> = {
  family: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return familyOf(app, tenant, session);
  },
  addMember: ({ app, tenant, session, body }) => addMember(app, tenant, session, body),
  updateMember: ({ app, tenant, session, params, body }) => updateMember(app, tenant, session, params.memberId, body),
  removeMember: ({ app, tenant, session, params }) => removeMember(app, tenant, session, params.memberId),
  requests: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return { requests: await familyRequests(app, tenant, session) };
  },
  request: async ({ c, app, tenant, session, params }) => {
    c.header('Cache-Control', 'no-store');
    return familyRequest(app, tenant, session, params.requestId);
  },
};
