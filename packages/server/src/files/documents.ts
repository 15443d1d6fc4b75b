import { and, eq } from 'drizzle-orm';
import type { DocumentInfo } from '@famille/contract';
import type { AppContext } from '../deps.ts';
import { newUuid } from '../db/ids.ts';
import { documents } from '../db/schema.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { isUuid, toDocumentInfo } from '../family/views.ts';
import { checkUpload, displayFileName } from './upload.ts';

/**
 * Receives a file for a family: checked (size, declared type, magic bytes) and streamed to
 * the storage under a random key; only then is its row written. The client's file name is
 * kept, sanitized, as a label in the database, never in a path.
 */
export async function uploadDocument(app: AppContext, tenant: Tenant, familyId: string, request: Request): Promise<DocumentInfo> {
  const upload = await checkUpload(request, tenant.config.uploads);
  const id = newUuid(app.randomBytes);
  const storageKey = newUuid(app.randomBytes);
  try {
    await app.files.write(storageKey, upload.body);
  } catch (error) {
    // Too large while streaming, or the client went away: nothing stays behind.
    await app.files.delete(storageKey).catch(() => {});
    throw error;
  }
  const now = app.clock.now();
  const row = {
    tenantId: tenant.config.id,
    id,
    familyId,
    fileName: displayFileName(request.headers.get('content-disposition') ?? undefined, 'document'),
    contentType: upload.contentType,
    size: upload.size(),
    storageKey,
    requestId: null,
    memberId: null,
    preregistrationId: null,
    createdAt: now,
  };
  try {
    await app.db.insert(documents).values(row);
  } catch (error) {
    await app.files.delete(storageKey).catch(() => {});
    throw error;
  }
  return toDocumentInfo(row);
}

/** A document of the tenant, restricted to one family when a parent asks. 404 otherwise. */
async function findDocument(app: AppContext, tenant: Tenant, documentId: string, familyId: string | undefined) {
  if (!isUuid(documentId)) throw new ProblemError('not_found');
  const [row] = await app.db
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, tenant.config.id), eq(documents.id, documentId), familyId ? eq(documents.familyId, familyId) : undefined));
  if (!row) throw new ProblemError('not_found');
  return row;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\]/g, '_') || 'document';
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The headers of every file the API hands out (documents, invoices, attestations): a
 * download, never cached, never sniffed, and sandboxed should a browser render it anyway.
 */
export function downloadHeaders(contentType: string, fileName: string, size: number): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
  };
}

/** A file row's bytes, streamed from the storage as a download; bytes gone from the storage are logged (`what` names the row) and answer 404. */
export async function fileResponse(
  app: AppContext,
  tenant: Tenant,
  row: { readonly id: string; readonly storageKey: string; readonly contentType: string; readonly fileName: string; readonly size: number },
  what: string,
): Promise<Response> {
  const body = await app.files.read(row.storageKey);
  if (!body) {
    app.logger.error({ msg: `${what} bytes missing from the storage`, tenant: tenant.config.id, id: row.id });
    throw new ProblemError('not_found');
  }
  return new Response(body, { status: 200, headers: downloadHeaders(row.contentType, row.fileName, row.size) });
}

/** The bytes, streamed from the storage, never sniffed nor rendered by the browser. */
export async function downloadDocument(app: AppContext, tenant: Tenant, documentId: string, familyId: string | undefined): Promise<Response> {
  return fileResponse(app, tenant, await findDocument(app, tenant, documentId, familyId), 'document');
}

/** Deletes a document its family uploaded but did not attach (cancel, replace); attached: 409. */
export async function deleteDocument(app: AppContext, tenant: Tenant, documentId: string, familyId: string): Promise<void> {
  const row = await findDocument(app, tenant, documentId, familyId);
  if (row.requestId || row.preregistrationId) throw new ProblemError('conflict', { detail: 'The document is attached to a request.' });
  const deleted = await app.db
    .delete(documents)
    .where(and(eq(documents.tenantId, tenant.config.id), eq(documents.id, row.id), eq(documents.familyId, familyId)))
    .returning({ requestId: documents.requestId });
  if (deleted.length === 0) throw new ProblemError('not_found');
  await app.files.delete(row.storageKey);
}
