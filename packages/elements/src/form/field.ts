import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { ApiError } from '@famille/sdk';
import type { Localizer, Messages } from '../i18n/localize.ts';
import type { HeadingRenderer } from './heading.ts';

/** The input types the kit's fields use (lit-analyzer checks a binding against HTML's list). */
export type InputType = 'text' | 'email' | 'tel' | 'password';

/** The autocomplete tokens the kit's fields use (RGAA 11.13); lit-analyzer checks them against HTML's list. */
export type AutocompleteToken =
  | 'username'
  | 'current-password'
  | 'new-password'
  | 'family-name'
  | 'given-name'
  | 'bday'
  | 'address-line1'
  | 'address-line2'
  | 'address-line3'
  | 'postal-code'
  | 'address-level2'
  | 'tel'
  | 'email';

export interface FieldOptions {
  /** Unique in the document or shadow root: the label, hint and error ids derive from it. */
  id: string;
  name: string;
  label: string;
  type?: InputType;
  /** An autocomplete token (RGAA 11.13), e.g. `username`; none for fields with no token. */
  autocomplete?: AutocompleteToken;
  /**
   * The value to show; without it the input keeps whatever was typed (uncontrolled).
   * The caller keeps it in step with every `input` event (no `live()` needed).
   */
  value?: string;
  inputmode?: string;
  /** More ids for `aria-describedby`, e.g. a password checklist. */
  describedBy?: string;
  required?: boolean;
  /** Format instructions, shown before any error (RGAA 11.10). */
  hint?: string;
  error?: string;
  /** Visually hidden prefix read before the error, e.g. "Erreur : ". */
  errorPrefix: string;
  /** Content after the input on the same row, e.g. a show/hide button. */
  after?: TemplateResult;
  /** For identifiers: no auto-capitalisation or spell-check. */
  verbatim?: boolean;
}

/**
 * A labelled input whose hint and error are in the same root as the input and linked
 * by `aria-describedby`, so that every screen reader reads them.
 */
export function field(o: FieldOptions): TemplateResult {
  const hintId = `${o.id}-hint`;
  const errorId = `${o.id}-error`;
  const describedBy = [o.hint ? hintId : '', o.describedBy ?? '', o.error ? errorId : ''].join(' ').trim();
  return html`<div class="famille-field ${o.error ? 'famille-field--error' : ''}" part="field">
    <label for=${o.id} part="label"
      >${o.label}${o.required ? html`<span class="famille-required" aria-hidden="true"> *</span>` : nothing}</label
    >
    ${o.hint ? html`<p id=${hintId} class="famille-hint" part="hint">${o.hint}</p>` : nothing}
    ${o.error ? html`<p id=${errorId} class="famille-error" part="error"><span class="famille-sr">${o.errorPrefix}</span>${o.error}</p>` : nothing}
    <div class="famille-row">
      <input
        id=${o.id}
        name=${o.name}
        type=${o.type ?? 'text'}
        part="input"
        autocomplete=${ifDefined(o.autocomplete)}
        inputmode=${ifDefined(o.inputmode)}
        .value=${o.value ?? nothing}
        ?required=${o.required}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        autocapitalize=${ifDefined(o.verbatim ? 'none' : undefined)}
        spellcheck=${ifDefined(o.verbatim ? 'false' : undefined)}
      />${o.after ?? nothing}
    </div>
  </div>`;
}

export interface ChoiceOptions {
  id: string;
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  value: string | undefined;
  required?: boolean;
  hint?: string;
  error?: string;
  errorPrefix: string;
}

/**
 * A radio group in a fieldset: the legend names it, its hint and error are linked to
 * the group; the summary's link focuses the first radio (`id`).
 */
export function choices(o: ChoiceOptions): TemplateResult {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.error ? `${o.id}-error` : ''].join(' ').trim();
  return html`<fieldset class="famille-field famille-choices ${o.error ? 'famille-field--error' : ''}" part="field"
    aria-describedby=${describedBy || nothing}>
    <legend part="label">${o.legend}${o.required ? html`<span class="famille-required" aria-hidden="true"> *</span>` : nothing}</legend>
    ${o.hint ? html`<p id="${o.id}-hint" class="famille-hint" part="hint">${o.hint}</p>` : nothing}
    ${o.error ? html`<p id="${o.id}-error" class="famille-error" part="error"><span class="famille-sr">${o.errorPrefix}</span>${o.error}</p>` : nothing}
    <div class="famille-row">
      ${o.options.map(
        (option, i) => html`<label class="famille-choice"
          ><input type="radio" id=${i ? `${o.id}-${option.value}` : o.id} name=${o.name} .value=${option.value}
            .checked=${o.value === option.value} ?required=${o.required} />${option.label}</label
        >`,
      )}
    </div>
  </fieldset>`;
}

/** A single checkbox (e.g. accepting the CGU), with its error linked. */
export function checkbox(o: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  required?: boolean;
  error?: string;
  errorPrefix: string;
}): TemplateResult {
  return html`<div class="famille-field ${o.error ? 'famille-field--error' : ''}" part="field">
    ${o.error ? html`<p id="${o.id}-error" class="famille-error" part="error"><span class="famille-sr">${o.errorPrefix}</span>${o.error}</p>` : nothing}
    <label class="famille-choice"
      ><input type="checkbox" id=${o.id} name=${o.name} .checked=${o.checked} ?required=${o.required}
        aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${o.error ? `${o.id}-error` : nothing} />${o.label}${
          o.required ? html`<span class="famille-required" aria-hidden="true"> *</span>` : nothing
        }</label
    >
  </div>`;
}

export interface SummaryItem {
  /** The id of the input the link moves focus to. */
  id: string;
  message: string;
}

/**
 * The error summary shown at the top of a form on submit (GOV.UK pattern): the caller
 * focuses it; each link moves focus to its field without touching the page's URL. Its
 * title is a heading one level below the element's title (`host.heading`: the element's `heading()`).
 */
export function errorSummary(id: string, title: string, items: readonly SummaryItem[], host: { heading: HeadingRenderer }): TemplateResult {
  return html`<div id=${id} class="famille-summary" part="error-summary" tabindex="-1" aria-labelledby="${id}-title">
    ${host.heading(title, { depth: 1, id: `${id}-title`, className: 'famille-summary-title' })}
    <ul>
      ${items.map((item) => html`<li><a href="#${item.id}" @click=${focusTarget}>${item.message}</a></li>`)}
    </ul>
  </div>`;
}

function focusTarget(event: Event): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const root = link.getRootNode() as Document | ShadowRoot;
  const input = root.getElementById(link.hash.slice(1));
  if (!input) return;
  // A host page may route on the hash: leave its URL alone.
  event.preventDefault();
  input.focus();
  // The label sits above the input: keep it in view too.
  input.closest('.famille-field')?.scrollIntoView({ block: 'nearest' });
}

/** A show/hide button for a password input (GOV.UK password input pattern). */
export function passwordToggle(inputId: string, shown: boolean, labels: { show: string; hide: string; suffix: string }, onToggle: () => void): TemplateResult {
  return html`<button
    type="button"
    class="famille-button famille-button--secondary"
    part="toggle"
    aria-controls=${inputId}
    aria-pressed=${shown ? 'true' : 'false'}
    @click=${onToggle}
  >
    ${shown ? labels.hide : labels.show}<span class="famille-sr">${labels.suffix}</span>
  </button>`;
}

/** A submit button that stays focusable while pending (aria-disabled keeps focus). */
export function submitButton(label: string, pendingLabel: string, pending: boolean): TemplateResult {
  return html`<button
    type="submit"
    class="famille-button"
    part="button"
    aria-disabled=${pending ? 'true' : 'false'}
    aria-busy=${pending ? 'true' : 'false'}
  >
    ${pending ? pendingLabel : label}
  </button>`;
}

/**
 * A server message or a confirmation that takes focus (`tabindex="-1"`, not a live
 * region: it is read once), with an optional action (retry, resend, log in).
 */
export function messageBox(message: string, options: { prefix?: string; action?: TemplateResult | typeof nothing; success?: boolean } = {}): TemplateResult {
  return html`<div class="famille-alert ${options.success ? 'famille-alert--success' : ''}" part=${options.success ? 'notice' : 'alert'} tabindex="-1">
    <p>${options.prefix ? html`<span class="famille-sr">${options.prefix}</span>` : nothing}${message}</p>
    ${options.action ?? nothing}
  </div>`;
}

/** A secondary button (retry, resend, back). */
export function secondaryButton(label: string, onClick: () => void, pending = false): TemplateResult {
  return html`<button type="button" class="famille-button famille-button--secondary" part="button"
    aria-disabled=${pending ? 'true' : 'false'} aria-busy=${pending ? 'true' : 'false'} @click=${onClick}>${label}</button>`;
}

/** The server's problem in an error box, with "Réessayer" when there is a `retry`. */
export function problemBox(i18n: Localizer<Messages>, error: ApiError, retry?: () => void, pending?: boolean): TemplateResult {
  const { t } = i18n;
  return messageBox(i18n.problem(error.code), { prefix: t('errorPrefix'), action: retry ? secondaryButton(t('retry'), retry, pending) : nothing });
}

/** Whether the same request may succeed if sent again: a network failure or a server error. */
export const retriable = (e: ApiError): boolean => e.kind !== 'http' || (e.status ?? 0) >= 500;
