import type { Locale } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import type { AccountRow } from '../db/accounts.ts';
import { insertEmailToken } from '../db/email-tokens.ts';
import { newEmailToken } from '../auth/email-token.ts';
import { enqueueMail, type QueuedMail } from '../mail/outbox.ts';
import { activationLink, resetLink } from '../mail/links.ts';
import type { Tenant } from '../tenants/registry.ts';

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

type Recipient = Pick<AccountRow, 'id' | 'email' | 'identifiant' | 'prenoms' | 'locale'>;

/** A new activation token (earlier ones retired) and its e-mail, in the caller's transaction. */
export async function issueActivation(
  tx: Database,
  app: AppContext,
  tenant: Tenant,
  account: Recipient,
  now: Date,
  locale: Locale = account.locale,
): Promise<QueuedMail> {
  const { token, tokenHash } = newEmailToken(app.randomBytes);
  const ttlHours = tenant.config.activationTtlHours;
  await insertEmailToken(tx, {
    tenantId: tenant.config.id,
    tokenHash,
    accountId: account.id,
    purpose: 'activation',
    createdAt: now,
    expiresAt: addSeconds(now, ttlHours * 3600),
  });
  const content = { kind: 'activation', prenoms: account.prenoms, identifiant: account.identifiant, link: activationLink(tenant, token), ttlHours } as const;
  return enqueueMail(tx, app.randomBytes, tenant, account.email, locale, content, now);
}

/** A new password reset token (earlier ones retired) and its e-mail, in the caller's transaction. */
export async function issueReset(
  tx: Database,
  app: AppContext,
  tenant: Tenant,
  account: Recipient,
  now: Date,
  locale: Locale = account.locale,
): Promise<QueuedMail> {
  const { token, tokenHash } = newEmailToken(app.randomBytes);
  const ttlSeconds = app.config.resetTtlSeconds;
  await insertEmailToken(tx, {
    tenantId: tenant.config.id,
    tokenHash,
    accountId: account.id,
    purpose: 'reset',
    createdAt: now,
    expiresAt: addSeconds(now, ttlSeconds),
  });
  const content = {
    kind: 'password_reset',
    prenoms: account.prenoms,
    identifiant: account.identifiant,
    link: resetLink(tenant, token),
    ttlMinutes: Math.round(ttlSeconds / 60),
  } as const;
  return enqueueMail(tx, app.randomBytes, tenant, account.email, locale, content, now);
}
