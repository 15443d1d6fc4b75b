import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { problemContentType, type FieldError, type Problem, type ProblemCode } from '@famille/contract';

/** HTTP status and English title of each stable code (clients word their own messages). */
export const problemCatalog: Record<ProblemCode, { readonly status: number; readonly title: string }> = {
  validation_failed: { status: 422, title: 'The request body has invalid fields' },
  malformed_body: { status: 400, title: 'The request body is not valid JSON' },
  unsupported_media_type: { status: 415, title: 'The request body must be application/json' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  invalid_credentials: { status: 401, title: 'Wrong identifiant or password' },
  account_not_activated: { status: 403, title: 'The account is not activated yet' },
  too_many_attempts: { status: 429, title: 'Too many failed attempts' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  session_expired: { status: 401, title: 'The session has expired' },
  forbidden: { status: 403, title: 'Forbidden' },
  origin_not_allowed: { status: 403, title: 'This origin is not allowed for this tenant' },
  token_invalid: { status: 400, title: 'This link is not valid' },
  token_expired: { status: 410, title: 'This link has expired' },
  token_used: { status: 410, title: 'This link has already been used' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  // 413 and 415 like their generic cousins (payload_too_large, unsupported_media_type): the
  // status says what went wrong, the code that it was the tenant's upload rule.
  file_too_large: { status: 413, title: 'The file exceeds the tenant’s maximum size' },
  file_type_not_accepted: { status: 415, title: 'This type of file is not accepted' },
  file_empty: { status: 422, title: 'The file is empty' },
  file_active_content: { status: 422, title: 'The PDF is unreadable or carries active content' },
  amount_below_minimum: { status: 422, title: 'The amount is under the online payment minimum; pay at the counter' },
  payment_in_progress: { status: 409, title: 'An online payment of one of these invoices is under way' },
  invoice_already_paid: { status: 409, title: 'Nothing is left to pay on this invoice' },
  payment_provider_unavailable: { status: 502, title: 'The payment provider could not be reached; nothing was charged' },
  server_busy: { status: 503, title: 'Too many password checks at once; try again in a few seconds' },
  tenant_not_found: { status: 404, title: 'Unknown tenant' },
  not_found: { status: 404, title: 'Not found' },
  method_not_allowed: { status: 405, title: 'Method not allowed' },
  internal_error: { status: 500, title: 'Internal error' },
};

/** Stable, absolute and deliberately not dereferenceable (RFC 9457 §3.1.1). */
const problemType = (code: ProblemCode) => `urn:espace-famille:problem:${code}`;

export interface ProblemDetails {
  readonly detail?: string;
  readonly fieldErrors?: readonly FieldError[];
  readonly retryAfterSeconds?: number;
  /** Overrides the catalog's status (e.g. 503 for readiness). */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Thrown anywhere in a request; the app's one error handler turns it into problem+json.
 * An expected answer, not a fault: it takes no stack trace (nothing reads one, and a login
 * rush answers hundreds of 503s a second, each of which would capture one).
 */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly details: ProblemDetails;
  constructor(code: ProblemCode, details: ProblemDetails = {}) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(code);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.name = 'ProblemError';
    this.code = code;
    this.details = details;
  }
}

export function problemResponse(c: Context<AppEnv>, code: ProblemCode, details: ProblemDetails = {}): Response {
  const status = details.status ?? problemCatalog[code].status;
  const body: Problem = {
    type: problemType(code),
    title: problemCatalog[code].title,
    status,
    code,
    ...(details.detail !== undefined && { detail: details.detail }),
    ...(details.fieldErrors && { fieldErrors: [...details.fieldErrors] }),
    ...(details.retryAfterSeconds !== undefined && { retryAfterSeconds: details.retryAfterSeconds }),
    requestId: c.get('requestId'),
  };
  const headers: Record<string, string> = {
    'Content-Type': problemContentType,
    'Cache-Control': 'no-store',
    ...details.headers,
  };
  if (details.retryAfterSeconds !== undefined) headers['Retry-After'] = String(details.retryAfterSeconds);
  // Recorded for JSON compression (see AppEnv's jsonBody). c.body keeps headers set
  // earlier on the context (cookies being cleared, for instance).
  const text = JSON.stringify(body);
  c.set('jsonBody', text);
  return c.body(text, status as 400, headers);
}
