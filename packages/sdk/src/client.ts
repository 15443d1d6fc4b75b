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
  type AgentLoginInput,
  type AgentRequest,
  type AgentRequestList,
  type AgentSession,
  type DocumentInfo,
  type Endpoint,
  type Family,
  type FamilyRequest,
  type MemberChange,
  type MemberInput,
  type RequestList,
  type RequestStatus,
  type StatusChange,
} from '@famille/contract';
import { ApiError, problemFromBody } from './errors.ts';
import { RequestTimeout, send, sendWithProgress, type HttpOptions } from './http.ts';

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

type CallArgs<N extends EndpointName> = (BodyOf<Endpoints[N]> extends undefined
  ? { body?: undefined }
  : { body: BodyOf<Endpoints[N]> }) & { params?: Record<string, string>; query?: Query };

/** What `call()` resolves with: the validated answer, or a Blob for a file download. */
export type CallResult<N extends EndpointName> = Endpoints[N] extends { binary: 'download' } ? Blob : ResponseOf<Endpoints[N]>;

export interface UploadOptions {
  /** The name to store; defaults to the File's own name. */
  fileName?: string;
  /** Bytes sent so far (browsers: as they go; elsewhere: once, at the end). */
  onProgress?: (loaded: number, total: number) => void;
  /** Cancels the upload: the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
}

export interface FamilleClient {
  readonly tenant: string;
  readonly transport: SessionTransport;
  /** Calls any operation of the contract by name; the typed namespaces below wrap it. */
  call<N extends EndpointName>(name: N, args?: CallArgs<N>): Promise<CallResult<N>>;
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
  /** The family's members (entourage). Each change is a request to the service. */
  family: {
    get(): Promise<Family>;
    addMember(input: MemberInput): Promise<MemberChange>;
    /** Changes a member's profile (same role). */
    updateMember(id: string, input: MemberInput): Promise<MemberChange>;
    /** Asks the service to remove a member. */
    removeMember(id: string): Promise<MemberChange>;
  };
  /** The family's requests, newest first, with their dated history. */
  requests: {
    list(): Promise<RequestList>;
    get(id: string): Promise<FamilyRequest>;
  };
  documents: {
    /**
     * Uploads a file; attach its `id` to a member's `attachments`. Never retried.
     * In browsers it goes through XMLHttpRequest to report real progress.
     */
    upload(file: Blob, options?: UploadOptions): Promise<DocumentInfo>;
    download(id: string): Promise<Blob>;
    /** Deletes a document not yet attached to a request (cancel, replace). */
    remove(id: string): Promise<void>;
  };
  /** A municipal agent's API. Agents use a bearer token, kept by this client's token store. */
  agent: {
    login(input: AgentLoginInput): Promise<AgentSession>;
    requests(query?: { status?: RequestStatus }): Promise<AgentRequestList>;
    request(id: string): Promise<AgentRequest>;
    setRequestStatus(id: string, change: StatusChange): Promise<AgentRequest>;
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

  const pathOf = (name: EndpointName, params?: Record<string, string>) =>
    buildPath(endpoints[name].path, { tenant: options.tenant, ...params }).slice(1);

  async function call<N extends EndpointName>(name: N, args?: CallArgs<N>): Promise<CallResult<N>> {
    const endpoint: Endpoint = endpoints[name];
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(args?.query ?? {})) if (value !== undefined) query.set(key, String(value));
    const path = pathOf(name, args?.params) + (query.size ? `?${query}` : '');
    return read(endpoint, await transmit(() => send(http, endpoint.method, path, args?.body)));
  }

  /** `call()` for the operations on one resource by id (`{memberId}`, `{requestId}`, …). */
  const byId =
    <N extends EndpointName>(name: N, param: string) =>
    (id: string, body?: BodyOf<Endpoints[N]>): Promise<CallResult<N>> =>
      call(name, { params: { [param]: id }, body } as CallArgs<N>);

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
    family: {
      get: () => call('family'),
      addMember: (input) => call('addMember', { body: input }),
      updateMember: byId('updateMember', 'memberId'),
      removeMember: byId('removeMember', 'memberId'),
    },
    requests: {
      list: () => call('requests'),
      get: byId('request', 'requestId'),
    },
    documents: {
      async upload(file, { fileName = (file as File).name || 'document', onProgress, signal } = {}) {
        const path = pathOf('uploadDocument');
        const headers = {
          'content-type': file.type || 'application/octet-stream',
          // RFC 6266 / 8187: the name in UTF-8, percent-encoded.
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
        };
        const response = await transmit(
          () =>
            options.fetch || typeof XMLHttpRequest != 'function'
              ? send(http, 'post', path, undefined, { body: file, headers, signal })
              : sendWithProgress(http, path, file, headers, signal, (loaded, total) => onProgress?.(loaded, total)),
          signal,
        );
        if (options.fetch || typeof XMLHttpRequest != 'function') onProgress?.(file.size, file.size);
        return read(endpoints.uploadDocument, response);
      },
      download: byId('downloadDocument', 'documentId'),
      remove: byId('deleteDocument', 'documentId'),
    },
    agent: {
      async login(input) {
        const session = await call('agentLogin', { body: input });
        tokens.set(session.token);
        return session;
      },
      requests: (query) => call('agentRequests', query && { query }),
      request: byId('agentRequest', 'requestId'),
      setRequestStatus: byId('agentSetRequestStatus', 'requestId'),
    },
    tenantConfig: () => call('tenantConfig'),
    devOutbox: () => call('devOutbox'),
  };
}
