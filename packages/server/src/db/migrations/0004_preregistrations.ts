import type { Migration } from './index.ts';

/**
 * The crèche pre-registration: one draft per child (saved at every step of the wizard),
 * the submitted pre-registrations (numbered from the same per-tenant counter as the
 * entourage requests) with their dated history, and the documents they claim.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'preregistrations',
  statements: [
    `create table preregistrations (
      tenant_id text not null,
      id uuid not null,
      -- From request_counters, shared with the entourage requests: "Demande n° 36".
      number integer not null,
      family_id uuid not null,
      -- No foreign key: the pre-registration outlives a child removed from the entourage.
      child_id uuid not null,
      child_label text not null,
      status text not null check (status in ('deposee', 'en_instruction', 'place_proposee', 'liste_attente', 'refusee', 'annulee')),
      start_date date not null,
      -- What the family submitted, as checked then: structure ids, {type, documentId}[], answers by question id.
      choices jsonb not null,
      observations text,
      documents jsonb not null,
      answers jsonb not null,
      next_commission date not null,
      submitted_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (tenant_id, id),
      unique (tenant_id, number),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index preregistrations_family on preregistrations (tenant_id, family_id, number)`,
    `create index preregistrations_status on preregistrations (tenant_id, status, number)`,
    `create table preregistration_events (
      tenant_id text not null,
      preregistration_id uuid not null,
      seq bigint generated always as identity,
      status text not null check (status in ('deposee', 'en_instruction', 'place_proposee', 'liste_attente', 'refusee', 'annulee')),
      at timestamptz not null,
      by_kind text not null check (by_kind in ('parent', 'agent')),
      agent_id uuid,
      account_id uuid,
      comment text,
      primary key (tenant_id, preregistration_id, seq),
      foreign key (tenant_id, preregistration_id) references preregistrations (tenant_id, id) on delete cascade
    )`,
    // One draft per child and démarche. Kept after submission, pointing at what it became,
    // so that a repeated submission answers the same pre-registration.
    `create table preregistration_drafts (
      tenant_id text not null,
      family_id uuid not null,
      child_id uuid not null,
      step integer not null,
      content jsonb not null,
      submitted_id uuid,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (tenant_id, family_id, child_id),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade,
      -- A child removed from the entourage takes its draft along.
      foreign key (tenant_id, child_id) references family_members (tenant_id, id) on delete cascade
    )`,
    `create index preregistration_drafts_child on preregistration_drafts (tenant_id, child_id)`,
    // A document claimed by a pre-registration at submission (an entourage request uses request_id).
    `alter table documents add column preregistration_id uuid`,
    `create index documents_preregistration on documents (tenant_id, preregistration_id)`,
  ],
};
