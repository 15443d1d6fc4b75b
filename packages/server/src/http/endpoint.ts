import type { Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import type { Endpoint, EndpointName, Endpoints, PathParams, ResponseOf } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { Tenant } from '../tenants/registry.ts';
import { authenticate, type AuthenticatedSession } from '../auth/authenticate.ts';
import { readJsonBody } from './body.ts';
import type { AppEnv } from './env.ts';

type ParsedBody<E extends Endpoint> = E extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;

/** What a handler receives: already authenticated, validated and typed from the contract. */
export interface HandlerArgs<E extends Endpoint> {
  readonly c: Context<AppEnv>;
  readonly app: AppContext;
  readonly params: PathParams<E['path']>;
  readonly body: ParsedBody<E>;
  readonly tenant: E['path'] extends `/tenants/{tenant}${string}` ? Tenant : undefined;
  readonly session: E['auth'] extends 'parent' ? AuthenticatedSession : undefined;
}

export type EndpointHandler<E extends Endpoint> = (args: HandlerArgs<E>) => Promise<ResponseOf<E>>;

/** One handler per contract endpoint: the compiler reports any endpoint left unimplemented. */
export type HandlerTable = { readonly [K in EndpointName]: EndpointHandler<Endpoints[K]> };

/** `/tenants/{tenant}/config` → `/tenants/:tenant/config`. */
export const toHonoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * Mounts one contract endpoint: the route, the method, authentication, body validation
 * and the success status all come from the contract's table, never re-declared here.
 */
export function mountEndpoint<E extends Endpoint>(router: Hono<AppEnv>, app: AppContext, endpoint: E, handler: EndpointHandler<E>): void {
  const tenantScoped = endpoint.path.startsWith('/tenants/{tenant}/');
  // Sessions belong to a tenant: an authenticated route outside one would go unguarded.
  if (endpoint.auth === 'parent' && !tenantScoped) throw new TypeError(`${endpoint.path}: auth 'parent' needs a /tenants/{tenant}/ path`);
  router.on(endpoint.method.toUpperCase(), toHonoPath(endpoint.path), async (c) => {
    const tenant = tenantScoped ? c.get('tenant') : undefined;
    // Authentication before the body: an anonymous caller learns nothing about a protected route.
    const session = endpoint.auth === 'parent' && tenant ? await authenticate(c, app, tenant) : undefined;
    const body = endpoint.body ? await readJsonBody(c, endpoint.body) : undefined;
    const args = { c, app, params: c.req.param(), body, tenant, session } as unknown as HandlerArgs<E>;
    const result = await handler(args);
    if (endpoint.status === 204 || endpoint.response === undefined) return c.body(null, 204);
    return c.json(result, endpoint.status);
  });
}
