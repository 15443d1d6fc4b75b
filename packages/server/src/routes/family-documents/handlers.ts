import type { HandlerTable } from '../../http/endpoint.ts';
import { deleteStoredDocument, downloadStoredDocument, listStoredDocuments, replaceStoredDocument, storeDocument } from '../../files/family-documents.ts';

/** The family's document store: every route reads and writes the session's family only. */
export const familyDocumentHandlers: Pick<
  HandlerTable,
  'familyDocuments' | 'storeFamilyDocument' | 'replaceFamilyDocument' | 'deleteFamilyDocument' | 'downloadFamilyDocument'
> = {
  familyDocuments: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return { documents: await listStoredDocuments(app, tenant, session.familyId) };
  },
  storeFamilyDocument: ({ app, tenant, session, body }) => storeDocument(app, tenant, session.familyId, body),
  replaceFamilyDocument: ({ app, tenant, session, params, body }) => replaceStoredDocument(app, tenant, session.familyId, params.storedDocumentId, body),
  deleteFamilyDocument: async ({ app, tenant, session, params }) => {
    await deleteStoredDocument(app, tenant, session.familyId, params.storedDocumentId);
    return undefined;
  },
  downloadFamilyDocument: ({ app, tenant, session, params }) => downloadStoredDocument(app, tenant, session.familyId, params.storedDocumentId),
};
