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
import type { ProblemCode } from './problem.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One operation of the API. Paths are relative to the API base (e.g. `/api`) and name
 * their parameters in braces, as in OpenAPI.
 */
export interface Endpoint {
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
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
    summary: 'Liveness: the process answers',
    tag: 'operations',
    auth: 'none',
    response: Health,
    status: 200,
    errors: [],
  },
  readiness: {
    method: 'get',
    path: '/health/ready',
    summary: 'Readiness: the database answers one query',
    tag: 'operations',
    auth: 'none',
    response: Readiness,
    status: 200,
    errors: ['internal_error'],
  },
  tenantConfig: {
    method: 'get',
    path: '/tenants/{tenant}/config',
    summary: "The tenant's public configuration",
    tag: 'tenant',
    auth: 'none',
    response: TenantConfig,
    status: 200,
    errors: ['tenant_not_found'],
  },
  login: {
    method: 'post',
    path: '/tenants/{tenant}/auth/login',
    summary: 'Log a parent in (cookie or bearer token)',
    tag: 'auth',
    auth: 'none',
    body: LoginInput,
    response: LoginResult,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'account_not_activated', 'too_many_attempts', 'origin_not_allowed'],
  },
  logout: {
    method: 'post',
    path: '/tenants/{tenant}/auth/logout',
    summary: 'End the current session on the server',
    tag: 'auth',
    auth: 'parent',
    status: 204,
    errors: ['unauthenticated', 'origin_not_allowed'],
  },
  session: {
    method: 'get',
    path: '/tenants/{tenant}/auth/session',
    summary: 'The current session and its account',
    tag: 'auth',
    auth: 'parent',
    response: Session,
    status: 200,
    errors: ['unauthenticated', 'session_expired'],
  },
  register: {
    method: 'post',
    path: '/tenants/{tenant}/accounts',
    summary: 'Create an account; the activation e-mail follows (same answer if the e-mail is known)',
    tag: 'accounts',
    auth: 'none',
    body: RegistrationInput,
    response: RegistrationAccepted,
    status: 202,
    errors: ['validation_failed', 'too_many_attempts', 'origin_not_allowed'],
  },
  activate: {
    method: 'post',
    path: '/tenants/{tenant}/accounts/activation',
    summary: 'Activate an account with the token of its e-mail link (single use)',
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
    summary: 'Send a new activation e-mail (by identifiant, or with an expired link token)',
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
    summary: 'Send a password reset e-mail (same answer whether or not the account exists)',
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
    summary: "Set a new password with the reset link's token; ends every session of the account",
    tag: 'auth',
    auth: 'none',
    body: PasswordResetInput,
    response: ActivationResult,
    status: 200,
    errors: ['validation_failed', 'token_invalid', 'token_expired', 'token_used', 'too_many_attempts', 'origin_not_allowed'],
  },
  family: {
    method: 'get',
    path: '/tenants/{tenant}/family',
    summary: "The family's members (entourage) with their status",
    tag: 'family',
    auth: 'parent',
    response: Family,
    status: 200,
    errors: ['unauthenticated', 'session_expired'],
  },
  addMember: {
    method: 'post',
    path: '/tenants/{tenant}/family/members',
    summary: 'Declare a member (co-représentant, child or future child, contact): a request to the service',
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
    summary: "Change a member's profile (same role): a request to the service",
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
    summary: 'Ask the service to remove a member: a request',
    tag: 'family',
    auth: 'parent',
    response: MemberChange,
    status: 200,
    errors: ['not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  requests: {
    method: 'get',
    path: '/tenants/{tenant}/requests',
    summary: "The family's requests, newest first, with their history",
    tag: 'family',
    auth: 'parent',
    response: RequestList,
    status: 200,
    errors: ['unauthenticated'],
  },
  request: {
    method: 'get',
    path: '/tenants/{tenant}/requests/{requestId}',
    summary: 'One request of the family',
    tag: 'family',
    auth: 'parent',
    response: FamilyRequest,
    status: 200,
    errors: ['not_found', 'unauthenticated'],
  },
  uploadDocument: {
    method: 'post',
    path: '/tenants/{tenant}/documents',
    summary: "Upload a file (raw body); checked by size, declared type and content against the tenant's rules",
    tag: 'documents',
    auth: 'parent',
    binary: 'upload',
    response: DocumentInfo,
    status: 201,
    errors: ['validation_failed', 'file_too_large', 'file_type_not_accepted', 'file_empty', 'payload_too_large', 'unsupported_media_type', 'unauthenticated', 'origin_not_allowed'],
  },
  downloadDocument: {
    method: 'get',
    path: '/tenants/{tenant}/documents/{documentId}',
    summary: "A document's bytes: for its family and the tenant's agents only",
    tag: 'documents',
    auth: 'parentOrAgent',
    binary: 'download',
    status: 200,
    errors: ['not_found', 'unauthenticated'],
  },
  deleteDocument: {
    method: 'delete',
    path: '/tenants/{tenant}/documents/{documentId}',
    summary: 'Delete an uploaded document not yet attached to a request (cancel, replace)',
    tag: 'documents',
    auth: 'parent',
    status: 204,
    errors: ['not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  agentLogin: {
    method: 'post',
    path: '/tenants/{tenant}/agent/auth/login',
    summary: "Log an agent of the tenant in (bearer token)",
    tag: 'agents',
    auth: 'none',
    body: AgentLoginInput,
    response: AgentSession,
    status: 200,
    errors: ['validation_failed', 'invalid_credentials', 'too_many_attempts'],
  },
  agentRequests: {
    method: 'get',
    path: '/tenants/{tenant}/agent/requests',
    summary: "The tenant's requests, oldest first, optionally by status",
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
    summary: 'One request of the tenant, with its family and member',
    tag: 'agents',
    auth: 'agent',
    response: AgentRequest,
    status: 200,
    errors: ['not_found', 'unauthenticated', 'forbidden'],
  },
  agentSetRequestStatus: {
    method: 'post',
    path: '/tenants/{tenant}/agent/requests/{requestId}/status',
    summary: 'Move a request on (en cours, validée, refusée) with a comment the family sees',
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
    summary: "The family's pre-registration drafts (one per child), to resume",
    tag: 'preregistration',
    auth: 'parent',
    response: PreregistrationDraftList,
    status: 200,
    errors: ['unauthenticated'],
  },
  savePreregistrationDraft: {
    method: 'put',
    path: '/tenants/{tenant}/preregistration/drafts/{childId}',
    summary: "Save the draft of a child's pre-registration (at every step)",
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
    summary: 'Abandon a draft',
    tag: 'preregistration',
    auth: 'parent',
    status: 204,
    errors: ['not_found', 'unauthenticated', 'origin_not_allowed'],
  },
  submitPreregistration: {
    method: 'post',
    path: '/tenants/{tenant}/preregistration/drafts/{childId}/submission',
    summary: "Submit the draft: checked whole against the tenant's configuration; one request however often it is sent",
    tag: 'preregistration',
    auth: 'parent',
    response: Preregistration,
    status: 201,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  preregistrations: {
    method: 'get',
    path: '/tenants/{tenant}/preregistrations',
    summary: "The family's pre-registrations (Mes demandes), newest first",
    tag: 'preregistration',
    auth: 'parent',
    response: PreregistrationList,
    status: 200,
    errors: ['unauthenticated'],
  },
  cancelPreregistration: {
    method: 'post',
    path: '/tenants/{tenant}/preregistrations/{preregistrationId}/cancellation',
    summary: 'The parent withdraws a pre-registration (annulée)',
    tag: 'preregistration',
    auth: 'parent',
    response: Preregistration,
    status: 200,
    errors: ['not_found', 'conflict', 'unauthenticated', 'origin_not_allowed'],
  },
  agentPreregistrations: {
    method: 'get',
    path: '/tenants/{tenant}/agent/preregistrations',
    summary: "The tenant's pre-registrations, optionally by status",
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
    summary: 'Move a pre-registration on (en instruction, place proposée, liste d’attente, refusée)',
    tag: 'agents',
    auth: 'agent',
    body: PreregistrationStatusChange,
    response: Preregistration,
    status: 200,
    errors: ['validation_failed', 'not_found', 'conflict', 'unauthenticated', 'forbidden'],
  },
  devOutbox: {
    method: 'get',
    path: '/tenants/{tenant}/dev/outbox',
    summary: 'Development only (no SMTP configured): the e-mails kept instead of sent',
    tag: 'development',
    auth: 'none',
    response: Outbox,
    status: 200,
    errors: ['not_found'],
  },
} as const satisfies Record<string, Endpoint>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;
/** `{ tenant: string }` for `/tenants/{tenant}/config`. */
export type PathParams<P extends string> = { [K in PathParamNames<P>]: string };

export type BodyOf<E extends Endpoint> = E extends { body: infer B extends z.ZodMiniType } ? z.input<B> : undefined;
export type ResponseOf<E extends Endpoint> = E extends { response: infer R extends z.ZodMiniType }
  ? z.output<R>
  : undefined;
