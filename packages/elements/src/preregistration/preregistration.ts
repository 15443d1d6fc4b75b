import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, endpoints } from '@famille/sdk';
import type {
  FieldError,
  Member,
  Preregistration,
  PreregistrationDraft,
  PreregistrationDraftInput,
  PreregistrationStatus,
  Question,
  Structure,
} from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent, type FamilleEventMap } from '../context/events.ts';
import { choices, errorSummary, field, messageBox, problemBox, submitButton } from '../form/field.ts';
import { focusAfterRender, stepIndicator } from '../form/wizard.ts';
import { loginLink, requestLink } from '../form/login-link.ts';
import { today, typedDate, typedToIso } from '../form/dates.ts';
import { abortUpload, discardUpload, fileField, newUpload, sendUpload, sentUpload, uploadItem, uploadRuleParts, type Upload } from '../form/upload.ts';
import { preregistrationTables, type AllPreregistrationMessages as AllMessages } from './messages.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { preregistrationStyles } from './preregistration.styles.ts';

type Key = keyof AllMessages;

/** The events of `<famille-preregistration>`, by name. */
export interface FamillePreregistrationEvents {
  'famille-request-submitted': { preregistration: Preregistration };
  'famille-draft-saved': { childId: string; step: number };
  'famille-entourage-requested': Record<string, never>;
}

declare global {
  // `famille-request-submitted` is declared by `<famille-entourage>` with its own detail.
  interface HTMLElementEventMap extends FamilleEventMap<Omit<FamillePreregistrationEvents, 'famille-request-submitted'>> {}
}

/** The wizard's steps: 0 information, then the six numbered ones. */
const Step = { Info: 0, Child: 1, Date: 2, Choices: 3, Documents: 4, Questionnaire: 5, Review: 6 } as const;
type Step = (typeof Step)[keyof typeof Step];
const TOTAL = 6;

/** The step a field path of the server's answer belongs to. */
function stepOfPath(path: string): Step {
  if (path.startsWith('startDate')) return Step.Date;
  if (path.startsWith('choices') || path.startsWith('observations')) return Step.Choices;
  if (path.startsWith('documents')) return Step.Documents;
  if (path.startsWith('answers')) return Step.Questionnaire;
  return Step.Child;
}

type ChildProfile = Extract<Member['profile'], { role: 'enfant' }>;
/** A child's profile (the family's `enfant` members only are kept). */
const child = (m: Member | undefined): Partial<ChildProfile> => (m?.profile.role === 'enfant' ? m.profile : {});

type Answer = boolean | string | string[];
interface ChoiceRow {
  key: number;
  value: string;
}
interface Values {
  childId?: string | undefined;
  startDate: string;
  choices: ChoiceRow[];
  observations: string;
  /** Per document type: the sent document, and one being sent (replacing it). */
  docs: Record<string, Upload[]>;
  answers: Record<string, Answer>;
}
/** An error to show, translated at render time (the locale may change). */
interface Problem {
  key: Key;
  params?: Record<string, unknown>;
}

type View =
  | { name: 'wizard' }
  | { name: 'resume' }
  | { name: 'done'; preregistration: Preregistration }
  | { name: 'requests'; notice?: string }
  | { name: 'cancel'; preregistration: Preregistration };

interface State {
  view: View;
  step: Step;
  children?: Member[] | undefined;
  drafts?: PreregistrationDraft[] | undefined;
  list?: Preregistration[] | undefined;
  loadProblem?: ApiError | undefined;
  errors: Record<string, Problem>;
  summary: boolean;
  /** The failure of the last save or submission, with "Réessayer". */
  problem?: { error: ApiError; retry: () => void } | undefined;
  pending: boolean;
  /** Visible, polite: "Brouillon enregistré". */
  draftStatus: string;
  /** Polite announcements (moves, uploads). */
  announce: string;
  /** A "Modifier" link of the review led here: continuing goes back to the review. */
  fromReview: boolean;
}

let instances = 0;
let rowKeys = 0;
const initialState = (): State => ({
  view: { name: 'wizard' },
  step: Step.Info,
  errors: {},
  summary: false,
  pending: false,
  draftStatus: '',
  announce: '',
  fromReview: false,
});
const emptyValues = (): Values => ({ startDate: '', choices: [{ key: ++rowKeys, value: '' }], observations: '', docs: {}, answers: {} });
const undecided: readonly PreregistrationStatus[] = ['deposee', 'en_instruction', 'liste_attente'];

/**
 * @summary The crèche pre-registration démarche ("Je souhaite préinscrire mon enfant en crèche"), as a wizard whose every step is saved as a draft, and "Mes demandes".
 *
 * Information and "Commencer", then six steps with "Étape 2 sur 6": the child (declared
 * in the entourage), the desired start date, up to `maxChoices` ranked structures (with
 * keyboard reordering) and observations, the supporting documents (upload with progress,
 * cancel, replace), the tenant's questionnaire (rendered from its configuration), and a
 * check-your-answers step with "Modifier" links before "Valider". The confirmation gives
 * the request number, date and time, "Déposée" and the month of the next allocation
 * commission. Every step change saves the draft on the server: on return the parent is
 * offered to resume where they stopped. `view="requests"` opens "Mes demandes": the
 * family's requests, their statuses and the service's comments, and "Annuler ma demande".
 *
 * The structures, documents, questionnaire and commission months are the tenant's
 * (`TenantConfig.preregistration`): another town's démarche needs no code change.
 * Renders in the light DOM like the other forms.
 *
 * @fires famille-request-submitted - The request was submitted. `detail: { preregistration }`.
 * @fires famille-draft-saved - The draft was saved at a step change. `detail: { childId, step }`.
 * @fires famille-entourage-requested - "Déclarer mon enfant" when no child is declared. Cancelable: cancel it to show your own entourage page. `detail: {}`.
 * @fires famille-login-requested - "Se connecter" while logged out. Cancelable. `detail: { identifiant: '' }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - Each view's or step's heading (receives focus when it changes).
 * @csspart steps - "Étape 2 sur 6".
 * @csspart form - The step's form.
 * @csspart draft-status - "Brouillon enregistré".
 * @csspart error-summary - The step's errors, on "Continuer" or after a refused submission.
 * @csspart alert - The server's answer when something fails, with "Réessayer".
 * @csspart notice - The confirmation.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label or a group's legend.
 * @csspart hint - Format instructions.
 * @csspart input - An input, select or textarea.
 * @csspart error - A field's error message.
 * @csspart choice - One ranked structure choice.
 * @csspart progress - An upload's progress bar.
 * @csspart review - The answers on the check step.
 * @csspart requests - The "Mes demandes" list.
 * @csspart badge - A status badge.
 * @csspart button - Buttons.
 * @csspart link - Links ("Modifier").
 */
export class FamillePreregistration extends FamilleElement<AllMessages> {
  static override lightStyles = preregistrationStyles;
  static override properties: PropertyDeclarations = {
    view: {},
    loginHref: { attribute: 'login-href' },
    entourageHref: { attribute: 'entourage-href' },
  };

  /** `demarche` (default): the wizard (or the offer to resume); `requests`: "Mes demandes". */
  declare view: 'demarche' | 'requests' | undefined;
  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;
  /** The page of `<famille-entourage>`, where a child is declared; without it, only the event fires. */
  declare entourageHref: string | undefined;

  #s = initialState();
  #v: Values = emptyValues();
  #id = `famille-prereg-${++instances}`;
  /** Saves run one after the other, so an older draft never overwrites a newer one. */
  #saving: Promise<unknown> = Promise.resolve();

  #set(patch: Partial<State>): void {
    this.#s = { ...this.#s, ...patch };
    this.requestUpdate();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return preregistrationTables;
  }

  get #config() {
    return this.tenantConfig?.preregistration;
  }

  /** The children, the drafts and (for "Mes demandes") the requests: GETs, retried by the SDK. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads (children, drafts, answers, messages); their uploads in flight stop.
      for (const uploads of Object.values(this.#v.docs)) uploads.forEach(abortUpload);
      this.#v = emptyValues();
      this.#s = initialState();
    },
    loading: () => this.#set({ loadProblem: undefined }),
    load: (client) =>
      Promise.all([
        client.call(endpoints.family),
        client.call(endpoints.preregistrationDrafts),
        this.view === 'requests' ? client.call(endpoints.preregistrations) : undefined,
      ]),
    loaded: ([household, { drafts }, list]) => {
      const children = household.members.filter((m) => m.profile.role === 'enfant');
      const known = drafts.filter((d) => children.some((c) => c.id === d.childId));
      if (list) this.#set({ children, drafts: known, list: list.preregistrations, view: { name: 'requests' } });
      else this.#set({ children, drafts: known, view: known.length ? { name: 'resume' } : { name: 'wizard' }, step: Step.Info });
    },
    failed: (error) => this.#set({ loadProblem: this.asApiError(error) }),
  });

  #focus(selector: string): Promise<void> {
    return focusAfterRender(this, selector);
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const notice = this.connectionNotice();
    if (notice) return notice;
    const { locale } = this.i18n;
    return html`<div class="famille-stack" part="base" lang=${locale}>${this.#renderView()}</div>`;
  }

  #heading(text: string, step?: Step): TemplateResult {
    const { t } = this.i18n;
    return html`<h2 id="${this.#id}-heading" part="heading" tabindex="-1">${step ? stepIndicator(t('steps', { step, total: TOTAL })) : nothing}${text}</h2>`;
  }

  #renderView(): TemplateResult {
    const { t } = this.i18n;
    if (this.session === null) {
      return html`${this.#heading(t('preregHeading'))}
        <p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    if (this.#s.loadProblem && !this.#s.children) {
      return html`${this.#heading(t('preregHeading'))}
        ${problemBox(this.i18n, this.#s.loadProblem, () => void this.#data.reload())}`;
    }
    if (!this.#s.children || !this.#config) {
      return html`${this.#heading(t('preregHeading'))}
        <p role="status">${t('loading')}</p>`;
    }
    const view = this.#s.view;
    switch (view.name) {
      case 'resume':
        return this.#renderResume();
      case 'done':
        return this.#renderDone(view.preregistration);
      case 'requests':
        return this.#renderRequests(view.notice);
      case 'cancel':
        return this.#renderCancel(view.preregistration);
      default:
        return this.#renderWizard();
    }
  }

  #childName(id: string | undefined): string {
    const child = this.#s.children?.find((c) => c.id === id);
    if (!child) return this.#s.drafts?.find((d) => d.childId === id)?.childLabel ?? '';
    return `${child.profile.prenoms || this.i18n.t('futureChild')} ${child.profile.nomUsage}`.trim();
  }

  #firstName(draft: PreregistrationDraft): string {
    const child = this.#s.children?.find((c) => c.id === draft.childId);
    return child?.profile.prenoms?.split(/\s+/)[0] || draft.childLabel;
  }

  #renderResume(): TemplateResult {
    const { t, date } = this.i18n;
    const drafts = this.#s.drafts ?? [];
    return html`${this.#heading(t('resumeHeading'))}
      ${drafts.map(
        (d) => html`<section class="famille-card" aria-labelledby="${this.#id}-draft-${d.childId}">
          <h3 id="${this.#id}-draft-${d.childId}">${this.#childName(d.childId)}</h3>
          <p>${t('resumeIntro', { date: date(d.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
          <div class="famille-actions">
            <button type="button" class="famille-button" part="button" @click=${() => this.#resume(d)}>${t('resumeFor', { child: this.#firstName(d) })}</button>
            <button type="button" class="famille-button famille-button--secondary" part="button" aria-disabled=${this.#s.pending ? 'true' : 'false'}
              @click=${() => void this.#restart(d)}>${t('restart')}<span class="famille-sr">${t('restartFor', { child: this.#firstName(d) })}</span></button>
          </div>
        </section>`,
      )}
      ${this.#renderProblem()}
      <div class="famille-actions">
        <button type="button" class="famille-link" part="link" @click=${() => this.#startFresh()}>${t('newRequest')}</button>
        <button type="button" class="famille-link" part="link" @click=${() => void this.#openRequests()}>${t('myRequests')}</button>
      </div>`;
  }

  #renderProblem(): TemplateResult | typeof nothing {
    const p = this.#s.problem;
    if (!p) return nothing;
    return problemBox(this.i18n, p.error, p.retry, this.#s.pending);
  }

  #renderWizard(): TemplateResult {
    const { t } = this.i18n;
    const step = this.#s.step;
    if (step === Step.Info) {
      return html`${this.#heading(t('preregHeading'))}
        <p class="famille-intro">${this.#local(this.#config!.intro)}</p>
        <div class="famille-actions">
          <button type="button" class="famille-button" part="button" @click=${() => this.#go(Step.Child)}>${t('start')}</button>
          <button type="button" class="famille-link" part="link" @click=${() => void this.#openRequests()}>${t('myRequests')}</button>
        </div>`;
    }
    if (step === Step.Child && this.#s.children!.length === 0) return this.#renderNoChild();
    const titles: Record<number, Key> = {
      [Step.Child]: 'childHeading',
      [Step.Date]: 'dateHeading',
      [Step.Choices]: 'choicesHeading',
      [Step.Documents]: 'documentsHeading',
      [Step.Questionnaire]: 'questionnaireHeading',
      [Step.Review]: 'reviewHeading',
    };
    const pending = this.#s.pending;
    const last = step === Step.Review;
    return html`${this.#heading(t(titles[step]!), step)}
      <form part="form" novalidate @submit=${this.#onSubmit} @input=${this.#onInput} @change=${this.#onChange} @focusout=${this.#onBlur}>
        ${this.#renderSummary()}
        ${this.#renderProblem()}
        ${this.#renderStep(step)}
        <div class="famille-actions famille-nav">
          ${
            last
              ? submitButton(t('validate'), t('validating'), pending)
              : submitButton(this.#s.fromReview ? t('backToReview') : t('continue'), t('savingDraft'), pending)
          }
          <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => this.#back()}>${t('back')}</button>
        </div>
        <p class="famille-draft-status" part="draft-status" role="status">${this.#s.draftStatus}</p>
        <p class="famille-sr" role="status">${this.#s.announce}</p>
      </form>`;
  }

  #renderNoChild(): TemplateResult {
    const { t } = this.i18n;
    return html`${this.#heading(t('childHeading'), Step.Child)}
      <div class="famille-empty">
        <p><strong>${t('noChildTitle')}</strong></p>
        <p>${t('noChildWhy')}</p>
      </div>
      <div class="famille-actions">
        ${requestLink(this, 'famille-entourage-requested', {}, this.entourageHref, t('toEntourage'))}
        <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => this.#go(Step.Info)}>${t('back')}</button>
      </div>`;
  }

  #fieldId(path: string): string {
    return `${this.#id}-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  }

  #local(text: { fr: string; en?: string | undefined }): string {
    return this.i18n.locale === 'en' ? (text.en ?? text.fr) : text.fr;
  }

  #message(path: string): string | undefined {
    const error = this.#s.errors[path];
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- it is needed: without it the call does not type check
    return error ? (this.i18n.t as (key: Key, params?: unknown) => string)(error.key, error.params) : undefined;
  }

  /** The paths of a step's fields, in the order they appear. */
  #paths(step: Step): string[] {
    const config = this.#config!;
    switch (step) {
      case Step.Child:
        return ['childId'];
      case Step.Date:
        return ['startDate'];
      case Step.Choices:
        return ['choices', ...this.#v.choices.map((_, i) => `choices.${i}`), 'observations'];
      case Step.Documents:
        return config.documents.map((d) => `documents.${d.type}`);
      case Step.Questionnaire:
        return config.questionnaire.map((q) => `answers.${q.id}`);
      default:
        return [];
    }
  }

  #renderSummary(): TemplateResult | typeof nothing {
    if (!this.#s.summary) return nothing;
    const items = this.#paths(this.#s.step).flatMap((path) => {
      const message = this.#message(path);
      const target = path === 'choices' ? 'choices.0' : path;
      return message ? [{ id: this.#fieldId(target), message }] : [];
    });
    return items.length ? errorSummary(`${this.#id}-summary`, this.i18n.t('errorSummary'), items) : nothing;
  }

  #renderStep(step: Step): TemplateResult {
    switch (step) {
      case Step.Child:
        return this.#renderChild();
      case Step.Date:
        return this.#renderDate();
      case Step.Choices:
        return this.#renderChoices();
      case Step.Documents:
        return this.#renderDocuments();
      case Step.Questionnaire:
        return this.#renderQuestionnaire();
      default:
        return this.#renderReview();
    }
  }

  #renderChild(): TemplateResult {
    const { t, date } = this.i18n;
    return choices({
      id: this.#fieldId('childId'),
      name: 'child',
      legend: t('childLegend'),
      hint: t('childHint'),
      required: true,
      value: this.#v.childId,
      options: this.#s.children!.map((c) => ({
        value: c.id,
        label: `${this.#childName(c.id)} (${
          child(c).dateNaissancePrevue
            ? t('expectedOn', { date: date(child(c).dateNaissancePrevue!) })
            : t('bornOn', { date: date(child(c).dateNaissance ?? '') })
        })`,
      })),
      ...(this.#message('childId') && { error: this.#message('childId')! }),
      errorPrefix: t('errorPrefix'),
    });
  }

  #renderDate(): TemplateResult {
    const { t } = this.i18n;
    const error = this.#message('startDate');
    return field({
      id: this.#fieldId('startDate'),
      name: 'startDate',
      label: t('startDate'),
      hint: t('startDateHint'),
      inputmode: 'numeric',
      required: true,
      value: this.#v.startDate,
      ...(error && { error }),
      errorPrefix: t('errorPrefix'),
    });
  }

  #structure(id: string): Structure | undefined {
    return this.#config!.structures.find((s) => s.id === id);
  }

  #renderChoices(): TemplateResult {
    const { t } = this.i18n;
    const config = this.#config!;
    const rows = this.#v.choices;
    const groupError = this.#message('choices');
    return html`<fieldset class="famille-section famille-field ${groupError ? 'famille-field--error' : ''}" aria-describedby="${this.#fieldId('choices')}-hint">
        <legend part="label">${t('choicesHeading')}</legend>
        <p id="${this.#fieldId('choices')}-hint" class="famille-hint" part="hint">${t('choicesIntro', { max: config.maxChoices })}</p>
        ${groupError ? html`<p class="famille-error" part="error"><span class="famille-sr">${t('errorPrefix')}</span>${groupError}</p>` : nothing}
        <ol class="famille-choices-list" role="list">
          ${repeat(
            rows,
            (r) => r.key,
            (row, i) => this.#renderChoice(row, i),
          )}
        </ol>
        ${
          rows.length < config.maxChoices
            ? html`<div><button type="button" class="famille-button famille-button--secondary" part="button" data-add-choice
              @click=${() => this.#addChoice()}><span aria-hidden="true">+ </span>${t('addChoice')}</button></div>`
            : nothing
        }
      </fieldset>
      <div class="famille-field" part="field">
        <label for=${this.#fieldId('observations')} part="label">${t('observations')}</label>
        <p id="${this.#fieldId('observations')}-hint" class="famille-hint" part="hint">${t('observationsHint', { next: config.maxChoices + 1 })}</p>
        <textarea id=${this.#fieldId('observations')} name="observations" part="input" rows="4" maxlength="2000"
          aria-describedby="${this.#fieldId('observations')}-hint" .value=${this.#v.observations}></textarea>
      </div>`;
  }

  #renderChoice(row: ChoiceRow, i: number): TemplateResult {
    const { t } = this.i18n;
    const rows = this.#v.choices;
    const id = this.#fieldId(`choices.${i}`);
    const error = this.#message(`choices.${i}`);
    const name = this.#structure(row.value)?.name ?? t('choiceLabel', { n: i + 1 });
    const sr = html`<span class="famille-sr"> ${name}</span>`;
    return html`<li class="famille-choice-row famille-field ${error ? 'famille-field--error' : ''}" part="choice" data-key=${row.key}>
      <label for=${id} part="label">${t('choiceLabel', { n: i + 1 })}</label>
      ${error ? html`<p id="${id}-error" class="famille-error" part="error"><span class="famille-sr">${t('errorPrefix')}</span>${error}</p>` : nothing}
      <select id=${id} name="choice" data-key=${row.key} part="input" aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}>
        <option value="" ?selected=${!row.value}>${t('chooseStructure')}</option>
        ${this.#config!.structures.map((s) => html`<option value=${s.id} ?selected=${s.id === row.value}>${s.name} — ${s.type}, ${s.address}</option>`)}
      </select>
      <div class="famille-actions">
        ${
          i > 0
            ? html`<button type="button" class="famille-button famille-button--secondary" part="button" data-move="up"
              @click=${() => this.#move(row, -1)}>${t('moveUp')}${sr}</button>`
            : nothing
        }
        ${
          i < rows.length - 1
            ? html`<button type="button" class="famille-button famille-button--secondary" part="button" data-move="down"
              @click=${() => this.#move(row, 1)}>${t('moveDown')}${sr}</button>`
            : nothing
        }
        ${
          rows.length > 1
            ? html`<button type="button" class="famille-link" part="link" data-remove-choice
              @click=${() => this.#removeChoice(row)}>${t('removeChoice')}<span class="famille-sr"> ${t('choiceLabel', { n: i + 1 })}</span></button>`
            : nothing
        }
      </div>
    </li>`;
  }

  /** The document types to show: a birth certificate waits for a future child's birth. */
  #isRequired(type: string): boolean {
    const req = this.#config!.documents.find((d) => d.type === type);
    if (!req?.required) return false;
    return !(req.bornChildOnly && this.#isFutureChild());
  }

  #isFutureChild(): boolean {
    return !!child(this.#s.children?.find((c) => c.id === this.#v.childId)).dateNaissancePrevue;
  }

  #renderDocuments(): TemplateResult {
    const { t } = this.i18n;
    const future = this.#isFutureChild();
    return html`<p>${t('documentsIntro')}</p>
      ${this.#config!.documents.map((req) => {
        const path = `documents.${req.type}`;
        const id = this.#fieldId(path);
        const uploads = this.#v.docs[req.type] ?? [];
        const required = this.#isRequired(req.type);
        const hint = req.bornChildOnly && future ? t('bornChildOnlyHint') : undefined;
        const error = this.#message(path);
        return html`<div class="famille-document">
          ${fileField({
            id,
            label: `${this.#local(req.label)}${required ? '' : t('optional')}`,
            ...(hint && { hint }),
            rules: t('fileRules', uploadRuleParts(req, this.i18n)),
            accept: req.acceptedTypes.join(','),
            required,
            ...(error && { error }),
            errorPrefix: t('errorPrefix'),
            onChange: (e) => this.#onFile(e, req.type),
          })}
          ${
            uploads.length
              ? html`<ul class="famille-uploads" role="list">${uploads.map((u) =>
                  uploadItem(u, this.i18n, {
                    cancel: () => this.#cancelUpload(req.type, u),
                    replace: () => this.#replace(req.type),
                    remove: () => this.#removeUpload(req.type, u),
                  }),
                )}</ul>`
              : nothing
          }
        </div>`;
      })}`;
  }

  #renderQuestionnaire(): TemplateResult {
    return html`${this.#config!.questionnaire.map((q) => this.#renderQuestion(q))}`;
  }

  #renderQuestion(q: Question): TemplateResult {
    const { t } = this.i18n;
    const path = `answers.${q.id}`;
    const id = this.#fieldId(path);
    const error = this.#message(path);
    const answer = this.#v.answers[q.id];
    const hint = q.hint ? this.#local(q.hint) : undefined;
    if (q.kind !== 'multiple') {
      const options =
        q.kind === 'yesNo'
          ? [
              { value: 'true', label: t('yes') },
              { value: 'false', label: t('no') },
            ]
          : q.options.map((o) => ({ value: o.id, label: this.#local(o.label) }));
      return choices({
        id,
        name: `q-${q.id}`,
        legend: this.#local(q.label),
        ...(hint && { hint }),
        required: q.required,
        value: answer === undefined ? undefined : String(answer),
        options,
        ...(error && { error }),
        errorPrefix: t('errorPrefix'),
      });
    }
    const selected = Array.isArray(answer) ? answer : [];
    const hintId = `${id}-hint`;
    const describedBy = [hintId, error ? `${id}-error` : ''].join(' ').trim();
    return html`<fieldset class="famille-field famille-checkboxes ${error ? 'famille-field--error' : ''}" part="field" aria-describedby=${describedBy}>
      <legend part="label">${this.#local(q.label)}${q.minSelected > 0 ? html`<span class="famille-required" aria-hidden="true"> *</span>` : nothing}</legend>
      <p id=${hintId} class="famille-hint" part="hint">${hint ? `${hint}. ` : ''}${q.minSelected > 0 ? t('minBoxesHint', { minimum: q.minSelected }) : ''}</p>
      ${error ? html`<p id="${id}-error" class="famille-error" part="error"><span class="famille-sr">${t('errorPrefix')}</span>${error}</p>` : nothing}
      <div class="famille-boxes">
        ${q.options.map(
          (o, i) => html`<label class="famille-choice"><input type="checkbox" id=${i ? `${id}-${o.id}` : id} name="q-${q.id}" .value=${o.id}
            .checked=${selected.includes(o.id)} />${this.#local(o.label)}</label>`,
        )}
      </div>
    </fieldset>`;
  }

  #answerText(q: Question): string {
    const { t } = this.i18n;
    const a = this.#v.answers[q.id];
    if (q.kind === 'yesNo') return a === undefined ? t('notGiven') : t(a === true ? 'yes' : 'no');
    const ids = Array.isArray(a) ? a : typeof a === 'string' ? [a] : [];
    const labels = ids
      .map((id) => q.options.find((o) => o.id === id))
      .filter((o) => !!o)
      .map((o) => this.#local(o.label));
    return labels.length ? labels.join(', ') : t('notGiven');
  }

  #renderReview(): TemplateResult {
    const { t, date } = this.i18n;
    const config = this.#config!;
    const iso = typedToIso(this.#v.startDate);
    const row = (label: string, value: TemplateResult | string, step: Step) => html`<div class="famille-review-row">
      <dt>${label}</dt>
      <dd>${value}</dd>
      <dd><a href="#${this.#id}-heading" part="link" data-change=${step} @click=${(e: Event) => this.#change(e, step)}
        >${t('change')}<span class="famille-sr"> ${label}</span></a></dd>
    </div>`;
    const chosen = this.#v.choices.filter((r) => r.value);
    const docs = config.documents.map((d) => {
      const sent = (this.#v.docs[d.type] ?? []).find((u) => u.info);
      return `${this.#local(d.label)} : ${sent ? sent.name : t('notGiven')}`;
    });
    return html`<p>${t('reviewIntro')}</p>
      <dl class="famille-review" part="review">
        ${row(t('child'), this.#childName(this.#v.childId), Step.Child)}
        ${row(t('startDate'), iso ? date(iso) : t('notGiven'), Step.Date)}
        ${row(
          t('choicesSection'),
          chosen.length ? html`<ol>${chosen.map((r) => html`<li>${this.#structure(r.value)?.name ?? r.value}</li>`)}</ol>` : t('notGiven'),
          Step.Choices,
        )}
        ${row(t('observations'), this.#v.observations.trim() || t('notGiven'), Step.Choices)}
        ${row(t('documentsHeading'), html`<ul>${docs.map((d) => html`<li>${d}</li>`)}</ul>`, Step.Documents)}
        ${config.questionnaire.map((q) => row(this.#local(q.label), this.#answerText(q), Step.Questionnaire))}
      </dl>`;
  }

  #badge(status: PreregistrationStatus): TemplateResult {
    return html`<span class="famille-badge famille-badge--${status}" part="badge">${this.i18n.t(`status_${status}`)}</span>`;
  }

  #month(iso: string): string {
    return this.i18n.date(`${iso.slice(0, 10)}T12:00:00Z`, { month: 'long', year: 'numeric' });
  }

  #renderDone(p: Preregistration): TemplateResult {
    const { t, date } = this.i18n;
    return html`<div class="famille-alert famille-alert--success famille-stack" part="notice">
        ${this.#heading(t('doneHeading'))}
        <p class="famille-request-number">${t('requestNumber', { number: p.number })}</p>
        <p>${this.#childName(p.childId) || p.childLabel} — ${date(p.submittedAt, { dateStyle: 'long', timeStyle: 'short' })}</p>
        <p>${this.#badge(p.status)}</p>
        <p>${t('transmitted')} ${t('commission', { month: this.#month(p.nextCommission) })}</p>
      </div>
      <div class="famille-actions">
        <button type="button" class="famille-button" part="button" @click=${() => void this.#openRequests()}>${t('myRequests')}</button>
      </div>`;
  }

  #renderRequests(notice?: string): TemplateResult {
    const { t, date } = this.i18n;
    const list = this.#s.list;
    return html`${this.#heading(t('requestsHeading'))}
      ${notice ? messageBox(notice, { success: true }) : nothing}
      ${this.#renderProblem()}
      ${
        !list
          ? html`<p role="status">${t('loading')}</p>`
          : list.length === 0
            ? html`<p>${t('noRequests')}</p>`
            : html`<ul class="famille-requests" part="requests" role="list">
              ${list.map((p) => {
                const comment = [...p.history].reverse().find((h) => h.by === 'agent' && h.comment)?.comment;
                const open = undecided.includes(p.status);
                return html`<li class="famille-card">
                  <h3>${t('requestNumber', { number: p.number })} — ${p.childLabel}</h3>
                  <p>${this.#badge(p.status)}</p>
                  <p>${t('submittedOn', { date: date(p.submittedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
                  <p>${t('desiredStart', { date: date(p.startDate) })}</p>
                  ${open ? html`<p>${t('nextCommission', { month: this.#month(p.nextCommission) })}</p>` : nothing}
                  ${comment ? html`<p><strong>${t('serviceComment')} :</strong> ${comment}</p>` : nothing}
                  ${
                    open
                      ? html`<div><button type="button" class="famille-button famille-button--secondary" part="button" data-cancel=${p.id}
                        @click=${() => this.#askCancel(p)}>${t('cancelRequest')}<span class="famille-sr"> ${t('requestNumber', { number: p.number })}</span></button></div>`
                      : nothing
                  }
                </li>`;
              })}
            </ul>`
      }
      <div class="famille-actions">
        <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => this.#startFresh()}>${t('startDemarche')}</button>
      </div>`;
  }

  #renderCancel(p: Preregistration): TemplateResult {
    const { t } = this.i18n;
    return html`${this.#heading(t('cancelHeading', { number: p.number }))}
      <p>${p.childLabel}</p>
      <p>${t('cancelWarning')}</p>
      ${this.#renderProblem()}
      <div class="famille-actions">
        <button type="button" class="famille-button famille-button--danger" part="button" aria-disabled=${this.#s.pending ? 'true' : 'false'}
          aria-busy=${this.#s.pending ? 'true' : 'false'} @click=${() => void this.#cancel(p)}>${t('confirmCancel')}</button>
        <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => this.#keep(p)}>${t('keepRequest')}</button>
      </div>`;
  }

  // ——— Navigation and drafts ———

  #go(step: Step, patch: Partial<State> = {}): void {
    this.#set({ view: { name: 'wizard' }, step, errors: {}, summary: false, problem: undefined, ...patch });
    void this.#focus(`#${this.#id}-heading`);
  }

  #startFresh(): void {
    this.#v = emptyValues();
    this.#go(Step.Info, { fromReview: false, draftStatus: '' });
  }

  #resume(d: PreregistrationDraft): void {
    this.#v = {
      childId: d.childId,
      startDate: d.startDate ? typedDate(d.startDate) : '',
      choices: (d.choices.length ? d.choices : ['']).map((value) => ({ key: ++rowKeys, value })),
      observations: d.observations ?? '',
      docs: Object.fromEntries(d.documents.map((doc) => [doc.type, [sentUpload(doc.document)]])),
      answers: { ...d.answers },
    };
    this.#go(Math.min(Math.max(d.step, Step.Child), Step.Review) as Step, { fromReview: false, draftStatus: '' });
  }

  async #restart(d: PreregistrationDraft): Promise<void> {
    const client = this.activeClient;
    if (!client || this.#s.pending) return;
    this.#set({ pending: true, problem: undefined });
    try {
      await client.call(endpoints.deletePreregistrationDraft, { params: { childId: d.childId } });
      const drafts = (this.#s.drafts ?? []).filter((x) => x !== d);
      this.#set({ drafts, pending: false });
      this.#startFresh();
    } catch (error) {
      this.#set({ pending: false, problem: { error: this.asApiError(error), retry: () => void this.#restart(d) } });
      void this.#focus('[part=alert]');
    }
  }

  async #openRequests(notice?: string): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.#set({ view: { name: 'requests', ...(notice && { notice }) }, problem: undefined });
    void this.#focus(`#${this.#id}-heading`);
    try {
      const { preregistrations } = await client.call(endpoints.preregistrations);
      this.#set({ list: preregistrations });
    } catch (error) {
      this.#set({ problem: { error: this.asApiError(error), retry: () => void this.#openRequests(notice) } });
    }
  }

  /** What the draft holds: only valid values of the fields (an invalid date stays on the page, not in the draft). */
  #draft(step: Step): PreregistrationDraftInput {
    const iso = typedToIso(this.#v.startDate);
    const answers = Object.fromEntries(Object.entries(this.#v.answers).filter(([, a]) => !Array.isArray(a) || a.length > 0));
    return {
      step,
      ...(iso && iso > today() && { startDate: iso }),
      choices: this.#v.choices.map((r) => r.value).filter((v) => v),
      observations: this.#v.observations,
      documents: Object.entries(this.#v.docs).flatMap(([type, list]) => {
        const sent = list.find((u) => u.info);
        return sent ? [{ type, documentId: sent.info!.id }] : [];
      }),
      answers,
    };
  }

  /** Saves the draft for `step` (queued after any save in flight). Rejects with the SDK's error. */
  #save(step: Step): Promise<void> {
    const client = this.activeClient;
    const childId = this.#v.childId;
    if (!client || !childId) return Promise.resolve();
    const body = this.#draft(step);
    const run = this.#saving
      .catch(() => undefined)
      .then(async () => {
        const draft = await client.call(endpoints.savePreregistrationDraft, { params: { childId }, body });
        const drafts = [...(this.#s.drafts ?? []).filter((d) => d.childId !== childId), draft];
        this.#set({ drafts, draftStatus: this.i18n.t('draftSaved') });
        this.dispatchEvent(familleEvent('famille-draft-saved', { childId, step }));
      });
    this.#saving = run;
    return run;
  }

  #back(): void {
    const step = this.#s.step;
    const target = this.#s.fromReview ? Step.Review : ((step - 1) as Step);
    // Nothing is lost going back: the values stay, and the draft follows in the background.
    if (step >= Step.Date) void this.#save(target).catch(() => undefined);
    this.#go(target, { fromReview: false });
  }

  #change(e: Event, step: Step): void {
    e.preventDefault();
    this.#go(step, { fromReview: true });
  }

  #onSubmit = (e: Event) => {
    e.preventDefault();
    if (this.#s.pending) return;
    if (this.#s.step === Step.Review) void this.#submit();
    else void this.#continue();
  };

  async #continue(): Promise<void> {
    const step = this.#s.step;
    const errors = this.#validate(step);
    if (Object.keys(errors).length) {
      this.#set({ errors, summary: true, problem: undefined });
      void this.#focus(`#${this.#id}-summary`);
      return;
    }
    const next = this.#s.fromReview ? Step.Review : ((step + 1) as Step);
    this.#set({ pending: true, problem: undefined, errors: {}, summary: false, draftStatus: this.i18n.t('savingDraft') });
    try {
      await this.#save(next);
      this.#set({ pending: false });
      this.#go(next, { fromReview: false });
    } catch (error) {
      const problem = this.asApiError(error);
      const fieldErrors = problem.fieldErrors.filter((f) => this.#paths(step).some((p) => f.path === p || f.path.startsWith(`${p}.`)));
      if (fieldErrors.length) {
        this.#set({ pending: false, draftStatus: '', errors: this.#fromServer(fieldErrors), summary: true });
        void this.#focus(`#${this.#id}-summary`);
        return;
      }
      this.#set({ pending: false, draftStatus: '', problem: { error: problem, retry: () => void this.#continue() } });
      void this.#focus('[part=alert]');
    }
  }

  async #submit(): Promise<void> {
    const client = this.activeClient;
    const childId = this.#v.childId;
    if (!client || !childId) return;
    this.#set({ pending: true, problem: undefined });
    try {
      // The draft the server checks is the one on the page.
      await this.#save(Step.Review);
      const result = await client.call(endpoints.submitPreregistration, { params: { childId } });
      this.#set({
        pending: false,
        view: { name: 'done', preregistration: result },
        drafts: (this.#s.drafts ?? []).filter((d) => d.childId !== childId),
        list: undefined,
      });
      this.#v = emptyValues();
      this.dispatchEvent(familleEvent('famille-request-submitted', { preregistration: result }));
      void this.#focus(`#${this.#id}-heading`);
    } catch (error) {
      const problem = this.asApiError(error);
      const fieldErrors = problem.fieldErrors;
      if (problem.code === 'validation_failed' && fieldErrors.length) {
        const first = Math.min(...fieldErrors.map((f) => stepOfPath(f.path))) as Step;
        this.#set({ pending: false });
        this.#go(first, { errors: this.#fromServer(fieldErrors), summary: true, fromReview: true });
        void this.#focus(`#${this.#id}-summary`);
        return;
      }
      this.#set({ pending: false, problem: { error: problem, retry: () => void this.#submit() } });
      void this.#focus('[part=alert]');
    }
  }

  /** The server's field errors, in this element's words. */
  #fromServer(fieldErrors: readonly FieldError[]): Record<string, Problem> {
    const errors: Record<string, Problem> = {};
    for (const f of fieldErrors) {
      const [head, rest] = [f.path.split('.')[0], f.path.split('.').slice(1).join('.')];
      let problem: Problem;
      if (head === 'startDate')
        problem = { key: f.code === 'required' ? 'startDateRequired' : f.code === 'not_in_future' ? 'startDateFuture' : 'startDateAfterBirth' };
      else if (head === 'choices' && !rest) problem = f.code === 'too_large' ? { key: 'tooManyChoices', params: f.params ?? {} } : { key: 'choicesRequired' };
      else if (head === 'choices')
        problem = { key: f.code === 'unknown_reference' ? 'choiceUnknown' : f.params?.['ageMonths'] !== undefined ? 'choiceAge' : 'choiceTwice' };
      else if (head === 'documents')
        problem = {
          key:
            f.code === 'required'
              ? 'documentRequired'
              : f.code === 'invalid_format'
                ? 'documentFormat'
                : f.code === 'too_large'
                  ? 'documentTooLarge'
                  : 'documentUnknown',
        };
      else if (head === 'answers') problem = this.#answerProblem(rest, f.code, f.params);
      else problem = { key: f.code, params: { field: f.path, minimum: 0, maximum: 0, ...f.params } };
      errors[f.path] ??= problem;
    }
    return errors;
  }

  #answerProblem(id: string, code: string, params?: Record<string, unknown>): Problem {
    const q = this.#config!.questionnaire.find((x) => x.id === id);
    if (code === 'required' || code === 'too_small') {
      if (q?.kind !== 'multiple') return { key: 'oneOptionRequired' };
      const minimum = Number(params?.['minimum'] ?? q.minSelected);
      return minimum > 1 ? { key: 'minBoxes', params: { minimum } } : { key: 'oneBoxRequired' };
    }
    return { key: 'answerInvalid' };
  }

  // ——— Validation ———

  #validateDate(): Problem | undefined {
    const typed = this.#v.startDate.trim();
    if (!typed) return { key: 'startDateRequired' };
    const iso = typedToIso(typed);
    if (!iso) return { key: 'startDateFormat' };
    if (iso <= today()) return { key: 'startDateFuture' };
    const expected = child(this.#s.children?.find((c) => c.id === this.#v.childId)).dateNaissancePrevue;
    if (expected && iso < expected) return { key: 'startDateAfterBirth' };
    return undefined;
  }

  #validate(step: Step): Record<string, Problem> {
    const errors: Record<string, Problem> = {};
    const config = this.#config!;
    if (step === Step.Child && !this.#v.childId) errors['childId'] = { key: 'childRequired' };
    if (step === Step.Date) {
      const problem = this.#validateDate();
      if (problem) errors['startDate'] = problem;
    }
    if (step === Step.Choices) {
      const rows = this.#v.choices;
      if (!rows.some((r) => r.value)) errors['choices.0'] = { key: 'choicesRequired' };
      else
        rows.forEach((r, i) => {
          if (!r.value) errors[`choices.${i}`] = { key: 'choiceRequired' };
          else if (rows.slice(0, i).some((x) => x.value === r.value)) errors[`choices.${i}`] = { key: 'choiceTwice' };
        });
    }
    if (step === Step.Documents) {
      for (const req of config.documents) {
        const list = this.#v.docs[req.type] ?? [];
        if (list.some((u) => !u.info)) errors[`documents.${req.type}`] = { key: 'waitUpload' };
        else if (this.#isRequired(req.type) && !list.length) errors[`documents.${req.type}`] = { key: 'documentRequired' };
      }
    }
    if (step === Step.Questionnaire) {
      for (const q of config.questionnaire) {
        const a = this.#v.answers[q.id];
        if (q.kind === 'multiple') {
          const n = Array.isArray(a) ? a.length : 0;
          if (n < q.minSelected)
            errors[`answers.${q.id}`] = q.minSelected > 1 ? { key: 'minBoxes', params: { minimum: q.minSelected } } : { key: 'oneBoxRequired' };
        } else if (q.required && a === undefined) errors[`answers.${q.id}`] = { key: 'oneOptionRequired' };
      }
    }
    return errors;
  }

  /** Drops a field's error once its value is right (errors never appear while typing). */
  #clearIfFixed(path: string, fixed: boolean): void {
    if (!fixed || !this.#s.errors[path]) return;
    const { [path]: _, ...errors } = this.#s.errors;
    this.#set({ errors });
  }

  #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.type === 'file') return;
    const name = input.name;
    if (name === 'startDate') {
      this.#v.startDate = input.value;
      this.#clearIfFixed('startDate', !this.#validateDate());
    } else if (name === 'observations') this.#v.observations = input.value;
  };

  #onChange = (e: Event) => {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    const name = input.name;
    if (name === 'child') {
      this.#v.childId = input.value;
      this.#clearIfFixed('childId', true);
    } else if (name === 'choice') {
      const rows = this.#v.choices;
      const i = rows.findIndex((r) => String(r.key) === input.dataset['key']);
      if (i >= 0) {
        rows[i]!.value = input.value;
        this.#clearIfFixed(`choices.${i}`, !!input.value && !rows.slice(0, i).some((x) => x.value === input.value));
        this.#clearIfFixed('choices.0', !!input.value && i === 0);
        this.requestUpdate();
      }
    } else if (name.startsWith('q-')) {
      const q = this.#config!.questionnaire.find((x) => `q-${x.id}` === name);
      if (!q) return;
      if (q.kind === 'multiple') {
        const boxes = [...this.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
        const selected = boxes.filter((b) => b.checked).map((b) => b.value);
        this.#v.answers[q.id] = selected;
        this.#clearIfFixed(`answers.${q.id}`, selected.length >= q.minSelected);
      } else {
        this.#v.answers[q.id] = q.kind === 'yesNo' ? input.value === 'true' : input.value;
        this.#clearIfFixed(`answers.${q.id}`, true);
      }
    }
  };

  /** A date typed then left is checked (GOV.UK: after the field, never while typing). */
  #onBlur = (e: FocusEvent) => {
    const input = e.target as HTMLInputElement;
    if (input.name !== 'startDate' || !input.value.trim()) return;
    const problem = this.#validateDate();
    if (problem) this.#set({ errors: { ...this.#s.errors, startDate: problem } });
  };

  // ——— Choices ———

  #addChoice(): void {
    const row = { key: ++rowKeys, value: '' };
    this.#v.choices = [...this.#v.choices, row];
    this.requestUpdate();
    void this.#focus(`select[data-key="${row.key}"]`);
  }

  #removeChoice(row: ChoiceRow): void {
    const i = this.#v.choices.indexOf(row);
    this.#v.choices = this.#v.choices.filter((r) => r !== row);
    const next = this.#v.choices[Math.min(i, this.#v.choices.length - 1)]!;
    // Errors are by position: they no longer match.
    this.#set({ errors: {}, summary: false, announce: this.i18n.t('choiceRemoved', { n: i + 1 }) });
    void this.#focus(`select[data-key="${next.key}"]`);
  }

  async #move(row: ChoiceRow, by: -1 | 1): Promise<void> {
    const rows = [...this.#v.choices];
    const i = rows.indexOf(row);
    const j = i + by;
    if (j < 0 || j >= rows.length) return;
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    this.#v.choices = rows;
    const name = this.#structure(row.value)?.name ?? this.i18n.t('chooseStructure');
    this.#set({ errors: {}, summary: false, announce: this.i18n.t('movedTo', { name, n: j + 1 }) });
    await this.updateComplete;
    // Focus stays on the moved choice: the same button if it is still there, else the other one, else its select.
    const item = this.querySelector(`li[data-key="${row.key}"]`);
    const target =
      item?.querySelector<HTMLElement>(`[data-move="${by < 0 ? 'up' : 'down'}"]`) ??
      item?.querySelector<HTMLElement>('[data-move]') ??
      item?.querySelector<HTMLElement>('select');
    target?.focus();
  }

  // ——— Documents ———

  #onFile(e: Event, type: string): void {
    e.stopPropagation();
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.#upload(type, file);
  }

  async #upload(type: string, file: File): Promise<void> {
    const client = this.activeClient;
    const req = this.#config?.documents.find((d) => d.type === type);
    if (!client || !req) return;
    const { t } = this.i18n;
    const path = `documents.${type}`;
    const { [path]: _, ...errors } = this.#s.errors;
    if (file.size > req.maxBytes) return this.#set({ errors: { ...errors, [path]: { key: 'documentTooLarge' } } });
    if (file.type && !req.acceptedTypes.includes(file.type)) return this.#set({ errors: { ...errors, [path]: { key: 'documentFormat' } } });
    const upload = newUpload(file);
    // A new file replaces the type's previous one once it is sent.
    this.#v.docs[type] = [...(this.#v.docs[type] ?? []).filter((u) => u.info), upload];
    this.#set({ errors, announce: t('uploading', { name: file.name }) });
    try {
      const info = await sendUpload(client, file, upload, () => this.requestUpdate());
      if (!info) return;
      for (const old of (this.#v.docs[type] ?? []).filter((u) => u !== upload)) discardUpload(client, old);
      this.#v.docs[type] = [upload];
      this.#set({ announce: t('uploaded', { name: file.name }) });
      // The draft knows the document at once: closing the page now loses nothing.
      void this.#save(this.#s.step).catch(() => undefined);
    } catch (error) {
      this.#v.docs[type] = (this.#v.docs[type] ?? []).filter((u) => u !== upload);
      if (upload.cancelled) return;
      const problem = this.asApiError(error);
      const key: Key =
        problem.code === 'file_too_large' ? 'documentTooLarge' : problem.code === 'file_type_not_accepted' ? 'documentFormat' : (problem.code as Key);
      this.#set({ errors: { ...this.#s.errors, [path]: { key } }, announce: '' });
    }
  }

  #cancelUpload(type: string, u: Upload): void {
    abortUpload(u);
    this.#v.docs[type] = (this.#v.docs[type] ?? []).filter((x) => x !== u);
    this.#set({ announce: this.i18n.t('uploadCancelled', { name: u.name }) });
    void this.#focus(`#${this.#fieldId(`documents.${type}`)}`);
  }

  /** "Remplacer": a new file for the type, which replaces the sent one once it is sent. */
  #replace(type: string): void {
    this.querySelector<HTMLInputElement>(`#${this.#fieldId(`documents.${type}`)}`)?.click();
  }

  #removeUpload(type: string, u: Upload): void {
    this.#v.docs[type] = (this.#v.docs[type] ?? []).filter((x) => x !== u);
    discardUpload(this.activeClient, u);
    this.#set({ announce: this.i18n.t('uploadRemoved', { name: u.name }) });
    void this.#save(this.#s.step).catch(() => undefined);
    void this.#focus(`#${this.#fieldId(`documents.${type}`)}`);
  }

  // ——— Mes demandes ———

  #askCancel(p: Preregistration): void {
    this.#set({ view: { name: 'cancel', preregistration: p }, problem: undefined });
    void this.#focus(`#${this.#id}-heading`);
  }

  async #keep(p: Preregistration): Promise<void> {
    this.#set({ view: { name: 'requests' }, problem: undefined });
    await this.#focus(`[data-cancel="${p.id}"]`);
  }

  async #cancel(p: Preregistration): Promise<void> {
    const client = this.activeClient;
    if (!client || this.#s.pending) return;
    this.#set({ pending: true, problem: undefined });
    try {
      const cancelled = await client.call(endpoints.cancelPreregistration, { params: { preregistrationId: p.id } });
      this.#set({
        pending: false,
        list: (this.#s.list ?? []).map((x) => (x.id === cancelled.id ? cancelled : x)),
        view: { name: 'requests', notice: this.i18n.t('cancelled', { number: p.number }) },
      });
      void this.#focus('[part=notice]');
    } catch (error) {
      this.#set({ pending: false, problem: { error: this.asApiError(error), retry: () => void this.#cancel(p) } });
      void this.#focus('[part=alert]');
    }
  }
}
