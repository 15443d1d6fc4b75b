// <famille-preregistration>: properties, data loading, the first views and the choice of
// view. The rest lives beside it: state.ts (types, initial state), host.ts (what the
// modules use of the element), resume.ts (drafts found on return), requests.ts ("Mes
// demandes", cancelling); and, in a module loaded the first time a step is needed
// (wizard.ts: the form, "Continuer", "Retour", "Valider", draft saving), steps/*.ts (one
// per step), validation.ts (each step's checks, the server's refusals), drafts.ts (the
// drafts' conversions) and done.ts (the confirmation).
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { Preregistration, PreregistrationDraft } from '@famille/contract';
import { Deferred, DeferredPart } from '../context/deferred.ts';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { problemBox } from '../form/field.ts';
import { loginLink } from '../form/login-link.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { failed, go, idsFor, local, opener, problemNotice, startFresh, title, type PreregistrationHost } from './host.ts';
import { preregistrationTables, preregistrationTablesWith, type AllPreregistrationMessages as AllMessages } from './messages.ts';
import { preregistrationStyles } from './preregistration.styles.ts';
import { openRequests, renderCancel, renderRequests } from './requests.ts';
import { renderResume, resuming } from './resume.ts';
import { emptyValues, initialState, Step, type State, type Values } from './state.ts';
import type * as Wizard from './wizard.ts';

/**
 * Where the steps come from (from the child to the confirmation): a chunk of their own,
 * fetched the first time one is needed ("Commencer", "Reprendre…"), so that the page's
 * first view does not carry them. A test may replace `load` (to see what a failed download does).
 */
export const wizardModule = new Deferred(
  () => import('./wizard.ts'),
  ({ wizardFr, wizardEnglish }) => preregistrationTablesWith(wizardFr, wizardEnglish),
);

/** The events of `<famille-documents>` after which the stored documents offered are read again. */
const storeChanges = ['famille-document-stored', 'famille-document-deleted'] as const;

/**
 * @summary The crèche pre-registration démarche ("Je souhaite préinscrire mon enfant en crèche"), as a wizard whose every step is saved as a draft, and "Mes demandes".
 *
 * Information and "Commencer", then six steps with "Étape 2 sur 6": the child (declared
 * in the entourage), the desired start date, up to `maxChoices` ranked structures (with
 * keyboard reordering) and observations, the supporting documents (upload with progress,
 * cancel, replace, or "Utiliser un document déjà enregistré" from the family's store, the
 * expired ones flagged and not offered), the tenant's questionnaire (rendered from its configuration), and a
 * check-your-answers step with "Modifier" links before "Valider". The confirmation gives
 * the request number, date and time, "Déposée" and the month of the next allocation
 * commission. Every step change saves the draft on the server: on return the parent is
 * offered to resume where they stopped. `view="requests"` opens "Mes demandes": the
 * family's requests, their statuses and the service's comments, and "Annuler ma demande".
 * The steps come from a module loaded the first time one is needed (wizard.ts): meanwhile
 * "Commencer" (or "Reprendre…") is busy; if it cannot be loaded, the network error shows
 * with "Réessayer".
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
export class FamillePreregistration extends FamilleElement<AllMessages, State> {
  static override lightStyles = preregistrationStyles;
  static override properties: PropertyDeclarations = {
    view: {},
    loginHref: { attribute: 'login-href' },
    entourageHref: { attribute: 'entourage-href' },
    // Internal: `attribute: false` too, or the manifest's analyzer would list them as attributes.
    values: { state: true, attribute: false },
  };

  /** `demarche` (default): the wizard (or the offer to resume); `requests`: "Mes demandes". */
  declare view: 'demarche' | 'requests' | undefined;
  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;
  /** The page of `<famille-entourage>`, where a child is declared; without it, only the event fires. */
  declare entourageHref: string | undefined;

  /** What the parent typed, step by step. */
  declare private values: Values;

  /** What the démarche's modules use of this element (see host.ts). */
  #host = FamillePreregistration.#hostOf(this);
  /** The element's words: the first views', then theirs and the steps'. */
  #tables = preregistrationTables;
  /** The steps' module, once here, its words over the element's (and the drafts' saver made). */
  #wizard = new DeferredPart(
    wizardModule,
    () => this.i18n.locale,
    (wizard, tables) => {
      this.#tables = tables;
      this.#drafts = new wizard.DraftSaver(this.#host);
      return wizard;
    },
  );
  #drafts: Wizard.DraftSaver | undefined;
  /** The last control pressed while the module loads, and the view it was pressed on. */
  #opening: { view: State['view'] } | undefined;

  constructor() {
    super();
    this.values = emptyValues();
  }

  protected override initialState(): State {
    return initialState();
  }

  static #hostOf(element: FamillePreregistration): PreregistrationHost {
    return {
      element,
      ids: idsFor(element.uid),
      get i18n() {
        return element.i18n;
      },
      get config() {
        return element.tenantConfig!.preregistration;
      },
      get client() {
        return element.activeClient;
      },
      get state() {
        return element.state;
      },
      get values() {
        return element.values;
      },
      set: (patch) => void (element.state = { ...element.state, ...patch }),
      setValues: (patch) => void (element.values = { ...element.values, ...patch }),
      // Only the steps save, once their module (and the saver) is here.
      save: (step) => element.#drafts?.save(step) ?? Promise.resolve(),
      asApiError: (error) => element.asApiError(error),
      heading: (content, options) => element.heading(content, options),
    };
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return this.#tables;
  }

  /**
   * Does `then` with the steps' module, first loading it if need be: meanwhile the control
   * pressed (`control`, see `opener`) is busy. When it cannot be loaded, the network error
   * shows with "Réessayer" (busy in its turn while the module is fetched again). The last
   * control pressed is the one that counts, and only on the view it was pressed on.
   */
  async #open(control: string, then: (wizard: typeof Wizard) => void, retrying = false): Promise<void> {
    const host = this.#host;
    if (this.#wizard.ready) return then(this.#wizard.ready);
    // "Réessayer" stays (busy) until the module is here or fails again.
    host.set(retrying ? { opening: control, pending: true } : { opening: control, problem: undefined });
    const request = (this.#opening = { view: this.state.view });
    const failure = await this.#wizard.get().then(
      () => undefined,
      (error: unknown) => this.asApiError(error),
    );
    // A control pressed since, or another parent logged in (their family is on its way).
    if (this.#opening !== request || this.state.opening !== control) return;
    this.#opening = undefined;
    // The parent went elsewhere meanwhile ("Mes demandes"): that is what they want now.
    if (this.state.view !== request.view) return host.set({ opening: undefined, pending: false });
    if (failure) return failed(host, failure, () => void this.#open(control, then, true), { opening: undefined });
    host.set({ opening: undefined, pending: false });
    then(this.#wizard.ready!);
  }

  /** "Commencer": the first step. */
  #start = () => void this.#open('start', () => go(this.#host, Step.Child));

  /** "Reprendre ma demande pour Léo": everything the draft holds, at its step. */
  #resume = (d: PreregistrationDraft) =>
    void this.#open(resuming(d), (wizard) => {
      this.#host.setValues(wizard.valuesFromDraft(d));
      go(this.#host, wizard.resumeStep(d), { fromReview: false, draftStatus: '' });
    });

  /** The children, the drafts and (for "Mes demandes") the requests: GETs, retried by the SDK. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads (children, drafts, answers, messages); their uploads in flight stop.
      this.#wizard.ready?.abortUploads(this.values);
      this.values = emptyValues();
      this.state = this.initialState();
    },
    loading: () => this.#host.set({ loadProblem: undefined }),
    load: (client) =>
      Promise.all([
        client.call(endpoints.family),
        client.call(endpoints.preregistrationDrafts),
        this.view === 'requests' ? client.call(endpoints.preregistrations) : undefined,
        client.call(endpoints.familyDocuments),
      ]),
    loaded: ([household, { drafts }, list, { documents: stored }]) => {
      const children = household.members.filter((m) => m.profile.role === 'enfant');
      const known = drafts.filter((d) => children.some((c) => c.id === d.childId));
      if (list) this.#host.set({ children, drafts: known, stored, list: list.preregistrations, view: { name: 'requests' } });
      else this.#host.set({ children, drafts: known, stored, view: known.length ? { name: 'resume' } : { name: 'wizard' }, step: Step.Info });
    },
    failed: (error) => this.#host.set({ loadProblem: this.asApiError(error) }),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of storeChanges) document.addEventListener(type, this.#storeChanged);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of storeChanges) document.removeEventListener(type, this.#storeChanged);
  }

  /** A document stored or deleted elsewhere on the page (`<famille-documents>`): the offer follows. */
  #storeChanged = (): void => {
    const client = this.activeClient;
    if (!client || !this.state.children) return;
    void this.#data.guard(
      () => client.call(endpoints.familyDocuments),
      ({ documents: stored }) => this.#host.set({ stored }),
      () => undefined,
    );
  };

  protected override renderContent(): TemplateResult {
    const host = this.#host;
    const { t } = this.i18n;
    const { state } = this;
    if (this.session === null) {
      return html`${title(host, t('preregHeading'))}
        <p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    if (state.loadProblem && !state.children) {
      return html`${title(host, t('preregHeading'))}
        ${problemBox(this.i18n, state.loadProblem, () => void this.#data.reload())}`;
    }
    if (!state.children || !this.tenantConfig?.preregistration) {
      return html`${title(host, t('preregHeading'))}
        <p role="status">${t('loading')}</p>`;
    }
    const view = state.view;
    const showRequests = () => void openRequests(host);
    const wizard = this.#wizard.ready;
    switch (view.name) {
      case 'resume':
        return renderResume(host, { openRequests: showRequests, resume: this.#resume });
      case 'requests':
        return renderRequests(host, view.notice, () => startFresh(host));
      case 'cancel':
        return renderCancel(host, view.preregistration);
    }
    if (view.name === 'wizard' && state.step === Step.Info) return this.#renderInfo(showRequests);
    // The steps and the confirmation are shown once their module is here (see `#open`).
    if (!wizard) return html`<p role="status">${t('loading')}</p>`;
    return view.name === 'done' ? wizard.renderDone(host, view.preregistration, showRequests) : wizard.renderWizard(host, this.entourageHref);
  }

  /** The démarche's information, "Commencer" and "Mes demandes". */
  #renderInfo(showRequests: () => void): TemplateResult {
    const host = this.#host;
    const { t } = this.i18n;
    return html`${title(host, t('preregHeading'))}
      <p class="famille-intro">${local(this.i18n, host.config.intro)}</p>
      ${problemNotice(host)}
      <div class="famille-actions">
        ${opener(host, 'start', t('start'), this.#start)}
        <button type="button" class="famille-link" part="link" @click=${showRequests}>${t('myRequests')}</button>
      </div>`;
  }
}

/** The events of `<famille-preregistration>`, by name. */
export interface FamillePreregistrationEvents {
  'famille-request-submitted': { preregistration: Preregistration };
  'famille-draft-saved': { childId: string; step: number };
  'famille-entourage-requested': Record<string, never>;
}
