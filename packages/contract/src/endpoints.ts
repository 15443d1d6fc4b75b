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
  /** `parent`: a parent's session is required. `none`: public. */
  readonly auth: 'none' | 'parent';
  readonly body?: z.ZodMiniType;
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
