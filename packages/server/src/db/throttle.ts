import { and, eq, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Database } from './database.ts';
import { throttleCounters } from './schema.ts';
import { recordFailure, retryAfterSeconds, type ThrottleCounter, type ThrottleRule } from '../domain/throttle.ts';

async function readThrottleCounters(db: Database, tenantId: string, keys: readonly string[]): Promise<Map<string, ThrottleCounter>> {
  const rows = await db
    .select()
    .from(throttleCounters)
    .where(and(eq(throttleCounters.tenantId, tenantId), inArray(throttleCounters.key, [...keys])));
  return new Map(rows.map((row) => [row.key, row]));
}

/** Seconds before the most locked of these counters lets attempts through again: 0 = go ahead. */
export async function throttleWaitSeconds(db: Database, tenantId: string, keys: readonly string[], now: Date): Promise<number> {
  return retryAfterSeconds([...(await readThrottleCounters(db, tenantId, keys)).values()], now);
}

/**
 * Counts one failure on each key, atomically across server instances: the row is created
 * if missing, then locked (FOR UPDATE) while the domain rule computes its next state.
 * Returns the counters after the failure, by key.
 */
export async function recordThrottleFailures(
  db: Database,
  tenantId: string,
  entries: readonly { key: string; rule: ThrottleRule }[],
  now: Date,
): Promise<Map<string, ThrottleCounter>> {
  return db.transaction(async (tx) => {
    const results = new Map<string, ThrottleCounter>();
    // Sorted keys: two concurrent transactions always lock rows in the same order.
    for (const { key, rule } of [...entries].sort((a, b) => a.key.localeCompare(b.key))) {
      await tx.insert(throttleCounters).values({ tenantId, key, failures: 0, windowEndsAt: now, lockedUntil: null }).onConflictDoNothing();
      const [current] = await tx
        .select()
        .from(throttleCounters)
        .where(and(eq(throttleCounters.tenantId, tenantId), eq(throttleCounters.key, key)))
        .for('update');
      const next = recordFailure(current && current.failures > 0 ? current : undefined, now, rule);
      await tx
        .update(throttleCounters)
        .set({ failures: next.failures, windowEndsAt: next.windowEndsAt, lockedUntil: next.lockedUntil })
        .where(and(eq(throttleCounters.tenantId, tenantId), eq(throttleCounters.key, key)));
      results.set(key, next);
    }
    return results;
  });
}

export async function clearThrottleCounter(db: Database, tenantId: string, key: string): Promise<void> {
  await db.delete(throttleCounters).where(and(eq(throttleCounters.tenantId, tenantId), eq(throttleCounters.key, key)));
}

/** Drops counters whose window and lock are both over. For a periodic job. */
export async function deleteStaleThrottleCounters(db: Database, now: Date): Promise<number> {
  const stale = and(lte(throttleCounters.windowEndsAt, now), or(isNull(throttleCounters.lockedUntil), lte(throttleCounters.lockedUntil, now)));
  return (await db.delete(throttleCounters).where(stale).returning({ key: throttleCounters.key })).length;
}
