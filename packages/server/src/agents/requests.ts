import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AgentRequest, RequestStatus, StatusChange } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import { documents, familyMembers, requestEvents, requests } from '../db/schema.ts';
import { checkStatusChange } from '../domain/requests.ts';
import { ProblemError } from '../http/problem.ts';
import { mailFamily, type QueuedMail } from '../mail/outbox.ts';
import type { Tenant } from '../tenants/registry.ts';
import type { AuthenticatedAgent } from './auth.ts';
import { applyHolderDecision, holderViews, isHolderKind } from '../accounts/holder-requests.ts';
import {
  familyLabels,
  isSamePerson,
  isUuid,
  memberFromRequest,
  memberViews,
  possibleDuplicates,
  requestDocuments,
  requestViews,
  type RequestRow,
} from '../family/views.ts';

/** Most requests one list answers (oldest first: the next to process). */
const LIST_LIMIT = 500;

async function agentViews(db: Database, tenantId: string, rows: readonly RequestRow[]): Promise<AgentRequest[]> {
  if (rows.length === 0) return [];
  const familyIds = [...new Set(rows.map((r) => r.familyId))];
  // The requests' documents: for members not on file any more, and for the holder requests' views.
  const documentsOfRequests = requestDocuments(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  const [views, labels, members, requestDocs, holders] = await Promise.all([
    requestViews(db, tenantId, rows),
    familyLabels(
      db,
      tenantId,
      rows.map((r) => r.familyId),
    ),
    // Every member of these families: the requests' own, and those they may duplicate.
    db
      .select()
      .from(familyMembers)
      .where(and(eq(familyMembers.tenantId, tenantId), inArray(familyMembers.familyId, familyIds))),
    documentsOfRequests,
    holderViews(db, tenantId, rows, documentsOfRequests),
  ]);
  // The same person declared twice (the parent confirmed it is another one): for the agent to check.
  const sameAs = rows.map((row) => {
    if (isHolderKind(row.kind)) return [];
    const profile = { role: row.memberRole, ...(row.profile as object) };
    return members.filter((m) => m.familyId === row.familyId && m.id !== row.memberId && isSamePerson(profile, m));
  });
  // Views (statuses, documents) of the requests' members and of those only.
  const needed = new Set([...rows.map((r) => r.memberId), ...sameAs.flatMap((same) => same.map((m) => m.id))]);
  const memberById = new Map(
    (
      await memberViews(
        db,
        tenantId,
        members.filter((m) => needed.has(m.id)),
      )
    ).map((m) => [m.id, m]),
  );
  return rows.map((row, index) => {
    const duplicates = possibleDuplicates(sameAs[index]!, (id) => memberById.get(id)!);
    // The account holder's own requests ("Mon compte") are about the account, not a member.
    const holder = holders.get(row.id);
    if (holder) return { request: views[index]!, family: { id: row.familyId, label: labels.get(row.familyId) ?? '' }, account: holder };
    return {
      request: views[index]!,
      family: { id: row.familyId, label: labels.get(row.familyId) ?? '' },
      member: memberById.get(row.memberId) ?? memberFromRequest(row, requestDocs),
      ...(duplicates.length > 0 && { possibleDuplicates: duplicates }),
    };
  });
}

/** The tenant's requests, oldest first, optionally in one status. Never another tenant's. */
export async function tenantRequests(app: AppContext, tenant: Tenant, status: RequestStatus | undefined): Promise<AgentRequest[]> {
  const tenantId = tenant.config.id;
  const rows = await app.db
    .select()
    .from(requests)
    .where(and(eq(requests.tenantId, tenantId), status ? eq(requests.status, status) : undefined))
    .orderBy(asc(requests.number))
    .limit(LIST_LIMIT);
  return agentViews(app.db, tenantId, rows);
}

export async function tenantRequest(app: AppContext, tenant: Tenant, requestId: string): Promise<AgentRequest> {
  if (!isUuid(requestId)) throw new ProblemError('not_found');
  const rows = await app.db
    .select()
    .from(requests)
    .where(and(eq(requests.tenantId, tenant.config.id), eq(requests.id, requestId)));
  if (rows.length === 0) throw new ProblemError('not_found');
  return (await agentViews(app.db, tenant.config.id, rows))[0]!;
}

/** What a decision does to the member, in the decision's transaction. */
async function applyDecision(tx: Database, tenantId: string, request: RequestRow, status: 'validee' | 'refusee', now: Date): Promise<void> {
  if (isHolderKind(request.kind)) return applyHolderDecision(tx, tenantId, request, status, now);
  const where = and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.id, request.memberId));
  const [member] = await tx.select().from(familyMembers).where(where).for('update');
  if (!member) return; // Removed meanwhile: nothing left to change.
  const [latest] = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.tenantId, tenantId), eq(requests.memberId, request.memberId)))
    .orderBy(desc(requests.number))
    .limit(1);
  const isLatest = latest?.id === request.id;
  if (request.kind === 'member_remove') {
    if (status === 'validee') {
      // The documents stay with the requests (history); only the member goes.
      await tx
        .update(documents)
        .set({ memberId: null })
        .where(and(eq(documents.tenantId, tenantId), eq(documents.memberId, member.id)));
      await tx.delete(familyMembers).where(where);
    } else {
      await tx.update(familyMembers).set({ removalRequested: false, updatedAt: now }).where(where);
    }
    return;
  }
  if (status === 'validee') {
    // The service accepts this profile; a later pending change still shows as declared.
    await tx
      .update(familyMembers)
      .set({ validatedProfile: request.profile, ...(isLatest && { profile: request.profile }), updatedAt: now })
      .where(where);
  } else if (request.kind === 'member_update' && isLatest && member.validatedProfile) {
    // A refused change: the member goes back to what the service last accepted.
    await tx.update(familyMembers).set({ profile: member.validatedProfile, updatedAt: now }).where(where);
  }
  // A refused addition stays visible as refused: the family may correct it and submit again.
}

/**
 * Moves a request on (en cours, validée, refusée) with a comment, records it in the
 * history, applies a decision to the member and e-mails the family — one transaction.
 */
export async function setRequestStatus(
  app: AppContext,
  tenant: Tenant,
  agent: AuthenticatedAgent,
  requestId: string,
  change: z.output<typeof StatusChange>,
): Promise<AgentRequest> {
  if (!isUuid(requestId)) throw new ProblemError('not_found');
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const comment = change.comment?.trim() || undefined;
  const queued: QueuedMail[] = await app.db.transaction(async (tx) => {
    const [request] = await tx
      .select()
      .from(requests)
      .where(and(eq(requests.tenantId, tenantId), eq(requests.id, requestId)))
      .for('update');
    if (!request) throw new ProblemError('not_found');
    const check = checkStatusChange(request.status, change.status, comment);
    if (!check.ok) {
      throw check.problem === 'conflict'
        ? new ProblemError('conflict', { detail: check.detail })
        : new ProblemError('validation_failed', { fieldErrors: check.fieldErrors });
    }
    await tx
      .update(requests)
      .set({ status: change.status, updatedAt: now })
      .where(and(eq(requests.tenantId, tenantId), eq(requests.id, requestId)));
    await tx
      .insert(requestEvents)
      .values({ tenantId, requestId, status: change.status, at: now, byKind: 'agent', agentId: agent.agent.id, comment: comment ?? null });
    // The family is told first: a validated closure disables the account it is mailed to.
    const mails = await mailFamily(
      tx,
      app,
      tenant,
      request.familyId,
      (prenoms) => ({
        kind: 'request_status',
        prenoms,
        number: request.number,
        memberLabel: request.memberLabel,
        requestKind: request.kind,
        status: change.status,
        ...(comment && { comment }),
      }),
      now,
    );
    if (change.status === 'validee' || change.status === 'refusee') await applyDecision(tx, tenantId, request, change.status, now);
    return mails;
  });
  app.mailer.queued(queued);
  return tenantRequest(app, tenant, requestId);
}
