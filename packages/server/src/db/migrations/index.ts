import { migration0001 } from './0001_accounts_sessions_throttle.ts';
import { migration0002 } from './0002_registration_tokens_outbox.ts';
import { migration0003 } from './0003_families_requests_documents_agents.ts';
import { migration0004 } from './0004_preregistrations.ts';
import { migration0005 } from './0005_invoices_payments.ts';
import { migration0006 } from './0006_invoice_preferences.ts';
import { migration0007 } from './0007_payment_return_page.ts';
import { migration0008 } from './0008_payment_refunds.ts';
import { migration0009 } from './0009_file_blobs_job_leases.ts';
import { migration0010 } from './0010_family_messages.ts';
import { migration0011 } from './0011_account_changes.ts';
import { migration0012 } from './0012_family_documents.ts';
import { migration0013 } from './0013_drop_unused_index.ts';
import { migration0014 } from './0014_family_billing_changes.ts';

/**
 * A versioned schema change. Statements are separate strings (not one script) because
 * PGlite's extended protocol runs one statement per query; they are TS modules so that
 * they bundle into the browser build of the mock server.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/** In order. Never edit a released migration: add the next one. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
];
