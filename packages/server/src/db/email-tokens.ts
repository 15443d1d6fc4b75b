import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { emailTokens, type EmailTokenPurpose } from './schema.ts';

export type EmailTokenRow = typeof emailTokens.$inferSelect;

/**
 * Stores a new token and retires the account's earlier unused ones of the same purpose
 * (their links then answer "expired", which offers a new one).
 */
export async function insertEmailToken(
  db: Database,
  row: { tenantId: string; tokenHash: string; accountId: string; purpose: EmailTokenPurpose; createdAt: Date; expiresAt: Date; newEmail?: string },
): Promise<void> {
  await db
    .update(emailTokens)
    .set({ expiresAt: row.createdAt })
    .where(
      and(
        eq(emailTokens.tenantId, row.tenantId),
        eq(emailTokens.accountId, row.accountId),
        eq(emailTokens.purpose, row.purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, row.createdAt),
      ),
    );
  await db.insert(emailTokens).values({ ...row, usedAt: null });
}

export async function findEmailToken(db: Database, tenantId: string, tokenHash: string, purpose: EmailTokenPurpose): Promise<EmailTokenRow | undefined> {
  const rows = await db
    .select()
    .from(emailTokens)
    .where(and(eq(emailTokens.tenantId, tenantId), eq(emailTokens.tokenHash, tokenHash), eq(emailTokens.purpose, purpose)))
    .limit(1);
  return rows[0];
}

/**
 * Marks the token used if it is still usable, in one statement: of two concurrent uses,
 * PostgreSQL lets one update the row and re-checks `used_at is null` for the other,
 * which then updates nothing. Returns the account id for the winner only.
 */
export async function consumeEmailToken(db: Database, tenantId: string, tokenHash: string, purpose: EmailTokenPurpose, now: Date): Promise<string | undefined> {
  const rows = await db
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.tenantId, tenantId),
        eq(emailTokens.tokenHash, tokenHash),
        eq(emailTokens.purpose, purpose),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning({ accountId: emailTokens.accountId });
  return rows[0]?.accountId;
}

/** Retires every unused token of the account for that purpose (e.g. after a reset). */
export async function expireEmailTokens(db: Database, tenantId: string, accountId: string, purpose: EmailTokenPurpose, now: Date): Promise<void> {
  await db
    .update(emailTokens)
    .set({ expiresAt: sql`least(${emailTokens.expiresAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(emailTokens.tenantId, tenantId), eq(emailTokens.accountId, accountId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
}
