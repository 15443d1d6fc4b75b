import { and, eq, lte, or } from 'drizzle-orm';
import type { Database } from './database.ts';
import { agentSessions, agents } from './schema.ts';
import type { SessionTimes } from '../domain/session.ts';

export type AgentRow = typeof agents.$inferSelect;
export type NewAgentRow = typeof agents.$inferInsert;

export async function findAgentByIdentifiantKey(db: Database, tenantId: string, identifiantKey: string): Promise<AgentRow | undefined> {
  const rows = await db
    .select()
    .from(agents)
    .where(and(eq(agents.tenantId, tenantId), eq(agents.identifiantKey, identifiantKey)))
    .limit(1);
  return rows[0];
}

/** Inserts unless the identifiant is taken in this tenant; returns whether it inserted. */
export async function insertAgentIfAbsent(db: Database, row: NewAgentRow): Promise<boolean> {
  return (await db.insert(agents).values(row).onConflictDoNothing().returning({ id: agents.id })).length > 0;
}

export async function insertAgentSession(db: Database, row: typeof agentSessions.$inferInsert): Promise<void> {
  await db.insert(agentSessions).values(row);
}

/** The agent's session and the agent, in one query (tenant-scoped: another tenant's token finds nothing). */
export async function findAgentSession(db: Database, tenantId: string, tokenHash: string) {
  const rows = await db
    .select({
      createdAt: agentSessions.createdAt,
      lastSeenAt: agentSessions.lastSeenAt,
      idleExpiresAt: agentSessions.idleExpiresAt,
      expiresAt: agentSessions.expiresAt,
      agent: { id: agents.id, identifiant: agents.identifiant, displayName: agents.displayName, role: agents.role, status: agents.status },
    })
    .from(agentSessions)
    .innerJoin(agents, and(eq(agents.tenantId, agentSessions.tenantId), eq(agents.id, agentSessions.agentId)))
    .where(and(eq(agentSessions.tenantId, tenantId), eq(agentSessions.tokenHash, tokenHash)))
    .limit(1);
  return rows[0];
}

export async function updateAgentSessionActivity(db: Database, tenantId: string, tokenHash: string, times: SessionTimes): Promise<void> {
  await db
    .update(agentSessions)
    .set({ lastSeenAt: times.lastSeenAt, idleExpiresAt: times.idleExpiresAt })
    .where(and(eq(agentSessions.tenantId, tenantId), eq(agentSessions.tokenHash, tokenHash)));
}

export async function deleteAgentSession(db: Database, tenantId: string, tokenHash: string): Promise<void> {
  await db.delete(agentSessions).where(and(eq(agentSessions.tenantId, tenantId), eq(agentSessions.tokenHash, tokenHash)));
}

export async function deleteExpiredAgentSessionsOf(db: Database, tenantId: string, agentId: string, now: Date): Promise<void> {
  await db
    .delete(agentSessions)
    .where(
      and(
        eq(agentSessions.tenantId, tenantId),
        eq(agentSessions.agentId, agentId),
        or(lte(agentSessions.idleExpiresAt, now), lte(agentSessions.expiresAt, now)),
      ),
    );
}
