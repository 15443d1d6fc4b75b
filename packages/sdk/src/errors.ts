import { apiVersion, apiVersionHeader, type Problem, type ProblemCode } from '@famille/contract';

/**
 * What went wrong, as one discriminated value:
 * - `http`: the server answered with a problem (its stable `code` says what);
 * - `network`: no answer (offline, DNS, CORS refusal);
 * - `timeout`: no answer in time;
 * - `validation`: the server answered, but not what the contract promises.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'validation';

/**
 * Codes beyond the server's, for failures it did not describe itself:
 * - `network_error`, `timeout`: no answer;
 * - `invalid_response`: an answer that breaks the contract;
 * - `version_mismatch` (kind `validation`, on the connection check `tenantConfig()`): the
 *   server speaks a version of the API this client cannot use (`serverVersion` says which;
 *   `undefined`: it sent no `Famille-Api-Version` header), or answers outside the contract;
 * - `not_famille_api` (kind `http`, on the connection check): an error answer that is not a
 *   Famille problem, such as another server's HTML 404 page: the `api` URL is wrong.
 */
export type ClientErrorCode = 'network_error' | 'timeout' | 'invalid_response' | 'version_mismatch' | 'not_famille_api';

/** What an `ApiError` is made of. */
export type ApiErrorInit = {
  /** The URL requested, query included. */
  url?: string | undefined;
  cause?: unknown;
} & (
  | { kind: 'http'; status: number; problem: Problem }
  | { kind: 'http'; status: number; code: 'not_famille_api' }
  | { kind: 'network' | 'timeout' }
  | { kind: 'validation'; status: number; code?: 'version_mismatch'; serverVersion?: string | undefined }
);

const clientCodes = { http: 'not_famille_api', network: 'network_error', timeout: 'timeout', validation: 'invalid_response' } as const;

const messages: Record<ClientErrorCode, string> = {
  network_error: 'The API could not be reached',
  timeout: 'The API did not answer in time',
  invalid_response: 'The API answered with an unexpected body',
  version_mismatch: `The API does not speak version ${apiVersion} of the contract, which this client needs; it says`,
  not_famille_api: 'This is not a Famille API (check the `api` URL): it answered',
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** The server's problem code, or a client-side code for the failures it did not describe. */
  readonly code: ProblemCode | ClientErrorCode;
  /** HTTP status when the server answered. */
  readonly status: number | undefined;
  /** The problem body, for `http` errors the server described. */
  readonly problem: Problem | undefined;
  /** The URL requested, query included (for the developer's eyes: say which server failed). */
  readonly url: string | undefined;
  /** For `version_mismatch`: the server's `Famille-Api-Version`; `undefined` when it sent none. */
  readonly serverVersion: string | undefined;

  constructor(init: ApiErrorInit) {
    const status = 'status' in init ? init.status : undefined;
    const problem = 'problem' in init ? init.problem : undefined;
    const serverVersion = 'serverVersion' in init ? init.serverVersion : undefined;
    const own: ClientErrorCode = ('code' in init && init.code) || clientCodes[init.kind];
    const message = problem
      ? `${status} ${problem.code}: ${problem.title}`
      : own === 'version_mismatch'
        ? `${messages[own]} ${serverVersion ?? `nothing (no ${apiVersionHeader} header)`}`
        : own === 'not_famille_api'
          ? `${messages[own]} ${status}`
          : messages[own];
    super(init.url ? `${message} — ${init.url}` : message, { cause: init.cause });
    this.kind = init.kind;
    this.code = problem?.code ?? own;
    this.status = status;
    this.problem = problem;
    this.url = init.url;
    this.serverVersion = serverVersion;
  }

  /** Field errors of a `validation_failed` problem, each naming its field by path. */
  get fieldErrors(): NonNullable<Problem['fieldErrors']> {
    return this.problem?.fieldErrors ?? [];
  }
}

/** Whether a problem, or an ApiError, says that the session ended (`unauthenticated`, `session_expired`). */
export function gone(problem: unknown): boolean {
  const code = (problem as { code?: unknown } | undefined)?.code;
  return code === 'unauthenticated' || code === 'session_expired';
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * A problem+json body: what an ApiError needs of it (its code and status), nothing more.
 * A code this SDK does not know yet (a newer server's) is kept: the elements read it as a
 * generic failure. Not the contract's validator: the kit's login page would carry it.
 */
const isProblem = (body: unknown): body is Problem =>
  typeof body == 'object' && body !== null && typeof (body as Problem).code == 'string' && typeof (body as Problem).status == 'number';

/**
 * The ApiError of an error answer, from its parsed body (`undefined` when it was not
 * JSON). A body that is not a problem still yields a usable one (a proxy's HTML 502
 * page…). On the connection check (`connecting`), an answer without the API's version
 * header that is not a gateway's (502–504) comes from something other than the API: a
 * wrong `api` URL (another server, or this server's address without its `/api`).
 */
export function refusal(response: Response, body: unknown, url: string, connecting: boolean): ApiError {
  const { status } = response;
  // Every answer of a Famille API carries its version; a gateway's 502–504 may not.
  if (connecting && !response.headers.has(apiVersionHeader) && (status < 502 || status > 504))
    return new ApiError({ kind: 'http', status, code: 'not_famille_api', url });
  if (isProblem(body)) return new ApiError({ kind: 'http', status, problem: body, url });
  return new ApiError({
    kind: 'http',
    status,
    url,
    problem: {
      type: 'about:blank',
      title: response.statusText || 'HTTP error',
      status,
      code: status === 404 ? 'not_found' : status >= 500 ? 'internal_error' : 'forbidden',
    },
  });
}
