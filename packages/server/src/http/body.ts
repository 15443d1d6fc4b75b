import type { Context } from 'hono';
import * as z from 'zod/mini';
import { issuesToFieldErrors, unsafeTextErrors } from '@famille/contract';
import { ProblemError } from './problem.ts';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * Reads a JSON body and validates it with the contract's schema. Each client mistake has
 * its own answer: 415 (not JSON), 400 (unparsable), 422 (invalid, with field errors).
 * Size is bounded earlier by the body-limit middleware (413).
 */
export async function readJsonBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.output<S>> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!JSON_MEDIA_TYPE.test(mediaType)) throw new ProblemError('unsupported_media_type');
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new ProblemError('malformed_body');
  }
  refuseUnsafeText(value);
  // reportInput tells a missing field (required) from a wrong one (invalid_type); the
  // input stays server-side, only field errors go out.
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new ProblemError('validation_failed', { fieldErrors: issuesToFieldErrors(result.error.issues) });
  return result.data;
}

/** 422 for control characters, lone surrogates and stray line breaks (see the contract's `unsafeTextErrors`). */
export function refuseUnsafeText(value: unknown): void {
  const fieldErrors = unsafeTextErrors(value);
  if (fieldErrors.length) throw new ProblemError('validation_failed', { fieldErrors });
}
