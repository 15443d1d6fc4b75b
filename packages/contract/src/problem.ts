import * as z from 'zod/mini';
import { fieldErrorCodes, problemCodes } from './codes.ts';
import { wholeNumber } from './fields.ts';

export const ProblemCode = z.enum(problemCodes);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const FieldErrorCode = z.enum(fieldErrorCodes);
export type FieldErrorCode = z.infer<typeof FieldErrorCode>;

export const FieldError = z
  .object({
    /** Dotted path of the field in the request body, e.g. `address.postalCode`. */
    path: z.string().check(
      z.meta({
        description: 'Dotted path of the field in the request body (array items by index); empty for the body as a whole',
        examples: ['address.codePostal', 'lines.0.quantity'],
      }),
    ),
    code: FieldErrorCode.check(
      z.describe(
        'What is wrong with the field, as a stable code to word in the client’s language (`required`, `too_long`, `invalid_format`, `taken`, `too_weak`…)',
      ),
    ),
    params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))).check(
      z.meta({
        description: 'The values the message needs, e.g. `{ "maximum": 254 }` for `too_long`, `{ "format": "email" }` for `invalid_format`',
        examples: [{ maximum: 100 }],
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'FieldError', description: 'One field’s error in a `validation_failed` answer' });
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with the kit's extensions. */
export const Problem = z
  .object({
    type: z.string().check(
      z.meta({
        description: 'A URI naming the problem type: `urn:espace-famille:problem:` followed by `code` (not dereferenceable)',
        examples: ['urn:espace-famille:problem:validation_failed'],
      }),
    ),
    title: z.string().check(
      z.meta({
        description: 'A short English summary of the problem type, for logs: clients word their own messages from `code`',
        examples: ['The request body has invalid fields'],
      }),
    ),
    // An annotation, as for the other integers of answers (see fields.ts).
    status: z.number().check(z.meta({ type: 'integer', minimum: 400, maximum: 599, description: 'The HTTP status code, repeated', examples: [422] })),
    code: ProblemCode.check(
      z.describe('The stable machine-readable code: branch on it, never on `title` or `detail`. New codes may be added in a minor version.'),
    ),
    detail: z.optional(z.string()).check(z.describe('An English explanation of this occurrence, for developers and logs')),
    instance: z.optional(z.string()).check(z.describe('A URI identifying this occurrence, when there is one')),
    fieldErrors: z.optional(z.array(FieldError)).check(z.describe('With `validation_failed`: each field’s error')),
    /** Seconds before the same request may succeed (throttling). Mirrors `Retry-After`. */
    retryAfterSeconds: z.optional(wholeNumber()).check(
      z.meta({
        description: 'Seconds before the same request may succeed (throttling, saturation); the `Retry-After` header carries the same number',
        examples: [900],
      }),
    ),
    requestId: z
      .optional(z.string())
      .check(z.meta({ description: 'The request’s id, as in the server’s logs: quote it when reporting a problem', examples: ['Xq3v9kR2mT7wL0pZ'] })),
  })
  .register(z.globalRegistry, {
    id: 'Problem',
    description: 'RFC 9457 problem details (`application/problem+json`), with the kit’s extensions `code`, `fieldErrors`, `retryAfterSeconds` and `requestId`',
  });
export type Problem = z.infer<typeof Problem>;

export const problemContentType = 'application/problem+json';
