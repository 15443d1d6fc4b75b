// The state of <famille-account> and its pure pieces: which forms there are, and the body
// each one sends, built from what the parent typed.
import type { ApiError } from '@famille/sdk';
import type { AccountDetails, ContactDetailsInput, FieldError } from '@famille/contract';
import { typedToIso } from '../form/dates.ts';

/** The element's forms (and actions), each with its own pending flag, errors and notice. */
export type FormName = 'contact' | 'email' | 'identity' | 'password' | 'logout' | 'export' | 'closure';

export interface AccountState {
  details?: AccountDetails | undefined;
  loadProblem?: ApiError | undefined;
  /** The form being sent (one at a time). */
  pending?: FormName | undefined;
  /** Field errors of the last refusal, by form: shown with a summary. */
  errors: Partial<Record<FormName, readonly FieldError[]>>;
  /** Another failure of the last attempt, by form. */
  problems: Partial<Record<FormName, ApiError>>;
  /** What went well, by form. */
  notices: Partial<Record<FormName, string>>;
  /** The new password as typed, for the checklist. */
  newPassword: string;
  /** The e-mail change link of the page's URL: its outcome. */
  confirmed?: string | undefined;
  confirmProblem?: ApiError | undefined;
}

export const initialState = (): AccountState => ({ errors: {}, problems: {}, notices: {}, newPassword: '' });

/** The fields of each form, as the server names them in its field errors (and as the inputs are named). */
export const addressParts = ['numero', 'voie', 'batiment', 'appartement', 'complement', 'codePostal', 'commune'] as const;
export const contactFields = [...addressParts.map((p) => `address.${p}` as const), 'telephone', 'mobile'] as const;
export const identityFields = ['identity.civilite', 'identity.nomUsage', 'identity.nomNaissance', 'identity.prenoms', 'identity.dateNaissance'] as const;

/** What the parent typed in the field `name` (a file input aside). */
export const value = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v : '';
};
const text = (data: FormData, name: string): string => value(data, name).trim();
/** Only what was typed: a blank optional field is left out. */
const typed = <K extends string>(data: FormData, names: readonly K[], prefix = '') =>
  Object.fromEntries(names.flatMap((name) => (text(data, prefix + name) ? [[name, text(data, prefix + name)]] : [])));

/** The coordonnées form's body; the preferred contact, not on the form, stays as it is. */
export function contactBody(data: FormData, details: AccountDetails | undefined): ContactDetailsInput {
  return {
    address: typed(data, addressParts, 'address.'),
    ...typed(data, ['telephone', 'mobile']),
    ...(details?.preferredContact && { preferredContact: details.preferredContact }),
  };
}

/** The identity request's fields (the date as typed, JJ/MM/AAAA, sent as ISO when it reads as one). */
export function identityBody(data: FormData): Record<string, string> {
  const identity = typed(data, ['civilite', 'nomUsage', 'nomNaissance', 'prenoms', 'dateNaissance'], 'identity.');
  if (identity['dateNaissance']) identity['dateNaissance'] = typedToIso(identity['dateNaissance']) ?? identity['dateNaissance'];
  return identity;
}
