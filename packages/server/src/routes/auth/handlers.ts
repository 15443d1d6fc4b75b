import type { Session } from '@famille/contract';
import { clearSessionCookie, setSessionCookie, type AuthenticatedSession } from '../../auth/authenticate.ts';
import { logIn } from '../../auth/login.ts';
import { deleteSession } from '../../db/sessions.ts';
import type { HandlerTable } from '../../http/endpoint.ts';

function toContractSession(session: AuthenticatedSession): Session {
  return {
    account: session.account,
    transport: session.transport,
    expiresAt: session.times.expiresAt.toISOString(),
    idleExpiresAt: session.times.idleExpiresAt.toISOString(),
  };
}

export const authHandlers: Pick<HandlerTable, 'login' | 'logout' | 'session'> = {
  login: async ({ c, app, tenant, body }) => {
    c.header('Cache-Control', 'no-store');
    const { token, session } = await logIn(app, tenant, body, app.clientIp(c));
    if (session.transport === 'cookie') {
      setSessionCookie(c, app, tenant, token);
      return { session: toContractSession(session) };
    }
    // Token transport: the caller keeps it (in memory by default) and sends it as a bearer.
    return { session: toContractSession(session), token };
  },

  logout: async ({ c, app, tenant, session }) => {
    await deleteSession(app.db, tenant.config.id, session.tokenHash);
    if (session.via === 'cookie') clearSessionCookie(c, app, tenant);
    return undefined;
  },

  session: async ({ c, session }) => {
    c.header('Cache-Control', 'no-store');
    return toContractSession(session);
  },
};
