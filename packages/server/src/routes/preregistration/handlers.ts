import type { HandlerTable } from '../../http/endpoint.ts';
import { deleteDraft, listDrafts, saveDraft } from '../../preregistration/drafts.ts';
import { familyPreregistrations, submitDraft } from '../../preregistration/submission.ts';
import { cancelPreregistration } from '../../preregistration/status.ts';

export const preregistrationHandlers: Pick<
  HandlerTable,
  'preregistrationDrafts' | 'savePreregistrationDraft' | 'deletePreregistrationDraft' | 'submitPreregistration' | 'preregistrations' | 'cancelPreregistration'
> = {
  preregistrationDrafts: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return { drafts: await listDrafts(app, tenant, session) };
  },
  savePreregistrationDraft: ({ app, tenant, session, params, body }) => saveDraft(app, tenant, session, params.childId, body),
  deletePreregistrationDraft: async ({ app, tenant, session, params }) => {
    await deleteDraft(app, tenant, session, params.childId);
    return undefined;
  },
  submitPreregistration: ({ app, tenant, session, params }) => submitDraft(app, tenant, session, params.childId),
  preregistrations: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return { preregistrations: await familyPreregistrations(app, tenant, session) };
  },
  cancelPreregistration: ({ app, tenant, session, params }) => cancelPreregistration(app, tenant, session, params.preregistrationId),
};
