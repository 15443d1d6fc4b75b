// Field shapes the contract's modules share. Not exported from the package: each public
// schema that uses them is.
//
// Documentation: `.check(z.describe(…))` and `.check(z.meta({ description, examples }))`
// put a field's description in zod's global registry, which the server's OpenAPI document
// reads. Validation ignores them, and browser builds leave them out (they convert with an
// empty metadata registry), so they cost no byte on a page.
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
export const Civilite = z.enum(['madame', 'monsieur']).check(z.describe('Title used in letters and e-mails: `madame` (Mrs) or `monsieur` (Mr)'));

// Answers' precise types, for the OpenAPI document. The server writes these values, and
// their schemas validate them as the plain number or string, exactly as the browser
// validators compiled from the same schemas do (the contract's tests hold the two to the
// same verdicts): safe-integer and date rules in the pages' chunks would cost about 1.4 KB
// gzip only to re-check the server's own output. So the precise type is an annotation in
// zod's global registry, which the OpenAPI document reads and browser builds leave out;
// test/node/server/openapi.test.ts checks real answers against the document.

/** A whole number ≥ 0 in an answer: a count, an amount in cents, a sequence number. */
export const wholeNumber = () => z.number().check(z.meta({ type: 'integer', minimum: 0 }));
/** A calendar date in an answer, `YYYY-MM-DD` (a day in Europe/Paris). */
export const calendarDate = () => z.string().check(z.meta({ format: 'date' }));
/** An instant in an answer: ISO 8601 in UTC, `2026-03-02T08:00:00.000Z`. */
export const instant = () => z.string().check(z.meta({ format: 'date-time' }));

/** Who did a step of a request's history. */
const HistoryActor = z.enum(['parent', 'agent']);

/** One dated step of a request's history, for the request's own statuses. */
export const historyEntry = <S extends z.ZodMiniType>(status: S) =>
  z.object({
    status: status.check(z.describe('The status the request moved to at this step')),
    at: instant().check(z.describe('When the step happened (UTC instant)')),
    by: HistoryActor.check(z.describe('Who made the step: `parent` (the family, e.g. when submitting or cancelling) or `agent` (the service)')),
    comment: z.optional(z.string()).check(z.describe('The agent’s comment, shown to the family (always present on a refusal)')),
  });

/** A date `days` after today (UTC), `YYYY-MM-DD`: examples of dates that must lie in the future stay valid. */
export const dateInDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
