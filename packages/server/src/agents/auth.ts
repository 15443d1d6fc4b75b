import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { AgentLoginInput, AgentSession } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { checkCredentials } from '../auth/login.ts';
import { hashSessionToken, isWellFormedToken, newSessionToken } from '../auth/session-token.ts';
import { presentedToken } from '../auth/authenticate.ts';
import {
  deleteAgentSession,
  deleteExpiredAgentSessionsOf,
  findAgentByIdentifiantKey,
  findAgentSession,
  insertAgentSession,
  updateAgentSessionActivity,
} from '../db/agents.ts';
import { findSessionWithAccount } from '../db/sessions.ts';
import { isSessionExpired, openSession, touchSession } from '../domain/session.ts';

export interface AuthenticatedAgent {
  readonly tokenHash: string;
  readonly agent: AgentSession['agent'];
}

const unauthenticated = () => new ProblemError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });

/**
 * Logs an agent in: the same defences as the parents' login (throttled per identifiant and
 * per address in the same table, under keys of their own; an unknown identifiant costs one
 * hash verification; one answer for unknown and wrong). Agents get a bearer token only.
 */
export async function logInAgent(app: AppContext, tenant: Tenant, input: z.output<typeof AgentLoginInput>, ip: string | undefined): Promise<AgentSession> {
  const tenantId = tenant.config.id;
  const agent = await checkCredentials(app, tenantId, { kind: 'agent-id', ...input, ip }, findAgentByIdentifiantKey, (found) => found.status === 'active');

  const now = app.clock.now();
  const { token, tokenHash } = newSessionToken(app.randomBytes);
  const times = openSession(now, app.config.session);
  await deleteExpiredAgentSessionsOf(app.db, tenantId, agent.id, now);
  await insertAgentSession(app.db, { tenantId, tokenHash, agentId: agent.id, ...times });
  return {
    agent: { id: agent.id, identifiant: agent.identifiant, displayName: agent.displayName, role: agent.role },
    token,
    expiresAt: times.expiresAt.toISOString(),
  };
}

/**
 * The agent's bearer session for this request. Agents never use cookies. A parent's
 * valid session presented to an agent route is told `forbidden` (403); anything else
 * unknown is `unauthenticated` (401).
 */
export async function authenticateAgent(c: Context<AppEnv>, app: AppContext, tenant: Tenant): Promise<AuthenticatedAgent> {
  const agent = await findAgent(c, app, tenant);
  if (agent) return agent;
  const presented = presentedToken(c, app);
  if (presented && isWellFormedToken(presented.token) && (await findSessionWithAccount(app.db, tenant.config.id, hashSessionToken(presented.token)))) {
    throw new ProblemError('forbidden', { detail: 'This route is for the service’s agents.' });
  }
  throw unauthenticated();
}

/** The agent behind a bearer token, or undefined when the token is no agent's session (for routes open to parents too). */
export async function findAgent(c: Context<AppEnv>, app: AppContext, tenant: Tenant): Promise<AuthenticatedAgent | undefined> {
  const presented = presentedToken(c, app);
  if (!presented || presented.via !== 'bearer' || !isWellFormedToken(presented.token)) return undefined;
  const tokenHash = hashSessionToken(presented.token);
  const row = await findAgentSession(app.db, tenant.config.id, tokenHash);
  if (!row) return undefined;
  const now = app.clock.now();
  if (isSessionExpired(row, now) || row.agent.status !== 'active') {
    await deleteAgentSession(app.db, tenant.config.id, tokenHash);
    throw new ProblemError('session_expired', { headers: { 'WWW-Authenticate': 'Bearer' } });
  }
  const touched = touchSession(row, now, app.config.session);
  if (touched) await updateAgentSessionActivity(app.db, tenant.config.id, tokenHash, touched);
  return { tokenHash, agent: { id: row.agent.id, identifiant: row.agent.identifiant, displayName: row.agent.displayName, role: row.agent.role } };
}
