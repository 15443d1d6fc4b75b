import type { Migration } from './index.ts';

/**
 * Refunds of overpayments (a payment that took more than its invoices' balances): the day
 * the service refunded it, its reference (e.g. the DGFiP's), the agent who recorded it and
 * when. All four are set together, and only on an overpaid payment. The indexes serve the
 * agents' lists: overpaid payments, and the tenant's invoices newest first.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'payment_refunds',
  statements: [
    `alter table payments
      add column refunded_on date,
      add column refund_reference text,
      add column refunded_by uuid,
      add column refunded_at timestamptz`,
    `alter table payments add constraint payments_refund_complete check (
      (refunded_at is null and refunded_on is null and refund_reference is null and refunded_by is null)
      or (refunded_at is not null and refunded_on is not null and refund_reference is not null and refunded_by is not null and overpaid_cents > 0)
    )`,
    `create index payments_overpaid on payments (tenant_id, received_at desc) where overpaid_cents > 0`,
    `create index invoices_newest on invoices (tenant_id, issued_on desc, number desc)`,
  ],
};
