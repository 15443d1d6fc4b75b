import type { Migration } from './index.ts';

/**
 * Invoices (lines per child, integer cents), payments (online or at the counter) with
 * their allocation to invoices, and the online transactions with the payment provider.
 * A balance is never stored: it is the total minus the allocations, so it cannot drift.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'invoices_payments',
  statements: [
    `create table invoice_counters (
      tenant_id text primary key,
      last_number integer not null
    )`,
    `create table invoices (
      tenant_id text not null,
      id uuid not null,
      number text not null,
      family_id uuid not null,
      issued_on date not null,
      due_on date not null,
      -- [{childId?, childLabel, activity, period, quantity, unitPriceCents, amountCents}]
      lines jsonb not null,
      total_cents bigint not null check (total_cents >= 0),
      issued_by_agent uuid,
      created_at timestamptz not null,
      primary key (tenant_id, id),
      unique (tenant_id, number),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index invoices_family on invoices (tenant_id, family_id, issued_on desc)`,
    `create table payment_transactions (
      tenant_id text not null,
      id uuid not null,
      family_id uuid not null,
      account_id uuid not null,
      provider text not null check (provider in ('demo', 'payfip')),
      -- PayFiP's idOp; the demo provider's own id. Null until the provider answered.
      provider_ref text,
      -- PayFiP refdet: 6–30 alphanumerics, unique per transaction.
      reference text not null,
      amount_cents bigint not null check (amount_cents > 0),
      email text not null,
      status text not null check (status in ('pending', 'paid', 'refused', 'abandoned', 'failed')),
      -- The provider's last result code (PayFiP resultrans, or P1/P5), for the record.
      result_code text,
      -- The demo payment page's choice, read back as the provider's answer.
      demo_outcome text,
      created_at timestamptz not null,
      -- After this, a still pending transaction no longer blocks its invoices (PayFiP: idOp 15 min).
      expires_at timestamptz not null,
      checked_at timestamptz,
      settled_at timestamptz,
      primary key (tenant_id, id),
      unique (tenant_id, reference),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create unique index payment_transactions_provider_ref on payment_transactions (provider, provider_ref) where provider_ref is not null`,
    `create index payment_transactions_pending on payment_transactions (status, created_at) where status = 'pending'`,
    `create table payment_transaction_invoices (
      tenant_id text not null,
      transaction_id uuid not null,
      invoice_id uuid not null,
      -- The balance when the payment started: what this transaction intends for the invoice.
      amount_cents bigint not null check (amount_cents > 0),
      position integer not null,
      primary key (tenant_id, transaction_id, invoice_id),
      foreign key (tenant_id, transaction_id) references payment_transactions (tenant_id, id) on delete cascade,
      foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade
    )`,
    `create index payment_transaction_invoices_invoice on payment_transaction_invoices (tenant_id, invoice_id)`,
    `create table payments (
      tenant_id text not null,
      id uuid not null,
      family_id uuid not null,
      method text not null check (method in ('carte', 'especes', 'cheque', 'cesu')),
      amount_cents bigint not null check (amount_cents > 0),
      -- Taken beyond the balances (crossed payments): flagged for the service to refund.
      overpaid_cents bigint not null default 0 check (overpaid_cents >= 0),
      received_at timestamptz not null,
      -- Online: the transaction credited. Unique: a transaction is credited once, whatever the notifications.
      transaction_id uuid,
      agent_id uuid,
      reference text,
      primary key (tenant_id, id),
      unique (tenant_id, transaction_id),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index payments_family on payments (tenant_id, family_id, received_at desc)`,
    `create table payment_allocations (
      tenant_id text not null,
      payment_id uuid not null,
      invoice_id uuid not null,
      amount_cents bigint not null check (amount_cents > 0),
      primary key (tenant_id, payment_id, invoice_id),
      foreign key (tenant_id, payment_id) references payments (tenant_id, id) on delete cascade,
      foreign key (tenant_id, invoice_id) references invoices (tenant_id, id) on delete cascade
    )`,
    `create index payment_allocations_invoice on payment_allocations (tenant_id, invoice_id)`,
  ],
};
