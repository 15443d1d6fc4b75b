import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

/**
 * The tenant's next request number ("Demande n° 36"), taken inside the caller's
 * transaction: the counter row is incremented (and locked) until that transaction ends,
 * so concurrent requests queue on it, and a rolled-back request gives its number back.
 * Numbers are therefore sequential and gapless per tenant. Every kind of request
 * (entourage changes, pre-registrations) draws from the same counter.
 */
export async function nextRequestNumber(tx: Database, tenantId: string): Promise<number> {
  const result = (await tx.execute(sql`
    insert into request_counters (tenant_id, last_number) values (${tenantId}, 1)
    on conflict (tenant_id) do update set last_number = request_counters.last_number + 1
    returning last_number`)) as unknown as { rows: { last_number: number }[] };
  return Number(result.rows[0]!.last_number);
}
