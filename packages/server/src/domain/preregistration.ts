import {
  ageMismatch,
  documentRequired,
  startDateProblem,
  type ChildDates,
  type DocumentRequirement,
  type FieldError,
  type GivenDocument,
  type PreregistrationConfig,
  type PreregistrationStatus,
  type TenantConfig,
} from '@famille/contract';

export { documentRequired, monthsBetween, type ChildDates } from '@famille/contract';
import { parisDate } from './paris-date.ts';

// The crèche pre-registration's rules, as plain functions (no HTTP, no database).

/** An answer as stored: yes/no, one option id, several option ids. */
export type AnswerValue = boolean | string | readonly string[];

/** The id a given document names (an upload's, or a stored document's). */
export const givenDocumentId = (given: GivenDocument): string => ('documentId' in given ? given.documentId : given.storedDocumentId);

/** What a draft holds besides its step (the contract's PreregistrationDraftInput, parsed). */
export interface DraftContent {
  readonly startDate?: string | undefined;
  readonly choices?: readonly string[] | undefined;
  readonly observations?: string | undefined;
  readonly documents?: readonly GivenDocument[] | undefined;
  readonly answers?: Readonly<Record<string, AnswerValue>> | undefined;
}

/** What the server knows of a document given in the draft, once looked up for the family. */
export interface GivenDocumentFacts {
  readonly contentType: string;
  readonly size: number;
  /** Already attached to an entourage request or another pre-registration. */
  readonly claimed: boolean;
  /** A stored document that cannot be given for its slot: of another type, or expired. */
  readonly problem?: FieldError['code'] | undefined;
}

/** Why a file cannot serve a document type: a format it does not take, or larger than it allows. */
export function documentUnfit(
  requirement: Pick<DocumentRequirement, 'acceptedTypes' | 'maxBytes'>,
  file: { readonly contentType: string; readonly size: number },
): Omit<FieldError, 'path'> | undefined {
  if (!requirement.acceptedTypes.includes(file.contentType)) return { code: 'invalid_format', params: { format: requirement.acceptedTypes.join(', ') } };
  if (file.size > requirement.maxBytes) return { code: 'too_large', params: { maximum: requirement.maxBytes } };
  return undefined;
}

const duplicates = <T>(values: readonly T[]): T[] => values.filter((v, i) => values.indexOf(v) !== i);

/**
 * Sanity checks a tenant's démarche beyond its schema, at start-up: a town's typo must stop
 * the server, not surface as a parent's dead end. Returns the problems (empty: fine).
 */
export function preregistrationConfigProblems(config: TenantConfig): string[] {
  const p: PreregistrationConfig = config.preregistration;
  const problems: string[] = [];
  const structureIds = p.structures.map((s) => s.id);
  if (structureIds.length === 0) problems.push('preregistration.structures is empty');
  for (const id of new Set(duplicates(structureIds))) problems.push(`structure "${id}" is declared twice`);
  for (const s of p.structures) if (s.ageMinMonths > s.ageMaxMonths) problems.push(`structure "${s.id}": ageMinMonths > ageMaxMonths`);
  if (p.maxChoices > p.structures.length) problems.push(`maxChoices (${p.maxChoices}) exceeds the ${p.structures.length} structures`);
  for (const type of new Set(duplicates(p.documents.map((d) => d.type)))) problems.push(`document type "${type}" is declared twice`);
  for (const d of p.documents) {
    if (d.acceptedTypes.length === 0) problems.push(`document "${d.type}": acceptedTypes is empty`);
    // The upload route applies the tenant's `uploads` rule first: anything beyond it could never be given.
    for (const t of d.acceptedTypes)
      if (!config.uploads.acceptedTypes.includes(t)) problems.push(`document "${d.type}": ${t} is not accepted by uploads.acceptedTypes`);
    if (d.maxBytes > config.uploads.maxBytes) problems.push(`document "${d.type}": maxBytes exceeds uploads.maxBytes`);
  }
  for (const id of new Set(duplicates(p.questionnaire.map((q) => q.id)))) problems.push(`question "${id}" is declared twice`);
  for (const q of p.questionnaire) {
    if (q.kind === 'yesNo') continue;
    if (q.options.length === 0) problems.push(`question "${q.id}": no options`);
    for (const id of new Set(duplicates(q.options.map((o) => o.id)))) problems.push(`question "${q.id}": option "${id}" is declared twice`);
    if (q.kind === 'multiple' && q.minSelected > q.options.length)
      problems.push(`question "${q.id}": minSelected (${q.minSelected}) exceeds its ${q.options.length} options`);
  }
  if (p.commissionMonths.length === 0) problems.push('preregistration.commissionMonths is empty');
  for (const m of new Set(duplicates(p.commissionMonths))) problems.push(`commission month ${m} is declared twice`);
  return problems;
}

/**
 * What is wrong with a tenant's `tariff` configuration (none: []): every structure it
 * gives a kind of care to must be one of its pre-registration structures, once.
 */
export function tariffConfigProblems(config: TenantConfig): string[] {
  const known = new Set(config.preregistration.structures.map((s) => s.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { id } of config.tariff?.structures ?? []) {
    if (!known.has(id)) problems.push(`tariff.structures: "${id}" is not a structure of preregistration.structures`);
    else if (seen.has(id)) problems.push(`tariff.structures: "${id}" is given twice`);
    seen.add(id);
  }
  return problems;
}

/**
 * The first day (YYYY-MM-DD) of the first commission month strictly after the Paris day of
 * `at`: submitted on 4 November with commissions in March, June, September and December → 1
 * December; submitted on 1 December (or later that month) → 1 March of the next year.
 */
export function nextCommission(at: Date, commissionMonths: readonly number[]): string {
  if (commissionMonths.length === 0) throw new RangeError('no commission months');
  const [year, month] = parisDate(at).split('-').map(Number) as [number, number];
  const months = [...commissionMonths].sort((a, b) => a - b);
  const later = months.find((m) => m > month);
  const [y, m] = later !== undefined ? [year, later] : [year + 1, months[0]!];
  return `${y}-${String(m).padStart(2, '0')}-01`;
}

/**
 * Checks a whole draft against the tenant's démarche, at submission (the client is not
 * trusted). Each error's path names the wizard's step: `startDate`, `choices` /
 * `choices.N`, `documents.<type>`, `answers.<questionId>`. `today` is the Paris day;
 * `documents` are the facts about the given documents that are the family's own (an id
 * missing from it is unknown or someone else's).
 */
export function submissionErrors(
  config: PreregistrationConfig,
  draft: DraftContent,
  child: ChildDates,
  documents: ReadonlyMap<string, GivenDocumentFacts>,
  today: string,
): FieldError[] {
  const errors: FieldError[] = [];

  // Step: the desired start date.
  const start = draft.startDate;
  const startProblem = startDateProblem(start, child, today);
  if (startProblem) errors.push({ path: 'startDate', ...startProblem });

  // Step: ranked choices.
  const choices = draft.choices ?? [];
  if (choices.length === 0) errors.push({ path: 'choices', code: 'required' });
  else if (choices.length > config.maxChoices) errors.push({ path: 'choices', code: 'too_large', params: { maximum: config.maxChoices } });
  const seen = new Set<string>();
  choices.forEach((id, index) => {
    const structure = config.structures.find((s) => s.id === id);
    if (!structure) return void errors.push({ path: `choices.${index}`, code: 'unknown_reference' });
    if (seen.has(id)) return void errors.push({ path: `choices.${index}`, code: 'invalid_value' });
    seen.add(id);
    // The child's age at the start date must be one the structure takes (judged on a valid start date only).
    const mismatch = startProblem ? undefined : ageMismatch(structure, child, start);
    if (mismatch) errors.push({ path: `choices.${index}`, code: 'invalid_value', params: { ...mismatch } });
  });

  // Step: supporting documents.
  const given = draft.documents ?? [];
  const reported = new Set<string>();
  const report = (type: string, error: Omit<FieldError, 'path'>) => {
    if (reported.has(type)) return;
    reported.add(type);
    errors.push({ path: `documents.${type}`, ...error });
  };
  const usedIds = new Set<string>();
  for (const doc of given) {
    const type = doc.type;
    const documentId = givenDocumentId(doc);
    const requirement = config.documents.find((d) => d.type === type);
    if (!requirement) {
      report(type, { code: 'unknown_field' });
      continue;
    }
    const facts = documents.get(documentId);
    if (!facts || facts.claimed || usedIds.has(documentId)) {
      report(type, { code: 'unknown_reference' });
      continue;
    }
    usedIds.add(documentId);
    if (facts.problem) {
      report(type, { code: facts.problem });
      continue;
    }
    const unfit = documentUnfit(requirement, facts);
    if (unfit) report(type, unfit);
  }
  for (const requirement of config.documents) {
    if (documentRequired(requirement, child) && !given.some((d) => d.type === requirement.type)) report(requirement.type, { code: 'required' });
  }

  // Step: the questionnaire.
  const answers = draft.answers ?? {};
  for (const question of config.questionnaire) {
    const path = `answers.${question.id}`;
    const answer = answers[question.id];
    if (question.kind === 'yesNo') {
      if (answer === undefined) {
        if (question.required) errors.push({ path, code: 'required' });
      } else if (typeof answer !== 'boolean') errors.push({ path, code: 'invalid_type' });
    } else if (question.kind === 'single') {
      if (answer === undefined || answer === '') {
        if (question.required) errors.push({ path, code: 'required' });
      } else if (typeof answer !== 'string') errors.push({ path, code: 'invalid_type' });
      else if (!question.options.some((o) => o.id === answer)) errors.push({ path, code: 'invalid_value' });
    } else {
      const selected = answer === undefined ? [] : answer;
      if (!Array.isArray(selected)) errors.push({ path, code: 'invalid_type' });
      else if (selected.some((id) => !question.options.some((o) => o.id === id)) || duplicates(selected).length > 0)
        errors.push({ path, code: 'invalid_value' });
      else if (selected.length < question.minSelected) {
        errors.push(selected.length === 0 ? { path, code: 'required' } : { path, code: 'too_small', params: { minimum: question.minSelected } });
      }
    }
  }
  for (const id of Object.keys(answers)) {
    if (!config.questionnaire.some((q) => q.id === id)) errors.push({ path: `answers.${id}`, code: 'unknown_field' });
  }
  return errors;
}

export type PreregistrationActor = 'parent' | 'agent';

export type PreregistrationChangeCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'conflict'; readonly detail: string }
  | { readonly ok: false; readonly problem: 'validation_failed'; readonly fieldErrors: FieldError[] };

/**
 * Where a pre-registration may go, and who moves it. The agent instructs and decides; a
 * place proposed, a refusal and a cancellation are final. A waiting-list request is not:
 * a later commission may propose a place (or refuse), and the family may still withdraw.
 */
const transitions: Readonly<Record<PreregistrationStatus, Readonly<Partial<Record<PreregistrationStatus, PreregistrationActor>>>>> = {
  deposee: { en_instruction: 'agent', place_proposee: 'agent', liste_attente: 'agent', refusee: 'agent', annulee: 'parent' },
  en_instruction: { place_proposee: 'agent', liste_attente: 'agent', refusee: 'agent', annulee: 'parent' },
  liste_attente: { place_proposee: 'agent', refusee: 'agent', annulee: 'parent' },
  place_proposee: {},
  refusee: {},
  annulee: {},
};

export const isFinalPreregistrationStatus = (status: PreregistrationStatus) => Object.keys(transitions[status]).length === 0;

/** Whether `by` may move a pre-registration from `from` to `to`; a refusal must say why. */
export function checkPreregistrationChange(
  from: PreregistrationStatus,
  to: PreregistrationStatus,
  by: PreregistrationActor,
  comment: string | undefined,
): PreregistrationChangeCheck {
  if (transitions[from][to] !== by) return { ok: false, problem: 'conflict', detail: `A pre-registration that is ${from} cannot become ${to}.` };
  if (to === 'refusee' && !comment?.trim()) return { ok: false, problem: 'validation_failed', fieldErrors: [{ path: 'comment', code: 'required' }] };
  return { ok: true };
}
