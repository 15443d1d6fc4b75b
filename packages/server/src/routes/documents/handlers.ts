import type { HandlerTable } from '../../http/endpoint.ts';
import { deleteDocument, downloadDocument, uploadDocument } from '../../files/documents.ts';

export const documentHandlers: Pick<HandlerTable, 'uploadDocument' | 'downloadDocument' | 'deleteDocument'> = {
  uploadDocument: ({ c, app, tenant, session }) => uploadDocument(app, tenant, session.familyId, c.req.raw),
  // An agent reads any document of the tenant; a parent only the family's own.
  downloadDocument: ({ app, tenant, session, agent, params }) => downloadDocument(app, tenant, params.documentId, agent ? undefined : session!.familyId),
  deleteDocument: async ({ app, tenant, session, params }) => {
    await deleteDocument(app, tenant, params.documentId, session.familyId);
    return undefined;
  },
};
