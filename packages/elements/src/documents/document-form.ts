// "Ajouter un document" (type, date where the type has a validity, file) and "Remplacer"
// (date, file): checked before sending, the file sent with its progress, then stored.
// Whatever fails, what the parent chose and typed stays (the file input keeps its file).
import { html, nothing, type TemplateResult } from 'lit';
import type { StoredDocument } from '@famille/contract';
import { errorSummary, field, problemBox, submitButton } from '../form/field.ts';
import { fileField, uploadItem, uploadRuleParts } from '../form/upload.ts';
import { formFields, type DocumentsState, type FormField, type FormValues, type Key } from './state.ts';
import { typeLabel, type DocumentsView } from './view.ts';

export interface FormActions {
  input: (patch: Partial<FormValues>) => void;
  submit: () => void;
  cancelUpload: () => void;
  /** "Annuler" (replacing only): back to the list. */
  cancel: () => void;
}

/** The id of a form field's input (the summary's links lead there). */
export const fieldId = (view: Pick<DocumentsView, 'id'>, name: FormField): string => view.id(`form-${name}`);

export function documentForm(view: DocumentsView, state: DocumentsState, actions: FormActions, replacing?: StoredDocument): TemplateResult {
  const { i18n } = view;
  const { t } = i18n;
  const { form, errors } = state;
  const type = replacing?.type ?? form.type;
  const requirement = view.types.find((d) => d.type === type);
  const message = (name: FormField) => {
    const e = errors[name];
    // A message of the element's or the kit's table (a field-error code's takes the field's label).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- it is needed: without it the call does not type check
    const say = t as (key: Key, params?: unknown) => string;
    return e ? say(e.key, { field: t(name), ...e.params }) : undefined;
  };
  const items = formFields.flatMap((name) => (errors[name] ? [{ id: fieldId(view, name), message: message(name)! }] : []));
  const onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.name === 'documentDate') actions.input({ date: input.value });
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    actions.submit();
  };
  const sending = state.upload && !state.upload.upload.info ? state.upload.upload : undefined;
  const rules = requirement ?? view.uploads;
  return html`<section class="famille-stack" aria-labelledby=${view.id('form-heading')}>
    ${view.heading(replacing ? t('replaceHeading', { name: replacing.fileName }) : t('addHeading'), {
      depth: 1,
      id: view.id('form-heading'),
      focusable: true,
    })}
    ${replacing ? html`<p>${typeLabel(view, replacing.type)}</p>` : nothing}
    ${state.summary && items.length ? errorSummary(view.id('summary'), t('errorSummary'), items, view) : nothing}
    ${state.problem ? problemBox(i18n, state.problem, actions.submit, state.pending) : nothing}
    <form novalidate part="form" @submit=${onSubmit} @input=${onInput}>
      <p class="famille-hint">${t('requiredLegend')}</p>
      ${replacing ? nothing : typeSelect(view, form.type, message('type'), (value) => actions.input({ type: value }))}
      ${
        requirement?.validityMonths
          ? field({
              id: fieldId(view, 'documentDate'),
              name: 'documentDate',
              label: t('documentDate'),
              hint: t('documentDateHint', { months: requirement.validityMonths }),
              value: form.date,
              inputmode: 'numeric',
              required: true,
              ...(errors.documentDate && { error: message('documentDate')! }),
              errorPrefix: t('errorPrefix'),
            })
          : nothing
      }
      ${fileField({
        id: fieldId(view, 'file'),
        label: t('file'),
        rules: t('fileRules', uploadRuleParts(rules, i18n)),
        accept: rules.acceptedTypes.join(','),
        required: true,
        ...(errors.file && { error: message('file')! }),
        errorPrefix: t('errorPrefix'),
        onChange: (e) => actions.input({ file: (e.target as HTMLInputElement).files?.[0] }),
      })}
      ${
        sending
          ? html`<ul class="famille-uploads" role="list">
              ${uploadItem(sending, i18n, { cancel: actions.cancelUpload, replace: actions.cancelUpload, remove: actions.cancelUpload })}
            </ul>`
          : nothing
      }
      <div class="famille-row">
        ${submitButton(t('save'), t('saving'), state.pending)}
        ${
          replacing
            ? html`<button type="button" class="famille-button famille-button--secondary" part="button" @click=${actions.cancel}>${t('cancel')}</button>`
            : nothing
        }
      </div>
    </form>
  </section>`;
}

function typeSelect(view: DocumentsView, value: string, error: string | undefined, change: (value: string) => void): TemplateResult {
  const { t } = view.i18n;
  const id = fieldId(view, 'type');
  return html`<div class="famille-field ${error ? 'famille-field--error' : ''}" part="field">
    <label for=${id} part="label">${t('type')}<span class="famille-required" aria-hidden="true"> *</span></label>
    ${error ? html`<p id="${id}-error" class="famille-error" part="error"><span class="famille-sr">${t('errorPrefix')}</span>${error}</p>` : nothing}
    <select id=${id} name="type" part="input" required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing}
      @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!value}>${t('chooseType')}</option>
      ${view.types.map((d) => html`<option value=${d.type} ?selected=${value === d.type}>${typeLabel(view, d.type)}</option>`)}
    </select>
  </div>`;
}
