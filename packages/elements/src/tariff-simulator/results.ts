// The estimate: the lines of the calculation in plain words, then each schedule's monthly
// amount and yearly cost. Every figure comes from the contract's participationFamiliale.
import { html, nothing, type TemplateResult } from 'lit';
import type { TariffFailure, TariffResult } from '@famille/contract';
import type { TariffView } from './form.ts';

type Result = TariffResult | TariffFailure | undefined;
const ok = (result: Result): result is TariffResult => !!result?.ok;

const rate = (view: TariffView, millionths: number) =>
  view.i18n.number(millionths / 1_000_000, { style: 'percent', minimumFractionDigits: 4, maximumFractionDigits: 4 });
const hours = (view: TariffView, minutes: number) => `${view.i18n.number(minutes / 60, { maximumFractionDigits: 2 })} h`;

/** The hourly rate and how it was reached (the same for both schedules). */
export function hourlyLines(view: TariffView): TemplateResult {
  const { t, money, date } = view.i18n;
  const result = view.sim.results.find(ok);
  const failed = view.sim.results.find((r) => r && !r.ok);
  if (!result) {
    return html`<p part="status">${failed ? t('noBareme') : t('incomplete')}</p>`;
  }
  const resources = money(result.monthlyResources);
  const effort = rate(view, result.rate);
  const bound = result.bound === 'plancher' ? t('plancherApplied') : result.bound === 'plafond' ? t('plafondApplied') : '';
  return html`<ul class="famille-lines" part="lines">
      <li>${t('resourcesLine', { amount: resources })}${bound}</li>
      <li>${t('rateLine', { rate: effort, bracket: result.bracket })}</li>
      <li>${t('hourlyLine', { resources, rate: effort, hourly: money(result.hourly) })}${result.hourlyRounding === 'down' ? t('roundedDown') : ''}</li>
    </ul>
    <p class="famille-hint">${t('baremeLine', { date: date(result.ratesFrom > result.resourcesFrom ? result.ratesFrom : result.resourcesFrom), kind: t(`kind_${view.sim.care.kind}`) })}</p>`;
}

/** One schedule's amounts, or nothing while the form is incomplete. */
export function scheduleResult(view: TariffView, i: number): TemplateResult | typeof nothing {
  const { t, money } = view.i18n;
  const result = view.sim.results[i];
  if (!ok(result)) return nothing;
  const weekly = hours(view, (result.monthlyMinutes * result.billedMonths) / result.weeks);
  return html`<dl class="famille-amounts" part="result">
    <div><dt>${t('hourlyRate')}</dt><dd data-amount="hourly">${money(result.hourly)}</dd></div>
    <div>
      <dt>${t('monthlyAmount')}</dt>
      <dd><strong data-amount="monthly">${money(result.monthly)}</strong>
        <span class="famille-hint">${t('hoursLine', { weeks: result.weeks, weekly, months: result.billedMonths, hours: hours(view, result.monthlyMinutes) })}</span></dd>
    </div>
    <div><dt>${t('yearlyCost')}</dt><dd><span data-amount="yearly">${money(result.yearly)}</span> <span class="famille-hint">(${t('yearlyLine', { months: result.billedMonths })})</span></dd></div>
  </dl>`;
}

/** What a screen reader hears as the amounts change (politely). */
export function announcement(view: TariffView): string {
  const [a, b] = view.sim.results;
  if (!ok(a) || !ok(b)) return '';
  const { t, money } = view.i18n;
  return `${t('perMonth', { name: 'A', amount: money(a.monthly) })} ${t('perMonth', { name: 'B', amount: money(b.monthly) })}`;
}
