import {
  apiVersion,
  apiVersionCompatible,
  apiVersionHeader,
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
import { HTTPError, TimeoutError, type Options } from 'ky';
import { ApiError, gone, refusal } from './errors.ts';
import { createTransport } from './http.ts';
import { memoryTokenStore, resolveTransport, type TokenStore } from './session.ts';

export interface ClientOptions {
  /** The API base, e.g. `https://famille.ville.fr/api`. Relative URLs resolve against the page. */
  baseUrl: string;
  /** The tenant's slug, e.g. `vienne-condrieu`. */
  tenant: string;
  /**
   * `cookie`: an HttpOnly session cookie (page and API on the same site).
   * `token`: a bearer token kept by `tokenStore` (page on another site, or Node).
   * `auto` (default): cookie when the API is on the page's site, token otherwise (see `resolveTransport`).
   */
  auth?: SessionTransport | 'auto';
  /**
   * Where the bearer token is kept. Default: in memory (a reload logs out). The elements
   * pass `sessionTokenStore(…)`, which keeps it in this tab across reloads; a page that
   * builds its own screens may do the same. Two clients of one API and tenant in one tab
   * (a parent's and an agent's) must not share a key.
   */
  tokenStore?: TokenStore;
  /** Sent as Accept-Language. */
  locale?: Locale;
  /** Per-attempt timeout in ms (default 15 000). Uploads have none: cancel them with their `signal`. */
  timeout?: number;
  /** How many times an idempotent GET is retried (default 2). Writes are never retried. */
  retries?: number;
  /** The `fetch` to use (default: the global one, looked up at each request). */
  fetch?: typeof globalThis.fetch;
  /**
   * Called when the server ends the session of the token this client holds (a 401
   * `unauthenticated` or `session_expired`), once the token store is cleared: show the
   * login again. A logout does not call it, unless the session had already ended.
   */
  onSessionEnd?: () => void;
  /**
   * Your own [ky](https://github.com/sindresorhus/ky) options, applied over the SDK's with
   * `ky.extend()`: your hooks run after the SDK's (which set the bearer token and watch
   * for the end of the session), your `retry`, `timeout`, `headers` or `fetch` replace or
   * merge with its own. Failures still come out as an `ApiError`: a `beforeError` hook
   * that returns something other than ky's `HTTPError` or `TimeoutError` makes a
   * `network` error of it. `throwHttpErrors` cannot be turned off.
   * @example
   * createClient({ baseUrl, tenant, ky: { hooks: { beforeRequest: [(request) => request.headers.set('x-request-id', crypto.randomUUID())] } } })
   */
  ky?: Options;
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
  /**
   * The tenant's public configuration, and the connection check (call it first). Besides
   * the usual failures it throws an `ApiError` with the code:
   * - `version_mismatch`: the server speaks an API version this client cannot use, or
   *   sends no `Famille-Api-Version` header (an older server, or not a Famille API);
   * - `not_famille_api`: the URL answered an error that is not a Famille problem (another
   *   server's 404 page): the `api` URL is wrong;
   * - `tenant_not_found`: no such tenant on this server;
   * - `origin_not_allowed`: the tenant does not list this page's origin.
   * The error's `url` and `serverVersion` say what to fix.
   */
  tenantConfig(): Promise<TenantConfig>;
}

/** What the SDK's resource modules need beyond `call()` (uploads). Not exported from the package. */
export interface ClientInternals {
  /** `call()` with ky options of its own for this request (a file body, a signal, another fetch). */
  send<E extends Endpoint>(this: void, endpoint: E, args?: CallArgs<E>, init?: Options): Promise<CallResult<E>>;
  /** Whether the client sends through `fetch` only (injected, or no XMLHttpRequest). */
  usesFetch: boolean;
}
const internals = new WeakMap<FamilleClient, ClientInternals>();
export const internalsOf = (client: FamilleClient): ClientInternals => internals.get(client)!;

export function createClient(options: ClientOptions): FamilleClient {
  const transport = resolveTransport(options.baseUrl, options.auth);
  const base = new URL(options.baseUrl.replace(/\/?$/, '/'), globalThis.location?.href).href;
  const tokens = options.tokenStore ?? memoryTokenStore();
  const api = createTransport(options, tokens, transport === 'cookie' ? 'include' : 'omit');

  /**
   * One operation: its answer as the contract promises it (a body validated, a file as a
   * Blob), every failure as an ApiError but the caller's own cancellation.
   */
  async function sendUntyped(endpoint: Endpoint, args?: CallArgs<Endpoint>, init?: Options): Promise<unknown> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(args?.query ?? {})) if (value !== undefined) query.set(key, String(value));
    const url = base + buildPath(endpoint.path, { tenant: options.tenant, ...args?.params }).slice(1) + (query.size ? `?${query}` : '');
    const connecting = endpoint === endpoints.tenantConfig;
    const response = await api(url, {
      method: endpoint.method,
      json: args?.body,
      // Public answers come with `Access-Control-Allow-Origin: *`, which a credentialed request
      // cannot read; and without a session header the request needs no preflight, so that even
      // a page whose origin the tenant refuses can read why.
      ...(endpoint.auth === 'none' &&
        endpoint.method === 'get' && { credentials: 'omit', hooks: { beforeRequest: [(request) => request.headers.delete('authorization')] } }),
      throwHttpErrors: true,
      ...init,
    }).catch(async (error: unknown) => {
      // Cancelled by the caller: their own reason (an AbortError), never an ApiError.
      if (init?.signal?.aborted) throw init.signal.reason;
      if (error instanceof HTTPError) throw refusal(error.response, await error.response.json().catch(() => undefined), url, connecting);
      throw new ApiError({ kind: error instanceof TimeoutError ? 'timeout' : 'network', cause: error, url });
    });
    const serverVersion = response.headers.get(apiVersionHeader) ?? undefined;
    // On the connection check, an answer outside the contract says the server speaks another version of it.
    const invalid = (cause?: unknown) =>
      new ApiError({ kind: 'validation', status: response.status, cause, url, ...(connecting && { code: 'version_mismatch', serverVersion }) });
    if (connecting && !apiVersionCompatible(apiVersion, serverVersion)) throw invalid();
    let body: unknown;
    try {
      if (endpoint.binary == 'download') return await response.blob();
      if (!endpoint.response || response.status === 204) return undefined;
      body = await response.json();
    } catch (cause) {
      throw invalid(cause);
    }
    const parsed = endpoint.response.safeParse(body);
    if (!parsed.success) throw invalid(parsed.error);
    return parsed.data;
  }

  /** Typed by the endpoint: what `sendUntyped` returns, it validated with that endpoint's schema. */
  const send = sendUntyped as ClientInternals['send'];
  const call = <E extends Endpoint>(endpoint: E, args?: CallArgs<E>): Promise<CallResult<E>> => send(endpoint, args);

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
  internals.set(client, { send, usesFetch: !!options.fetch || typeof XMLHttpRequest != 'function' });
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
