// What <famille-create-account> knows, with no DOM: the wizard's steps and their inputs,
// the state it renders, and the pure rules (the contract's input built from what was
// typed, its validation, where errors send the parent back).
import { issuesToFieldErrors, RegistrationInput, type FieldError, type Locale, type RegistrationAccepted } from '@famille/contract';
import type { ApiError } from '@famille/sdk';
import type { AutocompleteToken, InputType } from '../form/field.ts';
import { today, typedToIso } from '../form/dates.ts';
import type { AllCreateAccountMessages } from './messages.ts';
import type { CreateAccountMessages } from './messages.fr.ts';

/** A message key of the element's own table (labels, step titles, options). */
export type Label = keyof CreateAccountMessages & keyof AllCreateAccountMessages;

/** One input of the wizard: its path in RegistrationInput is its name and its key. */
export interface FieldSpec {
  path: string;
  ac?: AutocompleteToken;
  req?: 1;
  hint?: Label;
  type?: InputType;
  mode?: string;
  /** Radio options (their labels are message keys). */
  options?: readonly Label[];
}

export const steps: readonly { title: Label; fields: readonly FieldSpec[] }[] = [
  { title: 'stepCgu', fields: [{ path: 'acceptCgu', req: 1 }] },
  {
    title: 'stepIdentity',
    fields: [
      { path: 'identity.civilite', req: 1, options: ['madame', 'monsieur'] },
      { path: 'identity.nomUsage', ac: 'family-name', req: 1 },
      { path: 'identity.nomNaissance' },
      { path: 'identity.prenoms', ac: 'given-name', req: 1 },
      { path: 'identity.dateNaissance', ac: 'bday', hint: 'dateHint', mode: 'numeric' },
    ],
  },
  {
    title: 'stepAddress',
    fields: [
      { path: 'address.numero' },
      { path: 'address.voie', ac: 'address-line1' },
      { path: 'address.batiment', ac: 'address-line2' },
      { path: 'address.appartement', ac: 'address-line3' },
      { path: 'address.complement' },
      { path: 'address.codePostal', ac: 'postal-code', hint: 'postalHint', mode: 'numeric' },
      { path: 'address.commune', ac: 'address-level2' },
    ],
  },
  {
    title: 'stepContacts',
    fields: [
      { path: 'contacts.telephone', ac: 'tel', type: 'tel', hint: 'phoneHint' },
      { path: 'contacts.mobile', ac: 'tel', type: 'tel', hint: 'phoneHint' },
      { path: 'contacts.email', ac: 'email', type: 'email', req: 1, hint: 'emailHint' },
      { path: 'contacts.preferredContact', options: ['email', 'telephone', 'mobile', 'courrier'] },
    ],
  },
  {
    title: 'stepCredentials',
    fields: [
      { path: 'credentials.identifiant', ac: 'username', req: 1, hint: 'identifiantHint' },
      { path: 'credentials.password', ac: 'new-password', req: 1 },
    ],
  },
];
/** The step numbers after the inputs' steps: the review, then "check your e-mail". */
export const REVIEW = steps.length;
export const SENT = REVIEW + 1;
/** The steps the parent counts ("Étape 2 sur 6"): the inputs' and the review. */
export const stepCount = steps.length + 1;

/** The message key of an input's label: the last segment of its path. */
export const labelOf = (path: string): Label => path.split('.').pop() as Label;
/** The step holding the input of `path` (-1 for a path of no input). */
export const stepOf = (path: string): number => steps.findIndex((s) => s.fields.some((f) => f.path === path));
/** The first step holding one of these paths (REVIEW when none). */
export const firstStep = (paths: readonly string[]): number => Math.min(REVIEW, ...paths.map(stepOf).filter((n) => n >= 0));

export type Activation = { status: 'pending' } | { status: 'done'; identifiant: string } | { status: 'failed'; problem: ApiError };

/** Field errors by path. */
export type Errors = Readonly<Record<string, FieldError>>;
/** Everything typed, by path ('true' or '' for the checkbox). */
export type Values = Readonly<Record<string, string>>;

/** What the element renders; replaced as a whole on every change. */
export interface CreateAccountState {
  step: number;
  errors: Errors;
  /** The step's errors are listed at the top (after "Continuer" or a refusal). */
  summary: boolean;
  /** Came from "Modifier" on the review (or back from a refusal): Continue returns there. */
  returning: boolean;
  problem?: ApiError | 'not_configured' | undefined;
  pending: boolean;
  /** The password is shown in clear. */
  reveal: boolean;
  accepted?: RegistrationAccepted | undefined;
  notice?: Label | undefined;
  activation?: Activation | undefined;
}

export const initialState: CreateAccountState = { step: 0, errors: {}, summary: false, returning: false, pending: false, reveal: false };

/** What the parent typed, as the contract's input: trimmed, empty answers left out. */
export function registrationInput(values: Values, locale: Locale): RegistrationInput {
  const group = (prefix: string) => {
    const out: Record<string, string> = {};
    for (const f of steps.flatMap((s) => s.fields)) {
      const [head, name] = f.path.split('.');
      // Passwords are never trimmed: spaces are legitimate in passphrases.
      const value = f.path === 'credentials.password' ? values[f.path] : values[f.path]?.trim();
      // A date not typed as JJ/MM/AAAA is left for the contract to refuse.
      if (head === prefix && value) out[name!] = f.path === 'identity.dateNaissance' ? (typedToIso(value) ?? value) : value;
    }
    return out;
  };
  return {
    ...(values['acceptCgu'] === 'true' && { acceptCgu: true }),
    identity: group('identity'),
    address: group('address'),
    contacts: group('contacts'),
    credentials: group('credentials'),
    locale,
  } as RegistrationInput;
}

/** The errors of the whole input, by path (the contract's rules, plus the past-date rule). */
export function validate(values: Values, locale: Locale): Record<string, FieldError> {
  const input = registrationInput(values, locale);
  const result = RegistrationInput.safeParse(input, { reportInput: true });
  const errors: Record<string, FieldError> = {};
  if (!result.success) for (const e of issuesToFieldErrors(result.error.issues)) errors[e.path] ??= e;
  // The browser's validators carry no refinements: a birth date must still be past.
  const birth = input.identity.dateNaissance;
  if (birth && !errors['identity.dateNaissance'] && birth >= today()) {
    errors['identity.dateNaissance'] = { path: 'identity.dateNaissance', code: 'not_in_past' };
  }
  return errors;
}

/** `errors` with the error of `path` replaced (or removed, when `error` is undefined). */
export function withError(errors: Errors, path: string, error: FieldError | undefined): Errors {
  const { [path]: _, ...rest } = errors;
  return error ? { ...rest, [path]: error } : rest;
}

/** The errors after "Continuer" on `step`: that step's from `all` (the whole input's), the others' kept as they were. */
export function stepChecked(errors: Errors, all: Errors, step: number): Errors {
  let next = errors;
  for (const f of steps[step]!.fields) next = withError(next, f.path, all[f.path]);
  return next;
}

/** Whether `step` holds an input with an error. */
export const stepHasErrors = (errors: Errors, step: number): boolean => steps[step]!.fields.some((f) => errors[f.path]);
