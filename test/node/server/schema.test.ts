// The query builder's view of the tables (db/schema.ts) and the DDL of the migrations
// (db/migrations, the source of truth) are written separately: this checks, on a freshly
// migrated database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), that they
// describe the same tables, columns, types, nullability, defaults and primary keys.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../../packages/server/src/db/schema.ts';
import { openTestDatabase, type TestDatabase } from './support/database.ts';

/** One column as both sides can state it. */
interface ColumnShape {
  type: string;
  notNull: boolean;
  default: 'none' | 'value' | 'identity always' | 'identity byDefault';
}
type TableShape = { columns: Record<string, ColumnShape>; primaryKey: string[] };

/** What schema.ts declares, table by table. */
function declaredTables(): Record<string, TableShape> {
  const tables: Record<string, TableShape> = {};
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    const columns: Record<string, ColumnShape> = {};
    for (const column of config.columns) {
      const identity = (column as { generatedIdentity?: { type: 'always' | 'byDefault' } }).generatedIdentity;
      columns[column.name] = {
        type: column.getSQLType(),
        // Drizzle says "not null" of identity columns only through their generation.
        notNull: column.notNull || !!identity,
        default: identity ? `identity ${identity.type}` : column.hasDefault ? 'value' : 'none',
      };
    }
    const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
    tables[config.name] = { columns, primaryKey: primaryKey.sort() };
  }
  return tables;
}

/** What the migrated database holds, from the catalog. */
async function migratedTables(database: TestDatabase): Promise<Record<string, TableShape>> {
  const rows = (await database.db.execute(sql`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
      a.attnotnull as not_null, a.atthasdef as has_default, a.attidentity as identity,
      coalesce(a.attnum = any (pk.conkey), false) as in_primary_key
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    left join pg_constraint pk on pk.conrelid = c.oid and pk.contype = 'p'
    where c.relkind in ('r', 'p')
    order by c.relname, a.attnum`)) as unknown as {
    rows: { table: string; column: string; type: string; not_null: boolean; has_default: boolean; identity: string; in_primary_key: boolean }[];
  };
  const tables: Record<string, TableShape> = {};
  for (const row of rows.rows) {
    const table = (tables[row.table] ??= { columns: {}, primaryKey: [] });
    const generated = ({ a: 'identity always', d: 'identity byDefault' } as const)[row.identity];
    table.columns[row.column] = { type: row.type, notNull: row.not_null, default: generated ?? (row.has_default ? 'value' : 'none') };
    if (row.in_primary_key) table.primaryKey.push(row.column);
  }
  for (const table of Object.values(tables)) table.primaryKey.sort();
  return tables;
}

describe('schema.ts and the migrations', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database?.close());

  test('describe the same tables, columns (type, not null, default or identity) and primary keys', async () => {
    const declared = declaredTables();
    const migrated = await migratedTables(database);
    assert.ok(Object.keys(declared).length >= 20, `${Object.keys(declared).length} tables declared`);
    assert.deepEqual(Object.keys(declared).sort(), Object.keys(migrated).sort(), 'the same tables');
    // Every difference at once, as `table.column: schema.ts ≠ migrations`.
    const differences: string[] = [];
    for (const [name, table] of Object.entries(declared)) {
      const other = migrated[name]!;
      if (table.primaryKey.join() !== other.primaryKey.join()) differences.push(`${name} primary key: ${table.primaryKey.join()} ≠ ${other.primaryKey.join()}`);
      for (const column of new Set([...Object.keys(table.columns), ...Object.keys(other.columns)])) {
        const [mine, theirs] = [JSON.stringify(table.columns[column]), JSON.stringify(other.columns[column])];
        if (mine !== theirs) differences.push(`${name}.${column}: ${mine} ≠ ${theirs}`);
      }
    }
    assert.deepEqual(differences, []);
  });

  test('the comparison sees a difference: a column type, a nullability or a missing column', async () => {
    const migrated = await migratedTables(database);
    const declared = declaredTables();
    const sessions = structuredClone(declared['sessions']!);
    sessions.columns['transport']!.type = 'integer';
    assert.notDeepEqual(sessions, migrated['sessions']);
    const accounts = structuredClone(declared['accounts']!);
    accounts.columns['telephone']!.notNull = true;
    assert.notDeepEqual(accounts, migrated['accounts']);
    const invoices = structuredClone(declared['invoices']!);
    delete invoices.columns['lines'];
    assert.notDeepEqual(invoices, migrated['invoices']);
  });
});
