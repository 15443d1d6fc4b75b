// The family's document store ("Pièces justificatives"): justificatifs kept once and given
// again to each démarche instead of being uploaded every time. Their types are the tenant's
// pre-registration document types; some are valid for a while after their date (a
// justificatif de domicile: 3 months): see document-rules.ts.
import * as z from 'zod/mini';
import { parisDate } from './dates.ts';
import { DocumentInfo } from './family.ts';
import { calendarDate, id, instant } from './fields.ts';

/** The type a document is stored under: a `type` of the tenant's `preregistration.documents`. */
const documentType = () =>
  z
    .string()
    .check(
      z.maxLength(64),
      z.meta({ description: 'The kind of justificatif: a `type` of the tenant’s `preregistration.documents`', examples: ['justificatif-domicile'] }),
    );

/** The date written on the document: not after today (Paris day). */
export const DocumentDate = z.iso.date().check(
  z.refine((value) => value <= parisDate(new Date()), { params: { code: 'not_in_past' } }),
  z.meta({
    description:
      'The date written on the document (a bill’s date), `YYYY-MM-DD`, not after today (field error `not_in_past`). Required for a type with `validityMonths`, ignored for the others.',
    examples: ['2026-11-20'],
  }),
);

/** The file's fields are an upload's: a stored document takes over the file of an upload. */
const { fileName, contentType, size } = DocumentInfo.shape;

const storedDocumentId = () => id.check(z.describe('The id of a document uploaded just before (`POST …/documents`), not attached to anything'));

/** Keeps an upload in the store under a type. */
export const StoredDocumentInput = z
  .object({
    type: documentType(),
    documentId: storedDocumentId(),
    documentDate: z.optional(DocumentDate),
  })
  .register(z.globalRegistry, {
    id: 'StoredDocumentInput',
    description:
      'Keeps a document uploaded just before (`POST …/documents`) in the family’s store, under one of the tenant’s document types, with the date written on it where the type’s validity depends on it',
    examples: [{ type: 'justificatif-domicile', documentId: '8d0f6c1e-2b7a-4e55-9c3d-1a2b3c4d5e6f', documentDate: '2026-11-20' }],
  });
export type StoredDocumentInput = z.input<typeof StoredDocumentInput>;

/** Replaces a stored document's file (and date), keeping its type. */
export const StoredDocumentReplacement = z
  .object({
    documentId: storedDocumentId(),
    documentDate: z.optional(DocumentDate),
  })
  .register(z.globalRegistry, {
    id: 'StoredDocumentReplacement',
    description: 'A newer file for a stored document (uploaded just before), with its date where the type needs one; the type stays',
    examples: [{ documentId: '8d0f6c1e-2b7a-4e55-9c3d-1a2b3c4d5e6f', documentDate: '2026-11-20' }],
  });
export type StoredDocumentReplacement = z.input<typeof StoredDocumentReplacement>;

export const StoredDocument = z
  .object({
    id: z.string().check(z.meta({ description: 'The stored document’s id', examples: ['3f5a1c7e-8b2d-4e9f-a6c0-1d2e3f4a5b6c'] })),
    type: documentType(),
    fileName,
    contentType,
    size,
    uploadedAt: instant().check(z.describe('When its file was uploaded (UTC instant; a replacement changes it)')),
    documentDate: z.optional(calendarDate()).check(z.describe('The date written on the document, `YYYY-MM-DD`, for a type with a validity')),
    validUntil: z.optional(calendarDate()).check(z.describe('The last day it is valid, `YYYY-MM-DD` (its date + the type’s `validityMonths`)')),
    expired: z.boolean().check(z.describe('Its validity has passed: it can no longer be given to a démarche (replace it)')),
  })
  .register(z.globalRegistry, {
    id: 'StoredDocument',
    description: 'A justificatif kept in the family’s store, to give to démarches without uploading it again',
  });
export type StoredDocument = z.infer<typeof StoredDocument>;

export const StoredDocumentList = z
  .object({ documents: z.array(StoredDocument).check(z.describe('The stored documents, by type then newest first')) })
  .register(z.globalRegistry, { id: 'StoredDocumentList', description: 'The family’s stored documents (pièces justificatives)' });
export type StoredDocumentList = z.infer<typeof StoredDocumentList>;
