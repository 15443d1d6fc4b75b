import type { Locale } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import type { AccountRow } from '../db/accounts.ts';
import { insertEmailToken } from '../db/email-tokens.ts';
import type { EmailTokenPurpose } from '../db/schema.ts';
import { newEmailToken } from '../auth/email-token.ts';
import { enqueueMail, type QueuedMail } from '../mail/outbox.ts';
import { activationLink, resetLink } from '../mail/links.ts';
import type { Tenant } from '../tenants/registry.ts';

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

type Recipient = Pick<AccountRow, 'id' | 'email' | 'identifiant' | 'prenoms' | 'locale'>;

/** A new e-mail token of `purpose` for the account, valid `ttlSeconds`; returns the token for the link. */
async function insertNewToken(tx: Database, app: AppContext, tenant: Tenant, accountId: string, purpose: EmailTokenPurpose, now: Date, ttlSeconds: number) {
  const { token, tokenHash } = newEmailToken(app.randomBytes);
  await insertEmailToken(tx, { tenantId: tenant.config.id, tokenHash, accountId, purpose, createdAt: now, expiresAt: addSeconds(now, ttlSeconds) });
  return token;
}

/** A new activation token (earlier ones retired) and its e-mail, in the caller's transaction. */
export async function issueActivation(
  tx: Database,
  app: AppContext,
  tenant: Tenant,
  account: Recipient,
  now: Date,
  locale: Locale = account.locale,
): Promise<QueuedMail> {
  const ttlHours = tenant.config.activationTtlHours;
  const token = await insertNewToken(tx, app, tenant, account.id, 'activation', now, ttlHours * 3600);
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
  const ttlSeconds = app.config.resetTtlSeconds;
  const token = await insertNewToken(tx, app, tenant, account.id, 'reset', now, ttlSeconds);
  const content = {
    kind: 'password_reset',
    prenoms: account.prenoms,
    identifiant: account.identifiant,
    link: resetLink(tenant, token),
    ttlMinutes: Math.round(ttlSeconds / 60),
  } as const;
  return enqueueMail(tx, app.randomBytes, tenant, account.email, locale, content, now);
}
