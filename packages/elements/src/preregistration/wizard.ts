// The démarche's later steps, a module of their own that the element imports the first
// time one is needed ("Commencer", "Reprendre…": preregistration.ts `wizardModule`), so
// that its page does not carry them: the wizard around the steps (its form and buttons,
// "Continuer" — checks, then the draft saved, then the next step —, "Retour", "Valider"),
// the drafts saved one after the other, the steps (steps/*.ts), their checks
// (validation.ts), the drafts' conversions (drafts.ts), the confirmation, and their words.
// What it shares with the first views (host.ts, state.ts, requests.ts) it imports from the
// element's chunk, which exports it to this one.
import { html, nothing, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import { familleEvent } from '../context/events.ts';
import { errorSummary, submitButton } from '../form/field.ts';
import { abortUpload } from '../form/upload.ts';
import { uploadFr } from '../i18n/upload.ts';
import { draftInput, stepOfPath } from './drafts.ts';
import { failed, focus, go, problemNotice, title, type PreregistrationHost } from './host.ts';
import type { StepsMessages } from './messages.ts';
import { emptyValues, Step, type Key, type Values } from './state.ts';
import { fieldError, problemsFromServer, stepPaths, validateStep } from './validation.ts';
import { wizardFr as stepsFr } from './wizard-messages.fr.ts';
import { childChosen, renderChildStep, renderNoChild } from './steps/child.ts';
import { dateLeft, dateTyped, renderDateStep } from './steps/date.ts';
import { renderChoicesStep, structureChosen } from './steps/choices.ts';
import { renderDocumentsStep } from './steps/documents.ts';
import { questionAnswered, renderQuestionnaireStep } from './steps/questionnaire.ts';
import { renderReviewStep } from './steps/review.ts';

export { resumeStep, valuesFromDraft } from './drafts.ts';
export { renderDone } from './done.ts';

/** The steps' words, over the element's (messages.ts `preregistrationTablesWith`). */
export const wizardFr: StepsMessages = { ...uploadFr, ...stepsFr };
export const wizardEnglish = (): Promise<StepsMessages> => import('./wizard-messages.en.ts').then((m) => ({ ...m.uploadEn, ...m.wizardEn }));

/** Stops the uploads in flight (another parent logged in). */
export function abortUploads(values: Values): void {
  for (const uploads of Object.values(values.docs)) uploads.forEach(abortUpload);
}

/** Saves the drafts one after the other, so that an older draft never overwrites a newer one. */
export class DraftSaver {
  readonly #host: PreregistrationHost;
  #saving: Promise<unknown> = Promise.resolve();

  constructor(host: PreregistrationHost) {
    this.#host = host;
  }

  /** Saves the draft for `step` (queued after any save in flight). Rejects with the SDK's error. */
  save(step: Step): Promise<void> {
    const host = this.#host;
    const { client, values } = host;
    const childId = values.childId;
    if (!client || !childId) return Promise.resolve();
    const body = draftInput(step, values);
    const run = this.#saving
      .catch(() => undefined)
      .then(async () => {
        const draft = await client.call(endpoints.savePreregistrationDraft, { params: { childId }, body });
        const drafts = [...(host.state.drafts ?? []).filter((d) => d.childId !== childId), draft];
        host.set({ drafts, draftStatus: host.i18n.t('draftSaved') });
        host.element.dispatchEvent(familleEvent('famille-draft-saved', { childId, step }));
      });
    this.#saving = run;
    return run;
  }
}

const titles: Record<number, Key> = {
  [Step.Child]: 'childHeading',
  [Step.Date]: 'dateHeading',
  [Step.Choices]: 'choicesHeading',
  [Step.Documents]: 'documentsHeading',
  [Step.Questionnaire]: 'questionnaireHeading',
  [Step.Review]: 'reviewHeading',
};

/** The current step in its form, or why a child must be declared first. */
export function renderWizard(host: PreregistrationHost, entourageHref: string | undefined): TemplateResult {
  const { state } = host;
  const { t } = host.i18n;
  const step = state.step;
  if (step === Step.Child && state.children!.length === 0) return renderNoChild(host, entourageHref);
  const pending = state.pending;
  return html`${title(host, t(titles[step]!), step)}
    <form part="form" novalidate @submit=${(e: Event) => onSubmit(host, e)} @input=${(e: Event) => onInput(host, e)}
      @change=${(e: Event) => onChange(host, e)} @focusout=${(e: FocusEvent) => onLeave(host, e)}>
      ${renderSummary(host)}
      ${problemNotice(host)}
      ${renderStep(host)}
      <div class="famille-actions famille-nav">
        ${
          step === Step.Review
            ? submitButton(t('validate'), t('validating'), pending)
            : submitButton(state.fromReview ? t('backToReview') : t('continue'), t('savingDraft'), pending)
        }
        <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => back(host)}>${t('back')}</button>
      </div>
      <p class="famille-draft-status" part="draft-status" role="status">${state.draftStatus}</p>
      <p class="famille-sr" role="status">${state.announce}</p>
    </form>`;
}

function renderStep(host: PreregistrationHost): TemplateResult {
  switch (host.state.step) {
    case Step.Child:
      return renderChildStep(host);
    case Step.Date:
      return renderDateStep(host);
    case Step.Choices:
      return renderChoicesStep(host);
    case Step.Documents:
      return renderDocumentsStep(host);
    case Step.Questionnaire:
      return renderQuestionnaireStep(host);
    default:
      return renderReviewStep(host);
  }
}

/** The step's errors, each a link to its field, in the order of the fields. */
function renderSummary(host: PreregistrationHost): TemplateResult | typeof nothing {
  const { state, ids } = host;
  if (!state.summary) return nothing;
  const items = stepPaths(state.step, host.values, host.config).flatMap((path) => {
    const message = fieldError(host, path);
    const target = path === 'choices' ? 'choices.0' : path;
    return message ? [{ id: ids.field(target), message }] : [];
  });
  return items.length ? errorSummary(ids.summary, host.i18n.t('errorSummary'), items, host) : nothing;
}

// The fields tell their changes to the form (native `input`/`change` events bubble).

function onInput(host: PreregistrationHost, e: Event): void {
  const input = e.target as HTMLInputElement;
  if (input.type === 'file') return;
  if (input.name === 'startDate') dateTyped(host, input.value);
  else if (input.name === 'observations') host.setValues({ observations: input.value });
}

function onChange(host: PreregistrationHost, e: Event): void {
  const input = e.target as HTMLInputElement | HTMLSelectElement;
  const name = input.name;
  if (name === 'child') childChosen(host, input.value);
  else if (name === 'choice') structureChosen(host, input.dataset['key'], input.value);
  else if (name.startsWith('q-')) questionAnswered(host, input);
}

function onLeave(host: PreregistrationHost, e: FocusEvent): void {
  const input = e.target as HTMLInputElement;
  if (input.name === 'startDate') dateLeft(host, input.value);
}

function onSubmit(host: PreregistrationHost, e: Event): void {
  e.preventDefault();
  if (host.state.pending) return;
  if (host.state.step === Step.Review) void submit(host);
  else void continueStep(host);
}

/** "Continuer": the step's checks, then the draft saved at the next step, then that step. */
async function continueStep(host: PreregistrationHost): Promise<void> {
  const { state, config, ids } = host;
  const step = state.step;
  const errors = validateStep(step, host.values, config, state.children);
  if (Object.keys(errors).length) {
    host.set({ errors, summary: true, problem: undefined });
    void focus(host, `#${ids.summary}`);
    return;
  }
  const next = state.fromReview ? Step.Review : ((step + 1) as Step);
  host.set({ pending: true, problem: undefined, errors: {}, summary: false, draftStatus: host.i18n.t('savingDraft') });
  try {
    await host.save(next);
    host.set({ pending: false });
    go(host, next, { fromReview: false });
  } catch (error) {
    const problem = host.asApiError(error);
    const paths = stepPaths(step, host.values, config);
    const fieldErrors = problem.fieldErrors.filter((f) => paths.some((p) => f.path === p || f.path.startsWith(`${p}.`)));
    if (fieldErrors.length) {
      host.set({ pending: false, draftStatus: '', errors: problemsFromServer(fieldErrors, config), summary: true });
      void focus(host, `#${ids.summary}`);
      return;
    }
    failed(host, problem, () => void continueStep(host), { draftStatus: '' });
  }
}

/** "Valider": the draft on the page is saved, then submitted; a refusal leads to the first step it names. */
async function submit(host: PreregistrationHost): Promise<void> {
  const { client, ids } = host;
  const childId = host.values.childId;
  if (!client || !childId) return;
  host.set({ pending: true, problem: undefined });
  try {
    // The draft the server checks is the one on the page.
    await host.save(Step.Review);
    const result = await client.call(endpoints.submitPreregistration, { params: { childId } });
    host.set({
      pending: false,
      view: { name: 'done', preregistration: result },
      drafts: (host.state.drafts ?? []).filter((d) => d.childId !== childId),
      list: undefined,
    });
    host.setValues(emptyValues());
    host.element.dispatchEvent(familleEvent('famille-request-submitted', { preregistration: result }));
    void focus(host, `#${ids.heading}`);
  } catch (error) {
    const problem = host.asApiError(error);
    const fieldErrors = problem.fieldErrors;
    if (problem.code === 'validation_failed' && fieldErrors.length) {
      const first = Math.min(...fieldErrors.map((f) => stepOfPath(f.path))) as Step;
      host.set({ pending: false });
      go(host, first, { errors: problemsFromServer(fieldErrors, host.config), summary: true, fromReview: true });
      void focus(host, `#${ids.summary}`);
      return;
    }
    failed(host, problem, () => void submit(host));
  }
}

/** "Retour": nothing is lost going back, the values stay and the draft follows in the background. */
function back(host: PreregistrationHost): void {
  const { step, fromReview } = host.state;
  const target = fromReview ? Step.Review : ((step - 1) as Step);
  if (step >= Step.Date) void host.save(target).catch(() => undefined);
  go(host, target, { fromReview: false });
}
