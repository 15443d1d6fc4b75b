/**
 * At most `maxFailures` failed attempts within `windowSeconds`; then locked for
 * `windowSeconds`, or, with `firstLockSeconds`, for a delay that starts there and doubles
 * at each further failure (capped at `windowSeconds`).
 */
export interface ThrottleRule {
  readonly maxFailures: number;
  readonly windowSeconds: number;
  readonly firstLockSeconds?: number;
}

export interface ThrottleCounter {
  readonly failures: number;
  readonly windowEndsAt: Date;
  readonly lockedUntil: Date | null;
}

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/** Seconds before a locked counter lets attempts through again; 0 when not locked. */
export function lockedForSeconds(counter: ThrottleCounter | undefined, now: Date): number {
  if (!counter?.lockedUntil) return 0;
  const ms = counter.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The counter after one more failure at `now`: a new window once the last one is over (and its lock). */
export function recordFailure(counter: ThrottleCounter | undefined, now: Date, rule: ThrottleRule): ThrottleCounter {
  const fresh = !counter || (counter.windowEndsAt.getTime() <= now.getTime() && lockedForSeconds(counter, now) === 0);
  const failures = fresh ? 1 : counter.failures + 1;
  const windowEndsAt = fresh ? addSeconds(now, rule.windowSeconds) : counter.windowEndsAt;
  const stillLocked = !fresh && lockedForSeconds(counter, now) > 0 ? counter.lockedUntil : null;
  const lockSeconds =
    rule.firstLockSeconds === undefined ? rule.windowSeconds : Math.min(rule.windowSeconds, rule.firstLockSeconds * 2 ** (failures - rule.maxFailures));
  const lockedUntil = stillLocked ?? (failures >= rule.maxFailures ? addSeconds(now, lockSeconds) : null);
  // A locked counter is remembered for a window after its lock: the next failure then
  // locks for longer, instead of starting afresh.
  const remembered = lockedUntil ? addSeconds(lockedUntil, rule.windowSeconds) : windowEndsAt;
  return { failures, windowEndsAt: remembered > windowEndsAt ? remembered : windowEndsAt, lockedUntil };
}

/** The longest wait among several counters (per identifiant, per address): 0 = go ahead. */
export function retryAfterSeconds(counters: readonly (ThrottleCounter | undefined)[], now: Date): number {
  return Math.max(0, ...counters.map((counter) => lockedForSeconds(counter, now)));
}
