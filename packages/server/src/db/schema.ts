import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AccountStatus, SessionTransport } from '../domain/types.ts';

// Query-builder view of the tables. The DDL lives in ./migrations (the source of truth).

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const schemaMigrations = pgTable('schema_migrations', {
  version: integer('version').primaryKey(),
  name: text('name').notNull(),
  appliedAt: instant('applied_at').notNull(),
});

export const accounts = pgTable(
  'accounts',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull(),
    identifiant: text('identifiant').notNull(),
    identifiantKey: text('identifiant_key').notNull(),
    email: text('email').notNull(),
    civilite: text('civilite').$type<'madame' | 'monsieur'>(),
    nomUsage: text('nom_usage').notNull(),
    prenoms: text('prenoms').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status').$type<AccountStatus>().notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
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
