import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../deps.ts';
import type { AppEnv } from './env.ts';
import { problemResponse } from './problem.ts';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
// Content-Disposition carries an upload's file name (see the contract's `binary: 'upload'`).
const ALLOW_HEADERS = 'Content-Type, Content-Disposition, Authorization, Accept-Language, X-Request-Id';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id';

/**
 * For `/tenants/:tenant/*`: resolves the tenant (404 if unknown), then admits only the
 * API's own origin and the tenant's allowed origins. Others get 403 and no CORS headers,
 * so the browser shows the page nothing. Answers CORS preflights.
 */
export function tenantAndOrigin(app: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const tenant = app.tenants.get(c.req.param('tenant') ?? '');
    if (!tenant) return problemResponse(c, 'tenant_not_found');
    c.set('tenant', tenant);

    const origin = c.req.header('origin');
    if (origin === undefined) {
      c.set('origin', 'absent');
    } else if (origin === new URL(c.req.url).origin) {
      c.set('origin', 'same-origin');
    } else if (tenant.allowedOrigins.includes(origin)) {
      c.set('origin', 'allowed');
    } else {
      // Includes `Origin: null` (sandboxed frames, file: pages).
      return problemResponse(c, 'origin_not_allowed');
    }

    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;
    if (preflight) {
      if (origin === undefined) return problemResponse(c, 'origin_not_allowed');
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '600',
        Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
      });
    }

    await next();
    // After the handler, so that problem answers carry the headers too.
    const headers = c.res.headers;
    headers.append('Vary', 'Origin');
    if (origin !== undefined) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Allow-Credentials', 'true');
      headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for requests authenticated by cookie: a state-changing one must come
 * with an Origin we admitted (browsers always send it on such requests; its absence
 * means we cannot tell who sent it). Bearer requests need no Origin: a page on another
 * site cannot make the browser add an Authorization header.
 */
export function cookieWriteAllowed(method: string, origin: AppEnv['Variables']['origin']): boolean {
  return SAFE_METHODS.has(method) || origin === 'same-origin' || origin === 'allowed';
}
