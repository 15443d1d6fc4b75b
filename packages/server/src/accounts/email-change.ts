import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { EmailChangeAccepted, EmailChangeInput, EmailChanged } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import { hashEmailToken, newEmailToken } from '../auth/email-token.ts';
import type { Database } from '../db/database.ts';
import { findAccountByEmailKey, findAccountById } from '../db/accounts.ts';
import { consumeEmailToken, expireEmailTokens, insertEmailToken } from '../db/email-tokens.ts';
import { uniqueViolation } from '../db/errors.ts';
import { accounts, emailTokens } from '../db/schema.ts';
import { normalizeEmail } from '../domain/identifiant.ts';
import { ProblemError } from '../http/problem.ts';
import { emailChangeLink } from '../mail/links.ts';
import { enqueueMail } from '../mail/outbox.ts';
import type { Tenant } from '../tenants/registry.ts';
import { recordAccountChange } from './account-changes.ts';
import { refuseUnusableToken } from './activation.ts';
import { verifyCurrentPassword } from './credentials.ts';
import { throttleMailRequest } from './mail-throttle.ts';

const taken = () => new ProblemError('validation_failed', { fieldErrors: [{ path: 'email', code: 'taken' }] });

/** Whether another account of the tenant has this address (normalised: unique per tenant). */
async function emailTakenByOther(db: Database, tenantId: string, emailKey: string, accountId: string): Promise<boolean> {
  const holder = await findAccountByEmailKey(db, tenantId, emailKey);
  return holder !== undefined && holder.id !== accountId;
}

/** The address an unused, unexpired e-mail change link of the account would confirm, if any. */
export async function pendingEmailOf(db: Database, tenantId: string, accountId: string, now: Date): Promise<string | undefined> {
  const rows = await db
    .select({ newEmail: emailTokens.newEmail })
    .from(emailTokens)
    .where(
      and(
        eq(emailTokens.tenantId, tenantId),
        eq(emailTokens.accountId, accountId),
        eq(emailTokens.purpose, 'email_change'),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return rows[0]?.newEmail ?? undefined;
}

/**
 * Asks for a new address: the current password first (throttled as the login), then a
 * link to the NEW address (a CSPRNG token stored hashed, valid the tenant's
 * `activationTtlHours`, single use, retiring earlier ones) and a notice to the OLD one.
 * Nothing changes until the link is opened. An address another account has is the field
 * error `taken` (the parent is logged in and gave the password: no enumeration by strangers).
 */
export async function requestEmailChange(
  app: AppContext,
  tenant: Tenant,
  session: AuthenticatedSession,
  input: z.output<typeof EmailChangeInput>,
  ip: string | undefined,
): Promise<EmailChangeAccepted> {
  const tenantId = tenant.config.id;
  const account = await verifyCurrentPassword(app, tenant, session, input.password, ip);
  const newEmail = input.email.trim();
  const emailKey = normalizeEmail(newEmail);
  if (emailKey === account.emailKey) throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'email', code: 'invalid_value' }] });
  if (await emailTakenByOther(app.db, tenantId, emailKey, account.id)) throw taken();
  await throttleMailRequest(app, tenantId, 'email_change', account.id, ip);

  const now = app.clock.now();
  const ttlHours = tenant.config.activationTtlHours;
  const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
  const queued = await app.db.transaction(async (tx) => {
    const { token, tokenHash } = newEmailToken(app.randomBytes);
    await insertEmailToken(tx, { tenantId, tokenHash, accountId: account.id, purpose: 'email_change', createdAt: now, expiresAt, newEmail });
    const link = emailChangeLink(tenant, token);
    const common = { prenoms: account.prenoms, newEmail } as const;
    return [
      await enqueueMail(tx, app.randomBytes, tenant, newEmail, account.locale, { kind: 'email_change_link', ...common, link, ttlHours }, now),
      await enqueueMail(tx, app.randomBytes, tenant, account.email, account.locale, { kind: 'email_change_notice', ...common }, now),
    ];
  });
  app.mailer.queued(queued);
  return { pendingEmail: newEmail, expiresAt: expiresAt.toISOString() };
}

/**
 * Opens an e-mail change link: the token is consumed and the address replaced in one
 * transaction (the change is recorded for agents). No session needed: the link may be
 * opened on another device. An address taken meanwhile by another account is 409 `conflict`.
 */
export async function confirmEmailChange(app: AppContext, tenant: Tenant, token: string, ip: string | undefined): Promise<EmailChanged> {
  const tenantId = tenant.config.id;
  // The address is written with the token and never changed: the check's read is the one needed.
  const { newEmail } = await refuseUnusableToken(app, tenant, token, 'email_change', ip);
  const now = app.clock.now();
  try {
    const email = await app.db.transaction(async (tx) => {
      const accountId = await consumeEmailToken(tx, tenantId, hashEmailToken(token), 'email_change', now);
      if (!accountId || !newEmail) throw new ProblemError('token_used');
      const account = await findAccountById(tx, tenantId, accountId);
      if (!account || account.status === 'disabled') throw new ProblemError('token_invalid');
      const emailKey = normalizeEmail(newEmail);
      if (await emailTakenByOther(tx, tenantId, emailKey, accountId)) throw new ProblemError('conflict', { detail: 'Another account has this address now.' });
      await tx
        .update(accounts)
        .set({ email: newEmail, emailKey, updatedAt: now })
        .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, accountId)));
      await expireEmailTokens(tx, tenantId, accountId, 'email_change', now);
      await recordAccountChange(tx, app, account, 'email', { email: account.email }, { email: newEmail }, now);
      return newEmail;
    });
    app.logger.info({ msg: 'e-mail address changed', tenant: tenantId });
    return { email };
  } catch (error) {
    // Two accounts confirming the same address at once: the unique index decides.
    if (uniqueViolation(error)?.includes('email_key')) throw new ProblemError('conflict', { detail: 'Another account has this address now.' });
    throw error;
  }
}
