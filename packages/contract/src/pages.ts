// Pagination shared by the lists that page (agents' searches, the family's messages and
// requests). Not exported from the package: each query and answer that uses it is.
import * as z from 'zod/mini';
import { wholeNumber } from './fields.ts';

const listLimit = z.pipe(z.string().check(z.regex(/^(?:[1-9]|[1-9][0-9]|1[0-9]{2}|200)$/)), z.transform(Number));
const listOffset = z.pipe(z.string().check(z.regex(/^(?:0|[1-9][0-9]{0,5})$/)), z.transform(Number));
/** The query's pagination fields; `defaultLimit`: how many items the list gives without `limit` (the server's default for it). */
export const pageQuery = (defaultLimit: number) => ({
  limit: z.optional(listLimit).check(z.describe(`How many items, from 1 to 200 (decimal digits); default ${defaultLimit}`)),
  offset: z
    .optional(listOffset)
    .check(z.describe('How many items to skip, from 0 to 999999 (decimal digits); default 0. Pass the previous answer’s `nextOffset`.')),
});
/** The answer's pagination field. */
export const nextPage = {
  /** The offset of the next page; absent on the last one. */
  nextOffset: z.optional(wholeNumber()).check(z.describe('The `offset` of the next page; absent on the last one')),
};
