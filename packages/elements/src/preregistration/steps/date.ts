// Step 2: the desired start date, typed as the parent writes it (JJ/MM/AAAA).
import type { TemplateResult } from 'lit';
import { field } from '../../form/field.ts';
import type { PreregistrationHost, ViewHost } from '../host.ts';
import { clearError, fieldError, validateDate } from '../validation.ts';

export function renderDateStep(host: ViewHost): TemplateResult {
  const { t } = host.i18n;
  const error = fieldError(host, 'startDate');
  return field({
    id: host.ids.field('startDate'),
    name: 'startDate',
    label: t('startDate'),
    hint: t('startDateHint'),
    inputmode: 'numeric',
    required: true,
    value: host.values.startDate,
    ...(error && { error }),
    errorPrefix: t('errorPrefix'),
  });
}

/** Typing keeps the date, and takes its error away once it is right (never adds one). */
export function dateTyped(host: PreregistrationHost, startDate: string): void {
  host.setValues({ startDate });
  clearError(host, 'startDate', !validateDate(host.values, host.state.children));
}

/** A date typed then left is checked (GOV.UK: after the field, never while typing). */
export function dateLeft(host: PreregistrationHost, typed: string): void {
  if (!typed.trim()) return;
  const problem = validateDate(host.values, host.state.children);
  if (problem) host.set({ errors: { ...host.state.errors, startDate: problem } });
}
