import { and, eq } from 'drizzle-orm';
import type { AccountDetails, ContactDetailsInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import { findAccountById, type AccountRow } from '../db/accounts.ts';
import { accounts } from '../db/schema.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { recordAccountChange } from './account-changes.ts';
import { pendingEmailOf } from './email-change.ts';
import { identityOf, lockAccount, openHolderRequests } from './holder-requests.ts';

const withoutBlanks = (record: Record<string, string | undefined>) =>
  Object.fromEntries(Object.entries(record).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''));

/** The parent's account as "Mon compte" shows it. */
export async function accountDetails(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<AccountDetails> {
  const tenantId = tenant.config.id;
  const account = await findAccountById(app.db, tenantId, session.account.id);
  if (!account) throw new ProblemError('unauthenticated');
  const [pendingEmail, open] = await Promise.all([
    pendingEmailOf(app.db, tenantId, account.id, app.clock.now()),
    openHolderRequests(app.db, tenantId, account.id),
  ]);
  return {
    id: account.id,
    identifiant: account.identifiant,
    email: account.email,
    ...(pendingEmail && { pendingEmail }),
    identity: identityOf(account) as AccountDetails['identity'],
    address: withoutBlanks({ ...account.address }),
    ...(account.telephone && { telephone: account.telephone }),
    ...(account.mobile && { mobile: account.mobile }),
    ...(account.preferredContact && { preferredContact: account.preferredContact }),
    ...(account.lastLoginAt && { lastLoginAt: account.lastLoginAt.toISOString() }),
    ...(account.previousLoginAt && { previousLoginAt: account.previousLoginAt.toISOString() }),
    ...(open.identityRequest && { identityRequest: open.identityRequest }),
    ...(open.closureRequest && { closureRequest: open.closureRequest }),
  };
}

type Coordonnees = Pick<AccountRow, 'address' | 'telephone' | 'mobile' | 'preferredContact'>;

/** A value as JSON, object keys sorted (jsonb gives them back in its own order). */
const comparable = (value: unknown) =>
  JSON.stringify(value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : (value ?? null));

/** The fields of `after` that differ from `before` (compared as JSON), as two records. */
function changedFields(before: Coordonnees, after: Coordonnees) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const key of ['address', 'telephone', 'mobile', 'preferredContact'] as const) {
    if (comparable(before[key]) === comparable(after[key])) continue;
    was[key] = before[key] ?? null;
    now[key] = after[key] ?? null;
  }
  return { was, now, changed: Object.keys(now).length > 0 };
}

/**
 * Saves the coordonnées at once (address, phones, preferred contact): the whole block is
 * replaced, blanks cleared. When something changed, the change (those fields, before and
 * after) is recorded for agents in the same transaction.
 */
export async function updateContactDetails(
  app: AppContext,
  tenant: Tenant,
  session: AuthenticatedSession,
  input: z.output<typeof ContactDetailsInput>,
): Promise<AccountDetails> {
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const next: Coordonnees = {
    address: withoutBlanks({ ...input.address }),
    telephone: input.telephone || null,
    mobile: input.mobile || null,
    preferredContact: input.preferredContact ?? null,
  };
  await app.db.transaction(async (tx) => {
    const account = await lockAccount(tx, tenantId, session.account.id);
    const { was, now: after, changed } = changedFields(account, next);
    if (!changed) return;
    await tx
      .update(accounts)
      .set({ ...next, updatedAt: now })
      .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, account.id)));
    await recordAccountChange(tx, app, account, 'contact_details', was, after, now);
  });
  return accountDetails(app, tenant, session);
}
