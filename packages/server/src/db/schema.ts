import { bigint, boolean, customType, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { InvoiceLine, Locale, PaymentMethod, PreregistrationStatus, TransactionStatus } from '@famille/contract';
import type { AnswerValue, DraftContent } from '../domain/preregistration.ts';
import type { AccountAddress, AccountStatus, PreferredContact, SessionTransport } from '../domain/types.ts';

// Query-builder view of the tables. The DDL lives in ./migrations (the source of truth);
// test/node/server/schema.test.ts checks that both state the same tables, columns and keys.

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const schemaMigrations = pgTable('schema_migrations', {
  version: integer('version').primaryKey(),
  name: text('name').notNull(),
  appliedAt: instant('applied_at').notNull().defaultNow(),
});

export const accounts = pgTable(
  'accounts',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    identifiant: text('identifiant').notNull(),
    identifiantKey: text('identifiant_key').notNull(),
    email: text('email').notNull(),
    /** Lower case, trimmed: unique per tenant. */
    emailKey: text('email_key').notNull(),
    civilite: text('civilite').$type<'madame' | 'monsieur'>(),
    nomUsage: text('nom_usage').notNull(),
    prenoms: text('prenoms').notNull(),
    nomNaissance: text('nom_naissance'),
    dateNaissance: date('date_naissance', { mode: 'string' }),
    address: jsonb('address').$type<AccountAddress>().notNull().default({}),
    telephone: text('telephone'),
    mobile: text('mobile'),
    preferredContact: text('preferred_contact').$type<PreferredContact>(),
    locale: text('locale').$type<Locale>().notNull().default('fr'),
    cguAcceptedAt: instant('cgu_accepted_at'),
    activatedAt: instant('activated_at'),
    passwordHash: text('password_hash').notNull(),
    status: text('status').$type<AccountStatus>().notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /** The family (foyer) the account belongs to; created with the account. */
    familyId: uuid('family_id').notNull(),
    /** This login and the one before ("dernière connexion le …"), moved on at each login. */
    lastLoginAt: instant('last_login_at'),
    previousLoginAt: instant('previous_login_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const sessions = pgTable(
  'sessions',
  {
    tenantId: text('tenant_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id').notNull(),
    transport: text('transport').$type<SessionTransport>().notNull(),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    idleExpiresAt: instant('idle_expires_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.tokenHash] })],
);

export const throttleCounters = pgTable(
  'throttle_counters',
  {
    tenantId: text('tenant_id').notNull(),
    key: text('key').notNull(),
    failures: integer('failures').notNull(),
    windowEndsAt: instant('window_ends_at').notNull(),
    lockedUntil: instant('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);

export type EmailTokenPurpose = 'activation' | 'reset' | 'email_change';

export const emailTokens = pgTable(
  'email_tokens',
  {
    tenantId: text('tenant_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    accountId: uuid('account_id').notNull(),
    purpose: text('purpose').$type<EmailTokenPurpose>().notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
    /** `email_change`: the address the link confirms. */
    newEmail: text('new_email'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.tokenHash] })],
);

export type OutboxStatus = 'pending' | 'sent' | 'failed';

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    fromName: text('from_name').notNull(),
    replyTo: text('reply_to'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    status: text('status').$type<OutboxStatus>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const families = pgTable(
  'families',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type MemberRoleName = 'coRepresentant' | 'enfant' | 'contact';
export type RequestStatusName = 'deposee' | 'en_cours' | 'validee' | 'refusee';
export type RequestKindName = 'member_add' | 'member_update' | 'member_remove' | 'identity_change' | 'account_closure';
/** A member's profile as stored: the contract's MemberInput without `role` and `attachments`. */
export type StoredProfile = Record<string, unknown>;

export const familyMembers = pgTable(
  'family_members',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    role: text('role').$type<MemberRoleName>().notNull(),
    profile: jsonb('profile').$type<StoredProfile>().notNull(),
    validatedProfile: jsonb('validated_profile').$type<StoredProfile>(),
    removalRequested: boolean('removal_requested').notNull().default(false),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** A per-tenant gapless counter: its last number given (see `nextCounterValue`). */
const counterTable = (name: string) =>
  pgTable(name, {
    tenantId: text('tenant_id').primaryKey(),
    lastNumber: integer('last_number').notNull(),
  });
export type CounterTable = ReturnType<typeof counterTable>;

export const requestCounters = counterTable('request_counters');

export const requests = pgTable(
  'requests',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    number: integer('number').notNull(),
    familyId: uuid('family_id').notNull(),
    kind: text('kind').$type<RequestKindName>().notNull(),
    status: text('status').$type<RequestStatusName>().notNull(),
    memberId: uuid('member_id').notNull(),
    memberLabel: text('member_label').notNull(),
    /** `titulaire`: the account holder (requests `identity_change`, `account_closure`; `member_id` is the account's id). */
    memberRole: text('member_role').$type<MemberRoleName | 'titulaire'>().notNull(),
    profile: jsonb('profile').$type<StoredProfile>().notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const requestEvents = pgTable(
  'request_events',
  {
    tenantId: text('tenant_id').notNull(),
    requestId: uuid('request_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    status: text('status').$type<RequestStatusName>().notNull(),
    at: instant('at').notNull(),
    byKind: text('by_kind').$type<'parent' | 'agent'>().notNull(),
    agentId: uuid('agent_id'),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.requestId, t.seq] })],
);

export const documents = pgTable(
  'documents',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    storageKey: text('storage_key').notNull(),
    requestId: uuid('request_id'),
    memberId: uuid('member_id'),
    createdAt: instant('created_at').notNull(),
    /** Set once claimed by a submitted pre-registration. */
    preregistrationId: uuid('preregistration_id'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** The family's document store: a justificatif kept under a type, given again to démarches. */
export const familyDocuments = pgTable(
  'family_documents',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    type: text('type').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Shared with the `documents` rows of the requests it was given to. */
    storageKey: text('storage_key').notNull(),
    documentDate: date('document_date', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    uploadedAt: instant('uploaded_at').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export type AgentRole = 'agent' | 'admin';

export const agents = pgTable(
  'agents',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    identifiant: text('identifiant').notNull(),
    identifiantKey: text('identifiant_key').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').$type<AgentRole>().notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status').$type<'active' | 'disabled'>().notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const agentSessions = pgTable(
  'agent_sessions',
  {
    tenantId: text('tenant_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    agentId: uuid('agent_id').notNull(),
    createdAt: instant('created_at').notNull(),
    lastSeenAt: instant('last_seen_at').notNull(),
    idleExpiresAt: instant('idle_expires_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.tokenHash] })],
);

export const preregistrations = pgTable(
  'preregistrations',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    number: integer('number').notNull(),
    familyId: uuid('family_id').notNull(),
    childId: uuid('child_id').notNull(),
    childLabel: text('child_label').notNull(),
    status: text('status').$type<PreregistrationStatus>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    choices: jsonb('choices').$type<string[]>().notNull(),
    observations: text('observations'),
    documents: jsonb('documents').$type<{ type: string; documentId: string }[]>().notNull(),
    answers: jsonb('answers').$type<Record<string, AnswerValue>>().notNull(),
    nextCommission: date('next_commission', { mode: 'string' }).notNull(),
    submittedAt: instant('submitted_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const preregistrationEvents = pgTable(
  'preregistration_events',
  {
    tenantId: text('tenant_id').notNull(),
    preregistrationId: uuid('preregistration_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    status: text('status').$type<PreregistrationStatus>().notNull(),
    at: instant('at').notNull(),
    byKind: text('by_kind').$type<'parent' | 'agent'>().notNull(),
    agentId: uuid('agent_id'),
    accountId: uuid('account_id'),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.preregistrationId, t.seq] })],
);

export const preregistrationDrafts = pgTable(
  'preregistration_drafts',
  {
    tenantId: text('tenant_id').notNull(),
    familyId: uuid('family_id').notNull(),
    childId: uuid('child_id').notNull(),
    step: integer('step').notNull(),
    content: jsonb('content').$type<DraftContent>().notNull(),
    submittedId: uuid('submitted_id'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.familyId, t.childId] })],
);

export const invoiceCounters = counterTable('invoice_counters');

const money = (name: string) => bigint(name, { mode: 'number' });

export const invoices = pgTable(
  'invoices',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    number: text('number').notNull(),
    familyId: uuid('family_id').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    lines: jsonb('lines').$type<InvoiceLine[]>().notNull(),
    totalCents: money('total_cents').notNull(),
    issuedByAgent: uuid('issued_by_agent'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const paymentTransactions = pgTable(
  'payment_transactions',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    accountId: uuid('account_id').notNull(),
    provider: text('provider').$type<'demo' | 'payfip'>().notNull(),
    providerRef: text('provider_ref'),
    reference: text('reference').notNull(),
    amountCents: money('amount_cents').notNull(),
    email: text('email').notNull(),
    status: text('status').$type<TransactionStatus>().notNull(),
    resultCode: text('result_code'),
    demoOutcome: text('demo_outcome'),
    /** The host page to come back to; null: the tenant's account page. */
    returnUrl: text('return_url'),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    checkedAt: instant('checked_at'),
    settledAt: instant('settled_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const paymentTransactionInvoices = pgTable(
  'payment_transaction_invoices',
  {
    tenantId: text('tenant_id').notNull(),
    transactionId: uuid('transaction_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    amountCents: money('amount_cents').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.transactionId, t.invoiceId] })],
);

export const payments = pgTable(
  'payments',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    method: text('method').$type<PaymentMethod>().notNull(),
    amountCents: money('amount_cents').notNull(),
    overpaidCents: money('overpaid_cents').notNull().default(0),
    receivedAt: instant('received_at').notNull(),
    transactionId: uuid('transaction_id'),
    agentId: uuid('agent_id'),
    reference: text('reference'),
    /** An overpayment's refund: the day, its reference, the agent who recorded it and when (all or none). */
    refundedOn: date('refunded_on', { mode: 'string' }),
    refundReference: text('refund_reference'),
    refundedBy: uuid('refunded_by'),
    refundedAt: instant('refunded_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    tenantId: text('tenant_id').notNull(),
    paymentId: uuid('payment_id').notNull(),
    invoiceId: uuid('invoice_id').notNull(),
    amountCents: money('amount_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.paymentId, t.invoiceId] })],
);

export const invoicePreferences = pgTable(
  'invoice_preferences',
  {
    tenantId: text('tenant_id').notNull(),
    childId: uuid('child_id').notNull(),
    familyId: uuid('family_id').notNull(),
    electronic: boolean('electronic').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.childId] })],
);

/** bytea: node-postgres reads a Buffer, PGlite a Uint8Array; both take a Uint8Array. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** A message of the service (Mes actualités), to one family or to all (`audience`). */
/**
 * A row per change to what a family's invoice list shows, written by triggers (migration
 * 0014); their number is the list's version (invoices/list-cache.ts).
 */
export const familyBillingChanges = pgTable(
  'family_billing_changes',
  {
    tenantId: text('tenant_id').notNull(),
    familyId: uuid('family_id').notNull(),
    change: bigint('change', { mode: 'number' }).generatedAlwaysAsIdentity(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.familyId, t.change] })],
);

export const familyMessages = pgTable(
  'family_messages',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    audience: text('audience').$type<'family' | 'all'>().notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    agentId: uuid('agent_id').notNull(),
    sentAt: instant('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Each family a message went to, and when that family first read it. */
export const familyMessageRecipients = pgTable(
  'family_message_recipients',
  {
    tenantId: text('tenant_id').notNull(),
    messageId: uuid('message_id').notNull(),
    familyId: uuid('family_id').notNull(),
    sentAt: instant('sent_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.messageId, t.familyId] })],
);

/** An uploaded file kept in the database (`createDatabaseFileStorage`); readable once completed. */
export const fileBlobs = pgTable('file_blobs', {
  key: text('key').primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull().default(0),
  chunkCount: integer('chunk_count').notNull().default(0),
  createdAt: instant('created_at').notNull().defaultNow(),
  completedAt: instant('completed_at'),
});

export const fileBlobChunks = pgTable(
  'file_blob_chunks',
  {
    key: text('key').notNull(),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] })],
);

/** Which instance runs a periodic job, until when (see `claimJobLease`). */
export const jobLeases = pgTable('job_leases', {
  job: text('job').primaryKey(),
  holder: text('holder').notNull(),
  acquiredAt: instant('acquired_at').notNull(),
  expiresAt: instant('expires_at').notNull(),
});

/** Coordonnées a parent changed directly in "Mon compte" (changed fields only), for agents to follow. */
export const accountChanges = pgTable(
  'account_changes',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    familyId: uuid('family_id').notNull(),
    accountId: uuid('account_id').notNull(),
    kind: text('kind').$type<'contact_details' | 'email'>().notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    after: jsonb('after').$type<Record<string, unknown>>().notNull(),
    at: instant('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
