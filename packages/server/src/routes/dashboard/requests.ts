// "Dernières demandes": every request of the family whatever its kind — entourage and
// account changes (`requests`) and crèche pre-registrations — in one list, by number (the
// tenant's counter is shared by all kinds, so the highest number is the newest).
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { RequestSummary, RequestSummaryList, RequestSummaryPage } from '@famille/contract';
import type { Database } from '../../db/database.ts';
import { preregistrationEvents, preregistrations, requestEvents, requests } from '../../db/schema.ts';

/** A page's length when the query does not say (the contract allows 1–200). */
export const REQUESTS_PAGE_DEFAULT = 10;

/** Statuses where the request still waits for something: the service's work or the family's answer. */
const OPEN_STATUSES = ['deposee', 'en_cours', 'en_instruction'] as const;

/** The latest step of a request's history: who made it, and the comment it carried. */
export interface LatestStep {
  readonly by: 'parent' | 'agent';
  readonly comment: string | null;
}

/**
 * Whether a request waits for the family: not decided, and the service's latest step
 * carries a comment — what an agent writes when a document is missing ("Merci de fournir
 * un extrait d'acte de naissance…"). A decided request, or one the family answered since
 * (its own step is the latest), waits for nothing.
 */
export function awaitsFamily(status: string, latest: LatestStep | undefined): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status) && latest?.by === 'agent' && !!latest.comment?.trim();
}

type Row = { id: string; number: number; kind: string; status: string; label: string; createdAt: Date; updatedAt: Date };

/** The latest step of each of these requests (`ids`) and pre-registrations (`preregIds`): one row each, not their histories. */
async function latestSteps(db: Database, tenantId: string, ids: string[], preregIds: string[]): Promise<Map<string, LatestStep>> {
  const [entourage, prereg] = await Promise.all([
    ids.length
      ? db
          .selectDistinctOn([requestEvents.requestId], { id: requestEvents.requestId, by: requestEvents.byKind, comment: requestEvents.comment })
          .from(requestEvents)
          .where(and(eq(requestEvents.tenantId, tenantId), inArray(requestEvents.requestId, ids)))
          .orderBy(requestEvents.requestId, desc(requestEvents.seq))
      : [],
    preregIds.length
      ? db
          .selectDistinctOn([preregistrationEvents.preregistrationId], {
            id: preregistrationEvents.preregistrationId,
            by: preregistrationEvents.byKind,
            comment: preregistrationEvents.comment,
          })
          .from(preregistrationEvents)
          .where(and(eq(preregistrationEvents.tenantId, tenantId), inArray(preregistrationEvents.preregistrationId, preregIds)))
          .orderBy(preregistrationEvents.preregistrationId, desc(preregistrationEvents.seq))
      : [],
  ]);
  return new Map([...entourage, ...prereg].map((e) => [e.id, { by: e.by, comment: e.comment }]));
}

/**
 * The family's requests of every kind, newest first: a page (`limit` from `offset`), or
 * with `open` only those not decided (all of them).
 */
async function summaries(db: Database, tenantId: string, familyId: string, page: { limit: number; offset: number } | 'open'): Promise<Row[]> {
  const open = (status: AnyPgColumn) => (page === 'open' ? inArray(sql<string>`${status}`, [...OPEN_STATUSES]) : undefined);
  const entourage = db
    .select({
      id: requests.id,
      number: requests.number,
      kind: sql<string>`${requests.kind}`.as('kind'),
      status: sql<string>`${requests.status}`.as('status'),
      label: sql<string>`${requests.memberLabel}`.as('label'),
      createdAt: requests.createdAt,
      updatedAt: requests.updatedAt,
    })
    .from(requests)
    .where(and(eq(requests.tenantId, tenantId), eq(requests.familyId, familyId), open(requests.status)));
  const prereg = db
    .select({
      id: preregistrations.id,
      number: preregistrations.number,
      kind: sql<string>`'preregistration'`.as('kind'),
      status: sql<string>`${preregistrations.status}`.as('status'),
      label: sql<string>`${preregistrations.childLabel}`.as('label'),
      createdAt: preregistrations.submittedAt,
      updatedAt: preregistrations.updatedAt,
    })
    .from(preregistrations)
    .where(and(eq(preregistrations.tenantId, tenantId), eq(preregistrations.familyId, familyId), open(preregistrations.status)));
  const all = unionAll(entourage, prereg).orderBy(desc(sql`"number"`));
  const rows = page === 'open' ? await all : await all.limit(page.limit + 1).offset(page.offset);
  // A union's rows come back without the first select's decoders on every driver: dates as Dates.
  return rows.map((r) => ({ ...r, number: Number(r.number), createdAt: new Date(r.createdAt), updatedAt: new Date(r.updatedAt) }));
}

async function withAwaiting(db: Database, tenantId: string, rows: readonly Row[]): Promise<RequestSummary[]> {
  const ids = rows.filter((r) => r.kind !== 'preregistration').map((r) => r.id);
  const preregIds = rows.filter((r) => r.kind === 'preregistration').map((r) => r.id);
  const latest = await latestSteps(db, tenantId, ids, preregIds);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind as RequestSummary['kind'],
    status: r.status as RequestSummary['status'],
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    awaitingDocument: awaitsFamily(r.status, latest.get(r.id)),
  }));
}

/** A page of the family's requests of every kind, newest first. */
export async function familyRequestSummaries(db: Database, tenantId: string, familyId: string, query: RequestSummaryPage): Promise<RequestSummaryList> {
  const limit = query.limit ?? REQUESTS_PAGE_DEFAULT;
  const offset = query.offset ?? 0;
  const rows = await summaries(db, tenantId, familyId, { limit, offset });
  return { requests: await withAwaiting(db, tenantId, rows.slice(0, limit)), ...(rows.length > limit && { nextOffset: offset + limit }) };
}

/** The family's requests that wait for something from it (see `awaitsFamily`), newest first. */
export async function requestsAwaitingFamily(db: Database, tenantId: string, familyId: string, max: number): Promise<RequestSummary[]> {
  const open = await withAwaiting(db, tenantId, await summaries(db, tenantId, familyId, 'open'));
  return open.filter((r) => r.awaitingDocument).slice(0, max);
}
