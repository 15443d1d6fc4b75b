import type { Migration } from './index.ts';

/**
 * "Adhésion à la facture en ligne", per child: a child without a row gets paper invoices.
 * The row goes with the child (a validated removal deletes the member).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'invoice_preferences',
  statements: [
    `create table invoice_preferences (
      tenant_id text not null,
      child_id uuid not null,
      family_id uuid not null,
      electronic boolean not null,
      updated_at timestamptz not null,
      primary key (tenant_id, child_id),
      foreign key (tenant_id, child_id) references family_members (tenant_id, id) on delete cascade,
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index invoice_preferences_family on invoice_preferences (tenant_id, family_id)`,
  ],
};
