import type { Database } from '../db/database.ts';
import { nextCounterValue } from '../db/counters.ts';
import { requestCounters } from '../db/schema.ts';

/**
 * The tenant's next request number ("Demande n° 36"), taken inside the caller's
 * transaction: sequential and gapless per tenant (`nextCounterValue`). Every kind of
 * request (entourage changes, pre-registrations) draws from the same counter.
 */
export function nextRequestNumber(tx: Database, tenantId: string): Promise<number> {
  return nextCounterValue(tx, requestCounters, tenantId);
}
