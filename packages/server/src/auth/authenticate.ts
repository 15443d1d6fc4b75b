import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Account, SessionTransport } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { cookieWriteAllowed } from '../http/origin.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { deleteSession, findSessionWithAccount, updateSessionActivity, type SessionWithAccount } from '../db/sessions.ts';
import { toContractAccount } from '../db/accounts.ts';
import { isSessionExpired, touchSession, type SessionTimes } from '../domain/session.ts';
import { hashSessionToken, isWellFormedToken } from './session-token.ts';

export interface AuthenticatedSession {
  readonly tokenHash: string;
  /** How this request presented the token. */
  readonly via: 'cookie' | 'bearer';
  readonly transport: SessionTransport;
  readonly times: SessionTimes;
  readonly account: Account;
  /** The family (foyer) of the account: what family routes are scoped to. */
  readonly familyId: string;
}

/** Cookies are scoped to the tenant's API path: one tenant's session never reaches another. */
function sessionCookiePath(app: AppContext, tenant: Tenant): string {
  return `${app.config.basePath}/tenants/${tenant.config.id}`;
}

export function setSessionCookie(c: Context, app: AppContext, tenant: Tenant, token: string): void {
  // No Max-Age: the cookie ends with the browser (shared computers in libraries, town halls);
  // the server-side idle and absolute expiries apply anyway.
  setCookie(c, app.config.cookie.name, token, {
    path: sessionCookiePath(app, tenant),
    httpOnly: true,
    secure: app.config.cookie.secure,
    sameSite: 'Lax',
  });
}

export function clearSessionCookie(c: Context, app: AppContext, tenant: Tenant): void {
  deleteCookie(c, app.config.cookie.name, { path: sessionCookiePath(app, tenant), httpOnly: true, secure: app.config.cookie.secure, sameSite: 'Lax' });
}

export function presentedToken(c: Context<AppEnv>, app: AppContext): { token: string; via: 'cookie' | 'bearer' } | undefined {
  const authorization = c.req.header('authorization');
  if (authorization !== undefined) {
    const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization);
    return { token: match?.[1] ?? '', via: 'bearer' };
  }
  const cookie = getCookie(c, app.config.cookie.name);
  return cookie === undefined ? undefined : { token: cookie, via: 'cookie' };
}

/**
 * The parent's session for this request, or a 401/403 problem. Costs one query, plus
 * one write at most once a minute to record activity.
 */
export async function authenticate(c: Context<AppEnv>, app: AppContext, tenant: Tenant): Promise<AuthenticatedSession> {
  return (await authenticateWith(c, app, tenant, findSession)).session;
}

/**
 * Finds the session of a token hash and, in the same query, what a route reads for it
 * (see `withSessionQuery`): the data of the session's family, used only once the
 * session is known to be valid.
 */
export type SessionQuery<R extends SessionWithAccount> = (app: AppContext, tenant: Tenant, tokenHash: string) => Promise<R | undefined>;

/** The session and its account alone: what every other route reads. */
const findSession: SessionQuery<SessionWithAccount> = (app, tenant, tokenHash) => findSessionWithAccount(app.db, tenant.config.id, tokenHash);

/** `authenticate`, with the session row read by `find`, which may read more in the same query; `row` is returned for it. */
export async function authenticateWith<R extends SessionWithAccount>(
  c: Context<AppEnv>,
  app: AppContext,
  tenant: Tenant,
  find: SessionQuery<R>,
): Promise<{ session: AuthenticatedSession; row: R }> {
  const presented = presentedToken(c, app);
  if (!presented) throw new ProblemError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
  const { token, via } = presented;
  if (via === 'cookie' && !cookieWriteAllowed(c.req.method, c.get('origin'))) throw new ProblemError('origin_not_allowed');

  const refuse = (code: 'unauthenticated' | 'session_expired') => {
    if (via === 'cookie') clearSessionCookie(c, app, tenant);
    return new ProblemError(code, { headers: { 'WWW-Authenticate': 'Bearer' } });
  };
  if (!isWellFormedToken(token)) throw refuse('unauthenticated');

  const tokenHash = hashSessionToken(token);
  const row = await find(app, tenant, tokenHash);
  if (!row) throw refuse('unauthenticated');

  const now = app.clock.now();
  if (isSessionExpired(row, now)) {
    await deleteSession(app.db, tenant.config.id, tokenHash);
    throw refuse('session_expired');
  }
  if (row.account.status !== 'active') {
    // Disabled since login: the session is worthless.
    await deleteSession(app.db, tenant.config.id, tokenHash);
    throw refuse('unauthenticated');
  }

  let times: SessionTimes = row;
  const touched = touchSession(row, now, app.config.session);
  if (touched) {
    await updateSessionActivity(app.db, tenant.config.id, tokenHash, touched);
    times = touched;
  }
  const session: AuthenticatedSession = {
    tokenHash,
    via,
    transport: row.transport,
    times: { createdAt: times.createdAt, lastSeenAt: times.lastSeenAt, idleExpiresAt: times.idleExpiresAt, expiresAt: times.expiresAt },
    account: toContractAccount(row.account),
    familyId: row.account.familyId,
  };
  return { session, row };
}
