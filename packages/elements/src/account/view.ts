// What the sections of <famille-account> share: the element's words and ids, and one form
// renderer (heading, intro, the server's answer, an error summary, fields, the button).
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '@famille/contract';
import { errorSummary, field, messageBox, problemBox, submitButton, type FieldOptions } from '../form/field.ts';
import type { HeadingRenderer } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllAccountMessages } from './messages.ts';
import type { AccountState, FormName } from './state.ts';

export interface AccountView {
  readonly i18n: Localizer<AllAccountMessages>;
  readonly state: AccountState;
  heading: HeadingRenderer;
  /** An id unique to the element on the page. */
  id(name: string): string;
  readonly submit: (event: SubmitEvent) => void;
  readonly input: (event: Event) => void;
}

type FieldKey = Extract<keyof AllAccountMessages, `f_${string}`> extends `f_${infer N}` ? N : never;

/** The id of a form's field (what the error summary links to). */
export const fieldId = (view: AccountView, form: FormName, name: string) => view.id(`${form}-${name.replace('.', '-')}`);

/** The message of a field's error, in words naming the field. */
export function fieldError(view: AccountView, form: FormName, name: FieldKey): string | undefined {
  const error = view.state.errors[form]?.find((e: FieldError) => e.path === name || e.path.startsWith(`${name}.`));
  if (!error) return undefined;
  // A box to tick: "Cochez la case…" rather than "Renseignez le champ…".
  if (name === 'confirm') return view.i18n.t('confirmRequired');
  return view.i18n.problem(error.code, { field: view.i18n.t(`f_${name}`), ...error.params });
}

/** A text input of `form`, labelled by its `f_` message, with its server error. */
export function input(view: AccountView, form: FormName, name: FieldKey, o: Partial<FieldOptions> = {}): TemplateResult {
  const error = fieldError(view, form, name) ?? o.error;
  return field({
    id: fieldId(view, form, name),
    name,
    label: view.i18n.t(`f_${name}`),
    errorPrefix: view.i18n.t('errorPrefix'),
    ...o,
    ...(error && { error }),
  });
}

export interface FormOptions {
  heading: string;
  intro?: string | TemplateResult;
  /** Field names in the order shown: the summary links to each one's error. */
  fields: readonly FieldKey[];
  body: TemplateResult;
  submit: string;
  pending?: string;
}

/** One form of the element: its notice or problem, its error summary, its fields and button. */
export function accountForm(view: AccountView, form: FormName, o: FormOptions): TemplateResult {
  const { t } = view.i18n;
  const s = view.state;
  const headingId = view.id(`${form}-heading`);
  const items = o.fields.flatMap((name) => {
    const message = fieldError(view, form, name);
    return message ? [{ id: fieldId(view, form, name), message }] : [];
  });
  const problem = s.problems[form];
  return html`<form part="form" data-form=${form} novalidate aria-labelledby=${headingId} @submit=${view.submit} @input=${view.input}>
    ${view.heading(o.heading, { depth: 2, id: headingId })} ${o.intro ? html`<p>${o.intro}</p>` : nothing}
    ${s.notices[form] ? messageBox(s.notices[form], { success: true }) : nothing} ${problem ? problemBox(view.i18n, problem) : nothing}
    ${items.length ? errorSummary(view.id(`${form}-summary`), t('errorSummary'), items, { heading: (c, opts) => view.heading(c, { ...opts, depth: 3 }) }) : nothing}
    ${o.body} ${submitButton(o.submit, o.pending ?? t('sending'), s.pending === form)}
  </form>`;
}
