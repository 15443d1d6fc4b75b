import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../deps.ts';
import { toBase64Url } from '../auth/encoding.ts';
import type { AppEnv } from './env.ts';

const INCOMING_ID = /^[\w.:-]{1,64}$/;

/**
 * Gives each request an id (a well-formed incoming `X-Request-Id` from a proxy is kept),
 * returns it in `X-Request-Id` and in problem bodies, and logs one JSON line per request.
 */
export function requestLog(app: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : toBase64Url(app.randomBytes(12));
    c.set('requestId', requestId);
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    const status = c.res.status;
    const entry = {
      msg: 'request',
      requestId,
      method: c.req.method,
      // The path only: query strings may one day carry tokens.
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      tenant: c.get('tenant')?.config.id,
    };
    if (status >= 500) app.logger.error(entry);
    else app.logger.info(entry);
  };
}
