import { and, eq } from 'drizzle-orm';
import type { Accepted, ActivationResult, ResendActivationInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { accounts, type EmailTokenPurpose } from '../db/schema.ts';
import { findAccountById, findAccountByIdentifiantOrEmail } from '../db/accounts.ts';
import { consumeEmailToken, expireEmailTokens, findEmailToken, type EmailTokenRow } from '../db/email-tokens.ts';
import { emailTokenState, hashEmailToken, isWellFormedEmailToken } from '../auth/email-token.ts';
import { normalizeIdentifiant } from '../domain/identifiant.ts';
import { throttleMailRequest, throttleTokenGuessing } from './mail-throttle.ts';
import { issueActivation } from './tokens.ts';

/**
 * Refuses a token that cannot be used, with why: unknown or forged (token_invalid),
 * past its expiry or retired by a newer one (token_expired), already used (token_used).
 * Returns the token's row (consuming it is still the caller's, in its transaction).
 */
export async function refuseUnusableToken(
  app: AppContext,
  tenant: Tenant,
  token: string,
  purpose: EmailTokenPurpose,
  ip: string | undefined,
): Promise<EmailTokenRow> {
  const tenantId = tenant.config.id;
  await throttleTokenGuessing(app, tenantId, ip, false);
  const row = isWellFormedEmailToken(token) ? await findEmailToken(app.db, tenantId, hashEmailToken(token), purpose) : undefined;
  const state = emailTokenState(row, app.clock.now());
  if (state === 'usable') return row!;
  if (state === 'token_invalid') await throttleTokenGuessing(app, tenantId, ip, true);
  throw new ProblemError(state);
}

/** Activates the account of an activation link. The token is marked used in the same transaction. */
export async function activate(app: AppContext, tenant: Tenant, token: string, ip: string | undefined): Promise<ActivationResult> {
  const tenantId = tenant.config.id;
  await refuseUnusableToken(app, tenant, token, 'activation', ip);
  const now = app.clock.now();
  const identifiant = await app.db.transaction(async (tx) => {
    // Atomic: of two concurrent uses, one gets the account id, the other nothing.
    const accountId = await consumeEmailToken(tx, tenantId, hashEmailToken(token), 'activation', now);
    if (!accountId) return undefined;
    const account = await findAccountById(tx, tenantId, accountId);
    if (!account || account.status === 'disabled') return null;
    if (account.status === 'pending_activation') {
      await tx
        .update(accounts)
        .set({ status: 'active', activatedAt: now, updatedAt: now })
        .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, accountId)));
    }
    await expireEmailTokens(tx, tenantId, accountId, 'activation', now);
    return account.identifiant;
  });
  if (identifiant === undefined) throw new ProblemError('token_used');
  if (identifiant === null) throw new ProblemError('token_invalid');
  app.logger.info({ msg: 'account activated', tenant: tenantId });
  return { identifiant };
}

/**
 * Sends a new activation link to an account not yet activated, found by its identifiant
 * (or e-mail address), or by the token of an earlier link (expired, typically). Always
 * the same answer, whether or not anything was sent.
 */
export async function resendActivation(
  app: AppContext,
  tenant: Tenant,
  input: z.output<typeof ResendActivationInput>,
  ip: string | undefined,
): Promise<Accepted> {
  const tenantId = tenant.config.id;
  if (!input.identifiant && !input.token) {
    throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'identifiant', code: 'required' }] });
  }
  const target = input.token ? `token:${hashEmailToken(input.token)}` : normalizeIdentifiant(input.identifiant!);
  await throttleMailRequest(app, tenantId, 'resend', target, ip);

  let account;
  if (input.token) {
    const row = isWellFormedEmailToken(input.token) ? await findEmailToken(app.db, tenantId, hashEmailToken(input.token), 'activation') : undefined;
    account = row && (await findAccountById(app.db, tenantId, row.accountId));
  } else {
    account = await findAccountByIdentifiantOrEmail(app.db, tenantId, input.identifiant!);
  }
  if (account?.status === 'pending_activation') {
    const now = app.clock.now();
    const pending = account;
    const queued = await app.db.transaction((tx) => issueActivation(tx, app, tenant, pending, now, pending.locale ?? input.locale));
    app.mailer.queued([queued]);
  }
  return { accepted: true };
}
