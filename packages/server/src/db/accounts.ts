import { and, eq } from 'drizzle-orm';
import type { Account } from '@famille/contract';
import type { Database } from './database.ts';
import { accounts } from './schema.ts';
import { normalizeEmail, normalizeIdentifiant } from '../domain/identifiant.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccountRow = typeof accounts.$inferInsert;

export async function findAccountByIdentifiantKey(db: Database, tenantId: string, identifiantKey: string): Promise<AccountRow | undefined> {
  const rows = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.identifiantKey, identifiantKey)))
    .limit(1);
  return rows[0];
}

export async function findAccountByEmailKey(db: Database, tenantId: string, emailKey: string): Promise<AccountRow | undefined> {
  const rows = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.emailKey, emailKey)))
    .limit(1);
  return rows[0];
}

export async function findAccountById(db: Database, tenantId: string, id: string): Promise<AccountRow | undefined> {
  const rows = await db.select().from(accounts).where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id))).limit(1);
  return rows[0];
}

/** By identifiant, else by e-mail address (what a parent types in "forgotten password"). */
export async function findAccountByIdentifiantOrEmail(db: Database, tenantId: string, typed: string): Promise<AccountRow | undefined> {
  return (await findAccountByIdentifiantKey(db, tenantId, normalizeIdentifiant(typed))) ?? (await findAccountByEmailKey(db, tenantId, normalizeEmail(typed)));
}

export async function insertAccount(db: Database, row: NewAccountRow): Promise<void> {
  await db.insert(accounts).values(row);
}

/** Inserts unless the identifiant is taken in this tenant; returns whether it inserted. */
export async function insertAccountIfAbsent(db: Database, row: NewAccountRow): Promise<boolean> {
  const inserted = await db.insert(accounts).values(row).onConflictDoNothing().returning({ id: accounts.id });
  return inserted.length > 0;
}

/** The account as the contract shows it (never the password hash). */
export function toContractAccount(row: Pick<AccountRow, 'id' | 'identifiant' | 'email' | 'civilite' | 'nomUsage' | 'prenoms' | 'status'>): Account {
  return {
    id: row.id,
    identifiant: row.identifiant,
    email: row.email,
    ...(row.civilite && { civilite: row.civilite }),
    nomUsage: row.nomUsage,
    prenoms: row.prenoms,
    status: row.status,
  };
}
