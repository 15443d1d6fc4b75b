import type { Migration } from './index.ts';

/**
 * Several instances behind a load balancer:
 * - `file_blobs` and `file_blob_chunks`: uploaded files in the database (bytea), when the
 *   server stores them there (`FILES_STORAGE=database`, the default with `DATABASE_URL`).
 *   A file is written chunk by chunk (256 KB rows, so neither side holds it whole) and
 *   becomes readable when `completed_at` is set; the chunks go with their file.
 * - `job_leases`: which instance runs a periodic job (payment poller, purges), until when.
 *   The holder renews its lease at every run; another instance takes it only once it has
 *   expired or been released.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'file_blobs_job_leases',
  statements: [
    `create table file_blobs (
      key text primary key,
      size bigint not null default 0,
      chunk_count integer not null default 0,
      created_at timestamptz not null default now(),
      completed_at timestamptz
    )`,
    `create index file_blobs_incomplete on file_blobs (created_at) where completed_at is null`,
    `create table file_blob_chunks (
      key text not null references file_blobs (key) on delete cascade,
      seq integer not null,
      data bytea not null,
      primary key (key, seq)
    )`,
    `create table job_leases (
      job text primary key,
      holder text not null,
      acquired_at timestamptz not null,
      expires_at timestamptz not null
    )`,
  ],
};
