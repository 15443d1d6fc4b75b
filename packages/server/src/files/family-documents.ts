import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import {
  documentExpired,
  documentValidUntil,
  type DocumentRequirement,
  type FieldError,
  type StoredDocument,
  type StoredDocumentInput,
  type StoredDocumentReplacement,
} from '@famille/contract';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import { newUuid } from '../db/ids.ts';
import { documents, familyDocuments } from '../db/schema.ts';
import { parisDate } from '../domain/paris-date.ts';
import { documentUnfit } from '../domain/preregistration.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { isUuid } from '../family/views.ts';
import { fileResponse } from './documents.ts';

// The family's document store. A stored document takes over the bytes of an upload made
// just before (the upload route's checks: size, type, magic bytes, PDF safety), so nothing
// here reads a file's content. Given to a pre-registration, it becomes a `documents` row of
// that request naming the same bytes: the bytes go once no row names them any more.

export type StoredDocumentRow = typeof familyDocuments.$inferSelect;

/** The stored document as the contract shows it, `expired` judged on `today` (Paris day). */
export function toStoredDocument(row: StoredDocumentRow, today: string): StoredDocument {
  return {
    id: row.id,
    type: row.type,
    fileName: row.fileName,
    contentType: row.contentType,
    size: row.size,
    uploadedAt: row.uploadedAt.toISOString(),
    ...(row.documentDate && { documentDate: row.documentDate }),
    ...(row.validUntil && { validUntil: row.validUntil }),
    expired: documentExpired(row.validUntil ?? undefined, today),
  };
}

const today = (app: AppContext) => parisDate(app.clock.now());

/** The family's stored documents, by type then newest first. */
export async function listStoredDocuments(app: AppContext, tenant: Tenant, familyId: string): Promise<StoredDocument[]> {
  const rows = await app.db
    .select()
    .from(familyDocuments)
    .where(and(eq(familyDocuments.tenantId, tenant.config.id), eq(familyDocuments.familyId, familyId)))
    .orderBy(asc(familyDocuments.type), desc(familyDocuments.uploadedAt), asc(familyDocuments.id));
  const day = today(app);
  return rows.map((row) => toStoredDocument(row, day));
}

/** The family's stored documents among `ids` (others' and unknown ids are not returned), locked for share when asked. */
export async function familyStoredDocuments(
  db: Database,
  tenantId: string,
  familyId: string,
  ids: readonly string[],
  lock = false,
): Promise<Map<string, StoredDocumentRow>> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return new Map();
  const query = db
    .select()
    .from(familyDocuments)
    .where(and(eq(familyDocuments.tenantId, tenantId), eq(familyDocuments.familyId, familyId), inArray(familyDocuments.id, valid)));
  const rows = await (lock ? query.for('share') : query);
  return new Map(rows.map((row) => [row.id, row]));
}

/** Why a stored document cannot be given for `type` today: another type, or expired (the path is the slot's). */
export function storedDocumentProblem(row: StoredDocumentRow, type: string, day: string): FieldError['code'] | undefined {
  if (row.type !== type) return 'invalid_value';
  if (documentExpired(row.validUntil ?? undefined, day)) return 'expired';
  return undefined;
}

/**
 * An upload of the family, free (attached to nothing), locked, checked against the type's
 * formats and size, and the validity its date gives; field errors otherwise.
 */
async function takeUpload(
  tx: Database,
  tenant: Tenant,
  familyId: string,
  requirement: DocumentRequirement | undefined,
  input: { documentId: string; documentDate?: string | undefined },
  errors: FieldError[],
) {
  const tenantId = tenant.config.id;
  const [upload] = isUuid(input.documentId)
    ? await tx
        .select()
        .from(documents)
        .where(
          and(
            eq(documents.tenantId, tenantId),
            eq(documents.familyId, familyId),
            eq(documents.id, input.documentId),
            isNull(documents.requestId),
            isNull(documents.preregistrationId),
          ),
        )
        .for('update')
    : [];
  const unfit = upload && requirement && documentUnfit(requirement, upload);
  if (!upload) errors.push({ path: 'documentId', code: 'unknown_reference' });
  else if (unfit) errors.push({ path: 'documentId', ...unfit });
  const months = requirement?.validityMonths;
  if (months && !input.documentDate) errors.push({ path: 'documentDate', code: 'required' });
  if (errors.length > 0 || !upload) throw new ProblemError('validation_failed', { fieldErrors: errors });
  // The upload becomes the store's: its row goes, its bytes stay under the same key.
  await tx.delete(documents).where(and(eq(documents.tenantId, tenantId), eq(documents.id, upload.id)));
  return {
    fileName: upload.fileName,
    contentType: upload.contentType,
    size: upload.size,
    storageKey: upload.storageKey,
    documentDate: input.documentDate ?? null,
    validUntil: months && input.documentDate ? documentValidUntil(input.documentDate, months) : null,
  };
}

/** Keeps an upload made just before in the store, under one of the tenant's document types. */
export async function storeDocument(app: AppContext, tenant: Tenant, familyId: string, input: StoredDocumentInput): Promise<StoredDocument> {
  const requirement = tenant.config.preregistration.documents.find((d) => d.type === input.type);
  const errors: FieldError[] = requirement ? [] : [{ path: 'type', code: 'invalid_value' }];
  const now = app.clock.now();
  const row = await app.db.transaction(async (tx) => {
    const file = await takeUpload(tx, tenant, familyId, requirement, input, errors);
    const values: StoredDocumentRow = {
      tenantId: tenant.config.id,
      id: newUuid(app.randomBytes),
      familyId,
      type: input.type,
      ...file,
      uploadedAt: now,
      createdAt: now,
    };
    await tx.insert(familyDocuments).values(values);
    return values;
  });
  return toStoredDocument(row, today(app));
}

/** The family's stored document, locked for update when asked; 404 otherwise. */
async function findStored(db: Database, tenantId: string, familyId: string, id: string, lock = false): Promise<StoredDocumentRow> {
  if (!isUuid(id)) throw new ProblemError('not_found');
  const query = db
    .select()
    .from(familyDocuments)
    .where(and(eq(familyDocuments.tenantId, tenantId), eq(familyDocuments.familyId, familyId), eq(familyDocuments.id, id)));
  const [row] = await (lock ? query.for('update') : query);
  if (!row) throw new ProblemError('not_found');
  return row;
}

/** Whether a request's document still names these bytes (then they stay). */
async function keyInUse(tx: Database, storageKey: string): Promise<boolean> {
  const [named] = await tx.select({ id: documents.id }).from(documents).where(eq(documents.storageKey, storageKey)).limit(1);
  return named !== undefined;
}

/** Forgets bytes nobody names any more, once the transaction that let them go has committed. */
async function dropBytes(app: AppContext, storageKey: string | undefined): Promise<void> {
  if (storageKey) await app.files.delete(storageKey).catch((error: unknown) => app.logger.warn({ msg: 'stored document bytes not deleted', error }));
}

/** A newer file (and date) for a stored document; the requests the old one was given to keep it. */
export async function replaceStoredDocument(
  app: AppContext,
  tenant: Tenant,
  familyId: string,
  id: string,
  input: StoredDocumentReplacement,
): Promise<StoredDocument> {
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const { row, orphan } = await app.db.transaction(async (tx) => {
    const old = await findStored(tx, tenantId, familyId, id, true);
    const requirement = tenant.config.preregistration.documents.find((d) => d.type === old.type);
    const file = await takeUpload(tx, tenant, familyId, requirement, input, []);
    const [updated] = await tx
      .update(familyDocuments)
      .set({ ...file, uploadedAt: now })
      .where(and(eq(familyDocuments.tenantId, tenantId), eq(familyDocuments.id, old.id)))
      .returning();
    return { row: updated!, orphan: (await keyInUse(tx, old.storageKey)) ? undefined : old.storageKey };
  });
  await dropBytes(app, orphan);
  return toStoredDocument(row, today(app));
}

/** Removes a stored document; the requests it was given to keep their copy (the same bytes). */
export async function deleteStoredDocument(app: AppContext, tenant: Tenant, familyId: string, id: string): Promise<void> {
  const tenantId = tenant.config.id;
  const orphan = await app.db.transaction(async (tx) => {
    const row = await findStored(tx, tenantId, familyId, id, true);
    await tx.delete(familyDocuments).where(and(eq(familyDocuments.tenantId, tenantId), eq(familyDocuments.id, row.id)));
    return (await keyInUse(tx, row.storageKey)) ? undefined : row.storageKey;
  });
  await dropBytes(app, orphan);
}

/** The stored document's bytes, for its family only. */
export async function downloadStoredDocument(app: AppContext, tenant: Tenant, familyId: string, id: string): Promise<Response> {
  return fileResponse(app, tenant, await findStored(app.db, tenant.config.id, familyId, id), 'stored document');
}

/**
 * Gives stored documents to a submitted pre-registration: one `documents` row each, of
 * the family, claimed by the request, naming the stored bytes. Returns the new rows' ids
 * by stored id.
 */
export async function attachStoredDocuments(
  tx: Database,
  app: AppContext,
  stored: readonly StoredDocumentRow[],
  preregistrationId: string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (stored.length === 0) return ids;
  const rows = stored.map((s) => {
    const id = newUuid(app.randomBytes);
    ids.set(s.id, id);
    return {
      tenantId: s.tenantId,
      id,
      familyId: s.familyId,
      fileName: s.fileName,
      contentType: s.contentType,
      size: s.size,
      storageKey: s.storageKey,
      requestId: null,
      memberId: null,
      preregistrationId,
      createdAt: s.uploadedAt,
    };
  });
  await tx.insert(documents).values(rows);
  return ids;
}
