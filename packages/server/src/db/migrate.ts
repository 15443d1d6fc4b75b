import { max, sql } from 'drizzle-orm';
import { preparedPerDatabase, type Database } from './database.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';
import { schemaMigrations } from './schema.ts';

// Arbitrary constant: every instance of this server takes the same advisory lock.
const MIGRATION_LOCK_ID = 7_262_019_001;

/**
 * Applies the pending migrations in one transaction and returns the schema version.
 * Several instances may start at once: the advisory lock makes them take turns, and the
 * later ones find nothing left to do.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = allMigrations): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(MIGRATION_LOCK_ID))})`);
    await tx.execute(sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = new Set((await tx.select({ version: schemaMigrations.version }).from(schemaMigrations)).map((r) => r.version));
    let current = Math.max(0, ...applied);
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.execute(sql.raw(statement));
      await tx.insert(schemaMigrations).values({ version: migration.version, name: migration.name, appliedAt: sql`now()` });
      current = Math.max(current, migration.version);
    }
    return current;
  });
}

const schemaVersionStatement = preparedPerDatabase((db) =>
  db
    .select({ version: max(schemaMigrations.version) })
    .from(schemaMigrations)
    .prepare('schema_version'),
);

/** The applied schema version (null before any migration), in one prepared query. */
export async function schemaVersion(db: Database): Promise<number | null> {
  const [row] = await schemaVersionStatement(db).execute();
  return row?.version ?? null;
}
