import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Account } from '@famille/contract';
import type { Database } from './database.ts';
import { accounts, families } from './schema.ts';
import { normalizeEmail, normalizeIdentifiant } from '../domain/identifiant.ts';

export type AccountRow = typeof accounts.$inferSelect;
/** A new account: its family (foyer) is created with it, under the account's id. */
export type NewAccountRow = Omit<typeof accounts.$inferInsert, 'familyId'>;

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
  const rows = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id)))
    .limit(1);
  return rows[0];
}

/** By identifiant, else by e-mail address (what a parent types in "forgotten password"). */
export async function findAccountByIdentifiantOrEmail(db: Database, tenantId: string, typed: string): Promise<AccountRow | undefined> {
  return (await findAccountByIdentifiantKey(db, tenantId, normalizeIdentifiant(typed))) ?? (await findAccountByEmailKey(db, tenantId, normalizeEmail(typed)));
}

/** `findAccountByIdentifiantOrEmail` for many at once (one query): each found one's family, by what was typed. */
export async function findFamiliesByIdentifiantOrEmail(db: Database, tenantId: string, typed: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (typed.length === 0) return found;
  const rows = await db
    .select({ familyId: accounts.familyId, identifiantKey: accounts.identifiantKey, emailKey: accounts.emailKey })
    .from(accounts)
    .where(
      and(
        eq(accounts.tenantId, tenantId),
        or(inArray(accounts.identifiantKey, typed.map(normalizeIdentifiant)), inArray(accounts.emailKey, typed.map(normalizeEmail))),
      ),
    );
  for (const text of typed) {
    const row = rows.find((r) => r.identifiantKey === normalizeIdentifiant(text)) ?? rows.find((r) => r.emailKey === normalizeEmail(text));
    if (row) found.set(text, row.familyId);
  }
  return found;
}

/** Inserts the account and its family (call it inside the caller's transaction). */
export async function insertAccount(db: Database, row: NewAccountRow): Promise<void> {
  await db.insert(families).values({ tenantId: row.tenantId, id: row.id, createdAt: row.createdAt });
  await db.insert(accounts).values({ ...row, familyId: row.id });
}

/** Inserts (with its family) unless the identifiant is taken in this tenant; returns whether it inserted. */
export async function insertAccountIfAbsent(db: Database, row: NewAccountRow): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.insert(families).values({ tenantId: row.tenantId, id: row.id, createdAt: row.createdAt }).onConflictDoNothing();
    const inserted = await tx
      .insert(accounts)
      .values({ ...row, familyId: row.id })
      .onConflictDoNothing()
      .returning({ id: accounts.id });
    if (inserted.length === 0) await tx.delete(families).where(and(eq(families.tenantId, row.tenantId), eq(families.id, row.id)));
    return inserted.length > 0;
  });
}

/**
 * Replaces a password hash by one of the current scheme, only if it is still the one that
 * was checked (a reset meanwhile wins).
 */
export async function upgradePasswordHash(db: Database, tenantId: string, id: string, checked: string, upgraded: string): Promise<void> {
  await db
    .update(accounts)
    .set({ passwordHash: upgraded })
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, id), eq(accounts.passwordHash, checked)));
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

/**
 * A successful login moves "last login" to "previous login" and stamps the new one (in the
 * login's transaction). In one statement: PostgreSQL's SET reads the row's old values.
 */
export async function recordLogin(db: Database, tenantId: string, accountId: string, now: Date): Promise<void> {
  await db
    .update(accounts)
    .set({ previousLoginAt: sql`${accounts.lastLoginAt}`, lastLoginAt: now })
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, accountId)));
}

/** The login before the current one ("dernière connexion le …"), or null at the first login. */
export async function previousLoginAt(db: Database, accountId: string, tenantId?: string): Promise<Date | null> {
  const rows = await db
    .select({ at: accounts.previousLoginAt })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), tenantId === undefined ? undefined : eq(accounts.tenantId, tenantId)))
    .limit(1);
  return rows[0]?.at ?? null;
}
