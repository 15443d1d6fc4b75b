import { and, desc, eq } from 'drizzle-orm';
import type { AccountChange } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import type { AccountRow } from '../db/accounts.ts';
import { newUuid } from '../db/ids.ts';
import { accountChanges } from '../db/schema.ts';
import { familyLabels, isUuid } from '../family/views.ts';
import type { Tenant } from '../tenants/registry.ts';

/** Most changes one list answers (newest first). */
const LIST_LIMIT = 200;

/**
 * Records, in the caller's transaction, what a parent changed directly (the changed fields,
 * before and after): "agents notified" is this list, which agents read through
 * `GET …/agent/account-changes` (or a back office polls).
 */
export async function recordAccountChange(
  tx: Database,
  app: Pick<AppContext, 'randomBytes'>,
  account: Pick<AccountRow, 'tenantId' | 'id' | 'familyId'>,
  kind: 'contact_details' | 'email',
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx.insert(accountChanges).values({
    tenantId: account.tenantId,
    id: newUuid(app.randomBytes),
    familyId: account.familyId,
    accountId: account.id,
    kind,
    before,
    after,
    at: now,
  });
}

/** The tenant's latest account changes, newest first, optionally of one family. Never another tenant's. */
export async function tenantAccountChanges(app: AppContext, tenant: Tenant, familyId: string | undefined): Promise<AccountChange[]> {
  const tenantId = tenant.config.id;
  if (familyId !== undefined && !isUuid(familyId)) return [];
  const rows = await app.db
    .select()
    .from(accountChanges)
    .where(and(eq(accountChanges.tenantId, tenantId), familyId ? eq(accountChanges.familyId, familyId) : undefined))
    .orderBy(desc(accountChanges.at), desc(accountChanges.id))
    .limit(LIST_LIMIT);
  const labels = await familyLabels(
    app.db,
    tenantId,
    rows.map((r) => r.familyId),
  );
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    familyId: row.familyId,
    familyLabel: labels.get(row.familyId) ?? '',
    at: row.at.toISOString(),
    before: row.before,
    after: row.after,
  }));
}
