// "Données personnelles": everything held about a family, as JSON (right of access).
import { and, eq, getTableColumns, inArray, is, type SQL } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { buildPath, endpoints, type AccountExport } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import * as schema from '../db/schema.ts';
import type { Tenant } from '../tenants/registry.ts';

type Row = Record<string, unknown>;

/**
 * Columns never exported: secrets (password and token hashes, where the bytes are stored),
 * normalised duplicates of exported columns, and who among the agents did what (the
 * service's internal organisation, never shown to families).
 */
export const withheldColumns: readonly string[] = [
  'tenant_id',
  'password_hash',
  'token_hash',
  'storage_key',
  'identifiant_key',
  'email_key',
  'agent_id',
  'issued_by_agent',
  'refunded_by',
];

/**
 * Tables whose rows belong to a family without a `family_id` of their own: those whose
 * column `via` holds the `parentKey` (default `id`) of a family's row of `parent`.
 */
export const linkedTables: Readonly<Record<string, { readonly via: string; readonly parent: string; readonly parentKey?: string }>> = {
  request_events: { via: 'request_id', parent: 'requests' },
  preregistration_events: { via: 'preregistration_id', parent: 'preregistrations' },
  payment_allocations: { via: 'payment_id', parent: 'payments' },
  payment_transaction_invoices: { via: 'transaction_id', parent: 'payment_transactions' },
  sessions: { via: 'account_id', parent: 'accounts' },
  email_tokens: { via: 'account_id', parent: 'accounts' },
  // The messages the family received (to it, or to every family): their text.
  family_messages: { via: 'id', parent: 'family_message_recipients', parentKey: 'messageId' },
};

/**
 * Tables that hold nothing about one family: the schema's bookkeeping, counters, agents,
 * file bytes (exported as download links of `documents`), hashed throttle keys, and the
 * outbox (copies of e-mails whose links carry live tokens).
 */
export const unrelatedTables: readonly string[] = [
  'schema_migrations',
  'throttle_counters',
  'outbox_messages',
  'request_counters',
  'invoice_counters',
  'agents',
  'agent_sessions',
  'file_blobs',
  'file_blob_chunks',
  'job_leases',
];

interface TableInfo {
  readonly table: PgTable;
  /** Property name (as rows have it) → column. */
  readonly columns: Record<string, PgColumn>;
  readonly byName: Map<string, PgColumn>;
}

let schemaTables: Map<string, TableInfo> | undefined;

/** The schema's tables by name, read from the schema once (the first export). */
function tablesByName(): Map<string, TableInfo> {
  if (schemaTables) return schemaTables;
  schemaTables = new Map();
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const columns = getTableColumns(value) as Record<string, PgColumn>;
    schemaTables.set(getTableConfig(value).name, { table: value, columns, byName: new Map(Object.values(columns).map((c) => [c.name, c])) });
  }
  return schemaTables;
}

/** A row as exported: withheld columns left out. */
function exported(row: Row, columns: Record<string, PgColumn>): Row {
  return Object.fromEntries(Object.entries(columns).flatMap(([key, column]) => (withheldColumns.includes(column.name) ? [] : [[key, row[key]]])));
}

/**
 * Every row of every table about the family, found from the schema itself: tables with a
 * `family_id`, then those linked to them (`linkedTables`). A new table with a `family_id`
 * is exported without a change here; test/node/server/account.test.ts checks that every
 * table of the database is exported or listed as unrelated.
 */
export async function familyRows(db: Database, tenantId: string, familyId: string): Promise<Record<string, Row[]>> {
  const tables = tablesByName();
  const out: Record<string, Row[]> = {};
  const raw = new Map<string, Row[]>();
  const select = async (name: string, info: TableInfo, where: SQL | undefined) => {
    const tenantColumn = info.byName.get('tenant_id');
    const rows = (await db
      .select()
      .from(info.table)
      .where(and(tenantColumn ? eq(tenantColumn, tenantId) : undefined, where))) as Row[];
    raw.set(name, rows);
    out[name] = rows.map((row) => exported(row, info.columns));
  };
  const families = tables.get('families')!;
  await select('families', families, eq(families.byName.get('id')!, familyId));
  for (const [name, info] of tables) {
    const familyColumn = info.byName.get('family_id');
    if (familyColumn && !unrelatedTables.includes(name)) await select(name, info, eq(familyColumn, familyId));
  }
  for (const [name, link] of Object.entries(linkedTables)) {
    const info = tables.get(name);
    if (!info) continue;
    const parentIds = [...new Set((raw.get(link.parent) ?? []).map((row) => row[link.parentKey ?? 'id'] as string))];
    if (parentIds.length === 0) out[name] = [];
    else await select(name, info, inArray(info.byName.get(link.via)!, parentIds));
  }
  return out;
}

/** Tables whose rows are files: each row gets `download`, the API path of its bytes (the session's credentials needed). */
const downloads: Readonly<Record<string, { readonly path: string; readonly param: string }>> = {
  documents: { path: endpoints.downloadDocument.path, param: 'documentId' },
  family_documents: { path: endpoints.downloadFamilyDocument.path, param: 'storedDocumentId' },
  invoices: { path: endpoints.invoicePdf.path, param: 'invoiceId' },
};

/** The family's export: its rows, with each file's download path. */
export async function familyExport(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<AccountExport> {
  const tenantId = tenant.config.id;
  const tables = await familyRows(app.db, tenantId, session.familyId);
  for (const [name, { path, param }] of Object.entries(downloads)) {
    const download = (id: unknown) => `${app.config.basePath}${buildPath(path, { tenant: tenantId, [param]: String(id) })}`;
    if (tables[name]) tables[name] = tables[name].map((row) => ({ ...row, download: download(row['id']) }));
  }
  return {
    exportedAt: app.clock.now().toISOString(),
    tenant: tenantId,
    familyId: session.familyId,
    tables: JSON.parse(JSON.stringify(tables)) as AccountExport['tables'],
  };
}
