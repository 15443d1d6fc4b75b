// Test databases: a fresh PGlite by default, a real PostgreSQL when TEST_DATABASE_URL is set.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { createPgliteDatabase, migrate, migrations, type Database } from '@famille/server';
import { createPostgresDatabase } from '@famille/server/node';

export interface TestDatabase {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Counts the queries sent through `db` (see `queries()`). */
  queries(): number;
  close(): Promise<void>;
}

export const testDatabaseUrl = process.env['TEST_DATABASE_URL'] || undefined;

/**
 * A new, migrated, empty database. Creating a PGlite from scratch costs ~3 s, so a
 * migrated data dir is dumped once (kept on disk between test processes, keyed by the
 * migrations and the PGlite version) and each call boots a PGlite from it (~0.3 s,
 * measured: as fast as PGlite's clone(), and no template instance to keep open).
 * With TEST_DATABASE_URL, each call creates its own PostgreSQL database, dropped on close.
 */
export function openTestDatabase(): Promise<TestDatabase> {
  return testDatabaseUrl ? openPostgres(testDatabaseUrl) : openPglite();
}

let template: Promise<Blob> | undefined;

function templateFile(): string {
  const pglite = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('@electric-sql/pglite')), 'utf8')) as { version: string };
  const key = createHash('sha256')
    .update(JSON.stringify([pglite.version, migrations]))
    .digest('hex')
    .slice(0, 16);
  return join(tmpdir(), `famille-test-pglite-${key}.tar`);
}

async function buildTemplate(): Promise<Blob> {
  const file = templateFile();
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const pglite = await PGlite.create();
  await migrate(createPgliteDatabase(pglite));
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  // Write then rename: parallel test processes never read a half-written template.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file);
  return dump;
}

async function openPglite(): Promise<TestDatabase> {
  template ??= buildTemplate();
  const pglite = await PGlite.create({ loadDataDir: await template });
  let count = 0;
  const db = drizzle({ client: pglite, logger: { logQuery: () => void count++ } });
  return { db, kind: 'pglite', queries: () => count, close: () => pglite.close() };
}

async function openPostgres(url: string): Promise<TestDatabase> {
  const name = `famille_test_${randomBytes(6).toString('hex')}`;
  const admin = createPostgresDatabase(url, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  let count = 0;
  const { db, close } = createPostgresDatabase(target.toString(), { max: 4, logger: { logQuery: () => void count++ } });
  await migrate(db);
  count = 0;
  return {
    db,
    kind: 'postgres',
    queries: () => count,
    close: async () => {
      await close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
