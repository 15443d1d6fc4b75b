// The simulator's inputs: resources, children, AEEH, structure or kind of care, and the
// fields of one schedule. Errors show once a field was left (never while typing).
import { html, nothing, type TemplateResult } from 'lit';
import { choices, field } from '../form/field.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllTariffMessages } from './messages.ts';
import type { Simulation, TariffState } from './state.ts';
import type { CareKind } from '@famille/contract';

/** What the views use of the element. */
export interface TariffView {
  /** The prefix of the element's ids. */
  readonly id: string;
  readonly i18n: Localizer<AllTariffMessages>;
  readonly state: TariffState;
  readonly sim: Simulation;
}

/** A field's error, when it was left with a wrong value. */
function problem(view: TariffView, name: string, min = 1, max = 20): string | undefined {
  const { t } = view.i18n;
  const kind = view.state.touched[name] && view.sim.problems[name];
  if (!kind) return undefined;
  return kind === 'amount' ? t('invalidAmount') : kind === 'hours' ? t('invalidHours') : t('invalidWhole', { min, max });
}

/** A required text input for a number (`decimal`: euros or hours), with its hint and error. */
const numeric = (
  view: TariffView,
  name: string,
  label: string,
  value: string,
  extra: { hint?: string | undefined; min?: number; max?: number; decimal?: boolean } = {},
) =>
  field({
    id: `${view.id}-${name}`,
    name,
    label,
    value,
    inputmode: extra.decimal ? 'decimal' : 'numeric',
    required: true,
    hint: extra.hint,
    error: problem(view, name, extra.min, extra.max),
    errorPrefix: view.i18n.t('errorPrefix'),
  });

/** The household: resources (yearly or the Caf's monthly figure), children, AEEH, and where. */
export function householdFields(view: TariffView): TemplateResult {
  const { t } = view.i18n;
  const { state, sim, id } = view;
  const yearly = state.basis === 'yearly';
  const { structures, kinds } = sim.options;
  const option = (o: { value: string; name?: string; kind: CareKind }) =>
    html`<option value=${o.value} ?selected=${o.value === sim.care.value}>${o.name ? `${o.name} — ${t(`kind_${o.kind}`)}` : t(`kind_${o.kind}`)}</option>`;
  return html`${choices({
    id: `${id}-basis`,
    name: 'basis',
    legend: t('resourcesLegend'),
    options: [
      { value: 'yearly', label: t('yearlyChoice') },
      { value: 'monthly', label: t('monthlyChoice') },
    ],
    value: state.basis,
    errorPrefix: t('errorPrefix'),
  })}
    ${numeric(view, 'resources', t(yearly ? 'yearlyLabel' : 'monthlyLabel'), state.resources, { hint: t(yearly ? 'yearlyHint' : 'monthlyHint'), decimal: true })}
    ${numeric(view, 'children', t('childrenLabel'), sim.children, {
      hint: state.familyChildren ? `${t('childrenHint')} ${t('childrenFromFamily', { count: state.familyChildren })}` : t('childrenHint'),
    })}
    ${numeric(view, 'aeeh', t('aeehLabel'), state.aeeh, { hint: t('aeehHint'), min: 0, max: Number(sim.children) || 20 })}
    <div class="famille-field" part="field">
      <label for="${id}-care" part="label">${t('careLabel')}</label>
      <select id="${id}-care" name="care" part="select">
        ${structures.length ? html`<optgroup label=${t('careStructures')}>${structures.map(option)}</optgroup>` : nothing}
        <optgroup label=${t('careKinds')}>${kinds.map(option)}</optgroup>
      </select>
    </div>`;
}

/** One schedule's inputs (`i`: 0 for A, 1 for B). */
export function scheduleFields(view: TariffView, i: number): TemplateResult {
  const { t } = view.i18n;
  const schedule = view.state.schedules[i]!;
  const max = view.sim.maxWeeks;
  return html`${numeric(view, `days-${i}`, t('daysLabel'), schedule.days, { max: 7 })}
  ${numeric(view, `hours-${i}`, t('hoursLabel'), schedule.hours, { hint: t('hoursHint'), decimal: true })}
  ${numeric(view, `weeks-${i}`, t('weeksLabel'), view.sim.weeks[i]!, { hint: max < 52 ? t('weeksHint', { max }) : undefined, max })}`;
}
