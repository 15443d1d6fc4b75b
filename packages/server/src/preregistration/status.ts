import { and, asc, eq } from 'drizzle-orm';
import type { AgentPreregistrationList, Preregistration, PreregistrationStatus, PreregistrationStatusChange } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { AuthenticatedAgent } from '../agents/auth.ts';
import { preregistrationEvents, preregistrations } from '../db/schema.ts';
import { checkPreregistrationChange, type PreregistrationActor } from '../domain/preregistration.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { familyLabels, isUuid } from '../family/views.ts';
import { mailFamily } from '../mail/outbox.ts';
import { preregistrationById } from './submission.ts';
import { preregistrationViews } from './views.ts';

/** Most pre-registrations one agent list answers (oldest first: the next to process). */
const LIST_LIMIT = 500;

interface Change {
  readonly to: PreregistrationStatus;
  readonly by: PreregistrationActor;
  readonly comment?: string | undefined;
  readonly agentId?: string;
  readonly accountId?: string;
}

/**
 * Moves a pre-registration on, in one transaction: locked, checked (who may move it where),
 * updated, dated in the history, e-mailed to the family. A parent only reaches the
 * family's own (`familyId`); an agent, the tenant's.
 */
async function move(app: AppContext, tenant: Tenant, id: string, familyId: string | undefined, change: Change): Promise<Preregistration> {
  if (!isUuid(id)) throw new ProblemError('not_found');
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const where = and(eq(preregistrations.tenantId, tenantId), eq(preregistrations.id, id), familyId ? eq(preregistrations.familyId, familyId) : undefined);
  const queued = await app.db.transaction(async (tx) => {
    const [row] = await tx.select().from(preregistrations).where(where).for('update');
    if (!row) throw new ProblemError('not_found');
    const check = checkPreregistrationChange(row.status, change.to, change.by, change.comment);
    if (!check.ok) {
      throw check.problem === 'conflict'
        ? new ProblemError('conflict', { detail: check.detail })
        : new ProblemError('validation_failed', { fieldErrors: check.fieldErrors });
    }
    await tx.update(preregistrations).set({ status: change.to, updatedAt: now }).where(where);
    await tx.insert(preregistrationEvents).values({
      tenantId,
      preregistrationId: id,
      status: change.to,
      at: now,
      byKind: change.by,
      agentId: change.agentId ?? null,
      accountId: change.accountId ?? null,
      comment: change.comment ?? null,
    });
    return mailFamily(
      tx,
      app,
      tenant,
      row.familyId,
      (prenoms) => ({
        kind: 'preregistration_status',
        prenoms,
        number: row.number,
        childLabel: row.childLabel,
        status: change.to as Exclude<PreregistrationStatus, 'deposee'>,
        nextCommission: row.nextCommission,
        ...(change.comment && { comment: change.comment }),
      }),
      now,
    );
  });
  app.mailer.queued(queued);
  return preregistrationById(app.db, tenantId, id);
}

/** The parent withdraws a pre-registration (annulée), unless it is already decided (409). */
export function cancelPreregistration(app: AppContext, tenant: Tenant, session: AuthenticatedSession, id: string): Promise<Preregistration> {
  return move(app, tenant, id, session.familyId, { to: 'annulee', by: 'parent', accountId: session.account.id });
}

/** An agent moves a pre-registration on; a refusal needs a comment (the family reads it). */
export function setPreregistrationStatus(
  app: AppContext,
  tenant: Tenant,
  agent: AuthenticatedAgent,
  id: string,
  body: z.output<typeof PreregistrationStatusChange>,
): Promise<Preregistration> {
  return move(app, tenant, id, undefined, { to: body.status, by: 'agent', comment: body.comment?.trim() || undefined, agentId: agent.agent.id });
}

/** The tenant's pre-registrations, oldest first, optionally in one status. Never another tenant's. */
export async function tenantPreregistrations(
  app: AppContext,
  tenant: Tenant,
  status: PreregistrationStatus | undefined,
): Promise<AgentPreregistrationList['preregistrations']> {
  const tenantId = tenant.config.id;
  const rows = await app.db
    .select()
    .from(preregistrations)
    .where(and(eq(preregistrations.tenantId, tenantId), status ? eq(preregistrations.status, status) : undefined))
    .orderBy(asc(preregistrations.number))
    .limit(LIST_LIMIT);
  const [views, labels] = await Promise.all([
    preregistrationViews(app.db, tenantId, rows),
    familyLabels(
      app.db,
      tenantId,
      rows.map((r) => r.familyId),
    ),
  ]);
  return rows.map((row, index) => ({ preregistration: views[index]!, family: { id: row.familyId, label: labels.get(row.familyId) ?? '' } }));
}
