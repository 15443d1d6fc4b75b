import type { Migration } from './index.ts';

/**
 * The host page a payment was started from, where the parent comes back (its origin is
 * one the tenant allows). Null: the tenant's account page.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'payment_return_page',
  statements: [`alter table payment_transactions add column return_url text`],
};
