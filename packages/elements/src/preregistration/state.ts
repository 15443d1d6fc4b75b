// The démarche's state: what the parent typed (`Values`) and what the element shows
// (`State`); the conversions to and from the drafts the server keeps are in drafts.ts.
import type { ApiError } from '@famille/sdk';
import type { Member, Preregistration, StoredDocument, PreregistrationDraft, PreregistrationStatus } from '@famille/contract';
import type { Upload } from '../form/upload.ts';
import type { AllPreregistrationMessages } from './messages.ts';

/** A message of the element's table. */
export type Key = keyof AllPreregistrationMessages;

/** The wizard's steps: 0 information, then the six numbered ones. */
export const Step = { Info: 0, Child: 1, Date: 2, Choices: 3, Documents: 4, Questionnaire: 5, Review: 6 } as const;
export type Step = (typeof Step)[keyof typeof Step];
/** How many numbered steps ("Étape 2 sur 6"). */
export const TOTAL_STEPS = 6;

export type Answer = boolean | string | string[];
/** One ranked choice; `key` follows it when it moves (the structure id may be empty). */
export interface ChoiceRow {
  key: number;
  value: string;
}
/** What the parent typed, replaced as a whole on every change (every key always there, so that a whole `Values` replaces all). */
export interface Values {
  childId: string | undefined;
  startDate: string;
  choices: readonly ChoiceRow[];
  observations: string;
  /** Per document type: the sent document, and one being sent (replacing it). */
  docs: Readonly<Record<string, readonly Upload[]>>;
  answers: Readonly<Record<string, Answer>>;
}
/** An error to show, translated at render time (the locale may change). */
export interface Problem {
  key: Key;
  params?: Record<string, unknown>;
}
/** The errors shown, by field path (`startDate`, `choices.1`, `documents.<type>`…). */
export type Problems = Readonly<Record<string, Problem>>;

export type View =
  | { name: 'wizard' }
  | { name: 'resume' }
  | { name: 'done'; preregistration: Preregistration }
  | { name: 'requests'; notice?: string }
  | { name: 'cancel'; preregistration: Preregistration };

/** What the element shows, replaced as a whole on every change. */
export interface State {
  view: View;
  step: Step;
  children?: Member[] | undefined;
  /** The family's stored documents, offered in the documents step ("Utiliser un document déjà enregistré"). */
  stored?: StoredDocument[] | undefined;
  drafts?: PreregistrationDraft[] | undefined;
  list?: Preregistration[] | undefined;
  loadProblem?: ApiError | undefined;
  errors: Problems;
  summary: boolean;
  /** The failure of the last save or submission, with "Réessayer". */
  problem?: { error: ApiError; retry: () => void } | undefined;
  pending: boolean;
  /** The control ("Commencer", "Reprendre…") waiting for the steps' module (wizard.ts): busy meanwhile. */
  opening?: string | undefined;
  /** Visible, polite: "Brouillon enregistré". */
  draftStatus: string;
  /** Polite announcements (moves, uploads). */
  announce: string;
  /** A "Modifier" link of the review led here: continuing goes back to the review. */
  fromReview: boolean;
}

export const initialState = (): State => ({
  view: { name: 'wizard' },
  step: Step.Info,
  errors: {},
  summary: false,
  pending: false,
  draftStatus: '',
  announce: '',
  fromReview: false,
});

let rowKeys = 0;
/** A new ranked choice, with a key no other row has. */
export const choiceRow = (value = ''): ChoiceRow => ({ key: ++rowKeys, value });

export const emptyValues = (): Values => ({ childId: undefined, startDate: '', choices: [choiceRow()], observations: '', docs: {}, answers: {} });

/** The statuses of a request still waiting for a decision: it may be cancelled. */
export const undecided: readonly PreregistrationStatus[] = ['deposee', 'en_instruction', 'liste_attente'];

/** A child's name as the family declared it ("Futur enfant" without first names), else as a draft knows it. */
export function childName(state: Pick<State, 'children' | 'drafts'>, id: string | undefined, futureChild: string): string {
  const child = state.children?.find((c) => c.id === id);
  if (!child) return state.drafts?.find((d) => d.childId === id)?.childLabel ?? '';
  return `${child.profile.prenoms || futureChild} ${child.profile.nomUsage}`.trim();
}

/** The child's first first name, for "Reprendre ma demande pour Léo". */
export function firstName(state: Pick<State, 'children'>, draft: PreregistrationDraft): string {
  const child = state.children?.find((c) => c.id === draft.childId);
  return child?.profile.prenoms?.split(/\s+/)[0] || draft.childLabel;
}
