// The member form's pure rules (its fields, validation, what it sends): no DOM, no Lit.
// Only the module loaded on demand (editor.ts) uses them, so that the contract's rules
// come with it, not with the element's first view.
import { issuesToFieldErrors, MemberInput, sameMember, type FieldError, type Member } from '@famille/contract';
import type { InputType } from '../form/field.ts';
import type { Upload } from '../form/upload.ts';
import { today, typedDate, typedToIso } from '../form/dates.ts';
import type { FormErrors, MemberKind } from './state.ts';
import type { EditorKey as Key } from './view-context.ts';

export const kinds: readonly MemberKind[] = ['coRepresentant', 'enfant', 'futur', 'contact'];

/** One field of the member form. */
export interface Spec {
  name: string;
  req?: 1;
  type?: InputType;
  mode?: string;
  hint?: Key;
  options?: readonly Key[];
  /** A yes/no checkbox (a boolean of the contract). */
  check?: 1;
}

const dateSpec = (name: string, req?: 1): Spec => ({
  name,
  mode: 'numeric',
  hint: name === 'dateNaissance' ? 'dateHint' : 'futureDateHint',
  ...(req && { req }),
});
const phone = (name: string, req?: 1): Spec => ({ name, type: 'tel', hint: 'phoneHint', ...(req && { req }) });

/**
 * The fields of each kind. No `autocomplete` token: these fields describe another
 * person than the parent, and tokens such as `given-name` would fill in the parent's own.
 */
export const specs: Record<MemberKind, readonly Spec[]> = {
  coRepresentant: [
    { name: 'civilite', req: 1, options: ['madame', 'monsieur'] },
    { name: 'nomUsage', req: 1 },
    { name: 'nomNaissance' },
    { name: 'prenoms', req: 1 },
    dateSpec('dateNaissance'),
    { name: 'email', type: 'email', hint: 'emailHintOther' },
    phone('telephone'),
    phone('mobile'),
  ],
  enfant: [{ name: 'nomUsage', req: 1 }, { name: 'prenoms', req: 1 }, { name: 'sexe', options: ['feminin', 'masculin'] }, dateSpec('dateNaissance', 1)],
  futur: [{ name: 'nomUsage', req: 1 }, { name: 'prenoms' }, dateSpec('dateNaissancePrevue', 1)],
  contact: [
    { name: 'civilite', options: ['madame', 'monsieur'] },
    { name: 'nomUsage', req: 1 },
    { name: 'prenoms', req: 1 },
    { name: 'lien', req: 1, hint: 'lienHint' },
    phone('telephone', 1),
    { name: 'autoriseRecuperation', check: 1 },
    { name: 'appelUrgence', check: 1 },
  ],
};

/** The form's values for a member being changed, as the parent would type them. */
export function profileValues(member: Member): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(member.profile)) {
    if (typeof value === 'boolean') values[key] = value ? 'true' : '';
    else if (typeof value === 'string') values[key] = key.startsWith('date') ? typedDate(value) : value;
  }
  return values;
}

/** The ids of the documents sent (those still on their way are not attached). */
export const attachmentIds = (uploads: readonly Upload[]): string[] => uploads.flatMap((u) => (u.info ? [u.info.id] : []));

/** What the form sends for a member of `kind`: its fields' values and the attached documents. */
export function memberInput(kind: MemberKind, values: Readonly<Record<string, string>>, attachments: readonly string[]): MemberInput {
  const out: Record<string, unknown> = { role: kind === 'futur' ? 'enfant' : kind };
  for (const f of specs[kind]) {
    const value = values[f.name]?.trim();
    // A date not typed as JJ/MM/AAAA is left for the contract to refuse.
    if (f.check) out[f.name] = value === 'true';
    else if (value) out[f.name] = f.name.startsWith('date') ? (typedToIso(value) ?? value) : value;
  }
  if (attachments.length) out['attachments'] = [...attachments];
  if (values['confirmDuplicate'] === 'true') out['confirmDuplicate'] = true;
  return out as MemberInput;
}

/**
 * A member of the family who is the same person as `input` (the contract's rule, as the
 * server applies it): current or pending, a refused one aside, the one being changed aside.
 */
export function duplicateOf(input: MemberInput, members: readonly Member[] | undefined, exceptId?: string): Member | undefined {
  return members?.find((m) => m.id !== exceptId && m.status !== 'refusee' && sameMember(input, m.profile));
}

/**
 * The errors of `input` by field: the contract's rules, plus what the browser validators
 * do not carry (required fields, a birth date in the past and an expected one in the
 * future of `day`, an ISO date).
 */
export function validateMember(kind: MemberKind, input: MemberInput, day = today()): Record<string, FieldError> {
  const fields = input as unknown as Record<string, string | undefined>;
  const result = MemberInput.safeParse(fields, { reportInput: true });
  const errors: Record<string, FieldError> = {};
  if (!result.success) for (const e of issuesToFieldErrors(result.error.issues)) errors[e.path] ??= e;
  for (const f of specs[kind]) {
    const value = fields[f.name];
    if (f.req && !value && !errors[f.name]) errors[f.name] = { path: f.name, code: 'required' };
    if (value && !errors[f.name] && f.name.startsWith('date') && (f.name === 'dateNaissance' ? value >= day : value <= day)) {
      errors[f.name] = { path: f.name, code: f.name === 'dateNaissance' ? 'not_in_past' : 'not_in_future' };
    }
  }
  return errors;
}

/** The server's field errors that the form of `kind` can show by its fields (and the duplicate's confirmation), by field. */
export function formFieldErrors(kind: MemberKind, fieldErrors: readonly FieldError[]): FormErrors {
  const known = fieldErrors.filter((f) => f.path === 'confirmDuplicate' || specs[kind].some((s) => s.name === f.path));
  return Object.fromEntries(known.map((f) => [f.path, f]));
}
