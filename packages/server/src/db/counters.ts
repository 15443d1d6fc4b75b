import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import type { CounterTable } from './schema.ts';

/**
 * The tenant's next number from a counter table, taken inside the caller's transaction:
 * the counter row is incremented (and locked) until that transaction ends, so concurrent
 * callers queue on it, and a rolled-back one gives its number back. Numbers are therefore
 * sequential and gapless per tenant.
 */
export async function nextCounterValue(tx: Database, counters: CounterTable, tenantId: string): Promise<number> {
  const [row] = await tx
    .insert(counters)
    .values({ tenantId, lastNumber: 1 })
    .onConflictDoUpdate({ target: counters.tenantId, set: { lastNumber: sql`${counters.lastNumber} + 1` } })
    .returning({ lastNumber: counters.lastNumber });
  return row!.lastNumber;
}
