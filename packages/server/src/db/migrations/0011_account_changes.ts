import type { Migration } from './index.ts';

/**
 * "Mon compte": the account's last two logins ("dernière connexion le …"); e-mail change
 * links (the new address waits in its token until the link is opened); the account
 * holder's own requests (identity change, account closure) in the family's requests; and
 * the coordonnées a parent changed directly, for the service to follow.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'account_changes',
  statements: [
    `alter table accounts add column last_login_at timestamptz, add column previous_login_at timestamptz`,
    // The address an 'email_change' token confirms (null for the other purposes).
    `alter table email_tokens add column new_email text`,
    `alter table email_tokens drop constraint email_tokens_purpose_check`,
    `alter table email_tokens add constraint email_tokens_purpose_check check (purpose in ('activation', 'reset', 'email_change'))`,
    `alter table requests drop constraint requests_kind_check`,
    `alter table requests add constraint requests_kind_check
      check (kind in ('member_add', 'member_update', 'member_remove', 'identity_change', 'account_closure'))`,
    `create table account_changes (
      tenant_id text not null,
      id uuid not null,
      family_id uuid not null,
      account_id uuid not null,
      kind text not null check (kind in ('contact_details', 'email')),
      -- The changed fields only, before and after.
      before jsonb not null,
      after jsonb not null,
      at timestamptz not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index account_changes_at on account_changes (tenant_id, at)`,
    `create index account_changes_family on account_changes (tenant_id, family_id, at)`,
  ],
};
