// The API's resources, each a function of a client: a page that never lists invoices never
// downloads the code, nor the answer validators, that would. A bundler keeps a resource's
// object whole, though (every method, every validator): code that counts its bytes (the
// elements) calls `client.call(endpoints.x, …)` and `uploadDocument()` instead.
import {
  endpoints,
  type AgentLoginInput,
  type ClosureRequestInput,
  type ContactDetailsInput,
  type EmailChangeInput,
  type IdentityChangeInput,
  type PasswordChangeInput,
  type AgentSession,
  type RequestStatus,
  type RegistrationInput,
  type ResendActivationInput,
  type DocumentInfo,
  type PreregistrationStatus,
  type InvoiceInput,
  type MemberInput,
  type CounterPaymentInput,
  type AgentInvoiceQuery,
  type AgentRefundQuery,
  type StoredDocumentInput,
  type MessageInput,
  type MessageQuery,
  type RequestSummaryPage,
} from '@famille/contract';
import { byId, internalsOf, type FamilleClient } from './client.ts';
import { progressFetch } from './http.ts';

/** Account creation and activation. */
export const accounts = (client: FamilleClient) => ({
  /** Creates an account (not yet active); the activation e-mail follows. */
  register: (input: RegistrationInput) => client.call(endpoints.register, { body: input }),
  /** Activates the account of an activation link's token. */
  activate: (token: string) => client.call(endpoints.activate, { body: { token } }),
  /** Sends a new activation e-mail, by identifiant or with an expired link's token. */
  async resendActivation(input: ResendActivationInput): Promise<void> {
    await client.call(endpoints.resendActivation, { body: input });
  },
  /** Development servers only (no SMTP configured): the e-mails kept instead of sent. */
  devOutbox: () => client.call(endpoints.devOutbox),
});

/** The family's members (entourage). Each change is a request to the service. */
export const family = (client: FamilleClient) => ({
  get: () => client.call(endpoints.family),
  addMember: (input: MemberInput) => client.call(endpoints.addMember, { body: input }),
  /** Changes a member's profile (same role). */
  updateMember: byId(client, endpoints.updateMember, 'memberId'),
  /** Asks the service to remove a member. */
  removeMember: byId(client, endpoints.removeMember, 'memberId'),
});

/** The family's requests, newest first, with their dated history. */
export const requests = (client: FamilleClient) => ({
  list: () => client.call(endpoints.requests),
  get: byId(client, endpoints.request, 'requestId'),
});

/** Mon compte: the parent's own account (coordonnées, identifiants, données personnelles). */
export const account = (client: FamilleClient) => ({
  /** Identity, e-mail (and one awaiting its link), address, phones, last and previous login, requests under way. */
  get: () => client.call(endpoints.account),
  /** Saves the address (whole), phones and preferred contact at once; the service is told. */
  saveContactDetails: (input: ContactDetailsInput) => client.call(endpoints.updateContactDetails, { body: input }),
  /** Sends a confirmation link to a new address (the current password required); the address changes when it is opened. */
  requestEmailChange: (input: EmailChangeInput) => client.call(endpoints.requestEmailChange, { body: input }),
  /** Opens an e-mail change link (`#famille-email=TOKEN`); no session needed. */
  confirmEmailChange: (token: string) => client.call(endpoints.confirmEmailChange, { body: { token } }),
  /** Changes the password (the current one required); every other session ends. */
  changePassword: (input: PasswordChangeInput) => client.call(endpoints.changePassword, { body: input }),
  /** "Se déconnecter de tous les appareils": ends every session, this one included. */
  logOutEverywhere: () => client.call(endpoints.logoutEverywhere),
  /** Asks to change the identity, with justificatifs uploaded before ({@link uploadDocument}). */
  requestIdentityChange: (input: IdentityChangeInput) => client.call(endpoints.requestIdentityChange, { body: input }),
  /** Asks the service to close the account. */
  requestClosure: (input: ClosureRequestInput) => client.call(endpoints.requestAccountClosure, { body: input }),
  /** Everything held about the family (JSON). */
  export: () => client.call(endpoints.accountExport),
});

export interface UploadOptions {
  /** The name to store; defaults to the File's own name. */
  fileName?: string;
  /** Bytes sent so far (browsers: as they go; elsewhere: once, at the end). */
  onProgress?: (loaded: number, total: number) => void;
  /** Cancels the upload: the promise rejects with the signal's reason (an AbortError). */
  signal?: AbortSignal;
}

/**
 * Uploads a file (`documents(client).upload()`, as a function of its own: a page that only
 * uploads carries nothing else of `documents`). Never retried, and without timeout (a
 * large file on a slow line takes long: cancel it with `signal`). In browsers, with
 * `onProgress`, it goes through XMLHttpRequest to report real progress.
 * @returns the stored document, whose id goes in a member's `attachments` or a draft's documents.
 * @throws an `ApiError` (e.g. `http` with the tenant's refusal code), or the signal's
 * reason (an AbortError) when cancelled.
 * @example
 * const info = await uploadDocument(client, input.files[0], { onProgress: (loaded, total) => (bar.value = loaded / total) });
 */
export async function uploadDocument(
  client: FamilleClient,
  file: Blob,
  { fileName = (file as File).name || 'document', onProgress, signal }: UploadOptions = {},
): Promise<DocumentInfo> {
  const { send, usesFetch } = internalsOf(client);
  const progress = !usesFetch && onProgress;
  const info = await send(endpoints.uploadDocument, undefined, {
    body: file,
    headers: {
      'content-type': file.type || 'application/octet-stream',
      // RFC 6266 / 8187: the name in UTF-8, percent-encoded.
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
    },
    signal,
    timeout: false,
    retry: 0,
    ...(progress && { fetch: progressFetch(file, progress) }),
  });
  if (!progress) onProgress?.(file.size, file.size);
  return info;
}

/** Uploaded files: attach their ids to a member's `attachments` or a draft's documents. */
export const documents = (client: FamilleClient) => ({
  /** Uploads a file: see {@link uploadDocument}. */
  upload: (file: Blob, options?: UploadOptions): Promise<DocumentInfo> => uploadDocument(client, file, options),
  download: byId(client, endpoints.downloadDocument, 'documentId'),
  /** Deletes a document not yet attached to a request (cancel, replace). */
  remove: byId(client, endpoints.deleteDocument, 'documentId'),
});

/**
 * The family's document store (pièces justificatives): justificatifs kept once, with their
 * validity, and given again to a pre-registration draft as `storedDocumentId`.
 */
export const familyDocuments = (client: FamilleClient) => ({
  /** The stored documents, with `validUntil` and `expired` where the type has a validity. */
  list: () => client.call(endpoints.familyDocuments),
  /** Keeps a document uploaded just before ({@link uploadDocument}) under a type, with its date where the type has a validity. */
  store: (input: StoredDocumentInput) => client.call(endpoints.storeFamilyDocument, { body: input }),
  /** A newer file (uploaded just before) and date for a stored document; requests it was given to keep the old one. */
  replace: byId(client, endpoints.replaceFamilyDocument, 'storedDocumentId'),
  /** Removes a stored document; requests it was given to keep their copy. */
  async remove(storedDocumentId: string): Promise<void> {
    await client.call(endpoints.deleteFamilyDocument, { params: { storedDocumentId } });
  },
  /** The stored document's file (a Blob). */
  download: byId(client, endpoints.downloadFamilyDocument, 'storedDocumentId'),
});

/**
 * The crèche pre-registration démarche: one draft per child, saved at every step and
 * submitted whole; then the family's requests ("Mes demandes").
 */
export const preregistration = (client: FamilleClient) => ({
  /** The family's drafts (one per child), to offer to resume. */
  drafts: () => client.call(endpoints.preregistrationDrafts),
  /** Saves (creates or replaces) the draft of a child's pre-registration. */
  saveDraft: byId(client, endpoints.savePreregistrationDraft, 'childId'),
  /** Abandons a child's draft. */
  async deleteDraft(childId: string): Promise<void> {
    await client.call(endpoints.deletePreregistrationDraft, { params: { childId } });
  },
  /** Submits the draft; 422 with field errors (`startDate`, `choices.N`, `documents.<type>`, `answers.<id>`) names the steps to fix. */
  submit: byId(client, endpoints.submitPreregistration, 'childId'),
  /** The family's pre-registrations, newest first. */
  list: () => client.call(endpoints.preregistrations),
  /** Withdraws a pre-registration not yet decided (annulée). */
  cancel: byId(client, endpoints.cancelPreregistration, 'preregistrationId'),
});

/** The family's invoices, their PDFs, the payment history, and online payment. */
export const invoices = (client: FamilleClient) => ({
  /** The invoices with "Solde dû" and how the tenant takes payments. */
  list: () => client.call(endpoints.invoices),
  get: byId(client, endpoints.invoice, 'invoiceId'),
  /** The invoice as a PDF (a Blob). */
  pdf: byId(client, endpoints.invoicePdf, 'invoiceId'),
  payments: () => client.call(endpoints.payments),
  /** The years with an attestation fiscale (childcare under 6), newest first, with the amounts per child. */
  attestations: () => client.call(endpoints.attestations),
  /** A year's attestation fiscale as a PDF (a Blob); 404 `not_found` when nothing was paid that year. */
  attestationPdf: (year: number) => client.call(endpoints.attestationPdf, { params: { year: String(year) } }),
  /** "Adhésion à la facture en ligne": each child with its choice. */
  preferences: () => client.call(endpoints.invoicePreferences),
  /** Electronic (`true`: an e-mail when an invoice for the child is published) or paper invoices for a child; answers every child's choice. */
  setPreference: (childId: string, electronicInvoice: boolean) => client.call(endpoints.setInvoicePreference, { body: { childId, electronicInvoice } }),
  /**
   * Starts one online payment for several invoices; send the parent to `redirectUrl` in
   * the same window: they come back to the town's page with `#famille-payment=<id>`.
   * `returnTo`: the page to come back to after paying (usually `location.href`), on an
   * origin the tenant allows; by default the tenant's account page.
   */
  pay: (invoiceIds: string[], options: { returnTo?: string } = {}) => client.call(endpoints.startPayment, { body: { invoiceIds, ...options } }),
  /** A payment's outcome (paid, refused, abandoned, still pending), confirmed by the server. */
  transaction: byId(client, endpoints.paymentTransaction, 'transactionId'),
});

/** Mes actualités: the service's messages to the family. */
export const messages = (client: FamilleClient) => ({
  /** A page of the messages, newest first (`limit` 1–200, default 20, from `offset`), and the unread count. */
  list: (query?: MessageQuery) => client.call(endpoints.messages, query && { query }),
  /** One message with its text; reading it marks it read for the family. */
  read: byId(client, endpoints.message, 'messageId'),
});

/** Mon tableau de bord: the landing page's summary, and every request of the family. */
export const dashboard = (client: FamilleClient) => ({
  /** The greeting, the previous login, invoices to pay, drafts, requests waiting for the family, unread messages, documents to download. */
  summary: () => client.call(endpoints.dashboard),
  /** A page of the family's requests of every kind (entourage, account, pre-registration), newest first (`limit` default 10). */
  requests: (query?: RequestSummaryPage) => client.call(endpoints.requestSummaries, query && { query }),
});

/** A municipal agent's API. Agents use a bearer token, kept by the client's token store. */
export const agent = (client: FamilleClient) => ({
  async login(input: AgentLoginInput): Promise<AgentSession> {
    const session = await client.call(endpoints.agentLogin, { body: input });
    client.tokens.set(session.token);
    return session;
  },
  requests: (query?: { status?: RequestStatus }) => client.call(endpoints.agentRequests, query && { query }),
  request: byId(client, endpoints.agentRequest, 'requestId'),
  issueInvoice: (input: InvoiceInput) => client.call(endpoints.agentIssueInvoice, { body: input }),
  /** A payment at the counter (espèces, chèque, CESU), allocated to the invoices given. */
  recordPayment: (input: CounterPaymentInput) => client.call(endpoints.agentRecordPayment, { body: input }),
  /**
   * The tenant's invoices with their family, newest first: by `familyId`, `status` or exact
   * `number`; `limit` (1–200, default 50) from `offset`. `nextOffset` in the answer: there are more.
   */
  invoices: (query?: AgentInvoiceQuery) => client.call(endpoints.agentInvoices, query && { query }),
  /** Overpaid payments still to refund, newest first (`all: true`: the refunded ones too); paged like `invoices()`. */
  refunds: (query?: AgentRefundQuery) => client.call(endpoints.agentRefunds, query && { query }),
  /** Records the service's refund of an overpayment (reference, day); `conflict` when already recorded or nothing was overpaid. */
  markRefunded: byId(client, endpoints.agentMarkRefunded, 'paymentId'),
  setRequestStatus: byId(client, endpoints.agentSetRequestStatus, 'requestId'),
  /** Parents' changes of their coordonnées (address, phones, e-mail), newest first; optionally one family's. */
  accountChanges: (query?: { familyId?: string }) => client.call(endpoints.agentAccountChanges, query && { query }),
  preregistrations: (query?: { status?: PreregistrationStatus }) => client.call(endpoints.agentPreregistrations, query && { query }),
  setPreregistrationStatus: byId(client, endpoints.agentSetPreregistrationStatus, 'preregistrationId'),
  /** Posts a message to one family (`audience: 'family'`, `familyId`) or to all the tenant's families; each is told by e-mail, without the content. */
  postMessage: (input: MessageInput) => client.call(endpoints.agentPostMessage, { body: input }),
});
