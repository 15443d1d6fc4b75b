import {
  buildPath,
  endpoints,
  type BodyOf,
  type Endpoint,
  type Locale,
  type LoginInput,
  type LoginResult,
  type PasswordResetInput,
  type PasswordResetRequest,
  type ActivationResult,
  type ResponseOf,
  type Session,
  type SessionTransport,
  type TenantConfig,
} from '@famille/contract';
import { ApiError, problemFromBody } from './errors.ts';
import { RequestTimeout, send, type HttpOptions } from './http.ts';

/** Keeps the bearer token. The default keeps it in memory only (never localStorage). */
export interface TokenStore {
  get(): string | undefined;
  set(token: string | undefined): void;
}

export function memoryTokenStore(initial?: string): TokenStore {
  let token = initial;
  return { get: () => token, set: (value) => void (token = value) };
}

export interface ClientOptions {
  /** The API base, e.g. `https://famille.ville.fr/api`. Relative URLs resolve against the page. */
  baseUrl: string;
  /** The tenant's slug, e.g. `vienne-condrieu`. */
  tenant: string;
  /**
   * `cookie`: an HttpOnly session cookie (page and API on the same site).
   * `token`: a bearer token kept by `tokenStore` (page on another site, or Node).
   * `auto` (default): cookie when the API is on the page's site, token otherwise.
   */
  auth?: SessionTransport | 'auto';
  tokenStore?: TokenStore;
  /** Sent as Accept-Language. */
  locale?: Locale;
  /** Per-attempt timeout in ms (default 15 000). */
  timeout?: number;
  /** How many times an idempotent GET is retried (default 2). Writes are never retried. */
  retries?: number;
  fetch?: typeof globalThis.fetch;
}

/** Query-string values; `undefined` ones are left out. */
export type Query = Record<string, string | number | boolean | undefined>;

export type CallArgs<E extends Endpoint> = (BodyOf<E> extends undefined ? { body?: undefined } : { body: BodyOf<E> }) & {
  params?: Record<string, string>;
  query?: Query;
};

/** What `call()` resolves with: the validated answer, or a Blob for a file download. */
export type CallResult<E extends Endpoint> = E extends { binary: 'download' } ? Blob : ResponseOf<E>;

/**
 * The connection to one tenant's API: transport, session, and `call()` for any operation
 * of the contract. Operations on other resources come as functions of a client
 * (`accounts(client)`, `family(client)`, `documents(client)`, `agent(client)`…), so that
 * a page only downloads the parts — and the answer validators — it uses.
 */
export interface FamilleClient {
  readonly tenant: string;
  readonly transport: SessionTransport;
  readonly tokens: TokenStore;
  /** Calls an operation of the contract: `client.call(endpoints.family)`. */
  call<E extends Endpoint>(endpoint: E, args?: CallArgs<E>): Promise<CallResult<E>>;
  auth: {
    login(input: Omit<LoginInput, 'transport'>): Promise<Session>;
    logout(): Promise<void>;
    /** The current session, or `null` when nobody is logged in. */
    session(): Promise<Session | null>;
    /** Sends a reset e-mail if the identifiant (or e-mail address) has an account; says nothing either way. */
    requestPasswordReset(input: PasswordResetRequest): Promise<void>;
    /** Sets a new password with the token of the reset link; every session of the account ends. */
    resetPassword(input: PasswordResetInput): Promise<ActivationResult>;
  };
  tenantConfig(): Promise<TenantConfig>;
}

/** What the SDK's resource modules need beyond `call()` (uploads). Not exported from the package. */
export interface ClientInternals {
  http: HttpOptions;
  path(endpoint: Endpoint, params?: Record<string, string>): string;
  transmit(attempt: () => Promise<Response>, signal?: AbortSignal): Promise<Response>;
  read<E extends Endpoint>(endpoint: E, response: Response): Promise<CallResult<E>>;
  usesFetch: boolean;
}
const internals = new WeakMap<FamilleClient, ClientInternals>();
export const internalsOf = (client: FamilleClient): ClientInternals => internals.get(client)!;

/** Registrable domain approximation good enough to tell same-site from cross-site. */
function siteOf(hostname: string): string {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return hostname;
  return hostname.split('.').slice(-2).join('.');
}

export function resolveTransport(baseUrl: string, auth: ClientOptions['auth'] = 'auto'): SessionTransport {
  if (auth !== 'auto') return auth;
  const page = globalThis.location;
  if (!page?.href) return 'token';
  const api = new URL(baseUrl, page.href);
  return api.protocol === page.protocol && siteOf(api.hostname) === siteOf(page.hostname) ? 'cookie' : 'token';
}

const gone = (error: unknown) => error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'session_expired');

export function createClient(options: ClientOptions): FamilleClient {
  const transport = resolveTransport(options.baseUrl, options.auth);
  const tokens = options.tokenStore ?? memoryTokenStore();
  const base = new URL(options.baseUrl.replace(/\/?$/, '/'), globalThis.location?.href).href;

  const http: HttpOptions = {
    base,
    credentials: transport === 'cookie' ? 'include' : 'omit',
    timeout: options.timeout ?? 15_000,
    retries: options.retries ?? 2,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers() {
      const headers: Record<string, string> = {};
      // Only token logins fill the store (a parent's with the token transport, an agent's always).
      const token = tokens.get();
      if (token) headers['authorization'] = `Bearer ${token}`;
      if (options.locale) headers['accept-language'] = options.locale;
      return headers;
    },
  };

  /** A request that never got an answer, as an ApiError; a caller's cancellation as it is. */
  async function transmit(attempt: () => Promise<Response>, signal?: AbortSignal): Promise<Response> {
    try {
      return await attempt();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError(error instanceof RequestTimeout ? { kind: 'timeout', cause: error } : { kind: 'network', cause: error });
    }
  }

  /** An answer as the contract promises it: a problem thrown, a body validated, a file as a Blob. */
  async function read(endpoint: Endpoint, response: Response): Promise<any> {
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      throw new ApiError({ kind: 'http', status: response.status, problem: problemFromBody(body, response) });
    }
    let body: unknown;
    try {
      if (endpoint.binary == 'download') return await response.blob();
      if (!endpoint.response || response.status === 204) return undefined;
      body = await response.json();
    } catch (cause) {
      throw new ApiError({ kind: 'validation', status: response.status, cause });
    }
    const parsed = endpoint.response.safeParse(body);
    if (!parsed.success) throw new ApiError({ kind: 'validation', status: response.status, cause: parsed.error });
    return parsed.data;
  }

  const path = (endpoint: Endpoint, params?: Record<string, string>) =>
    buildPath(endpoint.path, { tenant: options.tenant, ...params }).slice(1);

  async function call<E extends Endpoint>(endpoint: E, args?: CallArgs<E>): Promise<CallResult<E>> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(args?.query ?? {})) if (value !== undefined) query.set(key, String(value));
    const target = path(endpoint, args?.params) + (query.size ? `?${query}` : '');
    return read(endpoint, await transmit(() => send(http, endpoint.method, target, args?.body)));
  }

  const client: FamilleClient = {
    tenant: options.tenant,
    transport,
    tokens,
    call,
    auth: {
      async login(input) {
        const result: LoginResult = await call(endpoints.login, { body: { ...input, transport } });
        if (transport === 'token') tokens.set(result.token);
        return result.session;
      },
      // Promise chains, not try blocks: Rollup keeps every endpoint reached from inside a try.
      logout: () =>
        call(endpoints.logout)
          // Already gone on the server: the parent is logged out all the same.
          .catch((error: unknown) => {
            if (!gone(error)) throw error;
          })
          .finally(() => tokens.set(undefined)),
      async session() {
        if (transport === 'token' && !tokens.get()) return null;
        return call(endpoints.session).catch((error: unknown) => {
          if (!gone(error)) throw error;
          tokens.set(undefined);
          return null;
        });
      },
      async requestPasswordReset(input) {
        await call(endpoints.requestPasswordReset, { body: input });
      },
      resetPassword: (input) => call(endpoints.resetPassword, { body: input }),
    },
    tenantConfig: () => call(endpoints.tenantConfig),
  };
  internals.set(client, { http, path, transmit, read, usesFetch: !!options.fetch || typeof XMLHttpRequest != 'function' });
  return client;
}

/**
 * `call()` for the operations on one resource by id (`{memberId}`, `{requestId}`, …); the
 * body, when the operation takes one, is required.
 */
export const byId =
  <E extends Endpoint>(client: FamilleClient, endpoint: E, param: string) =>
  (id: string, ...[body]: BodyOf<E> extends undefined ? [body?: undefined] : [body: BodyOf<E>]): Promise<CallResult<E>> =>
    client.call(endpoint, { params: { [param]: id }, body } as CallArgs<E>);
