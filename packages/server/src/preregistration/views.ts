import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Preregistration, PreregistrationDraft } from '@famille/contract';
import type { Database } from '../db/database.ts';
import { documents, preregistrationDrafts, preregistrationEvents, preregistrations } from '../db/schema.ts';
import { memberLabel } from '../domain/member-profile.ts';
import { toDocumentInfo, type DocumentRow, type MemberRow } from '../family/views.ts';
import { storedDocumentProblem, type StoredDocumentRow } from '../files/family-documents.ts';

export type PreregistrationRow = typeof preregistrations.$inferSelect;
export type DraftRow = typeof preregistrationDrafts.$inferSelect;

/** "Léo Martin (enfant)", "Martin (futur enfant)". */
export const childLabel = (child: MemberRow) => memberLabel(child.profile as Parameters<typeof memberLabel>[0]);

/** Pre-registrations as the contract shows them, with their history and documents (two queries for all). */
export async function preregistrationViews(db: Database, tenantId: string, rows: readonly PreregistrationRow[]): Promise<Preregistration[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [events, docs] = await Promise.all([
    db
      .select()
      .from(preregistrationEvents)
      .where(and(eq(preregistrationEvents.tenantId, tenantId), inArray(preregistrationEvents.preregistrationId, ids)))
      .orderBy(asc(preregistrationEvents.seq)),
    db
      .select()
      .from(documents)
      .where(and(eq(documents.tenantId, tenantId), inArray(documents.preregistrationId, ids))),
  ]);
  return rows.map((row) => {
    const byId = new Map(docs.filter((d) => d.preregistrationId === row.id).map((d) => [d.id, d]));
    return {
      id: row.id,
      number: row.number,
      childId: row.childId,
      childLabel: row.childLabel,
      status: row.status,
      startDate: row.startDate,
      choices: row.choices,
      ...(row.observations && { observations: row.observations }),
      documents: row.documents.flatMap(({ type, documentId }) => {
        const doc = byId.get(documentId);
        return doc ? [{ type, document: toDocumentInfo(doc) }] : [];
      }),
      answers: row.answers as Preregistration['answers'],
      submittedAt: row.submittedAt.toISOString(),
      nextCommission: row.nextCommission,
      history: events
        .filter((e) => e.preregistrationId === row.id)
        .map((e) => ({ status: e.status, at: e.at.toISOString(), by: e.byKind, ...(e.comment && { comment: e.comment }) })),
    };
  });
}

/** What a draft names of the family's documents: its uploads, its stored documents, and the Paris day to judge their validity. */
export interface DraftDocuments {
  readonly uploads: ReadonlyMap<string, DocumentRow>;
  readonly stored: ReadonlyMap<string, StoredDocumentRow>;
  readonly today: string;
}

/**
 * A draft as the wizard resumes it. Documents are shown while they are still the family's
 * and free: one deleted, or attached to another request meanwhile, drops out (the
 * submission would refuse it anyway); so does a stored document deleted, or expired since.
 */
export function draftView(row: DraftRow, child: MemberRow, { uploads, stored, today }: DraftDocuments): PreregistrationDraft {
  const content = row.content;
  return {
    childId: row.childId,
    childLabel: childLabel(child),
    step: row.step,
    ...(content.startDate && { startDate: content.startDate }),
    choices: [...(content.choices ?? [])],
    ...(content.observations && { observations: content.observations }),
    documents: (content.documents ?? []).flatMap((given) => {
      const { type } = given;
      if ('storedDocumentId' in given) {
        const doc = stored.get(given.storedDocumentId);
        if (!doc || storedDocumentProblem(doc, type, today)) return [];
        const { id, fileName, contentType, size } = doc;
        return [{ type, document: { id, fileName, contentType, size, createdAt: doc.uploadedAt.toISOString() }, storedDocumentId: id }];
      }
      const doc = uploads.get(given.documentId);
      return doc && !doc.requestId && !doc.preregistrationId ? [{ type, document: toDocumentInfo(doc) }] : [];
    }),
    answers: { ...(content.answers as PreregistrationDraft['answers']) },
    updatedAt: row.updatedAt.toISOString(),
  };
}
