import type { Migration } from './index.ts';

/**
 * The entourage: every account belongs to a family (foyer); members of the family; the
 * requests "transmises au service pour traitement" with a per-tenant gapless number and a
 * dated history; uploaded documents (bytes in the file storage, under generated names);
 * agents of the municipality and their bearer sessions.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'families_requests_documents_agents',
  statements: [
    `create table families (
      tenant_id text not null,
      id uuid not null,
      created_at timestamptz not null,
      primary key (tenant_id, id)
    )`,
    // Accounts created before this migration: one family each, with the account's id.
    `insert into families (tenant_id, id, created_at) select tenant_id, id, created_at from accounts`,
    `alter table accounts add column family_id uuid`,
    `update accounts set family_id = id`,
    `alter table accounts alter column family_id set not null`,
    `alter table accounts add foreign key (tenant_id, family_id) references families (tenant_id, id)`,
    `create index accounts_family on accounts (tenant_id, family_id)`,
    `create table family_members (
      tenant_id text not null,
      id uuid not null,
      family_id uuid not null,
      role text not null check (role in ('coRepresentant', 'enfant', 'contact')),
      -- The profile as last declared (the contract's MemberInput, attachments excluded).
      profile jsonb not null,
      -- The profile the service last validated (null until an addition is validated).
      validated_profile jsonb,
      removal_requested boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index family_members_family on family_members (tenant_id, family_id)`,
    // One row per tenant, incremented in the request's transaction: numbers have no gaps.
    `create table request_counters (
      tenant_id text primary key,
      last_number integer not null
    )`,
    `create table requests (
      tenant_id text not null,
      id uuid not null,
      number integer not null,
      family_id uuid not null,
      kind text not null check (kind in ('member_add', 'member_update', 'member_remove')),
      status text not null check (status in ('deposee', 'en_cours', 'validee', 'refusee')),
      -- No foreign key: a member removed by a validated request leaves its requests behind.
      member_id uuid not null,
      member_label text not null,
      member_role text not null,
      -- The profile submitted with this request (what the agent decides on).
      profile jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (tenant_id, id),
      unique (tenant_id, number),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index requests_family on requests (tenant_id, family_id, created_at)`,
    `create index requests_member on requests (tenant_id, member_id, created_at)`,
    `create index requests_status on requests (tenant_id, status, created_at)`,
    `create table request_events (
      tenant_id text not null,
      request_id uuid not null,
      seq bigint generated always as identity,
      status text not null check (status in ('deposee', 'en_cours', 'validee', 'refusee')),
      at timestamptz not null,
      by_kind text not null check (by_kind in ('parent', 'agent')),
      -- The agent who moved it (never shown to the family).
      agent_id uuid,
      comment text,
      primary key (tenant_id, request_id, seq),
      foreign key (tenant_id, request_id) references requests (tenant_id, id) on delete cascade
    )`,
    `create table documents (
      tenant_id text not null,
      id uuid not null,
      family_id uuid not null,
      -- Sanitized display name only: the bytes live under storage_key, a generated name.
      file_name text not null,
      content_type text not null,
      size bigint not null,
      storage_key text not null unique,
      -- Set once attached to a request (and the member it is about).
      request_id uuid,
      member_id uuid,
      created_at timestamptz not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index documents_family on documents (tenant_id, family_id)`,
    `create index documents_member on documents (tenant_id, member_id)`,
    `create table agents (
      tenant_id text not null,
      id uuid not null,
      identifiant text not null,
      identifiant_key text not null,
      display_name text not null,
      role text not null check (role in ('agent', 'admin')),
      password_hash text not null,
      status text not null check (status in ('active', 'disabled')),
      created_at timestamptz not null,
      primary key (tenant_id, id),
      unique (tenant_id, identifiant_key)
    )`,
    `create table agent_sessions (
      tenant_id text not null,
      token_hash text not null,
      agent_id uuid not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      idle_expires_at timestamptz not null,
      expires_at timestamptz not null,
      primary key (tenant_id, token_hash),
      foreign key (tenant_id, agent_id) references agents (tenant_id, id) on delete cascade
    )`,
    `create index agent_sessions_agent on agent_sessions (tenant_id, agent_id)`,
  ],
};
