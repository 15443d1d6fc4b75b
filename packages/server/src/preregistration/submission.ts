import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Preregistration } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { newUuid } from '../db/ids.ts';
import { documents, familyMembers, preregistrationDrafts, preregistrationEvents, preregistrations } from '../db/schema.ts';
import { nextCommission, submissionErrors, type GivenDocumentFacts } from '../domain/preregistration.ts';
import { attachStoredDocuments, familyStoredDocuments, storedDocumentProblem } from '../files/family-documents.ts';
import { parisDate } from '../domain/paris-date.ts';
import { ProblemError } from '../http/problem.ts';
import { mailFamily } from '../mail/outbox.ts';
import type { Tenant } from '../tenants/registry.ts';
import { isUuid } from '../family/views.ts';
import { nextRequestNumber } from '../family/numbering.ts';
import { childLabel, preregistrationViews, type PreregistrationRow } from './views.ts';

export async function preregistrationById(db: Database, tenantId: string, id: string, familyId?: string): Promise<Preregistration> {
  if (!isUuid(id)) throw new ProblemError('not_found');
  const rows = await db
    .select()
    .from(preregistrations)
    .where(and(eq(preregistrations.tenantId, tenantId), eq(preregistrations.id, id), familyId ? eq(preregistrations.familyId, familyId) : undefined));
  if (rows.length === 0) throw new ProblemError('not_found');
  return (await preregistrationViews(db, tenantId, rows))[0]!;
}

/** The family's pre-registrations ("Mes demandes"), newest first. */
export async function familyPreregistrations(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<Preregistration[]> {
  const rows = await app.db
    .select()
    .from(preregistrations)
    .where(and(eq(preregistrations.tenantId, tenant.config.id), eq(preregistrations.familyId, session.familyId)))
    .orderBy(desc(preregistrations.number));
  return preregistrationViews(app.db, tenant.config.id, rows);
}

/**
 * Submits a child's draft, in one transaction:
 * 1. the draft row is locked (`FOR UPDATE`): a second submission of the same draft waits,
 *    then finds it submitted and answers the same pre-registration (no second request);
 * 2. the request number is drawn (the tenant's counter row stays locked until commit, so
 *    numbers are gapless; drawn before the documents are locked, in the same order as the
 *    entourage requests, so the two never deadlock);
 * 3. the given documents are locked and the whole draft is checked against the tenant's
 *    démarche (field errors by step: a failure rolls everything back, number included);
 * 4. the pre-registration, its first history entry, the documents' claim, the draft's
 *    "submitted" mark and the e-mails are written.
 */
export async function submitDraft(app: AppContext, tenant: Tenant, session: AuthenticatedSession, childId: string): Promise<Preregistration> {
  if (!isUuid(childId)) throw new ProblemError('not_found');
  const tenantId = tenant.config.id;
  const config = tenant.config.preregistration;
  const now = app.clock.now();
  const { id, queued } = await app.db.transaction(async (tx) => {
    const draftWhere = and(
      eq(preregistrationDrafts.tenantId, tenantId),
      eq(preregistrationDrafts.familyId, session.familyId),
      eq(preregistrationDrafts.childId, childId),
    );
    const [draft] = await tx.select().from(preregistrationDrafts).where(draftWhere).for('update');
    if (!draft) throw new ProblemError('not_found');
    if (draft.submittedId) return { id: draft.submittedId, queued: [] };
    const [child] = await tx
      .select()
      .from(familyMembers)
      .where(
        and(
          eq(familyMembers.tenantId, tenantId),
          eq(familyMembers.familyId, session.familyId),
          eq(familyMembers.id, childId),
          eq(familyMembers.role, 'enfant'),
        ),
      );
    if (!child) throw new ProblemError('not_found');

    const number = await nextRequestNumber(tx, tenantId);
    const given = draft.content.documents ?? [];
    const ids = [...new Set(given.flatMap((d) => ('documentId' in d ? [d.documentId] : [])).filter(isUuid))];
    const rows = ids.length
      ? await tx
          .select()
          .from(documents)
          .where(and(eq(documents.tenantId, tenantId), eq(documents.familyId, session.familyId), inArray(documents.id, ids)))
          .for('update')
      : [];
    const facts = new Map<string, GivenDocumentFacts>(
      rows.map((d) => [d.id, { contentType: d.contentType, size: d.size, claimed: d.requestId !== null || d.preregistrationId !== null }]),
    );
    // Stored documents are given again, never claimed: locked for share, so that deleting
    // or replacing one waits for this submission and then sees the request naming its bytes.
    const today = parisDate(now);
    const givenStored = given.flatMap((d) => ('storedDocumentId' in d ? [d] : []));
    const stored = await familyStoredDocuments(
      tx,
      tenantId,
      session.familyId,
      givenStored.map((d) => d.storedDocumentId),
      true,
    );
    for (const d of givenStored) {
      const row = stored.get(d.storedDocumentId);
      if (row && !facts.has(row.id))
        facts.set(row.id, { contentType: row.contentType, size: row.size, claimed: false, problem: storedDocumentProblem(row, d.type, today) });
    }
    const errors = submissionErrors(config, draft.content, child.profile, facts, today);
    if (errors.length > 0) throw new ProblemError('validation_failed', { fieldErrors: errors });

    const known = new Set(config.questionnaire.map((q) => q.id));
    const row: PreregistrationRow = {
      tenantId,
      id: newUuid(app.randomBytes),
      number,
      familyId: session.familyId,
      childId,
      childLabel: childLabel(child),
      status: 'deposee',
      startDate: draft.content.startDate!,
      choices: [...(draft.content.choices ?? [])],
      observations: draft.content.observations ?? null,
      // Stored documents get their own row of this request, named just below.
      documents: [],
      answers: Object.fromEntries(Object.entries(draft.content.answers ?? {}).filter(([question]) => known.has(question))),
      nextCommission: nextCommission(now, config.commissionMonths),
      submittedAt: now,
      updatedAt: now,
    };
    const copies = await attachStoredDocuments(tx, app, [...stored.values()], row.id);
    row.documents = given.map((d) => ({ type: d.type, documentId: 'documentId' in d ? d.documentId : copies.get(d.storedDocumentId)! }));
    await tx.insert(preregistrations).values(row);
    await tx
      .insert(preregistrationEvents)
      .values({ tenantId, preregistrationId: row.id, status: 'deposee', at: now, byKind: 'parent', accountId: session.account.id });
    if (ids.length > 0)
      await tx
        .update(documents)
        .set({ preregistrationId: row.id })
        .where(and(eq(documents.tenantId, tenantId), inArray(documents.id, ids)));
    await tx.update(preregistrationDrafts).set({ submittedId: row.id, updatedAt: now }).where(draftWhere);
    const mails = await mailFamily(
      tx,
      app,
      tenant,
      session.familyId,
      (prenoms) => ({ kind: 'preregistration_submitted', prenoms, number, childLabel: row.childLabel, submittedAt: now, nextCommission: row.nextCommission }),
      now,
    );
    return { id: row.id, queued: mails };
  });
  app.mailer.queued(queued);
  return preregistrationById(app.db, tenantId, id, session.familyId);
}
