import type { Migration } from './index.ts';

/**
 * Account creation by the parent: the registration's fields, e-mail addresses unique per
 * tenant, the single-use e-mail tokens (activation, password reset) and the outbox of
 * e-mails. An account, its token and its e-mail are written in one transaction.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'registration_tokens_outbox',
  statements: [
    `alter table accounts
      add column email_key text,
      add column nom_naissance text,
      add column date_naissance date,
      -- { numero, voie, batiment, appartement, complement, codePostal, commune }, each optional.
      add column address jsonb not null default '{}'::jsonb,
      add column telephone text,
      add column mobile text,
      add column preferred_contact text check (preferred_contact in ('email', 'telephone', 'mobile', 'courrier')),
      add column locale text not null default 'fr' check (locale in ('fr', 'en')),
      add column cgu_accepted_at timestamptz,
      add column activated_at timestamptz`,
    // Lower case, trimmed: one account per address and tenant whatever the case typed.
    `update accounts set email_key = lower(btrim(email))`,
    `alter table accounts alter column email_key set not null`,
    `create unique index accounts_email_key on accounts (tenant_id, email_key)`,
    `create table email_tokens (
      tenant_id text not null,
      -- SHA-256 of the token sent by e-mail: reading this table gives no usable link.
      token_hash text not null,
      account_id uuid not null,
      purpose text not null check (purpose in ('activation', 'reset')),
      created_at timestamptz not null,
      expires_at timestamptz not null,
      -- Set once, atomically (update … where used_at is null): a token works once.
      used_at timestamptz,
      primary key (tenant_id, token_hash),
      foreign key (tenant_id, account_id) references accounts (tenant_id, id) on delete cascade
    )`,
    `create index email_tokens_account on email_tokens (tenant_id, account_id, purpose)`,
    `create table outbox_messages (
      tenant_id text not null,
      id uuid not null,
      -- Order of writing (several messages may share one instant).
      seq bigint generated always as identity,
      from_name text not null,
      reply_to text,
      to_address text not null,
      subject text not null,
      -- Emptied once the message is sent: the links it carries must not outlive delivery here.
      text_body text not null,
      html_body text not null,
      status text not null check (status in ('pending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      last_error text,
      created_at timestamptz not null,
      sent_at timestamptz,
      primary key (tenant_id, id)
    )`,
    `create index outbox_messages_due on outbox_messages (next_attempt_at) where status = 'pending'`,
    `create index outbox_messages_recent on outbox_messages (tenant_id, seq)`,
  ],
};
