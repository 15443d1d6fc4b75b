import type { Migration } from './index.ts';

/**
 * A row for every change to what a family's invoice list shows (its invoices, payments,
 * allocations, online payments and their invoices), written by triggers: no write path can
 * forget it, the invoice import script included. The number of a family's rows is the
 * version of its list (invoices/list-cache.ts): rows are only ever added, so it grows with
 * every committed change, whatever the order transactions commit in — which a counter
 * updated in one row would also give, but at the cost of a row lock taken in the middle of
 * payment transactions (a deadlock with a transaction locking the invoices first). Inserts
 * lock nothing another transaction waits for.
 *
 * An online payment's `checked_at` (the poller's, every few seconds) changes nothing shown:
 * only its status and expiry count.
 */
const changed = (table: string, on: string) =>
  `create trigger ${table}_billing_changed after ${on} on ${table} for each row execute function family_billing_changed()`;

export const migration0014: Migration = {
  version: 14,
  name: 'family_billing_changes',
  statements: [
    // The key's index serves the count of a family's rows (an index-only scan).
    `create table family_billing_changes (
      tenant_id text not null,
      family_id uuid not null,
      change bigint generated always as identity,
      primary key (tenant_id, family_id, change)
    )`,
    `create function family_billing_changed() returns trigger language plpgsql as $$
    declare
      changed_row record;
      family uuid;
    begin
      if tg_op = 'DELETE' then changed_row := old; else changed_row := new; end if;
      if tg_table_name = 'payment_allocations' then
        select i.family_id into family from invoices i where i.tenant_id = changed_row.tenant_id and i.id = changed_row.invoice_id;
      elsif tg_table_name = 'payment_transaction_invoices' then
        select t.family_id into family from payment_transactions t where t.tenant_id = changed_row.tenant_id and t.id = changed_row.transaction_id;
      else
        family := changed_row.family_id;
      end if;
      -- A row deleted with its invoice (cascade): the invoice's own deletion is counted.
      if family is not null then
        insert into family_billing_changes (tenant_id, family_id) values (changed_row.tenant_id, family);
      end if;
      return null;
    end $$`,
    changed('invoices', 'insert or update or delete'),
    changed('payments', 'insert or update or delete'),
    changed('payment_allocations', 'insert or update or delete'),
    changed('payment_transaction_invoices', 'insert or update or delete'),
    changed('payment_transactions', 'insert or delete'),
    `create trigger payment_transactions_status_changed after update of status, expires_at on payment_transactions
      for each row execute function family_billing_changed()`,
  ],
};
