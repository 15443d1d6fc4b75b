// What the parent typed, as typed, and what it means: the inputs of the contract's
// calculation (participationFamiliale), with each field's error once it was left.
import { careKinds, participationFamiliale, type CareKind, type TariffFailure, type TariffResult, type TenantConfig } from '@famille/contract';

export interface ScheduleFields {
  readonly days: string;
  readonly hours: string;
  /** None typed yet: as many weeks as the structure is open. */
  readonly weeks?: string;
}

export interface TariffState {
  readonly basis: 'yearly' | 'monthly';
  readonly resources: string;
  /** None typed yet: the family's children when logged in, else 1. */
  readonly children?: string;
  readonly aeeh: string;
  /** `structure:<id>` or a kind of care; none chosen yet: the first offered. */
  readonly care?: string;
  readonly schedules: readonly [ScheduleFields, ScheduleFields];
  /** Fields left at least once: their errors show (never while typing). */
  readonly touched: Readonly<Record<string, true>>;
  /** Dependent children of the logged-in parent's family. */
  readonly familyChildren?: number;
}

export const initialState = (): TariffState => ({
  basis: 'yearly',
  resources: '',
  aeeh: '0',
  schedules: [
    { days: '3', hours: '9' },
    { days: '4', hours: '9' },
  ],
  touched: {},
});

/** Euros as a parent types them ("32 000", "2 650,50 €") to cents; anything else: undefined. */
export function parseCents(text: string): number | undefined {
  const plain = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  return /^\d{1,9}(\.\d{1,2})?$/.test(plain) ? Math.round(Number(plain) * 100) : undefined;
}

export function parseWhole(text: string, min: number, max: number): number | undefined {
  const value = /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : NaN;
  return value >= min && value <= max ? value : undefined;
}

/** Hours a day ("9", "8,5", "8 h 30") to minutes, from 30 minutes to 24 hours. */
export function parseMinutes(text: string): number | undefined {
  const match = /^\s*(\d{1,2})(?:[.,](\d{1,2})|\s*h\s*(\d{2})?)?\s*$/i.exec(text);
  if (!match) return undefined;
  const minutes = Number(match[1]) * 60 + (match[2] ? Math.round(Number(`0.${match[2]}`) * 60) : Number(match[3] ?? 0));
  return minutes >= 30 && minutes <= 1440 && Number(match[3] ?? 0) < 60 ? minutes : undefined;
}

export interface CareOption {
  readonly value: string;
  readonly kind: CareKind;
  /** The structure's name; none for a kind of care. */
  readonly name?: string;
  readonly closureWeeks: number;
}

/** The tenant's structures with their kind of care, then the kinds themselves. */
function careOptions(config: TenantConfig | undefined): { structures: CareOption[]; kinds: CareOption[] } {
  const tariff = config?.tariff;
  const closureWeeks = tariff?.closureWeeks ?? 0;
  const names = new Map(config?.preregistration.structures.map((s) => [s.id, s.name]));
  const structures = (tariff?.structures ?? []).flatMap((s) => {
    const name = names.get(s.id);
    return name ? [{ value: `structure:${s.id}`, kind: s.kind, name, closureWeeks: s.closureWeeks ?? closureWeeks }] : [];
  });
  return { structures, kinds: careKinds.map((kind) => ({ value: kind, kind, closureWeeks })) };
}

export type FieldProblem = 'amount' | 'whole' | 'hours';

/** Everything the view shows, worked out from the state. */
export interface Simulation {
  /** What the list offers: the tenant's structures, then the kinds of care. */
  readonly options: { readonly structures: readonly CareOption[]; readonly kinds: readonly CareOption[] };
  readonly care: CareOption;
  readonly children: string;
  readonly maxWeeks: number;
  /** Each schedule's weeks, as shown (the maximum until the parent types). */
  readonly weeks: readonly [string, string];
  /** Problems of the fields that have one, by field name (shown once left). */
  readonly problems: Readonly<Record<string, FieldProblem>>;
  /** Each schedule's result; undefined while something is missing or wrong. */
  readonly results: readonly [TariffResult | TariffFailure | undefined, TariffResult | TariffFailure | undefined];
}

export function simulate(state: TariffState, config: TenantConfig | undefined, date: string): Simulation {
  const options = careOptions(config);
  const { structures, kinds } = options;
  const care = [...structures, ...kinds].find((o) => o.value === state.care) ?? structures[0] ?? kinds[0]!;
  const maxWeeks = 52 - care.closureWeeks;
  const children = state.children ?? String(state.familyChildren || 1);
  const problems: Record<string, FieldProblem> = {};
  const check = <T>(name: string, value: T | undefined, problem: FieldProblem): T | undefined => {
    if (value === undefined) problems[name] = problem;
    return value;
  };
  const amount = check('resources', parseCents(state.resources), 'amount');
  const childCount = check('children', parseWhole(children, 1, 20), 'whole');
  const aeeh = check('aeeh', parseWhole(state.aeeh, 0, childCount ?? 20), 'whole');
  const weeks = state.schedules.map((s) => s.weeks ?? String(maxWeeks)) as [string, string];
  const results = state.schedules.map((s, i) => {
    const days = check(`days-${i}`, parseWhole(s.days, 1, 7), 'whole');
    const minutes = check(`hours-${i}`, parseMinutes(s.hours), 'hours');
    const weeksPerYear = check(`weeks-${i}`, parseWhole(weeks[i]!, 1, maxWeeks), 'whole');
    if (amount === undefined || !childCount || aeeh === undefined || !days || !minutes || !weeksPerYear) return undefined;
    return participationFamiliale({
      resources: state.basis === 'yearly' ? { yearly: amount } : { monthly: amount },
      children: childCount,
      aeehChildren: aeeh,
      kind: care.kind,
      schedule: { daysPerWeek: days, minutesPerDay: minutes, weeksPerYear },
      billedMonths: config?.tariff?.billedMonths ?? 12,
      closureWeeks: care.closureWeeks,
      ...(config?.tariff?.hourlyRounding && { hourlyRounding: config.tariff.hourlyRounding }),
      date,
    });
  }) as [TariffResult | TariffFailure | undefined, TariffResult | TariffFailure | undefined];
  return { options, care, children, maxWeeks, weeks, problems, results };
}
