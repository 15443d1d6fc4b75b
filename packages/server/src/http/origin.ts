import type { Context, MiddlewareHandler } from 'hono';
import { apiVersionHeader, type ProblemCode } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { AppEnv } from './env.ts';
import { problemResponse, type ProblemDetails } from './problem.ts';

const ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE';
// Content-Disposition carries an upload's file name (see the contract's `binary: 'upload'`).
const ALLOW_HEADERS = 'Content-Type, Content-Disposition, Authorization, Accept-Language, X-Request-Id';
const EXPOSE_HEADERS = `Retry-After, X-Request-Id, ${apiVersionHeader}`;

/**
 * A problem that a page on any origin may read (`Access-Control-Allow-Origin: *`, no
 * credentials): the configuration mistakes (unknown tenant, origin not allowed, unknown
 * path) the kit must be able to tell the web team about, rather than a network error that
 * looks like "API down". It discloses nothing of a tenant's data.
 */
export function readableProblem(c: Context<AppEnv>, code: ProblemCode, details: ProblemDetails = {}): Response {
  return problemResponse(c, code, {
    ...details,
    headers: { ...details.headers, 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': EXPOSE_HEADERS },
  });
}

/**
 * For `/tenants/:tenant/*`: resolves the tenant (404 if unknown), then admits only the
 * API's own origin and the tenant's allowed origins. Others get 403 `origin_not_allowed`,
 * readable by the page (`*`, no credentials) so the kit can say what is wrong; their
 * preflights are refused (no CORS headers), so the browser never sends a request that
 * needs one. Answers the preflights of admitted origins, with credentials.
 */
export function tenantAndOrigin(app: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const tenant = app.tenants.get(c.req.param('tenant') ?? '');
    if (!tenant) return readableProblem(c, 'tenant_not_found');
    c.set('tenant', tenant);
    const preflight = c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined;

    const origin = c.req.header('origin');
    if (origin === undefined) {
      c.set('origin', 'absent');
    } else if (origin === new URL(c.req.url).origin) {
      c.set('origin', 'same-origin');
    } else if (tenant.allowedOrigins.includes(origin)) {
      c.set('origin', 'allowed');
    } else {
      // Includes `Origin: null` (sandboxed frames, file: pages).
      if (preflight) return problemResponse(c, 'origin_not_allowed');
      return readableProblem(c, 'origin_not_allowed', { headers: { Vary: 'Origin' } });
    }

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
