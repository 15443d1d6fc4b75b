import * as z from 'zod/mini';
import { wholeNumber } from './fields.ts';

export const Health = z
  .object({
    status: z.literal('ok').check(z.describe('Always `ok`: the process answers')),
    version: z.string().check(
      z.meta({
        description: 'The server’s own version (its package version, not the API version, which the `Famille-Api-Version` header carries)',
        examples: ['0.1.0'],
      }),
    ),
  })
  // Not in the OpenAPI components: the probes are the hosting's, not the API's (README, "Probes").
  .check(z.describe('Liveness: the process runs and answers HTTP'));
export type Health = z.infer<typeof Health>;

export const Readiness = z
  .object({
    status: z.literal('ok').check(z.describe('Always `ok` in a 200 answer')),
    database: z.literal('ok').check(z.describe('Always `ok` in a 200 answer: the database answered a query')),
    migration: wholeNumber().check(z.meta({ description: 'Version of the newest database migration applied (the schema version)', examples: [13] })),
  })
  .check(z.describe('Readiness: the database answers and its schema is migrated'));
export type Readiness = z.infer<typeof Readiness>;
