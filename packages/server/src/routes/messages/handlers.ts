import type { HandlerTable } from '../../http/endpoint.ts';
import { familyMessageList, postMessage, readMessage } from './messages.ts';

export const messageHandlers: Pick<HandlerTable, 'messages' | 'message' | 'agentPostMessage'> = {
  messages: async ({ c, app, tenant, session, query }) => {
    c.header('Cache-Control', 'no-store');
    return familyMessageList(app, tenant, session.familyId, query);
  },
  message: async ({ c, app, tenant, session, params }) => {
    c.header('Cache-Control', 'no-store');
    return readMessage(app, tenant, session.familyId, params.messageId);
  },
  agentPostMessage: ({ app, tenant, agent, body }) => postMessage(app, tenant, agent, body),
};
