// The crèche tariff of the Prestation de service unique (PSU): the barème national des
// participations familiales as data, and its one calculation, which
// `<famille-tariff-simulator>` runs in the page (and any user of the contract may run: an
// SDK user, the server). No zod here: browser bundles keep this module as it is (see
// runtime.ts).
//
// The rule (Cnaf, circulaire 2019-005 du 5 juin 2019, as summed up by the Caf pages cited
// below): hourly rate = monthly resources × taux d'effort. The monthly resources are the
// household's yearly resources of year N-2 ÷ 12, raised to a plancher and lowered to a
// plafond the Cnaf publishes; the taux d'effort depends on the number of dependent
// children and on the kind of care; each child of the household entitled to the AEEH
// gives the rate of the next size of family. A regular contract is mensualised: (weeks of
// care a year × hours booked a week) ÷ months billed × hourly rate.
//
// Every figure below comes from a text (or, where said, a program) found in the kit's
// reference corpora, cited next to it (URL, title, date). Figures that could not be found
// are NOT here: see the README's "Tariff simulator" section for the gaps.

/** Kinds of care with a table of their own: accueil collectif, familial or parental, micro-crèche. */
export const careKinds = ['collectif', 'familial', 'micro'] as const;
export type CareKind = (typeof careKinds)[number];

/**
 * A table of taux d'effort, from a date: for each kind of care, the rate per hour in
 * millionths of the monthly resources (0,0619 % = 619), for 1, 2, 3… dependent children;
 * the last entry holds for that many children and more.
 */
interface RatePeriod {
  /** First day (YYYY-MM-DD) the table applies. */
  readonly from: string;
  readonly rates: Readonly<Partial<Record<CareKind, readonly number[]>>>;
}

/** The plancher and plafond of the monthly resources, in cents, from a date (none: not known). */
interface ResourcePeriod {
  readonly from: string;
  readonly plancher?: number;
  readonly plafond?: number;
}

/** Accueil collectif (and micro-crèche from September 2019): 1, 2, 3, 4 to 7, 8 and more children. */
const collectifTable = (one: number, two: number, three: number, four: number, eight: number) => [one, two, three, four, four, four, four, eight];
/** Accueil familial and parental: 1, 2, 3 to 5, 6 and more children. */
const familialTable = (one: number, two: number, three: number, six: number) => [one, two, three, three, three, six];

/** A period's tables; the micro-crèche has the collectif one unless said otherwise. */
const rates = (from: string, collectif: number[], familial: number[], micro: 'collectif' | 'familial' = 'collectif'): RatePeriod => ({
  from,
  rates: { collectif, familial, micro: micro === 'collectif' ? collectif : familial },
});

/**
 * The taux d'effort tables, oldest first.
 *
 * - Until 31 August 2019: accueil collectif 0,06 % / 0,05 % / 0,04 % / 0,03 % (4 to 7) /
 *   0,02 % (8 to 10): "Participations financières 2-2", Ville de Verrières-le-Buisson,
 *   "Inscriptions en crèche" (barème 2018, unchanged on 1 January 2019),
 *   https://www.verrieres-le-buisson.fr/mes-enfants/jusqua-4-ans/inscriptions-en-creche/ ;
 *   checked against the Caf des Pyrénées-Orientales's worked examples ("Eaje : barème 2019
 *   des participations familiales", https://www.partenaires-caf66.fr/5590-2/ : 0,41 €/h at
 *   the plancher, 2,92 €/h at the plafond, one child, accueil collectif).
 * - From 1 September 2019, the rises of circulaire 2019-005 (+0,8 % on 1 September 2019,
 *   then on 1 January 2020, 2021 and 2022; https://lemediasocial.fr/creche-evolution-du-bareme-de-participation-familiale_FBCWpW ;
 *   https://babilou.fr/actualites/tarif-en-creche-ce-qui-change-en-septembre-2019), and
 *   the micro-crèche "aligné sur le barème « accueil collectif »" from 1 September 2019
 *   (lemediasocial.fr above). Accueil collectif from 2022: 0,0619 % / 0,0516 % / 0,0413 % /
 *   0,0310 % (4 to 7) / 0,0206 % (8 and more): https://www.lespetitescanailles.fr/faq/calculer-tarif-place-en-creche
 *   ("barème des participations familiales en vigueur"); "En 2023, le barème des taux
 *   d'effort utilisé est celui de l'année 2022" with the same figures,
 *   https://mesclesdubonheur.com/garderie-combien-coute-une-place-dans-une-creche-denfants/ ;
 *   still 0,0516 % (2 children) and 0,0619 % (1 child) "au 1er septembre 2025", Ville de
 *   Suresnes, "Tarifs et aides – petite enfance",
 *   https://www.suresnes.fr/mon-enfant/petite-enfance/tarifs-et-aides-petite-enfance/ .
 *   No text found announces a change of the taux after 2022 (the reform of 1 September
 *   2025 raised the plafond only: see below).
 * - The yearly tables from September 2019 to 2021, accueil familial and parental at every
 *   date, and the micro-crèche's table before September 2019 (the familial one) are those
 *   Gertrude, the open-source crèche management software, bills with: `eval_taux_effort`
 *   in cotisation.py, https://github.com/studio1247/gertrude (commit 2044b34, 7 October
 *   2022). Its collectif figures are the ones cited above where those texts give them
 *   (before September 2019, and from 2022), and those of September 2019 and 2020 are in
 *   Ville de Vincennes's page of 2020 too ("0,0605 % | 0,0504 % | 0,0403 % | 0,0302% |
 *   0,0202 %"; "Taux d'effort applicable du 1er janvier au 31 décembre 2020 | 0,0610 % |
 *   0,0508 % | 0,0406 % | 0,0305 % | 0,0203 %", "Les coûts",
 *   https://www.vincennes.fr/famille-enfance-jeunesse-seniors/petite-enfance/les-couts ).
 *   Its familial and parental ones are in no other text after August 2019; before, the Caf
 *   des Pyrénées-Orientales (above) bills one child 0,34 € an hour at the plancher and
 *   2,44 € at the plafond "pour les services d'accueil familial, les micro-crèches et les
 *   structures en gestion parentale": 0,05 %.
 */
const tariffRates: readonly RatePeriod[] = [
  rates('2019-01-01', collectifTable(600, 500, 400, 300, 200), familialTable(500, 400, 300, 200), 'familial'),
  rates('2019-09-01', collectifTable(605, 504, 403, 302, 202), familialTable(504, 403, 302, 202)),
  rates('2020-01-01', collectifTable(610, 508, 406, 305, 203), familialTable(508, 406, 305, 203)),
  rates('2021-01-01', collectifTable(615, 512, 410, 307, 205), familialTable(512, 410, 307, 205)),
  rates('2022-01-01', collectifTable(619, 516, 413, 310, 206), familialTable(516, 413, 310, 206)),
];

/**
 * The plancher and plafond of the monthly resources, oldest first (cents).
 *
 * - 2019-01-01: 687,30 € and 4 874,62 €, "ne sont pas actualisés au 1er janvier 2019",
 *   https://www.partenaires-caf66.fr/5590-2/ (Caf des Pyrénées-Orientales, "Eaje : barème
 *   2019 des participations familiales").
 * - 2019-09-01: plancher 705,27 € ("Le plancher de ressources d'un montant actuel de
 *   705,27 € sera révisé en début d'année civile"), plafond 5 300 € "en septembre 2019",
 *   https://babilou.fr/actualites/tarif-en-creche-ce-qui-change-en-septembre-2019 .
 * - 2020-01-01: plancher 705,27 €, plafond 5 600 € ("Au 1er janvier 2020, il passera à
 *   5 600 €", Babilou above); both in the 2020 examples of Léa et Léo, "Simulateur de coût",
 *   https://www.leaetleo.com/simulateur-de-cout/ ("705.27 € x 0,0610 % = 0,43 € par heure",
 *   "5600 € x 0,0508 % = 2,84 € par heure").
 * - 2021 and 2022: the planchers were not found (the plafond reached 6 000 € in 2022): no
 *   period, so no result for those years.
 * - 2023-01-01: 754,16 € and 6 000 €,
 *   https://mesclesdubonheur.com/garderie-combien-coute-une-place-dans-une-creche-denfants/ ;
 *   "Depuis 2022, le plafond de ressources est fixé à 6 000 euros", Caf du Loiret,
 *   "EAJE PSU – Evolution du montant plafond des participations au 1er septembre 2024",
 *   https://caf45-partenaires.fr/eaje-psu-evolution-du-montant-plafond-des-participations-au-1er-septembre-2024 .
 * - 2024-01-01: 765,77 € and 6 000 € ("reste applicable du 1er janvier au 31 août 2024",
 *   caf45 above), plancher from Ville de Suresnes, "Tarifs et aides" (2024),
 *   https://www.suresnes.fr/mon-enfant/petite-enfance/tarifs-et-aides/?xml=F10798 .
 * - 2024-09-01: plafond 7 000 € "à compter du 1er septembre 2024" (caf45 above).
 * - 2025-01-01: plancher 801 € ("Prix plancher (au 1er janv. 2025) 801 €", beside "Prix
 *   plafond (depuis 1er sept. 2024) 7 000 €", a crèche's pre-registration page in a public
 *   repository, which the kit's code index does not name).
 * - 2025-09-01: plafond 8 500 € "à compter du 1er septembre 2025 … pour tous les contrats,
 *   y compris ceux en cours", caf.fr, "Le plafond de ressources mensuelles en hausse pour
 *   les EAJE au 1er septembre 2025" (15 May 2025),
 *   https://caf.fr/professionnels/actualites/le-plafond-de-ressources-mensuelles-en-hausse-pour-les-eaje-au-1er-septembre-2025 ;
 *   the notice raises the plafond only: the plancher of January stays.
 * - 2026-01-01: plancher 814,62 €, plafond 8 500 € ("Barème national des participations
 *   familiales 2026 : ressources de 814,62 € à 8 500 €", the tests of a childcare-cost
 *   simulator in a public repository, not named by the index either); 814,62 € is also
 *   Ville de Suresnes's plancher, on the page giving the plafond of 1 September 2025,
 *   https://www.suresnes.fr/mon-enfant/petite-enfance/tarifs-et-aides-petite-enfance/ ,
 *   which says the planchers change "chaque début d'année". Caf.fr (above) had the 8 500 €
 *   applied "sans attendre le 1er janvier 2026".
 *
 * Every plancher above equals the RSA of a parent alone with one child (1,5 × the RSA of
 * one person, to the cent) less its forfait logement for two persons (16 %, to the cent),
 * with the RSA in force when the plancher took effect (January 2019 kept 2018's): a check
 * on the figures from unnamed sources (801,00 and 814,62 € both come out of it; see the
 * test), not a source. It would give 711,62 € (2021) and 712,33 € (2022), which no text
 * found prints: those years stay without a plancher.
 */
const tariffResources: readonly ResourcePeriod[] = [
  { from: '2019-01-01', plancher: 68_730, plafond: 487_462 },
  { from: '2019-09-01', plancher: 70_527, plafond: 530_000 },
  { from: '2020-01-01', plancher: 70_527, plafond: 560_000 },
  { from: '2021-01-01' },
  { from: '2023-01-01', plancher: 75_416, plafond: 600_000 },
  { from: '2024-01-01', plancher: 76_577, plafond: 600_000 },
  { from: '2024-09-01', plancher: 76_577, plafond: 700_000 },
  { from: '2025-01-01', plancher: 80_100, plafond: 700_000 },
  { from: '2025-09-01', plancher: 80_100, plafond: 850_000 },
  { from: '2026-01-01', plancher: 81_462, plafond: 850_000 },
];

/** The period in force on `date` (YYYY-MM-DD): the latest that starts on or before it. */
function periodOn<P extends { readonly from: string }>(periods: readonly P[], date: string): P | undefined {
  let found: P | undefined;
  for (const period of periods) if (period.from <= date) found = period;
  return found;
}

/**
 * The taux d'effort for a family counting `children` (dependent children, plus one per
 * child entitled to the AEEH) in that kind of care on `date` (YYYY-MM-DD), in millionths of
 * the monthly resources, with the row of the table it comes from (`bracket`) and the day
 * that table took effect; `undefined` when no table is known for that day.
 */
export function tauxEffort(kind: CareKind, children: number, date: string): { rate: number; bracket: number; from: string } | undefined {
  const period = periodOn(tariffRates, date);
  const table = period?.rates[kind];
  if (!period || !table) return undefined;
  // The last row holds for that many children and more.
  const bracket = Math.min(children, table.length);
  return { rate: table[bracket - 1]!, bracket, from: period.from };
}

/** A regular contract's schedule. */
export interface Schedule {
  readonly daysPerWeek: number;
  /** Hours booked a day, in minutes (8 h 30 = 510). */
  readonly minutesPerDay: number;
  readonly weeksPerYear: number;
}

export interface TariffInput {
  /** The household's resources in cents: yearly (year N-2, before allowances) or the Caf's monthly figure. */
  readonly resources: { readonly yearly: number } | { readonly monthly: number };
  /** Dependent children (1 or more). */
  readonly children: number;
  /** Children of the household entitled to the AEEH: each moves the family one bracket up. */
  readonly aeehChildren?: number;
  readonly kind: CareKind;
  readonly schedule: Schedule;
  /** Months the contract is billed over (the tenant's; 12 by default). */
  readonly billedMonths?: number;
  /** Weeks a year the structure is closed (the tenant's): at most 52 − this many weeks of care. */
  readonly closureWeeks?: number;
  /** The day whose barème applies (YYYY-MM-DD, Paris). */
  readonly date: string;
  /**
   * How the hourly rate comes to the cent (the tenant's practice; the texts found do both):
   * `nearest` (default), half a cent up, as Ville de Suresnes ("3 000 € × 0,0516 % = 1,548 €,
   * soit 1,55 €"); `down`, the cent below, as Ville de Vincennes ("3600 x 0,0619% = 2,22
   * €/heure", 2,2284 €).
   */
  readonly hourlyRounding?: HourlyRounding;
}

/** How the hourly rate is brought to the cent: see `TariffInput.hourlyRounding`. */
export const hourlyRoundings = ['nearest', 'down'] as const;
export type HourlyRounding = (typeof hourlyRoundings)[number];

export interface TariffResult {
  readonly ok: true;
  /** The monthly resources retained, in cents (bounded). */
  readonly monthlyResources: number;
  /** Which bound applied, if any. */
  readonly bound: 'plancher' | 'plafond' | undefined;
  readonly plancher: number;
  readonly plafond: number;
  /** Children counted for the rate (dependent children + AEEH), and the rate in millionths. */
  readonly bracket: number;
  readonly rate: number;
  /** Hourly rate, in cents (brought to the cent as `hourlyRounding` says). */
  readonly hourly: number;
  readonly hourlyRounding: HourlyRounding;
  /** Weeks of care counted (the schedule's, at most 52 − closure weeks). */
  readonly weeks: number;
  readonly weeksCapped: boolean;
  readonly billedMonths: number;
  /** Hours billed a month, in minutes (may carry a fraction). */
  readonly monthlyMinutes: number;
  /** Monthly amount and yearly cost, in cents. */
  readonly monthly: number;
  readonly yearly: number;
  /** When the rates and the bounds used took effect. */
  readonly ratesFrom: string;
  readonly resourcesFrom: string;
}

/** Why there is no result: an input out of range, or no barème known for that date and kind. */
export type TariffFailure = { readonly ok: false; readonly reason: 'invalid' | 'no_bareme' };

const whole = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
/** `numerator / denominator` rounded half up, for integers ≥ 0 (exact below 2^53). */
const divide = (numerator: number, denominator: number) => Math.floor((2 * numerator + denominator) / (2 * denominator));
/** `numerator / denominator` rounded down, likewise. */
const divideDown = (numerator: number, denominator: number) => Math.floor(numerator / denominator);

/**
 * Mensualisation: (weeks of care a year × minutes booked a week ÷ 60) ÷ months billed ×
 * the hourly rate (cents), rounded to the cent.
 */
export function mensualise(hourly: number, weeks: number, weeklyMinutes: number, billedMonths: number): number {
  return divide(weeks * weeklyMinutes * hourly, 60 * billedMonths);
}

/**
 * The participation familiale of a regular contract. Amounts are integer cents; the
 * hourly rate is brought to the cent (rounded, or rounded down: `hourlyRounding`), then
 * the monthly amount is the hours billed a month × that rate, rounded to the cent, and
 * the yearly cost the monthly amount × the months billed.
 */
export function participationFamiliale(input: TariffInput): TariffResult | TariffFailure {
  const { schedule, children, aeehChildren = 0, billedMonths = 12, closureWeeks = 0, hourlyRounding = 'nearest' } = input;
  const yearly = 'yearly' in input.resources ? input.resources.yearly : undefined;
  const amount = yearly ?? (input.resources as { monthly: number }).monthly;
  if (
    !whole(amount, 0, 1e10) ||
    !whole(children, 1, 99) ||
    !whole(aeehChildren, 0, children) ||
    !whole(schedule.daysPerWeek, 1, 7) ||
    !whole(schedule.minutesPerDay, 1, 1440) ||
    !whole(schedule.weeksPerYear, 1, 52) ||
    !whole(billedMonths, 1, 12) ||
    !whole(closureWeeks, 0, 51) ||
    !hourlyRoundings.includes(hourlyRounding)
  ) {
    return { ok: false, reason: 'invalid' };
  }
  const effort = tauxEffort(input.kind, children + aeehChildren, input.date);
  const bounds = periodOn(tariffResources, input.date);
  const { plancher, plafond } = bounds ?? {};
  if (!effort || !bounds || !plancher || !plafond) return { ok: false, reason: 'no_bareme' };
  const { rate, bracket } = effort;
  // Compared over a year when the resources are yearly: no rounding before the rate.
  const months = yearly === undefined ? 1 : 12;
  const bound = amount < plancher * months ? 'plancher' : amount > plafond * months ? 'plafond' : undefined;
  const retained = bound === 'plancher' ? plancher : bound === 'plafond' ? plafond : undefined;
  const toCent = hourlyRounding === 'down' ? divideDown : divide;
  const hourly = retained === undefined ? toCent(amount * rate, months * 1_000_000) : toCent(retained * rate, 1_000_000);

  const weeks = Math.min(schedule.weeksPerYear, 52 - closureWeeks);
  const weeklyMinutes = schedule.daysPerWeek * schedule.minutesPerDay;
  const monthly = mensualise(hourly, weeks, weeklyMinutes, billedMonths);
  return {
    ok: true,
    monthlyResources: retained ?? divide(amount, months),
    bound,
    plancher,
    plafond,
    bracket,
    rate,
    hourly,
    hourlyRounding,
    weeks,
    weeksCapped: weeks < schedule.weeksPerYear,
    billedMonths,
    monthlyMinutes: (weeks * weeklyMinutes) / billedMonths,
    monthly,
    yearly: monthly * billedMonths,
    ratesFrom: effort.from,
    resourcesFrom: bounds.from,
  };
}
