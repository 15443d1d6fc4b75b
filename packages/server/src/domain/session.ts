/** The instants that decide whether a session is still alive. */
export interface SessionTimes {
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly idleExpiresAt: Date;
  readonly expiresAt: Date;
}

export interface SessionPolicy {
  /** Inactivity after which the session ends (default 30 min). */
  readonly idleTtlSeconds: number;
  /** Lifetime after which the session ends whatever the activity (default 12 h). */
  readonly absoluteTtlSeconds: number;
  /** Activity is written back at most this often, to keep authenticated reads cheap. */
  readonly touchIntervalSeconds: number;
}

const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);
const earliest = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

export function openSession(now: Date, policy: SessionPolicy): SessionTimes {
  const expiresAt = addSeconds(now, policy.absoluteTtlSeconds);
  return { createdAt: now, lastSeenAt: now, idleExpiresAt: earliest(addSeconds(now, policy.idleTtlSeconds), expiresAt), expiresAt };
}

export function isSessionExpired(times: Pick<SessionTimes, 'idleExpiresAt' | 'expiresAt'>, now: Date): boolean {
  return now.getTime() >= times.idleExpiresAt.getTime() || now.getTime() >= times.expiresAt.getTime();
}

/**
 * The session's times after being used at `now`, or `undefined` when the last recorded
 * use is recent enough that nothing needs writing. Never extends past the absolute expiry.
 */
export function touchSession(times: SessionTimes, now: Date, policy: SessionPolicy): SessionTimes | undefined {
  if (now.getTime() - times.lastSeenAt.getTime() < policy.touchIntervalSeconds * 1000) return undefined;
  return { ...times, lastSeenAt: now, idleExpiresAt: earliest(addSeconds(now, policy.idleTtlSeconds), times.expiresAt) };
}
