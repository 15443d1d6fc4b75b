import { withSessionQuery, type HandlerTable } from '../../http/endpoint.ts';
import {
  agentInvoices,
  invoiceList,
  invoicePdfResponse,
  sessionWithBillingVersion,
  issueInvoice,
  oneInvoice,
  paymentHistory,
  recordCounterPayment,
} from '../../invoices/invoices.ts';
import { attestationPdfResponse, familyAttestations, familyInvoicePreferences, setInvoicePreference } from '../../invoices/attestations.ts';
import { readTransaction, startPayment } from '../../payments/transactions.ts';
import { publicBase } from '../../payments/provider-routes.ts';
import { markRefunded, tenantRefunds } from '../../payments/refunds.ts';

export const invoiceHandlers: Pick<
  HandlerTable,
  | 'invoices'
  | 'invoice'
  | 'invoicePdf'
  | 'attestations'
  | 'attestationPdf'
  | 'invoicePreferences'
  | 'setInvoicePreference'
  | 'payments'
  | 'startPayment'
  | 'paymentTransaction'
  | 'agentInvoices'
  | 'agentIssueInvoice'
  | 'agentRecordPayment'
  | 'agentRefunds'
  | 'agentMarkRefunded'
> = {
  // The page every parent opens: one query (the session and the list's version) while the list this process kept is current.
  invoices: withSessionQuery(sessionWithBillingVersion, async ({ c, app, tenant, session }, joined) => {
    c.header('Cache-Control', 'no-store');
    return invoiceList(app, tenant, session, joined.billingVersion);
  }),
  invoice: async ({ c, app, tenant, session, params }) => {
    c.header('Cache-Control', 'no-store');
    return oneInvoice(app, tenant, params.invoiceId, session.familyId);
  },
  // An agent reads any invoice of the tenant; a parent only the family's own.
  invoicePdf: ({ app, tenant, session, agent, params }) => invoicePdfResponse(app, tenant, params.invoiceId, agent ? undefined : session!.familyId),
  attestations: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return { attestations: await familyAttestations(app.db, tenant.config.id, session.familyId) };
  },
  attestationPdf: ({ app, tenant, session, params }) => attestationPdfResponse(app, tenant, session.familyId, params.year),
  invoicePreferences: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return familyInvoicePreferences(app.db, tenant.config.id, session.familyId);
  },
  setInvoicePreference: ({ app, tenant, session, body }) => setInvoicePreference(app, tenant, session.familyId, body),
  payments: async ({ c, app, tenant, session }) => {
    c.header('Cache-Control', 'no-store');
    return { payments: await paymentHistory(app, tenant, session.familyId) };
  },
  startPayment: ({ c, app, tenant, session, body }) => startPayment(app, tenant, session, body, publicBase(c, app)),
  paymentTransaction: async ({ c, app, tenant, session, params }) => {
    c.header('Cache-Control', 'no-store');
    return readTransaction(app, tenant, session, params.transactionId);
  },
  agentInvoices: async ({ c, app, tenant, query }) => {
    c.header('Cache-Control', 'no-store');
    return agentInvoices(app, tenant, query);
  },
  agentIssueInvoice: ({ app, tenant, agent, body }) => issueInvoice(app, tenant, agent, body),
  agentRecordPayment: ({ app, tenant, agent, body }) => recordCounterPayment(app, tenant, agent, body),
  agentRefunds: async ({ c, app, tenant, query }) => {
    c.header('Cache-Control', 'no-store');
    return tenantRefunds(app, tenant, query);
  },
  agentMarkRefunded: ({ app, tenant, agent, params, body }) => markRefunded(app, tenant, agent, params.paymentId, body),
};
