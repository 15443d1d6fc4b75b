import { Problem, type ProblemCode } from '@famille/contract';

/**
 * What went wrong, as one discriminated value:
 * - `http`: the server answered with a problem (its stable `code` says what);
 * - `network`: no answer (offline, DNS, CORS refusal);
 * - `timeout`: no answer in time;
 * - `validation`: the server answered, but not what the contract promises.
 */
export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'validation';

/** Codes beyond the server's, for failures that never reached it. */
export type ClientErrorCode = 'network_error' | 'timeout' | 'invalid_response';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** The server's problem code, or a client-side code for the other kinds. */
  readonly code: ProblemCode | ClientErrorCode;
  /** HTTP status when the server answered. */
  readonly status: number | undefined;
  /** The problem body, for `http` errors. */
  readonly problem: Problem | undefined;

  constructor(
    init:
      | { kind: 'http'; status: number; problem: Problem }
      | { kind: 'network'; cause: unknown }
      | { kind: 'timeout'; cause?: unknown }
      | { kind: 'validation'; status: number; cause: unknown },
  ) {
    const message =
      init.kind === 'http'
        ? `${init.status} ${init.problem.code}: ${init.problem.title}`
        : init.kind === 'network'
          ? 'The API could not be reached'
          : init.kind === 'timeout'
            ? 'The API did not answer in time'
            : 'The API answered with an unexpected body';
    super(message, { cause: 'cause' in init ? init.cause : undefined });
    this.kind = init.kind;
    this.status = 'status' in init ? init.status : undefined;
    this.problem = init.kind === 'http' ? init.problem : undefined;
    this.code =
      init.kind === 'http'
        ? init.problem.code
        : init.kind === 'network'
          ? 'network_error'
          : init.kind === 'timeout'
            ? 'timeout'
            : 'invalid_response';
  }

  /** Field errors of a `validation_failed` problem, each naming its field by path. */
  get fieldErrors(): NonNullable<Problem['fieldErrors']> {
    return this.problem?.fieldErrors ?? [];
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * Builds the problem of an error answer from its parsed JSON body (`undefined` when it
 * was not JSON); a non-conforming body still yields a usable problem.
 */
export function problemFromBody(body: unknown, response: Response): Problem {
  const parsed = Problem.safeParse(body);
  if (parsed.success) return parsed.data;
  // A proxy or gateway answered (HTML 502 page, etc.): keep the status, name it generically.
  return {
    type: 'about:blank',
    title: response.statusText || 'HTTP error',
    status: response.status,
    code: response.status === 404 ? 'not_found' : response.status >= 500 ? 'internal_error' : 'forbidden',
  };
}
