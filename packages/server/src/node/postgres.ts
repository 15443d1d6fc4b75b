import type { Logger } from 'drizzle-orm/logger';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Database } from '../db/database.ts';

// The two pool methods used here (pg ships no types of its own; this avoids @types/pg).
interface Pool {
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** A drizzle database over a node-postgres pool, for a real PostgreSQL server. */
export function createPostgresDatabase(
  connectionString: string,
  options: { max?: number; logger?: Logger } = {},
): { db: Database; close(this: void): Promise<void> } {
  const db = drizzle({ connection: { connectionString, max: options.max ?? 10 }, ...(options.logger && { logger: options.logger }) });
  const pool = db.$client as unknown as Pool;
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return { db, close: () => pool.end() };
}
