import * as z from 'zod/mini';

export const Health = z
  .object({ status: z.literal('ok'), version: z.string() })
  .register(z.globalRegistry, { id: 'Health' });
export type Health = z.infer<typeof Health>;

export const Readiness = z
  .object({ status: z.literal('ok'), database: z.literal('ok'), migration: z.number() })
  .register(z.globalRegistry, { id: 'Readiness' });
export type Readiness = z.infer<typeof Readiness>;
