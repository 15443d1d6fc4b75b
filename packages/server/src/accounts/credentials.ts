import { and, eq } from 'drizzle-orm';
import type { FieldError, PasswordChangeInput, SessionsEnded } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import { checkCredentials } from '../auth/login.ts';
import type { Database } from '../db/database.ts';
import { findAccountByIdentifiantKey, type AccountRow } from '../db/accounts.ts';
import { expireEmailTokens } from '../db/email-tokens.ts';
import { accounts } from '../db/schema.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import { ProblemError } from '../http/problem.ts';
import { enqueueMail, type QueuedMail } from '../mail/outbox.ts';
import type { Tenant } from '../tenants/registry.ts';
import { newPasswordError } from './registration.ts';

/** The field error of a wrong current password (the form shows it on that field). */
export const wrongPassword = (path = 'password'): FieldError => ({ path, code: 'invalid_value' });

/**
 * Checks the logged-in parent's current password exactly as the login does: the same
 * hashing, the same throttle counters (this identifiant from this client), so guessing it
 * here is no faster than at the login form. A wrong one is a field error on `path`
 * (`invalid_value`, 422: the session stands), joined to `otherErrors`; a throttled client
 * gets 429 `too_many_attempts`.
 */
export async function verifyCurrentPassword(
  app: AppContext,
  tenant: Tenant,
  session: AuthenticatedSession,
  password: string,
  ip: string | undefined,
  otherErrors: readonly FieldError[] = [],
): Promise<AccountRow> {
  const attempt = { kind: 'id' as const, identifiant: session.account.identifiant, password, ip };
  try {
    return await checkCredentials(
      app,
      tenant.config.id,
      attempt,
      findAccountByIdentifiantKey,
      (found) => found.id === session.account.id && found.status === 'active',
    );
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'invalid_credentials') {
      throw new ProblemError('validation_failed', { fieldErrors: [wrongPassword(), ...otherErrors] });
    }
    throw error;
  }
}

/**
 * What a reset link and "Mon compte" do with a new password, in the caller's transaction:
 * the hash replaced, the sessions ended (all of them, or all but `keep`, the one that just
 * proved the password), pending reset links retired and the `password_changed` notice
 * queued. Returns how many sessions ended, and the notice.
 */
export async function replacePassword(
  tx: Database,
  app: AppContext,
  tenant: Tenant,
  account: AccountRow,
  passwordHash: string,
  now: Date,
  keep?: string,
): Promise<{ ended: number; notice: QueuedMail }> {
  const tenantId = tenant.config.id;
  await tx
    .update(accounts)
    .set({ passwordHash, updatedAt: now })
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, account.id)));
  const ended = await deleteSessionsOf(tx, tenantId, account.id, keep);
  await expireEmailTokens(tx, tenantId, account.id, 'reset', now);
  const content = {
    kind: 'password_changed',
    prenoms: account.prenoms,
    identifiant: account.identifiant,
    at: now,
    ...(keep !== undefined && { othersOnly: true }),
  } as const;
  return { ended, notice: await enqueueMail(tx, app.randomBytes, tenant, account.email, account.locale, content, now) };
}

/**
 * Changes the password of the logged-in parent: the current one checked (throttled as the
 * login), the new one against the tenant's policy as at registration, hashed as at login;
 * then in one transaction `replacePassword`, every OTHER session ended (this one stays:
 * the parent just proved the password).
 */
export async function changePassword(
  app: AppContext,
  tenant: Tenant,
  session: AuthenticatedSession,
  input: z.output<typeof PasswordChangeInput>,
  ip: string | undefined,
): Promise<SessionsEnded> {
  const tenantId = tenant.config.id;
  const policyError = await newPasswordError(app, tenant, input.newPassword, 'newPassword');
  const account = await verifyCurrentPassword(app, tenant, session, input.password, ip, policyError ? [policyError] : []);
  if (policyError) throw new ProblemError('validation_failed', { fieldErrors: [policyError] });
  const passwordHash = await app.hasher.hash(input.newPassword);
  const now = app.clock.now();
  const { ended, notice } = await app.db.transaction((tx) => replacePassword(tx, app, tenant, account, passwordHash, now, session.tokenHash));
  app.mailer.queued([notice]);
  app.logger.info({ msg: 'password changed', tenant: tenantId, sessionsEnded: ended });
  return { sessionsEnded: ended };
}

/**
 * "Se déconnecter de tous les appareils": ends EVERY session of the account, this one
 * included (a parent who fears someone else is logged in wants nobody left, and logs in
 * again); the cookie is cleared by the handler.
 */
export async function logOutEverywhere(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<SessionsEnded> {
  const ended = await deleteSessionsOf(app.db, tenant.config.id, session.account.id);
  app.logger.info({ msg: 'logged out everywhere', tenant: tenant.config.id, sessionsEnded: ended });
  return { sessionsEnded: ended };
}
