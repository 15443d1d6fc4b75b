import type { Migration } from './index.ts';

/**
 * Accounts, sessions and failed-login counters. Every table leads with tenant_id so that
 * keys and indexes stay local to one tenant (and a distributed PostgreSQL can shard on it).
 */
export const migration0001: Migration = {
  version: 1,
  name: 'accounts_sessions_throttle',
  statements: [
    `create table accounts (
      tenant_id text not null,
      id uuid not null,
      identifiant text not null,
      -- Normalized identifiant (NFKC, lower case): unique per tenant, used for login.
      identifiant_key text not null,
      email text not null,
      civilite text check (civilite in ('madame', 'monsieur')),
      nom_usage text not null,
      prenoms text not null,
      -- scrypt$N$r$p$salt$hash: the cost travels with the hash.
      password_hash text not null,
      status text not null check (status in ('pending_activation', 'active', 'disabled')),
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (tenant_id, id),
      unique (tenant_id, identifiant_key)
    )`,
    `create table sessions (
      tenant_id text not null,
      -- SHA-256 of the bearer/cookie token: a database leak gives no usable session.
      token_hash text not null,
      account_id uuid not null,
      transport text not null check (transport in ('cookie', 'token')),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      idle_expires_at timestamptz not null,
      expires_at timestamptz not null,
      primary key (tenant_id, token_hash),
      foreign key (tenant_id, account_id) references accounts (tenant_id, id) on delete cascade
    )`,
    `create index sessions_account on sessions (tenant_id, account_id)`,
    `create index sessions_idle_expiry on sessions (idle_expires_at)`,
    `create table throttle_counters (
      tenant_id text not null,
      -- 'id:' or 'ip:' followed by a SHA-256: no identifiant or address kept in clear.
      key text not null,
      failures integer not null,
      window_ends_at timestamptz not null,
      locked_until timestamptz,
      primary key (tenant_id, key)
    )`,
  ],
};
