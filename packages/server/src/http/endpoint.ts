import type { Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { issuesToFieldErrors, type Endpoint, type EndpointName, type Endpoints, type PathParams, type ResponseOf } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { Tenant } from '../tenants/registry.ts';
import { utf8Bytes } from '../auth/encoding.ts';
import { authenticate, authenticateWith, presentedToken, type AuthenticatedSession, type SessionQuery } from '../auth/authenticate.ts';
import type { SessionWithAccount } from '../db/sessions.ts';
import { authenticateAgent, findAgent, type AuthenticatedAgent } from '../agents/auth.ts';
import { readJsonBody, refuseUnsafeText } from './body.ts';
import type { AppEnv } from './env.ts';
import { ProblemError } from './problem.ts';

type ParsedBody<E extends Endpoint> = E extends { body: infer B extends z.ZodMiniType } ? z.output<B> : undefined;
type ParsedQuery<E extends Endpoint> = E extends { query: infer Q extends z.ZodMiniType } ? z.output<Q> : undefined;

/** What a handler receives: already authenticated, validated and typed from the contract. */
export interface HandlerArgs<E extends Endpoint> {
  readonly c: Context<AppEnv>;
  readonly app: AppContext;
  readonly params: PathParams<E['path']>;
  readonly body: ParsedBody<E>;
  readonly query: ParsedQuery<E>;
  readonly tenant: E['path'] extends `/tenants/{tenant}${string}` ? Tenant : undefined;
  /** The parent's session (`parentOrAgent`: set when a parent called). */
  readonly session: E['auth'] extends 'parent' ? AuthenticatedSession : E['auth'] extends 'parentOrAgent' ? AuthenticatedSession | undefined : undefined;
  /** The agent's session (`parentOrAgent`: set when an agent called). */
  readonly agent: E['auth'] extends 'agent' ? AuthenticatedAgent : E['auth'] extends 'parentOrAgent' ? AuthenticatedAgent | undefined : undefined;
  /** What a `withSessionQuery` handler's query read with the session. */
  readonly joined?: unknown;
}

/**
 * A handler's answer already serialized: exactly the bytes `c.json()` would send for a
 * `T`, which the handler keeps and answers again (a family's invoice list, the tenant's
 * configuration). Sent as they are; compressed once (http/json-compression.ts).
 */
export class JsonText<T> {
  declare private readonly brand: T;
  /** The JSON's UTF-8 bytes, kept by the handler and sent again as they are. */
  readonly body: Uint8Array<ArrayBuffer>;
  constructor(body: Uint8Array<ArrayBuffer>) {
    this.body = body;
  }

  /** The answer from its JSON text, encoded once. */
  static of<T>(text: string): JsonText<T> {
    return new JsonText<T>(utf8Bytes(text));
  }
}

/** Download endpoints answer the bytes themselves (a `Response`); the others answer the contract's JSON, as an object or already serialized. */
export type EndpointHandler<E extends Endpoint> = (
  args: HandlerArgs<E>,
) => Promise<E extends { binary: 'download' } ? Response : ResponseOf<E> | JsonText<ResponseOf<E>>>;

/** One handler per contract endpoint: the compiler reports any endpoint left unimplemented. */
export type HandlerTable = { readonly [K in EndpointName]: EndpointHandler<Endpoints[K]> };

/** `/tenants/{tenant}/config` → `/tenants/:tenant/config`. */
export const toHonoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/**
 * A parent's handler whose data is read in the session's own query: one round trip to the
 * database for the whole request (the invoice list, the page every parent opens). `query`
 * finds the session by its token hash and joins what the handler needs, which the handler
 * receives as `joined` once the session is checked (expiry, account status) as any other.
 */
export function withSessionQuery<E extends Endpoint & { auth: 'parent' }, R extends SessionWithAccount>(
  query: SessionQuery<R>,
  handler: (args: HandlerArgs<E>, joined: R) => ReturnType<EndpointHandler<E>>,
): EndpointHandler<E> {
  return Object.assign((args: HandlerArgs<E>) => handler(args, args.joined as R), { sessionQuery: query });
}

async function principals(
  c: Context<AppEnv>,
  app: AppContext,
  endpoint: Endpoint,
  tenant: Tenant | undefined,
  sessionQuery: SessionQuery<SessionWithAccount> | undefined,
): Promise<{ session?: AuthenticatedSession; agent?: AuthenticatedAgent; joined?: SessionWithAccount }> {
  if (!tenant || endpoint.auth === 'none') return {};
  if (endpoint.auth === 'parent' && sessionQuery) {
    const { session, row } = await authenticateWith(c, app, tenant, sessionQuery);
    return { session, joined: row };
  }
  if (endpoint.auth === 'parent') return { session: await authenticate(c, app, tenant) };
  if (endpoint.auth === 'agent') return { agent: await authenticateAgent(c, app, tenant) };
  // parentOrAgent: a bearer token may be either; a cookie is always a parent's.
  const agent = presentedToken(c, app)?.via === 'bearer' ? await findAgent(c, app, tenant) : undefined;
  return agent ? { agent } : { session: await authenticate(c, app, tenant) };
}

function readQuery(c: Context, schema: z.ZodMiniType): unknown {
  const result = schema.safeParse(c.req.query(), { reportInput: true });
  if (!result.success) throw new ProblemError('validation_failed', { fieldErrors: issuesToFieldErrors(result.error.issues) });
  return result.data;
}

/**
 * Mounts one contract endpoint: the route, the method, authentication, query and body
 * validation and the success status all come from the contract's table, never re-declared here.
 */
export function mountEndpoint<E extends Endpoint>(router: Hono<AppEnv>, app: AppContext, endpoint: E, handler: EndpointHandler<E>): void {
  const tenantScoped = endpoint.path.startsWith('/tenants/{tenant}/');
  // Sessions belong to a tenant: an authenticated route outside one would go unguarded.
  if (endpoint.auth !== 'none' && !tenantScoped) throw new TypeError(`${endpoint.path}: auth '${endpoint.auth}' needs a /tenants/{tenant}/ path`);
  const { sessionQuery } = handler as { sessionQuery?: SessionQuery<SessionWithAccount> };
  router.on(endpoint.method.toUpperCase(), toHonoPath(endpoint.path), async (c) => {
    // Path and query strings too (even parameters no schema reads), before anything uses them.
    refuseUnsafeText({ ...c.req.param(), ...c.req.query() });
    const tenant = tenantScoped ? c.get('tenant') : undefined;
    // Authentication before the body: an anonymous caller learns nothing about a protected route.
    const { session, agent, joined } = await principals(c, app, endpoint, tenant, sessionQuery);
    const query = endpoint.query ? readQuery(c, endpoint.query) : undefined;
    // Uploads read their raw body themselves, as a stream.
    const body = endpoint.body && endpoint.binary !== 'upload' ? await readJsonBody(c, endpoint.body) : undefined;
    const args = { c, app, params: c.req.param(), body, query, tenant, session, agent, joined } as unknown as HandlerArgs<E>;
    const result: unknown = await handler(args);
    if (endpoint.binary === 'download') return result as Response;
    if (endpoint.status === 204 || endpoint.response === undefined) return c.body(null, 204);
    // Serialized here (or already, kept by the handler), with `c.json`'s Content-Type, and
    // recorded for JSON compression, which then never reads the answer back.
    const json = result instanceof JsonText ? result.body : JSON.stringify(result);
    c.set('jsonBody', json);
    return c.body(json, endpoint.status, { 'Content-Type': 'application/json' });
  });
}
