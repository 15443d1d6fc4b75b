import type * as z from 'zod/mini';
import { Health, Readiness } from './health.ts';
import { TenantConfig } from './tenant.ts';
import { LoginInput, LoginResult, Session } from './auth.ts';
import {
  Accepted,
  ActivationInput,
  ActivationResult,
  Outbox,
  PasswordResetInput,
  PasswordResetRequest,
  RegistrationAccepted,
  RegistrationInput,
  ResendActivationInput,
} from './accounts.ts';
import {
  AgentLoginInput,
  AgentRequest,
  AgentRequestList,
  AgentSession,
  DocumentInfo,
  Family,
  FamilyRequest,
  MemberChange,
  MemberInput,
  RequestList,
  RequestListQuery,
  StatusChange,
} from './family.ts';
import {
  AgentPreregistrationList,
  Preregistration,
  PreregistrationDraft,
  PreregistrationDraftInput,
  PreregistrationDraftList,
  PreregistrationList,
  PreregistrationListQuery,
  PreregistrationStatusChange,
} from './preregistration.ts';
import {
  AgentInvoiceList,
  AgentInvoiceListQuery,
  AgentRefund,
  AgentRefundList,
  AgentRefundListQuery,
  AttestationList,
  CounterPaymentInput,
  Invoice,
  InvoiceInput,
  InvoiceList,
  InvoicePreferenceInput,
  InvoicePreferences,
  Payment,
  PaymentHistory,
  PaymentRedirect,
  PaymentStartInput,
  PaymentTransaction,
  RefundInput,
} from './invoices.ts';
import type { ProblemCode } from './problem.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One operation of the API. Paths are relative to the API base (e.g. `/api`) and name
 * their parameters in braces, as in OpenAPI.
 */
export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: string;
  /** A short title (OpenAPI `summary`). */
  readonly summary: string;
  /** What the operation does and answers, for developers integrating the API (OpenAPI `description`). */
  readonly description: string;
  readonly tag: string;
  /**
   * `parent`: a parent's session is required. `agent`: an agent's bearer session of the
   * tenant. `parentOrAgent`: either. `none`: public.
   */
  readonly auth: 'none' | 'parent' | 'agent' | 'parentOrAgent';
  readonly body?: z.ZodMiniType;
  /** Query-string parameters. */
  readonly query?: z.ZodMiniType;
  /**
   * `upload`: the body is the file's raw bytes (its `Content-Type`, and the name in
   * `Content-Disposition: attachment; filename*=UTF-8''…`). `download`: the answer is
   * the file's bytes, not JSON.
   */
  readonly binary?: 'upload' | 'download';
  /** Absent: the success answer has no body (204). */
  readonly response?: z.ZodMiniType;
  readonly status: 200 | 201 | 202 | 204;
  /** Problem codes this operation may answer, besides the generic ones. */
  readonly errors: readonly ProblemCode[];
}

/** The API written once: the server routes it, the SDK calls it, OpenAPI documents it. */
export const endpoints = {
  health: {
    method: 'get',
    path: '/health',
    summary: 'Liveness probe',
    description: "Answers while the process runs, without touching the database: for an orchestrator's liveness probe. Public.",
    tag: 'operations',
    auth: 'none',
    response: Health,
    status: 200,
    errors: [],
  },
  readiness: {
    method: 'get',
    path: '/health/ready',
    summary: 'Readiness probe',
    description:
      "Runs exactly one database query, which also proves the migrations ran, and answers the schema version. 503 `internal_error` while the database does not answer: for a readiness probe or a load balancer's health check. Public.",
    tag: 'operations',
    auth: 'none',
    response: Readiness,
    status: 200,
    errors: ['internal_error'],
  },
  tenantConfig: {
    method: 'get',
    path: '/tenants/{tenant}/config',
    summary: "Get the tenant's public configuration",
    description:
      'Everything the elements need before anyone logs in: names, contact, languages, links and short notices (CGU, personal data), the password policy, upload rules and the pre-registration démarche (structures, documents, questionnaire). Public; cacheable.',
    tag: 'tenant',
    auth: 'none',
    response: TenantConfig,
    status: 200,
    errors: ['tenant_not_found'],
  },
  login: {
    method: 'post',
    path: '/tenants/{tenant}/auth/login',
    summary: 'Log a parent in',
    description:
      "Checks the identifiant (or e-mail address) and password and opens a session. With `transport: cookie` (default) the session is an HttpOnly cookie scoped to the tenant's path; with `transport: token` the answer carries a bearer token, for pages on another site. An unknown identifiant and a wrong password get the same 401 `invalid_credentials`; `account_not_activated` (403) is told only after the right password. Repeated failures are throttled: 429 `too_many_attempts` with `Retry-After`. When too many password checks run at once the answer is at once 503 `server_busy` with `Retry-After`.",
    tag: 'auth',
    auth: 'none',
    body: LoginInput,
    response: LoginResult,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'account_not_activated', 'too_many_attempts', 'server_busy', 'origin_not_allowed'],
  },
  logout: {
    method: 'post',
    path: '/tenants/{tenant}/auth/logout',
    summary: 'Log the parent out',
    description: 'Ends the current session on the server (the token or cookie no longer works) and clears the cookie.',
    tag: 'auth',
    auth: 'parent',
    status: 204,
    errors: ['unauthenticated', 'origin_not_allowed'],
  },
  session: {
    method: 'get',
    path: '/tenants/{tenant}/auth/session',
    summary: 'Get the current session',
    description:
      'The session the request carries (cookie or bearer token) and its account. 401 `unauthenticated` without one, `session_expired` after the idle or absolute expiry. Each authenticated request moves the idle expiry on.',
    tag: 'auth',
    auth: 'parent',
    response: Session,
    status: 200,
    errors: ['unauthenticated', 'session_expired'],
  },
  register: {
    method: 'post',
    path: '/tenants/{tenant}/accounts',
    summary: 'Create an account',
    description:
      "Creates the account of the family's référent and sends the activation e-mail (its link is valid `activationTtlHours`). The answer is the same whether or not the e-mail address already has an account, so that nobody learns who is registered; a taken identifiant is a field error `taken`. The password must meet the tenant's `passwordPolicy`. Throttled per client address.",
    tag: 'accounts',
    auth: 'none',
    body: RegistrationInput,
    response: RegistrationAccepted,
    status: 202,
    errors: ['validation_failed', 'too_many_attempts', 'server_busy', 'origin_not_allowed'],
  },
  activate: {
    method: 'post',
    path: '/tenants/{tenant}/accounts/activation',
    summary: 'Activate an account',
    description:
      'Activates the account with the token of its e-mail link. The token works once (410 `token_used` afterwards) and expires (410 `token_expired`: ask for a new e-mail with `resendActivation`).',
    tag: 'accounts',
    auth: 'none',
    body: ActivationInput,
    response: ActivationResult,
    status: 200,
    errors: ['validation_failed', 'token_invalid', 'token_expired', 'token_used', 'too_many_attempts', 'origin_not_allowed'],
  },
  resendActivation: {
    method: 'post',
    path: '/tenants/{tenant}/accounts/activation-email',
    summary: 'Resend the activation e-mail',
    description:
      'Sends a new activation e-mail, found by identifiant (after a login answered `account_not_activated`) or by the token of an expired link. Always 202, whether or not an account matched; throttled.',
    tag: 'accounts',
    auth: 'none',
    body: ResendActivationInput,
    response: Accepted,
    status: 202,
    errors: ['validation_failed', 'too_many_attempts', 'origin_not_allowed'],
  },
  requestPasswordReset: {
    method: 'post',
    path: '/tenants/{tenant}/auth/password-reset',
    summary: 'Request a password reset e-mail',
    description:
      'Sends an e-mail with a password-reset link to the account with this identifiant or e-mail address. Always 202, whether or not an account matched (no account enumeration); throttled.',
    tag: 'auth',
    auth: 'none',
    body: PasswordResetRequest,
    response: Accepted,
    status: 202,
    errors: ['validation_failed', 'too_many_attempts', 'origin_not_allowed'],
  },
  resetPassword: {
    method: 'post',
    path: '/tenants/{tenant}/auth/password-reset/confirmation',
    summary: 'Set a new password',
    description:
      "Sets a new password with the token of a reset link (single use, short-lived) and ends every session of the account. The password must meet the tenant's `passwordPolicy`.",
    tag: 'auth',
    auth: 'none',
    body: PasswordResetInput,
    response: ActivationResult,
    status: 200,
    errors: ['validation_failed', 'token_invalid', 'token_expired', 'token_used', 'too_many_attempts', 'server_busy', 'origin_not_allowed'],
  },
  family: {
    method: 'get',
    path: '/tenants/{tenant}/family',
    summary: "List the family's members",
    description:
      "The members of the family's entourage (the other parent, children born or expected, contacts) with the status of the latest request about each.",
    tag: 'family',
    auth: 'parent',
    response: Family,
    status: 200,
    errors: ['unauthenticated', 'session_expired'],
  },
  addMember: {
    method: 'post',
    path: '/tenants/{tenant}/family/members',
    summary: 'Declare a member',
    description:
      'Declares a co-représentant (the other parent), a child or future child, or a contact. The member is listed at once with the profile as declared; the declaration is a request (`member_add`, status `deposee`) the service processes. Documents uploaded beforehand may be attached.',
    tag: 'family',
    auth: 'parent',
    body: MemberInput,
    response: MemberChange,
    status: 201,
    errors: ['validation_failed', 'unauthenticated', 'origin_not_allowed'],
  },
  updateMember: {
    method: 'put',
    path: '/tenants/{tenant}/family/members/{memberId}',
    summary: "Change a member's profile",
    description:
      'Declares a new profile for a member, of the same role (409 `conflict` otherwise, or while its removal awaits the service). The change is a request (`member_update`) the service processes.',
    tag: 'family',
    auth: 'parent',
    body: MemberInput,
    response: MemberChange,
    status: 200,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  removeMember: {
    method: 'delete',
    path: '/tenants/{tenant}/family/members/{memberId}',
    summary: 'Ask to remove a member',
    description:
      'Asks the service to remove a member: a request (`member_remove`). The member stays listed with `removalRequested` until an agent validates it. 409 `conflict` when a removal was already asked.',
    tag: 'family',
    auth: 'parent',
    response: MemberChange,
    status: 200,
    errors: ['not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  requests: {
    method: 'get',
    path: '/tenants/{tenant}/requests',
    summary: "List the family's requests",
    description: "Every request of the family (changes of the entourage), newest first, each with its dated history and the agents' comments.",
    tag: 'family',
    auth: 'parent',
    response: RequestList,
    status: 200,
    errors: ['unauthenticated'],
  },
  request: {
    method: 'get',
    path: '/tenants/{tenant}/requests/{requestId}',
    summary: 'Get one request',
    description: "One request of the family, with its history. 404 for an id that is not the family's.",
    tag: 'family',
    auth: 'parent',
    response: FamilyRequest,
    status: 200,
    errors: ['not_found', 'unauthenticated'],
  },
  uploadDocument: {
    method: 'post',
    path: '/tenants/{tenant}/documents',
    summary: 'Upload a document',
    description:
      "Uploads a supporting document, to attach later to a request or a pre-registration. The body is the file's raw bytes (not multipart), with its media type in `Content-Type` and its name in `Content-Disposition: attachment; filename*=UTF-8''…`. The tenant's `uploads` rules apply: size (413 `file_too_large`), declared type and actual content (415 `file_type_not_accepted`), not empty (422 `file_empty`), and a PDF must be a plain document, without scripts, actions, embedded files or HTML (422 `file_active_content`).",
    tag: 'documents',
    auth: 'parent',
    binary: 'upload',
    response: DocumentInfo,
    status: 201,
    errors: [
      'validation_failed',
      'file_too_large',
      'file_type_not_accepted',
      'file_empty',
      'file_active_content',
      'payload_too_large',
      'unsupported_media_type',
      'unauthenticated',
      'origin_not_allowed',
    ],
  },
  downloadDocument: {
    method: 'get',
    path: '/tenants/{tenant}/documents/{documentId}',
    summary: 'Download a document',
    description:
      "The document's bytes, with its stored type, `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff`. For its family and the tenant's agents only: 404 for anyone else.",
    tag: 'documents',
    auth: 'parentOrAgent',
    binary: 'download',
    status: 200,
    errors: ['not_found', 'unauthenticated'],
  },
  deleteDocument: {
    method: 'delete',
    path: '/tenants/{tenant}/documents/{documentId}',
    summary: 'Delete a document',
    description: 'Deletes an uploaded document that is not attached to a request yet (the parent cancelled or replaced it). 409 `conflict` once attached.',
    tag: 'documents',
    auth: 'parent',
    status: 204,
    errors: ['not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  agentLogin: {
    method: 'post',
    path: '/tenants/{tenant}/agent/auth/login',
    summary: 'Log an agent in',
    description:
      "Opens an agent's session for the tenant's back office. The answer carries a bearer token to send as `Authorization: Bearer …`. Repeated failures are throttled like parents' logins.",
    tag: 'agents',
    auth: 'none',
    body: AgentLoginInput,
    response: AgentSession,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'too_many_attempts', 'server_busy'],
  },
  agentRequests: {
    method: 'get',
    path: '/tenants/{tenant}/agent/requests',
    summary: "List the tenant's requests",
    description:
      "The tenant's requests, oldest first (the order to process them in), each with its family and member; optionally only those with one `status`.",
    tag: 'agents',
    auth: 'agent',
    query: RequestListQuery,
    response: AgentRequestList,
    status: 200,
    errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  },
  agentRequest: {
    method: 'get',
    path: '/tenants/{tenant}/agent/requests/{requestId}',
    summary: "Get one of the tenant's requests",
    description: "One request of the tenant, with the family it belongs to and the member's profile as declared.",
    tag: 'agents',
    auth: 'agent',
    response: AgentRequest,
    status: 200,
    errors: ['not_found', 'unauthenticated', 'forbidden'],
  },
  agentSetRequestStatus: {
    method: 'post',
    path: '/tenants/{tenant}/agent/requests/{requestId}/status',
    summary: 'Move a request on',
    description:
      'Moves a request to `en_cours` (being processed), `validee` (accepted) or `refusee` (refused), with a comment the family sees (required to refuse). Validating applies the change to the member (added, updated or removed). The family is e-mailed. A decided request moves no more: 409 `conflict`.',
    tag: 'agents',
    auth: 'agent',
    body: StatusChange,
    response: AgentRequest,
    status: 200,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'forbidden'],
  },
  preregistrationDrafts: {
    method: 'get',
    path: '/tenants/{tenant}/preregistration/drafts',
    summary: "List the family's pre-registration drafts",
    description: 'The drafts of the crèche pre-registration (one per child), for the wizard to resume where the parent left off.',
    tag: 'preregistration',
    auth: 'parent',
    response: PreregistrationDraftList,
    status: 200,
    errors: ['unauthenticated'],
  },
  savePreregistrationDraft: {
    method: 'put',
    path: '/tenants/{tenant}/preregistration/drafts/{childId}',
    summary: 'Save a pre-registration draft',
    description:
      "Saves the draft of a child's pre-registration, at every step of the wizard: creates it or replaces it whole. A draft may be incomplete; each field given is checked on its own. 404 when the child is not the family's; 409 `conflict` once the draft was submitted.",
    tag: 'preregistration',
    auth: 'parent',
    body: PreregistrationDraftInput,
    response: PreregistrationDraft,
    status: 200,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  deletePreregistrationDraft: {
    method: 'delete',
    path: '/tenants/{tenant}/preregistration/drafts/{childId}',
    summary: 'Abandon a pre-registration draft',
    description: "Deletes the draft of a child's pre-registration.",
    tag: 'preregistration',
    auth: 'parent',
    status: 204,
    errors: ['not_found', 'unauthenticated', 'origin_not_allowed'],
  },
  submitPreregistration: {
    method: 'post',
    path: '/tenants/{tenant}/preregistration/drafts/{childId}/submission',
    summary: 'Submit a pre-registration',
    description:
      "Submits the child's draft. It is checked whole against the tenant's configuration (start date after today and after the birth, ranked choices among the structures and suitable for the child's age, required documents, required answers): 422 `validation_failed` with one field error per problem, each path naming a step of the wizard. The pre-registration gets a request number and the date of the next allocation commission; the family is e-mailed. Sending it again answers the same pre-registration: one request however often it is sent.",
    tag: 'preregistration',
    auth: 'parent',
    response: Preregistration,
    status: 201,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  preregistrations: {
    method: 'get',
    path: '/tenants/{tenant}/preregistrations',
    summary: "List the family's pre-registrations",
    description: "The family's submitted pre-registrations (Mes demandes), newest first, with their history.",
    tag: 'preregistration',
    auth: 'parent',
    response: PreregistrationList,
    status: 200,
    errors: ['unauthenticated'],
  },
  cancelPreregistration: {
    method: 'post',
    path: '/tenants/{tenant}/preregistrations/{preregistrationId}/cancellation',
    summary: 'Withdraw a pre-registration',
    description: 'The parent withdraws a pre-registration: it becomes `annulee`. 409 `conflict` when its status no longer allows it.',
    tag: 'preregistration',
    auth: 'parent',
    response: Preregistration,
    status: 200,
    errors: ['not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  agentPreregistrations: {
    method: 'get',
    path: '/tenants/{tenant}/agent/preregistrations',
    summary: "List the tenant's pre-registrations",
    description: "The tenant's pre-registrations with their family, optionally only those with one `status`.",
    tag: 'agents',
    auth: 'agent',
    query: PreregistrationListQuery,
    response: AgentPreregistrationList,
    status: 200,
    errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  },
  agentSetPreregistrationStatus: {
    method: 'post',
    path: '/tenants/{tenant}/agent/preregistrations/{preregistrationId}/status',
    summary: 'Move a pre-registration on',
    description:
      'Moves a pre-registration to `en_instruction` (being examined), `place_proposee` (a place is offered), `liste_attente` (waiting list) or `refusee` (refused), with an optional comment the family sees; the family is e-mailed. A transition the process does not allow answers 409 `conflict`.',
    tag: 'agents',
    auth: 'agent',
    body: PreregistrationStatusChange,
    response: Preregistration,
    status: 200,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'forbidden'],
  },
  invoices: {
    method: 'get',
    path: '/tenants/{tenant}/invoices',
    summary: "List the family's invoices",
    description:
      "The family's invoices, newest first, with the balance due (solde dû) and how the tenant takes payments (online provider and minimum, counter methods). Amounts are integer cents.",
    tag: 'invoices',
    auth: 'parent',
    response: InvoiceList,
    status: 200,
    errors: ['unauthenticated'],
  },
  invoice: {
    method: 'get',
    path: '/tenants/{tenant}/invoices/{invoiceId}',
    summary: 'Get one invoice',
    description: 'One invoice of the family, with its lines, what was paid and its balance.',
    tag: 'invoices',
    auth: 'parent',
    response: Invoice,
    status: 200,
    errors: ['not_found', 'unauthenticated'],
  },
  invoicePdf: {
    method: 'get',
    path: '/tenants/{tenant}/invoices/{invoiceId}/pdf',
    summary: 'Download an invoice as PDF',
    description: 'The invoice as a PDF (`application/pdf`, as an attachment), for the family or an agent of the tenant.',
    tag: 'invoices',
    auth: 'parentOrAgent',
    binary: 'download',
    status: 200,
    errors: ['not_found', 'unauthenticated'],
  },
  attestations: {
    method: 'get',
    path: '/tenants/{tenant}/attestations',
    summary: 'List the yearly tax attestations',
    description:
      'The yearly attestations fiscales (certificates for the childcare tax credit, frais de garde des enfants de moins de 6 ans), newest first: one per year with payments, with the childcare amounts paid for each child under 6 on 1 January of that year. Payments count in their Europe/Paris calendar year; meals and fees are left out.',
    tag: 'invoices',
    auth: 'parent',
    response: AttestationList,
    status: 200,
    errors: ['unauthenticated'],
  },
  attestationPdf: {
    method: 'get',
    path: '/tenants/{tenant}/attestations/{year}/pdf',
    summary: 'Download a yearly tax attestation as PDF',
    description:
      "A year's attestation fiscale as a PDF (`application/pdf`). `year` from 2000 to the current one (422 `validation_failed` otherwise); 404 when nothing eligible was paid that year.",
    tag: 'invoices',
    auth: 'parent',
    binary: 'download',
    status: 200,
    errors: ['validation_failed', 'not_found', 'unauthenticated'],
  },
  invoicePreferences: {
    method: 'get',
    path: '/tenants/{tenant}/invoice-preferences',
    summary: 'Get the electronic-invoice choices',
    description: 'Adhésion à la facture en ligne: for each child of the family, whether invoices come by e-mail rather than on paper.',
    tag: 'invoices',
    auth: 'parent',
    response: InvoicePreferences,
    status: 200,
    errors: ['unauthenticated'],
  },
  setInvoicePreference: {
    method: 'put',
    path: '/tenants/{tenant}/invoice-preferences',
    summary: "Set a child's electronic-invoice choice",
    description: "Sets one child's choice (electronic or paper invoices) and answers every child's.",
    tag: 'invoices',
    auth: 'parent',
    body: InvoicePreferenceInput,
    response: InvoicePreferences,
    status: 200,
    errors: ['validation_failed', 'unauthenticated', 'origin_not_allowed'],
  },
  payments: {
    method: 'get',
    path: '/tenants/{tenant}/payments',
    summary: "List the family's payments",
    description: "The family's payments, online and at the counter, newest first, each with how it was allocated to invoices.",
    tag: 'invoices',
    auth: 'parent',
    response: PaymentHistory,
    status: 200,
    errors: ['unauthenticated'],
  },
  startPayment: {
    method: 'post',
    path: '/tenants/{tenant}/payments/transactions',
    summary: 'Start an online payment',
    description:
      "Pays several invoices of the family in one online transaction (each for its whole balance) and answers where to send the parent: the provider's page (PayFiP for public bodies), in the same window. Refused when the total is under the provider's minimum (422 `amount_below_minimum`: pay at the counter), when an invoice has nothing left to pay (409 `invoice_already_paid`) or is already being paid online (409 `payment_in_progress`), and 502 `payment_provider_unavailable` when the provider cannot be reached (nothing was charged).",
    tag: 'invoices',
    auth: 'parent',
    body: PaymentStartInput,
    response: PaymentRedirect,
    status: 201,
    errors: [
      'validation_failed',
      'not_found',
      'amount_below_minimum',
      'payment_in_progress',
      'invoice_already_paid',
      'payment_provider_unavailable',
      'unauthenticated',
      'origin_not_allowed',
    ],
  },
  paymentTransaction: {
    method: 'get',
    path: '/tenants/{tenant}/payments/transactions/{transactionId}',
    summary: "Get an online payment's outcome",
    description:
      "A transaction and its outcome, for the page the parent returns to after paying. While it is still `pending` the server asks the provider first, so the answer is as fresh as the provider's.",
    tag: 'invoices',
    auth: 'parent',
    response: PaymentTransaction,
    status: 200,
    errors: ['not_found', 'unauthenticated'],
  },
  agentIssueInvoice: {
    method: 'post',
    path: '/tenants/{tenant}/agent/invoices',
    summary: 'Issue an invoice',
    description:
      "Issues an invoice to a family of the tenant; the number follows the tenant's numbering unless given (409 `conflict` when taken). Line amounts are computed by the server (quantity × unit price, rounded half up to the cent). The family is e-mailed when it chose electronic invoices for one of the children.",
    tag: 'agents',
    auth: 'agent',
    body: InvoiceInput,
    response: Invoice,
    status: 201,
    errors: ['validation_failed', 'conflict', 'unauthenticated', 'forbidden'],
  },
  agentInvoices: {
    method: 'get',
    path: '/tenants/{tenant}/agent/invoices',
    summary: "Search the tenant's invoices",
    description:
      "The tenant's invoices with their family, newest first, filtered by family, status or exact number. Paginated: `limit` items (1–200, default 50) from `offset`; `nextOffset` gives the next page.",
    tag: 'agents',
    auth: 'agent',
    query: AgentInvoiceListQuery,
    response: AgentInvoiceList,
    status: 200,
    errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  },
  agentRefunds: {
    method: 'get',
    path: '/tenants/{tenant}/agent/refunds',
    summary: 'List overpaid payments',
    description:
      "Payments that took more than the invoices' balances (two payments crossed), newest first: those still to refund, or all of them with `all=true`. Paginated like the invoices.",
    tag: 'agents',
    auth: 'agent',
    query: AgentRefundListQuery,
    response: AgentRefundList,
    status: 200,
    errors: ['validation_failed', 'unauthenticated', 'forbidden'],
  },
  agentMarkRefunded: {
    method: 'post',
    path: '/tenants/{tenant}/agent/refunds/{paymentId}',
    summary: 'Record a refund',
    description:
      'Records that the service refunded an overpayment: its reference and date (not before the payment, not after today in Europe/Paris). Once only: 409 `conflict` when already recorded or when nothing was overpaid.',
    tag: 'agents',
    auth: 'agent',
    body: RefundInput,
    response: AgentRefund,
    status: 200,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'forbidden'],
  },
  agentRecordPayment: {
    method: 'post',
    path: '/tenants/{tenant}/agent/payments',
    summary: 'Record a counter payment',
    description:
      "Records a payment received at the counter (régie: espèces, chèque, CESU) and allocates it to the family's invoices in the order given, each up to its balance; anything beyond is recorded as overpaid, to refund. 409 `invoice_already_paid` when an invoice has nothing left to pay.",
    tag: 'agents',
    auth: 'agent',
    body: CounterPaymentInput,
    response: Payment,
    status: 201,
    errors: ['validation_failed', 'not_found', 'invoice_already_paid', 'unauthenticated', 'forbidden'],
  },
  devOutbox: {
    method: 'get',
    path: '/tenants/{tenant}/dev/outbox',
    summary: 'Read the development outbox',
    description:
      'Development only, when no SMTP server is configured: the e-mails the server kept instead of sending, newest first, so that a developer can follow activation and reset links. 404 everywhere else (the links would be readable by anyone).',
    tag: 'development',
    auth: 'none',
    response: Outbox,
    status: 200,
    errors: ['not_found'],
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;
/** `{ tenant: string }` for `/tenants/{tenant}/config`. */
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

export type BodyOf<E extends Endpoint> = E extends { body: infer B extends z.ZodMiniType } ? z.input<B> : undefined;
export type ResponseOf<E extends Endpoint> = E extends { response: infer R extends z.ZodMiniType } ? z.output<R> : undefined;
