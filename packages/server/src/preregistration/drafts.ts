import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { FieldError, GivenDocument, PreregistrationDraft, PreregistrationDraftInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { documents, familyMembers, preregistrationDrafts } from '../db/schema.ts';
import { givenDocumentId, type DraftContent } from '../domain/preregistration.ts';
import { parisDate } from '../domain/paris-date.ts';
import { familyStoredDocuments, storedDocumentProblem } from '../files/family-documents.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { isUuid, type DocumentRow, type MemberRow } from '../family/views.ts';
import { draftView, type DraftDocuments } from './views.ts';

type Input = z.output<typeof PreregistrationDraftInput>;

/**
 * A child of this family (an `enfant` member, born or expected), else 404 — another
 * family's child, a contact or an id that does not exist all answer the same.
 */
async function findChild(db: Database, tenantId: string, familyId: string, childId: string): Promise<MemberRow> {
  if (!isUuid(childId)) throw new ProblemError('not_found');
  const [child] = await db
    .select()
    .from(familyMembers)
    .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.familyId, familyId), eq(familyMembers.id, childId), eq(familyMembers.role, 'enfant')));
  if (!child) throw new ProblemError('not_found', { detail: 'No such child in the family: declare the child in the entourage first.' });
  return child;
}

/** The family's documents among `ids` (other ids, and other families' documents, are not returned). */
export async function familyDocuments(db: Database, tenantId: string, familyId: string, ids: readonly string[]): Promise<Map<string, DocumentRow>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Map();
  const rows = await db
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, tenantId), eq(documents.familyId, familyId), inArray(documents.id, valid)));
  return new Map(rows.map((d) => [d.id, d]));
}

/** The family's uploads and stored documents that drafts name, and the Paris day. */
async function draftDocuments(app: AppContext, tenantId: string, familyId: string, given: readonly GivenDocument[]): Promise<DraftDocuments> {
  const [uploads, stored] = await Promise.all([
    familyDocuments(
      app.db,
      tenantId,
      familyId,
      given.flatMap((d) => ('documentId' in d ? [d.documentId] : [])),
    ),
    familyStoredDocuments(
      app.db,
      tenantId,
      familyId,
      given.flatMap((d) => ('storedDocumentId' in d ? [d.storedDocumentId] : [])),
    ),
  ]);
  return { uploads, stored, today: parisDate(app.clock.now()) };
}

/** The draft's content as stored: only what was given. */
function content(input: Input): DraftContent {
  const observations = input.observations?.trim();
  return {
    ...(input.startDate !== undefined && { startDate: input.startDate }),
    ...(input.choices !== undefined && { choices: input.choices }),
    ...(observations && { observations }),
    ...(input.documents !== undefined && { documents: input.documents }),
    ...(input.answers !== undefined && { answers: input.answers }),
  };
}

/**
 * Why a draft cannot name this document: not the family's (or attached already:
 * `unknown_reference`), or a stored document of another type (`invalid_value`) or expired.
 */
function givenDocumentProblem(given: GivenDocument, docs: DraftDocuments): FieldError['code'] | undefined {
  if ('storedDocumentId' in given) {
    const stored = docs.stored.get(given.storedDocumentId);
    return stored ? storedDocumentProblem(stored, given.type, docs.today) : 'unknown_reference';
  }
  const doc = docs.uploads.get(givenDocumentId(given));
  return !doc || doc.requestId || doc.preregistrationId ? 'unknown_reference' : undefined;
}

/** The family's drafts still to submit with their child, most recently saved first (the dashboard lists them as they are). */
export function pendingDrafts(db: Database, tenantId: string, familyId: string) {
  return db
    .select({ draft: preregistrationDrafts, child: familyMembers })
    .from(preregistrationDrafts)
    .innerJoin(familyMembers, and(eq(familyMembers.tenantId, preregistrationDrafts.tenantId), eq(familyMembers.id, preregistrationDrafts.childId)))
    .where(and(eq(preregistrationDrafts.tenantId, tenantId), eq(preregistrationDrafts.familyId, familyId), isNull(preregistrationDrafts.submittedId)))
    .orderBy(sql`${preregistrationDrafts.updatedAt} desc`);
}

/** The family's drafts still to submit, most recently saved first, with the documents they still name. */
export async function listDrafts(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<PreregistrationDraft[]> {
  const tenantId = tenant.config.id;
  const rows = await pendingDrafts(app.db, tenantId, session.familyId);
  const docs = await draftDocuments(
    app,
    tenantId,
    session.familyId,
    rows.flatMap((r) => r.draft.content.documents ?? []),
  );
  return rows.map((r) => draftView(r.draft, r.child, docs));
}

/**
 * Saves the draft of one child (PUT: the whole draft replaces the previous one). A draft may
 * be incomplete and is lenient (a structure the town removed since, a document type it
 * dropped, are kept for the parent to fix); only foreign references are refused: a
 * document that is not this family's, or already attached elsewhere (`unknown_reference`
 * on `documents.<type>`), and a stored document of another type (`invalid_value`) or
 * expired (`expired`). A draft already submitted is replaced by a new one.
 */
export async function saveDraft(app: AppContext, tenant: Tenant, session: AuthenticatedSession, childId: string, input: Input): Promise<PreregistrationDraft> {
  const tenantId = tenant.config.id;
  const child = await findChild(app.db, tenantId, session.familyId, childId);
  const given = input.documents ?? [];
  const docs = await draftDocuments(app, tenantId, session.familyId, given);
  const errors: FieldError[] = [];
  for (const doc of given) {
    const path = `documents.${doc.type}`;
    if (errors.some((e) => e.path === path)) continue;
    const code = givenDocumentProblem(doc, docs);
    if (code) errors.push({ path, code });
  }
  if (errors.length > 0) throw new ProblemError('validation_failed', { fieldErrors: errors });
  const now = app.clock.now();
  const values = {
    tenantId,
    familyId: session.familyId,
    childId: child.id,
    step: input.step,
    content: content(input),
    submittedId: null,
    createdAt: now,
    updatedAt: now,
  };
  const [row] = await app.db
    .insert(preregistrationDrafts)
    .values(values)
    .onConflictDoUpdate({
      target: [preregistrationDrafts.tenantId, preregistrationDrafts.familyId, preregistrationDrafts.childId],
      set: { step: values.step, content: values.content, submittedId: null, updatedAt: now },
    })
    .returning();
  return draftView(row!, child, docs);
}

/** Abandons a draft (the documents it named stay the family's, unattached). */
export async function deleteDraft(app: AppContext, tenant: Tenant, session: AuthenticatedSession, childId: string): Promise<void> {
  if (!isUuid(childId)) throw new ProblemError('not_found');
  const deleted = await app.db
    .delete(preregistrationDrafts)
    .where(
      and(
        eq(preregistrationDrafts.tenantId, tenant.config.id),
        eq(preregistrationDrafts.familyId, session.familyId),
        eq(preregistrationDrafts.childId, childId),
        isNull(preregistrationDrafts.submittedId),
      ),
    )
    .returning({ childId: preregistrationDrafts.childId });
  if (deleted.length === 0) throw new ProblemError('not_found');
}
