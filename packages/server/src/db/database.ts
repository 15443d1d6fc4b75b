import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';

/** Any drizzle PostgreSQL database: PGlite (here and in the browser) or node-postgres. */
// Each driver brands its own result kind; handlers only use the shared query builder.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any driver's result kind, as said above
export type Database = PgDatabase<any>;

/** A drizzle database over a PGlite instance (in memory, on disk, or in the browser). */
export function createPgliteDatabase(pglite: PGlite): Database {
  return drizzle({ client: pglite });
}

export type { PgQueryResultHKT };

/**
 * `prepare(db)` once per database: neither Drizzle builds the SQL nor PostgreSQL plans it
 * at each request (for the hot queries, planning took longer than running, measured).
 */
export function preparedPerDatabase<S>(prepare: (db: Database) => S): (db: Database) => S {
  const statements = new WeakMap<Database, S>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = prepare(db)));
    return statement;
  };
}
