import * as z from 'zod/mini';
import { fieldErrorCodes, problemCodes } from './codes.ts';

export const ProblemCode = z.enum(problemCodes);
export type ProblemCode = z.infer<typeof ProblemCode>;

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
