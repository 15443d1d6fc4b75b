import * as z from 'zod/mini';

/**
 * Stable machine-readable error codes. Clients branch on these, never on messages.
 * Adding a code is backwards compatible; renaming one is a breaking change.
 */
export const problemCodes = [
  'validation_failed',
  'malformed_body',
  'unsupported_media_type',
  'payload_too_large',
  'invalid_credentials',
  'account_not_activated',
  'too_many_attempts',
  'unauthenticated',
  'session_expired',
  'forbidden',
  'origin_not_allowed',
  'tenant_not_found',
  'not_found',
  'method_not_allowed',
  'internal_error',
] as const;
export const ProblemCode = z.enum(problemCodes);
export type ProblemCode = z.infer<typeof ProblemCode>;

/**
 * Stable codes for one field's error, so that each client can word it in its own
 * language. `params` carries the numbers the message needs (e.g. `{ maximum: 254 }`).
 */
export const fieldErrorCodes = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'invalid_format',
  'invalid_value',
  'invalid_type',
  'unknown_field',
  'not_in_past',
] as const;
export const FieldErrorCode = z.enum(fieldErrorCodes);
export type FieldErrorCode = z.infer<typeof FieldErrorCode>;

export const FieldError = z.object({
  /** Dotted path of the field in the request body, e.g. `address.postalCode`. */
  path: z.string(),
  code: FieldErrorCode,
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with the kit's extensions. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: ProblemCode,
    detail: z.optional(z.string()),
    instance: z.optional(z.string()),
    fieldErrors: z.optional(z.array(FieldError)),
    /** Seconds before the same request may succeed (throttling). Mirrors `Retry-After`. */
    retryAfterSeconds: z.optional(z.number()),
    requestId: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'Problem', description: 'RFC 9457 problem details' });
export type Problem = z.infer<typeof Problem>;

export const problemContentType = 'application/problem+json';

/** Turns zod issues into localizable field errors (shared by server and elements). */
export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue): FieldError => {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'too_small': {
        const minimum = Number(issue.minimum);
        if (issue.origin === 'string') {
          return minimum <= 1
            ? { path, code: 'required' }
            : { path, code: 'too_short', params: { minimum } };
        }
        return { path, code: 'too_small', params: { minimum } };
      }
      case 'too_big': {
        const maximum = Number(issue.maximum);
        return issue.origin === 'string'
          ? { path, code: 'too_long', params: { maximum } }
          : { path, code: 'too_large', params: { maximum } };
      }
      case 'invalid_format':
        return { path, code: 'invalid_format', params: { format: issue.format } };
      case 'invalid_type':
        // An absent required field arrives as invalid_type with input undefined.
        return issue.input === undefined ? { path, code: 'required' } : { path, code: 'invalid_type' };
      case 'unrecognized_keys':
        return { path: [path, ...issue.keys].filter(Boolean).join('.'), code: 'unknown_field' };
      case 'custom':
        return {
          path,
          code: (FieldErrorCode.safeParse(issue.params?.['code']).data ?? 'invalid_value') as FieldErrorCode,
        };
      default:
        return { path, code: 'invalid_value' };
    }
  });
}
