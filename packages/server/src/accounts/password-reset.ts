import type { Accepted, ActivationResult, PasswordResetInput, PasswordResetRequest } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { findAccountById, findAccountByIdentifiantOrEmail } from '../db/accounts.ts';
import { consumeEmailToken } from '../db/email-tokens.ts';
import { clearThrottleCounter } from '../db/throttle.ts';
import { hashEmailToken } from '../auth/email-token.ts';
import { loginThrottleKeys } from '../auth/login.ts';
import { normalizeIdentifiant } from '../domain/identifiant.ts';
import { refuseUnusableToken } from './activation.ts';
import { replacePassword } from './credentials.ts';
import { throttleMailRequest } from './mail-throttle.ts';
import { newPasswordError } from './registration.ts';
import { issueReset } from './tokens.ts';

/**
 * Sends a reset link to the account of that identifiant or e-mail address, unless it is
 * disabled. The same answer whether or not an account matched.
 */
export async function requestPasswordReset(
  app: AppContext,
  tenant: Tenant,
  input: z.output<typeof PasswordResetRequest>,
  ip: string | undefined,
): Promise<Accepted> {
  const tenantId = tenant.config.id;
  await throttleMailRequest(app, tenantId, 'reset', normalizeIdentifiant(input.identifiant), ip);
  const account = await findAccountByIdentifiantOrEmail(app.db, tenantId, input.identifiant);
  if (account && account.status !== 'disabled') {
    const now = app.clock.now();
    const queued = await app.db.transaction((tx) => issueReset(tx, app, tenant, account, now, account.locale ?? input.locale));
    app.mailer.queued([queued]);
  }
  return { accepted: true };
}

/**
 * Sets the new password of a reset link: the token is marked used, the password
 * replaced, EVERY session of the account ended and a notice e-mailed, in one
 * transaction. It changes nothing else (an account not yet activated stays so).
 */
export async function resetPassword(
  app: AppContext,
  tenant: Tenant,
  input: z.output<typeof PasswordResetInput>,
  ip: string | undefined,
): Promise<ActivationResult> {
  const tenantId = tenant.config.id;
  // The token first: a weak password must not be the way to learn whether a link is good.
  await refuseUnusableToken(app, tenant, input.token, 'reset', ip);
  const passwordError = await newPasswordError(app, tenant, input.password, 'password');
  if (passwordError) throw new ProblemError('validation_failed', { fieldErrors: [passwordError] });
  const passwordHash = await app.hasher.hash(input.password);
  const now = app.clock.now();

  const outcome = await app.db.transaction(async (tx) => {
    const accountId = await consumeEmailToken(tx, tenantId, hashEmailToken(input.token), 'reset', now);
    if (!accountId) return 'token_used' as const;
    const account = await findAccountById(tx, tenantId, accountId);
    if (!account || account.status === 'disabled') return 'token_invalid' as const;
    return { account, ...(await replacePassword(tx, app, tenant, account, passwordHash, now)) };
  });
  if (typeof outcome === 'string') throw new ProblemError(outcome);
  app.mailer.queued([outcome.notice]);
  // The owner proved control of the address: this client's earlier failed logins are forgiven.
  await clearThrottleCounter(app.db, tenantId, loginThrottleKeys(app, 'id', outcome.account.identifiantKey, ip).account.key);
  app.logger.info({ msg: 'password reset', tenant: tenantId, sessionsEnded: outcome.ended });
  return { identifiant: outcome.account.identifiant };
}
