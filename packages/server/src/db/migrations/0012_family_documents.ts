import type { Migration } from './index.ts';

/**
 * The family's document store (pièces justificatives): each document under one of the
 * tenant's document types, with the date written on it and the last day it is valid where
 * the type has a validity. The bytes live in the file storage under `storage_key`.
 *
 * A stored document given to a pre-registration is attached as a `documents` row of that
 * request sharing the same bytes (no copy), so the same storage key may now be named by
 * several rows: the store's row and each request's. The bytes go only when no row names
 * them any more, which is why `documents.storage_key` is no longer unique (an index keeps
 * the check of who still names a key cheap).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'family_documents',
  statements: [
    `create table family_documents (
      tenant_id text not null,
      id uuid not null,
      family_id uuid not null,
      -- A type of the tenant's pre-registration documents (justificatif-domicile…).
      type text not null,
      -- Sanitized display name only: the bytes live under storage_key, a generated name.
      file_name text not null,
      content_type text not null,
      size bigint not null,
      storage_key text not null,
      -- The date written on the document, and the last day it is valid (types with a validity).
      document_date date,
      valid_until date,
      uploaded_at timestamptz not null,
      created_at timestamptz not null,
      primary key (tenant_id, id),
      foreign key (tenant_id, family_id) references families (tenant_id, id) on delete cascade
    )`,
    `create index family_documents_family on family_documents (tenant_id, family_id)`,
    `create index family_documents_storage_key on family_documents (storage_key)`,
    `alter table documents drop constraint if exists documents_storage_key_key`,
    `create index documents_storage_key on documents (storage_key)`,
  ],
};
