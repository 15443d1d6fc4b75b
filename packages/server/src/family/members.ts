import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { type Family, type FamilyRequest, type FieldError, type MemberChange, type MemberIdentity, type MemberInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { newUuid } from '../db/ids.ts';
import { documents, families, familyMembers, requestEvents, requests } from '../db/schema.ts';
import { memberLabel, memberProfileErrors, storedProfile } from '../domain/member-profile.ts';
import { parisDate } from '../domain/paris-date.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { nextRequestNumber } from './numbering.ts';
import { isSamePerson, isUuid, memberViews, possibleDuplicates, requestViews, type MemberRow, type PossibleDuplicate, type RequestRow } from './views.ts';

type Input = z.output<typeof MemberInput>;

const notFound = () => new ProblemError('not_found');

/** The family's members, oldest first. */
export async function familyOf(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<Family> {
  const rows = await app.db
    .select()
    .from(familyMembers)
    .where(and(eq(familyMembers.tenantId, tenant.config.id), eq(familyMembers.familyId, session.familyId)))
    .orderBy(familyMembers.createdAt, familyMembers.id);
  return { members: await memberViews(app.db, tenant.config.id, rows) };
}

function validate(app: AppContext, input: Input): void {
  const errors = memberProfileErrors(input, parisDate(app.clock.now()));
  if (errors.length > 0) throw new ProblemError('validation_failed', { fieldErrors: errors });
}

/**
 * The family's other members that are the same person as `profile` (see
 * `isSamePerson`), refused additions aside. Read inside the writing transaction with the family locked, so
 * that two tabs cannot both add the same person.
 */
async function duplicatesOf(tx: Database, tenantId: string, familyId: string, profile: MemberIdentity, exceptId?: string): Promise<PossibleDuplicate[]> {
  // The family's row, locked: a concurrent addition to this family waits for this one.
  // NO KEY UPDATE, not UPDATE: inserts that merely reference the family (a pre-registration's
  // foreign key takes KEY SHARE) must not wait for it, or they deadlock on the request counter.
  await tx
    .select({ id: families.id })
    .from(families)
    .where(and(eq(families.tenantId, tenantId), eq(families.id, familyId)))
    .for('no key update');
  const rows = await tx
    .select()
    .from(familyMembers)
    .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.familyId, familyId), eq(familyMembers.role, profile.role as MemberRow['role'])));
  // Views (their statuses) of the few that match only: none, and no query, for most additions.
  const same = rows.filter((row) => row.id !== exceptId && isSamePerson(profile, row));
  const views = new Map((await memberViews(tx, tenantId, same)).map((m) => [m.id, m]));
  return possibleDuplicates(same, (id) => views.get(id)!);
}

/** Refuses a member who is already in the family (`possible_duplicate`), unless the parent confirmed it is another person. */
async function refuseDuplicate(tx: Database, tenantId: string, familyId: string, input: Input, exceptId?: string): Promise<void> {
  if (input.confirmDuplicate) return;
  const [first] = await duplicatesOf(tx, tenantId, familyId, input, exceptId);
  if (first) {
    throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'confirmDuplicate', code: 'possible_duplicate', params: { member: first.label } }] });
  }
}

/**
 * Claims the attachments for a request, inside its transaction: each id must be a document
 * of this family not attached to anything yet, by a request or a pre-registration (locked FOR UPDATE, so two requests cannot
 * take the same one), else a field error `unknown_reference` on `attachments.N`.
 */
export async function attach(tx: Database, tenantId: string, familyId: string, ids: readonly string[], requestId: string, memberId: string): Promise<void> {
  if (ids.length === 0) return;
  const valid = ids.filter(isUuid);
  const free = valid.length
    ? await tx
        .select({ id: documents.id })
        .from(documents)
        .where(
          and(
            eq(documents.tenantId, tenantId),
            eq(documents.familyId, familyId),
            inArray(documents.id, valid),
            isNull(documents.requestId),
            isNull(documents.preregistrationId),
          ),
        )
        .for('update')
    : [];
  const freeIds = new Set(free.map((d) => d.id));
  const errors: FieldError[] = [];
  ids.forEach((id, index) => {
    // The same id twice: the second one is no longer free.
    if (!freeIds.delete(id)) errors.push({ path: `attachments.${index}`, code: 'unknown_reference' });
  });
  if (errors.length > 0) throw new ProblemError('validation_failed', { fieldErrors: errors });
  await tx
    .update(documents)
    .set({ requestId, memberId })
    .where(and(eq(documents.tenantId, tenantId), inArray(documents.id, [...new Set(ids)])));
}

/**
 * Writes a request and its first history entry ("déposée", by the parent): about a member,
 * or about the account holder ("Mon compte": role `titulaire`, labelled by the caller).
 */
export async function fileRequest(
  tx: Database,
  app: AppContext,
  tenantId: string,
  familyId: string,
  kind: RequestRow['kind'],
  member: { readonly id: string; readonly role: RequestRow['memberRole']; readonly profile: RequestRow['profile'] },
  now: Date,
  label = memberLabel(member.profile as Input),
): Promise<RequestRow> {
  const row: RequestRow = {
    tenantId,
    id: newUuid(app.randomBytes),
    number: await nextRequestNumber(tx, tenantId),
    familyId,
    kind,
    status: 'deposee',
    memberId: member.id,
    memberLabel: label,
    memberRole: member.role,
    profile: member.profile,
    createdAt: now,
    updatedAt: now,
  };
  await tx.insert(requests).values(row);
  await tx.insert(requestEvents).values({ tenantId, requestId: row.id, status: 'deposee', at: now, byKind: 'parent' });
  return row;
}

async function change(app: AppContext, tenantId: string, member: MemberRow, request: RequestRow): Promise<MemberChange> {
  const [view] = await memberViews(app.db, tenantId, [member]);
  const [requestView] = await requestViews(app.db, tenantId, [request]);
  return { member: view!, request: requestView! };
}

/** Declares a member: the member (status déposée) and its request, in one transaction. */
export async function addMember(app: AppContext, tenant: Tenant, session: AuthenticatedSession, input: Input): Promise<MemberChange> {
  validate(app, input);
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const member: MemberRow = {
    tenantId,
    id: newUuid(app.randomBytes),
    familyId: session.familyId,
    role: input.role,
    profile: storedProfile(input),
    validatedProfile: null,
    removalRequested: false,
    createdAt: now,
    updatedAt: now,
  };
  const request = await app.db.transaction(async (tx) => {
    await refuseDuplicate(tx, tenantId, session.familyId, input);
    await tx.insert(familyMembers).values(member);
    const request = await fileRequest(tx, app, tenantId, session.familyId, 'member_add', member, now);
    await attach(tx, tenantId, session.familyId, input.attachments ?? [], request.id, member.id);
    return request;
  });
  return change(app, tenantId, member, request);
}

/** Locks one member of this family (404 when it is another family's, or nobody's). */
async function lockMember(tx: Database, tenantId: string, familyId: string, memberId: string): Promise<MemberRow> {
  if (!isUuid(memberId)) throw notFound();
  const [member] = await tx
    .select()
    .from(familyMembers)
    .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.familyId, familyId), eq(familyMembers.id, memberId)))
    .for('update');
  if (!member) throw notFound();
  return member;
}

/**
 * Changes a member's profile (same role, else 409): a new request. A member the service
 * never validated (its addition pending or refused) is re-submitted as an addition.
 */
export async function updateMember(app: AppContext, tenant: Tenant, session: AuthenticatedSession, memberId: string, input: Input): Promise<MemberChange> {
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const { member, request } = await app.db.transaction(async (tx) => {
    const current = await lockMember(tx, tenantId, session.familyId, memberId);
    if (current.role !== input.role) throw new ProblemError('conflict', { detail: 'A member keeps its role: remove it and add a new one.' });
    if (current.removalRequested) throw new ProblemError('conflict', { detail: 'The removal of this member awaits the service.' });
    validate(app, input);
    await refuseDuplicate(tx, tenantId, session.familyId, input, current.id);
    const member: MemberRow = { ...current, profile: storedProfile(input), updatedAt: now };
    await tx
      .update(familyMembers)
      .set({ profile: member.profile, updatedAt: now })
      .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.id, member.id)));
    const request = await fileRequest(tx, app, tenantId, session.familyId, current.validatedProfile ? 'member_update' : 'member_add', member, now);
    await attach(tx, tenantId, session.familyId, input.attachments ?? [], request.id, member.id);
    return { member, request };
  });
  return change(app, tenantId, member, request);
}

/** Asks the service to remove a member: flagged now, removed when the request is validated. */
export async function removeMember(app: AppContext, tenant: Tenant, session: AuthenticatedSession, memberId: string): Promise<MemberChange> {
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const { member, request } = await app.db.transaction(async (tx) => {
    const current = await lockMember(tx, tenantId, session.familyId, memberId);
    if (current.removalRequested) throw new ProblemError('conflict', { detail: 'The removal of this member was already asked.' });
    const member: MemberRow = { ...current, removalRequested: true, updatedAt: now };
    await tx
      .update(familyMembers)
      .set({ removalRequested: true, updatedAt: now })
      .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.id, member.id)));
    return { member, request: await fileRequest(tx, app, tenantId, session.familyId, 'member_remove', member, now) };
  });
  return change(app, tenantId, member, request);
}

/** The family's requests, newest first. */
export async function familyRequests(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<FamilyRequest[]> {
  const rows = await app.db
    .select()
    .from(requests)
    .where(and(eq(requests.tenantId, tenant.config.id), eq(requests.familyId, session.familyId)))
    .orderBy(desc(requests.number));
  return requestViews(app.db, tenant.config.id, rows);
}

export async function familyRequest(app: AppContext, tenant: Tenant, session: AuthenticatedSession, requestId: string): Promise<FamilyRequest> {
  if (!isUuid(requestId)) throw notFound();
  const rows = await app.db
    .select()
    .from(requests)
    .where(and(eq(requests.tenantId, tenant.config.id), eq(requests.familyId, session.familyId), eq(requests.id, requestId)));
  if (rows.length === 0) throw notFound();
  return (await requestViews(app.db, tenant.config.id, rows))[0]!;
}
