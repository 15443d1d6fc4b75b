import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address. With `trustedProxies` = n, the n-th address from the right of
 * X-Forwarded-For (the one our own proxy saw); entries further left are client-supplied
 * and could be forged to dodge the per-address throttle.
 */
export function nodeClientIp(trustedProxies: number): (c: Context) => string | undefined {
  return (c) => {
    if (trustedProxies > 0) {
      const forwarded = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const address = forwarded[Math.max(0, forwarded.length - trustedProxies)];
      if (address) return address;
    }
    try {
      return getConnInfo(c).remote.address;
    } catch {
      return undefined; // Not served by @hono/node-server (e.g. app.request in tests).
    }
  };
}
