import { sendKeys } from '@web/test-runner-commands';
import { participationFamiliale, type TariffInput, type TariffResult } from '@famille/contract';
import * as tariffStories from '../../stories/tariff-simulator.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { assert, fill, focusJustBefore, tabTo, text } from './keyboard.ts';
import { inputByLabel, waitFor, waitForText } from '../../stories/support/play.ts';
import { tariffTables } from '../../packages/elements/src/tariff-simulator/messages.ts';
import { tariffFr } from '../../packages/elements/src/tariff-simulator/messages.fr.ts';
import type { MessageTable } from '../../packages/elements/src/i18n/localize.ts';

const stories = tariffStories as unknown as StoriesModule;
/** The stories' barème day (see stories/tariff-simulator.stories.ts). */
const date = '2025-10-01';
const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\s+/g, ' ');

/** 42 000 € a year, 2 children, accueil collectif, 9 hours a day, as many weeks as the structure is open. */
type TenantRules = Pick<TariffInput, 'hourlyRounding'> & { closureWeeks: number; billedMonths: number };

function expectedInput(daysPerWeek: number, tenant: TenantRules): TariffInput {
  const schedule = { daysPerWeek, minutesPerDay: 9 * 60, weeksPerYear: 52 - tenant.closureWeeks };
  return { resources: { yearly: 4_200_000 }, children: 2, kind: 'collectif', schedule, date, ...tenant };
}

/** What the contract computes for that household. */
function expected(daysPerWeek: number, tenant: TenantRules): TariffResult {
  const result = participationFamiliale(expectedInput(daysPerWeek, tenant));
  assert(result.ok, 'the contract has a result');
  return result;
}

/** The amounts the parent reads in schedule `i` (0: A, 1: B). */
function amounts(canvas: HTMLElement, i: number): { hourly: string; monthly: string; yearly: string } {
  const schedule = canvas.querySelectorAll('[part=schedule]')[i]!;
  const read = (name: string) => text(schedule.querySelector(`[data-amount=${name}]`));
  return { hourly: read('hourly'), monthly: read('monthly'), yearly: read('yearly') };
}

/** Waits until schedule `i` shows `monthly` (cents) as its monthly amount. */
async function monthlyShown(canvas: HTMLElement, i: number, monthly: number): Promise<void> {
  try {
    await waitFor(() => amounts(canvas, i).monthly === euros(monthly), `schedule ${i}: ${euros(monthly)}`, 10_000);
  } catch (error) {
    throw new Error(`${String(error)}; shown: ${JSON.stringify(amounts(canvas, i))}; ${text(canvas.querySelector('form'))}`, { cause: error });
  }
}

/** Tabs to the field labelled `label` in schedule `i` and types `value` over what it holds. */
async function fillSchedule(canvas: HTMLElement, i: number, label: string, value: string): Promise<void> {
  const schedule = canvas.querySelectorAll('[part=schedule]')[i]!;
  const input = inputByLabel(schedule, label)!;
  await tabTo((el) => el === input, `"${label}" of schedule ${i}`);
  // Focus by Tab selects the field's text: typing replaces it.
  await sendKeys({ type: value });
}

describe('famille-tariff-simulator with the keyboard', () => {
  it('reads the hourly rate and monthly amounts the contract computes, and the comparison follows what the parent types', async () => {
    const canvas = await runStory(stories, tariffStories.Empty);
    focusJustBefore(canvas);
    await fill(canvas, 'Revenus annuels du foyer (en euros)', '42 000');
    await fill(canvas, 'Nombre d’enfants à charge', '2');

    // Vienne Condrieu: closed 4 weeks, 12 months billed; A = 3 days, B = 4 days, 9 hours.
    const vienne = { closureWeeks: 4, billedMonths: 12 };
    const [a, b] = [expected(3, vienne), expected(4, vienne)];
    await monthlyShown(canvas, 1, b.monthly);
    assert(amounts(canvas, 0).monthly === euros(a.monthly), `A: ${amounts(canvas, 0).monthly} (expected ${euros(a.monthly)})`);
    assert(amounts(canvas, 0).hourly === euros(a.hourly) && amounts(canvas, 1).hourly === euros(a.hourly), `hourly ${euros(a.hourly)}`);
    assert(amounts(canvas, 1).yearly === euros(b.yearly), `B yearly ${euros(b.yearly)}`);
    const lines = text(canvas.querySelector('[part=lines]'));
    assert(lines.includes(`ressources mensuelles retenues : ${euros(a.monthlyResources)}`), lines);
    assert(lines.includes(`Tarif horaire : ${euros(a.monthlyResources)} × 0,0516 % = ${euros(a.hourly)}`), lines);
    const live = canvas.querySelector('[aria-live=polite]')!;
    assert(text(live).includes(euros(b.monthly)), `the amounts are announced: ${text(live)}`);

    // B becomes 5 days a week: B changes as the parent types, A stays.
    await fillSchedule(canvas, 1, 'Jours par semaine', '5');
    const five = expected(5, vienne);
    await monthlyShown(canvas, 1, five.monthly);
    assert(amounts(canvas, 0).monthly === euros(a.monthly), 'A unchanged');
    // A's hours: 8,5 a day.
    await fillSchedule(canvas, 0, 'Heures par jour', '8,5');
    const shorter = participationFamiliale({ ...expectedInput(3, vienne), schedule: { daysPerWeek: 3, minutesPerDay: 510, weeksPerYear: 48 } });
    assert(shorter.ok, 'a result');
    await monthlyShown(canvas, 0, shorter.monthly);
  });

  it('shows an error only once the field is left, and the amounts come back when it is corrected', async () => {
    const canvas = await runStory(stories, tariffStories.Estimate);
    focusJustBefore(canvas);
    await fill(canvas, 'Revenus annuels du foyer (en euros)', 'beaucoup');
    assert(!canvas.querySelector('[part=error]'), 'no error while typing');
    await waitForText(canvas, '[part=status]', 'Complétez le formulaire');
    await sendKeys({ press: 'Tab' });
    await waitForText(canvas, '[part=error]', 'Indiquez un montant en euros');
    const input = inputByLabel(canvas, 'Revenus annuels du foyer (en euros)')!;
    assert(input.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
    assert(input.getAttribute('aria-describedby')?.includes(`${input.id}-error`), 'its error is linked');
    await fill(canvas, 'Revenus annuels du foyer (en euros)', '42000');
    await waitFor(() => canvas.querySelectorAll('[data-amount=monthly]').length === 2, 'the amounts back');
  });

  it('a tenant that closes 5 weeks, bills 11 months and rounds the hourly rate down gets other amounts, the contract’s', async () => {
    const canvas = await runStory(stories, tariffStories.TenantOverride);
    focusJustBefore(canvas);
    await fill(canvas, 'Nombre d’enfants à charge', '2');
    const exemple = { closureWeeks: 5, billedMonths: 11, hourlyRounding: 'down' } as const;
    const [a, b] = [expected(3, exemple), expected(4, exemple)];
    const vienne = expected(4, { closureWeeks: 4, billedMonths: 12 });
    await monthlyShown(canvas, 1, b.monthly);
    assert(amounts(canvas, 0).monthly === euros(a.monthly), `A: ${euros(a.monthly)}`);
    assert(b.monthly !== vienne.monthly, 'the closure weeks and months billed change the monthly amount');
    assert((inputByLabel(canvas.querySelectorAll('[part=schedule]')[0]!, 'Semaines d’accueil par an')?.value ?? '') === '47', '47 weeks at most');
    assert(amounts(canvas, 1).yearly === euros(b.monthly * 11), 'the yearly cost is 11 monthly payments');
    // 3 500 € × 0,0516 % = 1,806 €: 1,80 € here, 1,81 € where the rate is rounded to the nearest cent.
    assert(b.hourly === 180 && expected(4, { ...exemple, hourlyRounding: 'nearest' }).hourly === 181, 'the contract rounds as told');
    assert(amounts(canvas, 1).hourly === euros(180), `hourly rate shown: ${amounts(canvas, 1).hourly}`);
    assert(text(canvas.querySelector('[part=lines]')).includes('= 1,80 € (arrondi au centime inférieur'), 'the calculation says the rate was rounded down');
  });

  it('picks the micro-crèche with the arrow keys: its own table and its own weeks of closure count', async () => {
    const canvas = await runStory(stories, tariffStories.Estimate);
    focusJustBefore(canvas);
    const select = canvas.querySelector('select')!;
    await tabTo((el) => el === select, 'the structure list');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => select.selectedOptions[0]?.text.includes('Graine de Malice'), 'Graine de Malice chosen');
    // Graine de Malice: a micro-crèche closed 5 weeks, in a tenant billing 12 months.
    const micro = participationFamiliale({ ...expectedInput(4, { closureWeeks: 5, billedMonths: 12 }), kind: 'micro' });
    assert(micro.ok, 'a result');
    await monthlyShown(canvas, 1, micro.monthly);
    await waitForText(canvas, '[part=schedule]', '47 au plus');
  });

  it('words every message in English, loaded on demand, with the numbers the French one shows', async () => {
    assert(!tariffTables.get('en'), 'English is not loaded before a page asks for it');
    await tariffTables.load('en');
    const [fr, en] = [tariffTables.get('fr'), tariffTables.get('en')] as unknown as [MessageTable, MessageTable];
    // A number of its own for each numeric parameter, a word for the others (as i18n.test.ts does).
    const numbers: Record<string, number> = { count: 59, max: 43, min: 37, bracket: 3, weeks: 47, months: 11 };
    const params = new Proxy({}, { get: (_, name) => (typeof name === 'string' ? (numbers[name] ?? `zz${name}`) : undefined) });
    const show = (m: MessageTable[string] | undefined) => (typeof m === 'function' ? m(params as never) : m);
    // The element's own words (the kit's are checked by i18n.test.ts).
    const wrong = Object.keys(tariffFr).filter((key) => {
      const [french, english] = [show(fr[key]), show(en[key])];
      const numbers = String(french).match(/\d+/g) ?? [];
      return typeof english !== 'string' || !english.trim() || english === french || numbers.some((n) => !english.includes(n));
    });
    assert(wrong.length === 0, `English messages wrong: ${wrong.join(', ')}`);
  });
});
