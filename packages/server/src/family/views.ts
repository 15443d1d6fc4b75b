import { and, asc, eq, inArray } from 'drizzle-orm';
import { sameMember, type AgentRequest, type DocumentInfo, type FamilyRequest, type Member, type MemberIdentity, type MemberInput } from '@famille/contract';
import { memberLabel } from '../domain/member-profile.ts';
import type { Database } from '../db/database.ts';
import { accounts, documents, familyMembers, requestEvents, requests } from '../db/schema.ts';

export type RequestRow = typeof requests.$inferSelect;
export type MemberRow = typeof familyMembers.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids in paths and bodies are checked before any query (a uuid column refuses anything else). */
export const isUuid = (value: string) => UUID.test(value);

export function toDocumentInfo(row: DocumentRow): DocumentInfo {
  return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size, createdAt: row.createdAt.toISOString() };
}

/** The documents attached to these requests, oldest first. */
export function requestDocuments(db: Database, tenantId: string, requestIds: readonly string[]): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), inArray(documents.requestId, [...requestIds])))
    .orderBy(asc(documents.createdAt));
}

/** Families' names for agents' lists: "Camille Martin", from the family's account(s). */
export async function familyLabels(db: Database, tenantId: string, familyIds: readonly string[]): Promise<Map<string, string>> {
  if (familyIds.length === 0) return new Map();
  const rows = await db
    .select({ familyId: accounts.familyId, prenoms: accounts.prenoms, nomUsage: accounts.nomUsage })
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), inArray(accounts.familyId, [...new Set(familyIds)])))
    .orderBy(asc(accounts.createdAt));
  const labels = new Map<string, string>();
  for (const row of rows) if (!labels.has(row.familyId)) labels.set(row.familyId, `${row.prenoms} ${row.nomUsage}`);
  return labels;
}

/** The requests, each with its dated history (one query for all histories). */
export async function requestViews(db: Database, tenantId: string, rows: readonly RequestRow[]): Promise<FamilyRequest[]> {
  if (rows.length === 0) return [];
  const events = await db
    .select()
    .from(requestEvents)
    .where(
      and(
        eq(requestEvents.tenantId, tenantId),
        inArray(
          requestEvents.requestId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(asc(requestEvents.seq));
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    kind: row.kind,
    status: row.status,
    memberId: row.memberId,
    memberLabel: row.memberLabel,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    history: events
      .filter((e) => e.requestId === row.id)
      .map((e) => ({ status: e.status, at: e.at.toISOString(), by: e.byKind, ...(e.comment && { comment: e.comment }) })),
  }));
}

/**
 * Members as the contract shows them: the status is the one of the latest request about
 * each member; documents are those attached to requests about it.
 */
export async function memberViews(db: Database, tenantId: string, members: readonly MemberRow[]): Promise<Member[]> {
  if (members.length === 0) return [];
  const ids = members.map((m) => m.id);
  const [memberRequests, memberDocuments] = await Promise.all([
    db
      .select({ memberId: requests.memberId, status: requests.status, number: requests.number })
      .from(requests)
      .where(and(eq(requests.tenantId, tenantId), inArray(requests.memberId, ids))),
    db
      .select()
      .from(documents)
      .where(and(eq(documents.tenantId, tenantId), inArray(documents.memberId, ids)))
      .orderBy(asc(documents.createdAt)),
  ]);
  return members.map((m) => {
    const latest = memberRequests.filter((r) => r.memberId === m.id).sort((a, b) => b.number - a.number)[0];
    return {
      id: m.id,
      role: m.role,
      profile: m.profile as MemberInput,
      status: latest?.status ?? 'deposee',
      removalRequested: m.removalRequested,
      documents: memberDocuments.filter((d) => d.memberId === m.id).map(toDocumentInfo),
      updatedAt: m.updatedAt.toISOString(),
    };
  });
}

/** A member removed by a validated request lives on in its requests: rebuilt from the request's snapshot. */
export function memberFromRequest(row: RequestRow, docs: readonly DocumentRow[]): Member {
  return {
    id: row.memberId,
    role: row.memberRole as Member['role'],
    profile: row.profile as MemberInput,
    status: row.status,
    removalRequested: false,
    documents: docs.filter((d) => d.requestId === row.id).map(toDocumentInfo),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A member the parent declared again (same person, see `sameMember`), as the refusal names it and agents see it. */
export type PossibleDuplicate = NonNullable<AgentRequest['possibleDuplicates']>[number];

/** Whether a member is the same person as `profile`, by its declared or its validated profile. */
export const isSamePerson = (profile: MemberIdentity, row: MemberRow): boolean =>
  [row.profile, row.validatedProfile].some((p) => p && sameMember(profile, { role: row.role, ...p }));

/** Members found the same person (`isSamePerson`), as the refusal names them and agents see them: a refused addition is no one. */
export function possibleDuplicates(same: readonly MemberRow[], viewOf: (id: string) => Member): PossibleDuplicate[] {
  return same
    .map((row) => viewOf(row.id))
    .filter((member) => member.status !== 'refusee')
    .map((member) => ({ memberId: member.id, label: memberLabel(member.profile), status: member.status }));
}
