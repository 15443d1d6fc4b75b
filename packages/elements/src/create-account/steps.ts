// The wizard's input steps: the tenant's notices (terms of use, data protection), then
// each step's inputs, and the error summary listing the current step's errors.
import { html, nothing, type TemplateResult } from 'lit';
import { checkbox, choices, errorSummary, field, passwordToggle } from '../form/field.ts';
import { passwordChecklist } from '../form/password-checklist.ts';
import { labelOf, REVIEW, steps, type FieldSpec, type Label } from './state.ts';
import { fieldId, fieldMessage, type WizardView } from './view.ts';

/** The inputs of `step` (below its title), with what is said before them. */
export function renderStep(view: WizardView, step: number, toggleReveal: () => void): TemplateResult {
  const { t } = view.i18n;
  const intro =
    step === 0
      ? html`${notice(view, 'cgu', 'cguNotice', 'cguLink')}${notice(view, 'dataProtection', 'dataNotice', 'dataLink')}`
      : step === 1
        ? html`<p class="famille-hint">${t('identityHint')}</p>`
        : nothing;
  return html`${intro}
    <p>${t('requiredLegend')}</p>
    ${steps[step]!.fields.map((f) => renderField(view, f, toggleReveal))}`;
}

/** The errors of the current step, listed at the top once the parent pressed "Continuer". */
export function renderStepSummary(view: WizardView): TemplateResult | typeof nothing {
  const { step, summary } = view.state;
  const fields = step === REVIEW ? [] : steps[step]!.fields;
  const items = fields.flatMap((f) => {
    const message = fieldMessage(view, f.path);
    return message ? [{ id: fieldId(view.id, f.path), message }] : [];
  });
  return summary && items.length ? errorSummary(`${view.id}-summary`, view.i18n.t('errorSummary'), items, view) : nothing;
}

/** One of the tenant's notices (its text and link, when the tenant gives them). */
function notice(view: WizardView, key: 'cgu' | 'dataProtection', title: Label, link: Label): TemplateResult {
  const { t, locale } = view.i18n;
  const text = view.tenantConfig?.notices?.[key];
  const href = view.tenantConfig?.links[key];
  const id = `${view.id}-${key}`;
  return html`<section class="famille-notice" aria-labelledby=${id}>
    ${view.heading(t(title), { depth: 1, id })}
    ${text ? html`<p>${text[locale] ?? text.fr}</p>` : nothing}
    ${href ? html`<p><a href=${href} target="_blank" rel="noopener" part="link">${t(link)}<span class="famille-sr">${t('newWindow')}</span></a></p>` : nothing}
  </section>`;
}

function renderField(view: WizardView, f: FieldSpec, toggleReveal: () => void): TemplateResult {
  const { t } = view.i18n;
  const { values } = view;
  const id = fieldId(view.id, f.path);
  const label = t(labelOf(f.path));
  const error = fieldMessage(view, f.path);
  const common = { id, name: f.path, required: !!f.req, errorPrefix: t('errorPrefix'), ...(error && { error }) };
  if (f.path === 'acceptCgu') return checkbox({ ...common, label: t('acceptCgu'), checked: values[f.path] === 'true' });
  if (f.options) {
    return choices({ ...common, legend: label, value: values[f.path], options: f.options.map((o) => ({ value: o, label: t(o) })) });
  }
  const password = f.path === 'credentials.password';
  const { reveal } = view.state;
  return html`${field({
    ...common,
    label,
    value: values[f.path] ?? '',
    ...(f.ac && { autocomplete: f.ac }),
    ...(f.hint && { hint: t(f.hint) }),
    ...(f.mode && { inputmode: f.mode }),
    type: password && !reveal ? 'password' : (f.type ?? 'text'),
    verbatim: f.path.startsWith('credentials') || f.type === 'email',
    ...(password && {
      describedBy: `${id}-rules`,
      after: passwordToggle(id, reveal, { show: t('show'), hide: t('hide'), suffix: t('passwordSuffix') }, toggleReveal),
    }),
  })}${password ? passwordChecklist(id, view.tenantConfig?.passwordPolicy, values[f.path] ?? '', t) : nothing}`;
}
