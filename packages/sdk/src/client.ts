import {
  buildPath,
  endpoints,
  type BodyOf,
  type EndpointName,
  type Endpoints,
  type Locale,
  type LoginInput,
  type LoginResult,
  type ResponseOf,
  type Session,
  type SessionTransport,
  type TenantConfig,
  type ActivationResult,
  type Outbox,
  type PasswordResetInput,
  type PasswordResetRequest,
  type RegistrationAccepted,
  type RegistrationInput,
  type ResendActivationInput,
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

type CallArgs<N extends EndpointName> = (BodyOf<Endpoints[N]> extends undefined
  ? { body?: undefined }
  : { body: BodyOf<Endpoints[N]> }) & { params?: Record<string, string> };

export interface FamilleClient {
  readonly tenant: string;
  readonly transport: SessionTransport;
  /** Calls any operation of the contract by name; the typed namespaces below wrap it. */
  call<N extends EndpointName>(name: N, args?: CallArgs<N>): Promise<ResponseOf<Endpoints[N]>>;
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
  accounts: {
    /** Creates an account (not yet active); the activation e-mail follows. */
    register(input: RegistrationInput): Promise<RegistrationAccepted>;
    /** Activates the account of an activation link's token. */
    activate(token: string): Promise<ActivationResult>;
    /** Sends a new activation e-mail, by identifiant or with an expired link's token. */
    resendActivation(input: ResendActivationInput): Promise<void>;
  };
  tenantConfig(): Promise<TenantConfig>;
  /** Development servers only (no SMTP configured): the e-mails kept instead of sent. */
  devOutbox(): Promise<Outbox>;
}

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
      const token = tokens.get();
      if (transport === 'token' && token) headers['authorization'] = `Bearer ${token}`;
      if (options.locale) headers['accept-language'] = options.locale;
      return headers;
    },
  };

  async function call<N extends EndpointName>(name: N, args?: CallArgs<N>): Promise<ResponseOf<Endpoints[N]>> {
    const endpoint = endpoints[name];
    const path = buildPath(endpoint.path, { tenant: options.tenant, ...args?.params }).slice(1);
    let response: Response;
    try {
      response = await send(http, endpoint.method, path, args?.body);
    } catch (error) {
      throw error instanceof RequestTimeout ? new ApiError({ kind: 'timeout', cause: error }) : new ApiError({ kind: 'network', cause: error });
    }
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => undefined);
      throw new ApiError({ kind: 'http', status: response.status, problem: problemFromBody(body, response) });
    }
    if (!('response' in endpoint) || response.status === 204) return undefined as ResponseOf<Endpoints[N]>;
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new ApiError({ kind: 'validation', status: response.status, cause });
    }
    const parsed = endpoint.response.safeParse(body);
    if (!parsed.success) throw new ApiError({ kind: 'validation', status: response.status, cause: parsed.error });
    return parsed.data as ResponseOf<Endpoints[N]>;
  }

  return {
    tenant: options.tenant,
    transport,
    call,
    auth: {
      async login(input) {
        const result: LoginResult = await call('login', { body: { ...input, transport } });
        if (transport === 'token') tokens.set(result.token);
        return result.session;
      },
      async logout() {
        try {
          await call('logout');
        } catch (error) {
          // Already gone on the server: the parent is logged out all the same.
          if (!(error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'session_expired'))) throw error;
        } finally {
          tokens.set(undefined);
        }
      },
      async session() {
        if (transport === 'token' && !tokens.get()) return null;
        try {
          return await call('session');
        } catch (error) {
          if (error instanceof ApiError && (error.code === 'unauthenticated' || error.code === 'session_expired')) {
            tokens.set(undefined);
            return null;
          }
          throw error;
        }
      },
      async requestPasswordReset(input) {
        await call('requestPasswordReset', { body: input });
      },
      resetPassword: (input) => call('resetPassword', { body: input }),
    },
    accounts: {
      register: (input) => call('register', { body: input }),
      activate: (token) => call('activate', { body: { token } }),
      async resendActivation(input) {
        await call('resendActivation', { body: input });
      },
    },
    tenantConfig: () => call('tenantConfig'),
    devOutbox: () => call('devOutbox'),
  };
}
