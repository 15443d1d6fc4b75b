// What <famille-login> knows, with no DOM: its inputs, the state it renders, and the
// login form's own check (presence only; the server refuses the rest).
import { issuesToFieldErrors, type FieldError, type IssueLike } from '@famille/contract';
import type { ApiError } from '@famille/sdk';
import type { RecoveryMode, RecoveryNotice } from './recovery.ts';

export type FieldName = 'identifiant' | 'password';
export const fieldNames: readonly FieldName[] = ['identifiant', 'password'];
/** What the parent typed in the form shown ('' for an input it does not have). */
export type LoginValues = Record<FieldName, string>;
export type FieldErrors = Partial<Record<FieldName, FieldError>>;
/** A validator's verdict on what was typed (the contract's, or the login form's presence check). */
export type CheckResult = { success: true } | { success: false; error: { issues: readonly IssueLike[] } };

/** `login`, or one of the recovery's forms and pages. */
export type Mode = 'login' | RecoveryMode;

/** What the element shows; replaced as a whole on every change. */
export interface LoginState {
  mode: Mode;
  /** A confirmation shown above the form (password changed, activation e-mail sent). */
  notice?: RecoveryNotice | undefined;
  /** The new password as typed (reset), for the checklist. */
  typed: string;
  errors: FieldErrors;
  /** Errors listed at the top (after a submit). */
  summary: boolean;
  problem?: ApiError | 'not_configured' | undefined;
  /** What "Réessayer" does, when not sending the form again (what failed was no submit). */
  retry?: (() => void) | undefined;
  pending: boolean;
  /** The forgotten-password form's module is on its way (its link is busy). */
  opening: boolean;
  /** Password shown in clear. */
  reveal: boolean;
}

export const initialState: LoginState = { mode: 'login', typed: '', errors: {}, summary: false, pending: false, opening: false, reveal: false };

export const isFieldName = (name: string): name is FieldName => fieldNames.includes(name as FieldName);

/**
 * The login form's check: only that both are typed (the identifiant trimmed, the password
 * as it is). The contract's other limits (254 and 1,024 characters, no control character)
 * are the server's to refuse, with field errors this form shows alike. Its validator would
 * cost every login page 1 KB gzip for limits no parent reaches.
 */
export function presenceCheck(values: LoginValues): CheckResult {
  const issues = fieldNames
    .filter((name) => !(name === 'identifiant' ? values[name].trim() : values[name]))
    .map((name) => ({ code: 'too_small', origin: 'string', minimum: 1, path: [name] }));
  return issues.length ? { success: false, error: { issues } } : { success: true };
}

/** A verdict's errors, one per input (the form's other paths, such as a link's token, aside). */
export function fieldErrors(result: CheckResult | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (result && !result.success) {
    for (const e of issuesToFieldErrors(result.error.issues)) if (isFieldName(e.path)) errors[e.path] ??= e;
  }
  return errors;
}

/** `errors` with the error of `name` replaced (or removed, when `error` is undefined). */
export function withError(errors: FieldErrors, name: FieldName, error: FieldError | undefined): FieldErrors {
  const { [name]: _, ...rest } = errors;
  return error ? { ...rest, [name]: error } : rest;
}
