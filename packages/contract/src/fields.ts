// Field shapes the contract's modules share. Not exported from the package: each public
// schema that uses them is.
import * as z from 'zod/mini';

/** Required text, trimmed, of 1 to `max` characters. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/** Optional text, trimmed, of at most `max` characters. */
export const optionalText = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));
/** The id of a resource sent by a client (member, document, invoice…). */
export const id = z.string().check(z.minLength(1), z.maxLength(64));
/** Money is always integer cents (euros × 100): never a float. */
export const cents = z.number().check(z.int(), z.gte(0), z.lte(100_000_000));
/** A password as typed: not trimmed (spaces are legitimate in passphrases). */
export const password = z.string().check(z.minLength(1), z.maxLength(1024));
export const Civilite = z.enum(['madame', 'monsieur']);

/** One dated step of a request's history, for the request's own statuses. */
export const historyEntry = <S extends z.ZodMiniType>(status: S) =>
  z.object({
    status,
    at: z.string(),
    by: z.enum(['parent', 'agent']),
    comment: z.optional(z.string()),
  });
