// The member form, to add or change a member: step 1 the profile and its attachments,
// step 2 the answers to check ("Modifier" links) before the request is sent.
import { html, nothing, type TemplateResult } from 'lit';
import type { MemberInput, TenantConfig } from '@famille/contract';
import { checkbox, choices, errorSummary, field, problemBox, retriable, submitButton } from '../form/field.ts';
import { stepIndicator } from '../form/wizard.ts';
import type { Localizer } from '../i18n/localize.ts';
import { attachmentsSection, type Attachments } from './attachments.ts';
import { attachmentIds, duplicateOf, memberInput, specs, validateMember, type Spec } from './rules.ts';
import type { EntourageState, FormErrors, FormView, StateHolder } from './state.ts';
import type { AllEditorMessages, EditorContext as ViewContext, EditorKey as Key } from './view-context.ts';

export interface MemberFormOptions {
  view: FormView;
  state: EntourageState;
  draft: MemberDraft;
  /** The tenant's upload rules, said before any file is chosen. */
  rules: TenantConfig['uploads'] | undefined;
  attachments: Attachments;
  /** "Continuer" on the profile, "Valider ma demande" on the check. */
  submit: (e: SubmitEvent) => void;
  /** "Réessayer" after a failure the same request may overcome. */
  retry: () => void;
  /** "Retour" from the check to the profile. */
  back: () => void;
  /** A "Modifier" link of the check: the profile, with focus on the field of id `target`. */
  change: (target: string) => void;
  cancel: () => void;
}

/**
 * What the parent typed in the member form (and the role choice), and the field plumbing:
 * an error shows once a field typed in is left, and goes as soon as the value is right.
 */
export class MemberDraft {
  /** By field name (checkboxes: `'true'` or `''`). The inputs show it already: no render needed. */
  values: Record<string, string> = {};
  /** Fields typed in since the form was last checked. */
  readonly #dirty = new Set<string>();
  readonly #host: StateHolder;

  constructor(host: StateHolder) {
    this.#host = host;
  }

  /** A new form, with `values` typed in already (a member being changed). */
  start(values: Record<string, string> = {}): void {
    this.values = values;
  }

  /** The whole form was just checked, or another view shown: no error waits for a field to be left. */
  checked(): void {
    this.#dirty.clear();
  }

  /** What the form sends: the typed values and the documents sent. */
  input(): MemberInput {
    const { view, uploads } = this.#host.state();
    return memberInput((view as FormView).kind, this.values, attachmentIds(uploads));
  }

  /** The errors of what is typed, by field. */
  errors(): FormErrors {
    return validateMember((this.#host.state().view as FormView).kind, this.input());
  }

  /** A field's `input` and `change`. */
  onInput = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const name = input.name;
    if (!name) return;
    this.values[name] = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value;
    this.#dirty.add(name);
    const { errors } = this.#host.state();
    if (errors[name] && !this.errors()[name]) {
      const { [name]: _, ...rest } = errors;
      this.#host.set({ errors: rest });
    }
  };

  /** Focus leaving a field typed in: its error shows, or goes (choices are checked on submit). */
  onLeave = (e: FocusEvent): void => {
    const input = e.target as HTMLInputElement;
    if (!this.#dirty.has(input.name) || input.type === 'radio' || input.type === 'checkbox') return;
    const error = this.errors()[input.name];
    const { [input.name]: _, ...rest } = this.#host.state().errors;
    this.#host.set({ errors: error ? { ...rest, [input.name]: error } : rest });
  };
}

/** The message of the error of field `name`, if it has one. */
export function errorMessage({ t }: Localizer<AllEditorMessages>, errors: FormErrors, name: string): string | undefined {
  const error = errors[name];
  if (!error) return undefined;
  if (!('path' in error)) return t(error.code as 'waitUpload');
  return t(error.code, { field: t(name as 'nomUsage'), minimum: 0, maximum: 0, ...error.params });
}

export function memberForm(ctx: ViewContext, o: MemberFormOptions): TemplateResult {
  const { t } = ctx.i18n;
  const { view, state } = o;
  const check = view.name === 'check';
  const step = t('step', { n: check ? 2 : 1, total: 2 });
  const title = view.member ? t('formHeadingEdit', { name: ctx.name(view.member) }) : t('formHeadingAdd', { kind: t(`kind_${view.kind}`) });
  return html`<form part="form" novalidate aria-labelledby=${ctx.id('heading')} @submit=${o.submit}
    @input=${o.draft.onInput} @change=${o.draft.onInput} @focusout=${o.draft.onLeave}>
    ${ctx.heading(html`${stepIndicator(`${step} — ${t(check ? 'stepCheck' : 'stepProfile')}`)} ${title}`, { id: ctx.id('heading') })}
    ${formErrorSummary(ctx, view, state)}
    ${state.problem ? problemBox(ctx.i18n, state.problem, retriable(state.problem) ? o.retry : undefined) : nothing}
    ${check ? checkStep(ctx, o) : profileStep(ctx, o)}
    <div class="famille-actions">
      ${check ? submitButton(t('validate'), t('validating'), state.pending) : submitButton(t('continue'), '', false)}
      ${check ? html`<button type="button" class="famille-link" part="link" @click=${o.back}>${t('back')}</button>` : nothing}
      <button type="button" class="famille-link" part="link" @click=${o.cancel}>${t('cancel')}</button>
    </div>
  </form>`;
}

/** On submit: every error of the form, each a link to its field. */
function formErrorSummary(ctx: ViewContext, view: FormView, state: EntourageState): TemplateResult | typeof nothing {
  const items = [...specs[view.kind].map((f) => f.name), 'file', 'confirmDuplicate'].flatMap((name) => {
    const message = errorMessage(ctx.i18n, state.errors, name);
    return message ? [{ id: ctx.id(name), message }] : [];
  });
  return state.summary && items.length ? errorSummary(ctx.id('summary'), ctx.i18n.t('errorSummary'), items, ctx) : nothing;
}

/** Step 1: the fields of the member's kind, then the attachments. */
function profileStep(ctx: ViewContext, o: MemberFormOptions): TemplateResult {
  const { t } = ctx.i18n;
  const { state } = o;
  return html`<p>${t('requiredLegend')}</p>
    <fieldset class="famille-section">
      <legend>${t('profileSection')}</legend>
      ${specs[o.view.kind].map((f) => profileField(ctx, f, o))}
    </fieldset>
    ${attachmentsSection(
      ctx,
      {
        member: o.view.member,
        uploads: state.uploads,
        rules: o.rules,
        error: state.fileError ?? errorMessage(ctx.i18n, state.errors, 'file'),
        status: state.status,
      },
      o.attachments,
    )}`;
}

function profileField(ctx: ViewContext, f: Spec, o: MemberFormOptions): TemplateResult {
  const { t } = ctx.i18n;
  const error = errorMessage(ctx.i18n, o.state.errors, f.name);
  const label = t(f.name as Key);
  const value = o.draft.values[f.name];
  const common = { id: ctx.id(f.name), name: f.name, required: !!f.req, errorPrefix: t('errorPrefix'), ...(error && { error }) };
  if (f.check) return checkbox({ ...common, label, checked: value === 'true' });
  if (f.options) return choices({ ...common, legend: label, value, options: f.options.map((option) => ({ value: option, label: t(option) })) });
  return field({
    ...common,
    label,
    value: value ?? '',
    type: f.type ?? 'text',
    ...(f.hint && { hint: t(f.hint) }),
    ...(f.mode && { inputmode: f.mode }),
    verbatim: f.type === 'email',
  });
}

/** Step 2: the answers, each with a "Modifier" link to its field. */
function checkStep(ctx: ViewContext, o: MemberFormOptions): TemplateResult {
  const { t } = ctx.i18n;
  const shown = (f: Spec): string => {
    const value = o.draft.values[f.name]?.trim();
    if (f.check) return t(value === 'true' ? 'yes' : 'no');
    if (!value) return t('notGiven');
    return f.options ? t(value as Key) : value;
  };
  const change = (e: Event, target: string) => {
    e.preventDefault();
    o.change(target);
  };
  const row = (label: string, value: string, target: string) => html`<div class="famille-review-row">
    <dt>${label}</dt>
    <dd>${value}</dd>
    <dd>${
      target
        ? html`<a href="#${target}" part="link" @click=${(e: Event) => change(e, target)}>${t('change')}<span class="famille-sr"> ${label}</span></a>`
        : nothing
    }</dd>
  </div>`;
  const files = o.state.uploads.filter((u) => u.info).map((u) => u.name);
  return html`<dl class="famille-review" part="review">
      ${row(t('role'), t(`role_${o.view.kind}`), '')}
      ${specs[o.view.kind].map((f) => row(t(f.name as Key), shown(f), ctx.id(f.name)))}
      ${row(t('attachments'), files.length ? files.join(', ') : t('noAttachment'), ctx.id('file'))}
    </dl>
    ${duplicateWarning(ctx, o)}`;
}

/**
 * The same person as a member already declared (twins aside: they have other first
 * names): said before sending, with a box to confirm it is another person.
 */
function duplicateWarning(ctx: ViewContext, o: MemberFormOptions): TemplateResult | typeof nothing {
  const { t } = ctx.i18n;
  const same = duplicateOf(o.draft.input(), o.state.members, o.view.member?.id);
  if (!same) return nothing;
  const error = errorMessage(ctx.i18n, o.state.errors, 'confirmDuplicate');
  return html`<div class="famille-alert famille-stack" part="notice">
    <p>${t('duplicateWarning', { member: ctx.name(same) })}</p>
    ${checkbox({
      id: ctx.id('confirmDuplicate'),
      name: 'confirmDuplicate',
      label: t('confirmDuplicate'),
      checked: o.draft.values['confirmDuplicate'] === 'true',
      required: true,
      errorPrefix: t('errorPrefix'),
      ...(error && { error }),
    })}
  </div>`;
}
