// The crèche pre-registration's rules that the server enforces and the element applies
// before sending: one function each, used by both (the element greys what the server
// would refuse, with the same reason).
import type { PreregistrationConfig, Structure } from './tenant.ts';

/** The child a pre-registration is for: born (birth date) or expected (expected birth date). */
export interface ChildDates {
  readonly dateNaissance?: string | undefined;
  readonly dateNaissancePrevue?: string | undefined;
}

/** Whole months from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let months = (ty - fy) * 12 + (tm - fm);
  if (months > 0 && td < fd) months -= 1;
  else if (months < 0 && td > fd) months += 1;
  return months;
}

/** Whether a document type is required for this child: `bornChildOnly` ones are not for a future child. */
export function documentRequired(requirement: PreregistrationConfig['documents'][number], child: ChildDates): boolean {
  return requirement.required && !(requirement.bornChildOnly && !child.dateNaissance);
}

/** Why a desired start date cannot be: none given, not after today (Paris day), or before the (expected) birth. */
export type StartDateProblem = { code: 'required' } | { code: 'not_in_future' } | { code: 'invalid_value'; params: { minimum: string } };

export function startDateProblem(start: string | undefined, child: ChildDates, today: string): StartDateProblem | undefined {
  const birth = child.dateNaissance ?? child.dateNaissancePrevue;
  if (!start) return { code: 'required' };
  if (start <= today) return { code: 'not_in_future' };
  if (birth && start < birth) return { code: 'invalid_value', params: { minimum: birth } };
  return undefined;
}

/** The child's age at the start date, and the structure's limits, when it is outside them. */
export interface AgeMismatch {
  readonly ageMonths: number;
  readonly ageMinMonths: number;
  readonly ageMaxMonths: number;
}

/**
 * Why `structure` cannot take the child at `start`: its age then (whole months from the
 * birth, or the expected birth) is outside the structure's limits. `undefined` when it
 * can, or when the start date or the birth is not known yet (nothing to judge by).
 */
export function ageMismatch(
  structure: Pick<Structure, 'ageMinMonths' | 'ageMaxMonths'>,
  child: ChildDates,
  start: string | undefined,
): AgeMismatch | undefined {
  const birth = child.dateNaissance ?? child.dateNaissancePrevue;
  if (!start || !birth || start < birth) return undefined;
  const ageMonths = monthsBetween(birth, start);
  if (ageMonths >= structure.ageMinMonths && ageMonths <= structure.ageMaxMonths) return undefined;
  return { ageMonths, ageMinMonths: structure.ageMinMonths, ageMaxMonths: structure.ageMaxMonths };
}
