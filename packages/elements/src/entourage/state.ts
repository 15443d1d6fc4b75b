// What <famille-entourage> shows and keeps: no DOM, no Lit. The member form's rules
// (fields, validation, what is sent) are in rules.ts, with the module that uses them.
import type { FamilyRequest, FieldError, Member } from '@famille/contract';
import type { ApiError } from '@famille/sdk';
import type { Upload } from '../form/upload.ts';
import type { AllEntourageMessages } from './messages.ts';

export type Key = keyof AllEntourageMessages;

/** What the parent declares: a future child is a child with an expected birth date. */
export type MemberKind = 'coRepresentant' | 'enfant' | 'futur' | 'contact';

export const kindOf = (member: Pick<Member, 'profile'>): MemberKind =>
  member.profile.role === 'enfant' && member.profile.dateNaissancePrevue ? 'futur' : member.profile.role;

/** The member form's two steps: the profile, then the check of the answers. */
export interface FormView {
  name: 'form' | 'check';
  kind: MemberKind;
  /** The member being changed; none when adding one. */
  member?: Member;
}

export type View = { name: 'list' } | { name: 'role' } | FormView | { name: 'remove'; member: Member } | { name: 'done'; request: FamilyRequest };

/** A field's error: the contract's, or one of the element's own words (no file yet, no role). */
export type FormErrors = Record<string, FieldError | { code: string }>;

/** Everything the element renders from (replaced as a whole on each change). */
export interface EntourageState {
  view: View;
  members?: Member[] | undefined;
  requests?: FamilyRequest[] | undefined;
  loadProblem?: ApiError | undefined;
  errors: FormErrors;
  summary: boolean;
  problem?: ApiError | undefined;
  pending: boolean;
  /** The member form's files: being sent, or sent. */
  uploads: readonly Upload[];
  /** What the file input says: its error (refused upload), shown with it. */
  fileError?: string | undefined;
  /** A short polite announcement about uploads. */
  status: string;
  /** The list's button whose form is on its way (editor.ts, loaded on demand): busy meanwhile. */
  opening?: string | undefined;
}

/** Where a part of the element reads and changes its state. */
export interface StateHolder {
  state(): EntourageState;
  set(patch: Partial<EntourageState>): void;
}

export const initialState = (): EntourageState => ({ view: { name: 'list' }, errors: {}, summary: false, pending: false, uploads: [], status: '' });

/** "Léo Huby"; a future child with no first name yet is named `futureChild` ("Futur enfant Huby"). */
export function memberName(member: Member, futureChild: string): string {
  const p = member.profile;
  return `${p.prenoms || (kindOf(member) === 'futur' ? futureChild : '')} ${p.nomUsage}`.trim();
}
