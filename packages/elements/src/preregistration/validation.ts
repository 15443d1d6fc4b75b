// The checks of each step before "Continuer", and the server's refusals in this
// element's words: pure functions of the values, the tenant's configuration and the
// children; and the fields' errors as the steps show and clear them.
import {
  ageMismatch,
  documentRequired,
  startDateProblem,
  type AgeMismatch,
  type ChildDates,
  type FieldError,
  type Member,
  type PreregistrationConfig,
} from '@famille/contract';
import { today, typedToIso } from '../form/dates.ts';
import { childProfile } from './drafts.ts';
import type { PreregistrationHost } from './host.ts';
import { Step, type Key, type Problem, type Problems, type Values } from './state.ts';

type Children = readonly Member[] | undefined;

const chosenChild = (values: Values, children: Children) => childProfile(children?.find((c) => c.id === values.childId));

/** Whether a document type must be given (the contract's rule: a birth certificate waits for a future child's birth). */
export function isRequiredDocument(config: PreregistrationConfig, type: string, child: ChildDates): boolean {
  const req = config.documents.find((d) => d.type === type);
  return !!req && documentRequired(req, child);
}

/** The chosen child's dates, as the contract's rules read them. */
export const childDatesOf = (values: Values, children: Children): ChildDates => chosenChild(values, children);

/**
 * Why each structure cannot take the chosen child at the start date typed (the
 * contract's rule, as the server applies it), by structure id; none while the date is not valid.
 */
export function ageMismatches(values: Values, config: PreregistrationConfig, children: Children): ReadonlyMap<string, AgeMismatch> {
  const start = typedToIso(values.startDate.trim());
  const child = chosenChild(values, children);
  const found = new Map<string, AgeMismatch>();
  if (!start || startDateProblem(start, child, today())) return found;
  for (const structure of config.structures) {
    const mismatch = ageMismatch(structure, child, start);
    if (mismatch) found.set(structure.id, mismatch);
  }
  return found;
}

/** The start date: given, a real day, to come, and not before the (expected) birth (the contract's rule). */
export function validateDate(values: Values, children: Children): Problem | undefined {
  const typed = values.startDate.trim();
  if (!typed) return { key: 'startDateRequired' };
  const iso = typedToIso(typed);
  if (!iso) return { key: 'startDateFormat' };
  const problem = startDateProblem(iso, chosenChild(values, children), today());
  if (problem?.code === 'not_in_future') return { key: 'startDateFuture' };
  if (problem) return { key: 'startDateAfterBirth' };
  return undefined;
}

/** Whether the choice at `index` is a structure no choice above it has. */
export const isChoiceFixed = (values: Values, index: number): boolean => {
  const value = values.choices[index]?.value;
  return !!value && !values.choices.slice(0, index).some((x) => x.value === value);
};

/** Whether a question has the answers it needs. */
export function isAnswerFixed(config: PreregistrationConfig, values: Values, id: string): boolean {
  const q = config.questionnaire.find((x) => x.id === id);
  const a = values.answers[id];
  if (q?.kind !== 'multiple') return true;
  return (Array.isArray(a) ? a.length : 0) >= q.minSelected;
}

/** A step's errors on "Continuer", by field path. */
export function validateStep(step: Step, values: Values, config: PreregistrationConfig, children: Children): Problems {
  const errors: Record<string, Problem> = {};
  if (step === Step.Child && !values.childId) errors['childId'] = { key: 'childRequired' };
  if (step === Step.Date) {
    const problem = validateDate(values, children);
    if (problem) errors['startDate'] = problem;
  }
  if (step === Step.Choices) {
    const rows = values.choices;
    if (!rows.some((r) => r.value)) errors['choices.0'] = { key: 'choicesRequired' };
    else
      rows.forEach((r, i) => {
        if (!r.value) errors[`choices.${i}`] = { key: 'choiceRequired' };
        else if (!isChoiceFixed(values, i)) errors[`choices.${i}`] = { key: 'choiceTwice' };
        else if (ageMismatches(values, config, children).has(r.value)) errors[`choices.${i}`] = { key: 'choiceAge' };
      });
  }
  if (step === Step.Documents) {
    const child = chosenChild(values, children);
    for (const req of config.documents) {
      const list = values.docs[req.type] ?? [];
      if (list.some((u) => !u.info)) errors[`documents.${req.type}`] = { key: 'waitUpload' };
      else if (documentRequired(req, child) && !list.length) errors[`documents.${req.type}`] = { key: 'documentRequired' };
    }
  }
  if (step === Step.Questionnaire) {
    for (const q of config.questionnaire) {
      const a = values.answers[q.id];
      if (q.kind === 'multiple') {
        if (!isAnswerFixed(config, values, q.id))
          errors[`answers.${q.id}`] = q.minSelected > 1 ? { key: 'minBoxes', params: { minimum: q.minSelected } } : { key: 'oneBoxRequired' };
      } else if (q.required && a === undefined) errors[`answers.${q.id}`] = { key: 'oneOptionRequired' };
    }
  }
  return errors;
}

/** The paths of a step's fields, in the order they appear (the error summary's order). */
export function stepPaths(step: Step, values: Values, config: PreregistrationConfig): string[] {
  switch (step) {
    case Step.Child:
      return ['childId'];
    case Step.Date:
      return ['startDate'];
    case Step.Choices:
      return ['choices', ...values.choices.map((_, i) => `choices.${i}`), 'observations'];
    case Step.Documents:
      return config.documents.map((d) => `documents.${d.type}`);
    case Step.Questionnaire:
      return config.questionnaire.map((q) => `answers.${q.id}`);
    default:
      return [];
  }
}

/** The errors without the one of `path`, once its value is right (errors never appear while typing). */
export function withoutError(errors: Problems, path: string, fixed = true): Problems {
  if (!fixed || !errors[path]) return errors;
  const { [path]: _, ...rest } = errors;
  return rest;
}

/** The server's field errors, in this element's words. */
export function problemsFromServer(fieldErrors: readonly FieldError[], config: PreregistrationConfig): Problems {
  const errors: Record<string, Problem> = {};
  for (const f of fieldErrors) {
    const [head, rest] = [f.path.split('.')[0], f.path.split('.').slice(1).join('.')];
    let problem: Problem;
    if (head === 'startDate')
      problem = { key: f.code === 'required' ? 'startDateRequired' : f.code === 'not_in_future' ? 'startDateFuture' : 'startDateAfterBirth' };
    else if (head === 'choices' && !rest) problem = f.code === 'too_large' ? { key: 'tooManyChoices', params: f.params ?? {} } : { key: 'choicesRequired' };
    else if (head === 'choices')
      problem = { key: f.code === 'unknown_reference' ? 'choiceUnknown' : f.params?.['ageMonths'] !== undefined ? 'choiceAge' : 'choiceTwice' };
    else if (head === 'documents')
      problem = {
        key:
          f.code === 'required'
            ? 'documentRequired'
            : f.code === 'invalid_format'
              ? 'documentFormat'
              : f.code === 'too_large'
                ? 'documentTooLarge'
                : f.code === 'expired'
                  ? 'documentExpired'
                  : 'documentUnknown',
      };
    else if (head === 'answers') problem = answerProblem(config, rest, f.code, f.params);
    else problem = { key: f.code, params: { field: f.path, minimum: 0, maximum: 0, ...f.params } };
    errors[f.path] ??= problem;
  }
  return errors;
}

function answerProblem(config: PreregistrationConfig, id: string, code: string, params?: Record<string, unknown>): Problem {
  const q = config.questionnaire.find((x) => x.id === id);
  if (code === 'required' || code === 'too_small') {
    if (q?.kind !== 'multiple') return { key: 'oneOptionRequired' };
    const minimum = Number(params?.['minimum'] ?? q.minSelected);
    return minimum > 1 ? { key: 'minBoxes', params: { minimum } } : { key: 'oneBoxRequired' };
  }
  return { key: 'answerInvalid' };
}

/** The error of a field, in the parent's language. */
export function fieldError({ i18n, state }: Pick<PreregistrationHost, 'i18n' | 'state'>, path: string): string | undefined {
  const error = state.errors[path];
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- it is needed: without it the call does not type check
  return error ? (i18n.t as (key: Key, params?: unknown) => string)(error.key, error.params) : undefined;
}

/** Drops a field's error once its value is right (errors never appear while typing). */
export function clearError(host: PreregistrationHost, path: string, fixed = true): void {
  const errors = withoutError(host.state.errors, path, fixed);
  if (errors !== host.state.errors) host.set({ errors });
}
