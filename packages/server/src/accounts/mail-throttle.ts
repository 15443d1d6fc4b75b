import type { AppContext } from '../deps.ts';
import { ProblemError } from '../http/problem.ts';
import { recordThrottleFailures, throttleWaitSeconds } from '../db/throttle.ts';
import type { ThrottleRule } from '../domain/throttle.ts';
import { sha256Hex } from '../auth/encoding.ts';

export type MailOperation = 'register' | 'resend' | 'reset' | 'email_change';

function tooManyRequests(seconds: number): ProblemError {
  const minutes = Math.ceil(seconds / 60);
  return new ProblemError('too_many_attempts', {
    retryAfterSeconds: seconds,
    detail: `Too many requests. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  });
}

/**
 * Requests that send an e-mail: at most `mailTarget` per window for one target (address
 * or identifiant, hashed) and operation, and `mailIp` per client address for all of them;
 * the next one is a 429 until the window ends. Every request counts, whether or not the
 * target has an account, so the limit reveals nothing either.
 */
export async function throttleMailRequest(app: AppContext, tenantId: string, operation: MailOperation, target: string, ip: string | undefined): Promise<void> {
  const keys: { key: string; rule: ThrottleRule }[] = [{ key: `mail:${operation}:${sha256Hex(target)}`, rule: app.config.throttle.mailTarget }];
  if (ip) keys.push({ key: `mail-ip:${sha256Hex(ip)}`, rule: app.config.throttle.mailIp });
  const now = app.clock.now();
  const wait = await throttleWaitSeconds(
    app.db,
    tenantId,
    keys.map((k) => k.key),
    now,
  );
  if (wait > 0) throw tooManyRequests(wait);
  // Counted now; the request that reaches the limit still goes through.
  await recordThrottleFailures(app.db, tenantId, keys, now);
}

/**
 * Link tokens carry 256 bits, so guessing is hopeless; still, an address that presents
 * many wrong ones is slowed down like failed logins (the `ip` rule).
 */
export async function throttleTokenGuessing(app: AppContext, tenantId: string, ip: string | undefined, failed: boolean): Promise<void> {
  if (!ip) return;
  const key = `token-ip:${sha256Hex(ip)}`;
  const now = app.clock.now();
  if (failed) {
    await recordThrottleFailures(app.db, tenantId, [{ key, rule: app.config.throttle.ip }], now);
    return;
  }
  const wait = await throttleWaitSeconds(app.db, tenantId, [key], now);
  if (wait > 0) throw tooManyRequests(wait);
}
