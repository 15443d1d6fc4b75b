// <famille-preregistration>: properties, data loading and the choice of view. The rest
// lives beside it: state.ts (types, initial state, drafts), validation.ts (each step's
// checks, the server's refusals), host.ts (what the modules use of the element),
// wizard.ts (the form, "Continuer", "Retour", "Valider", draft saving), steps/*.ts (one
// per step), resume.ts (drafts found on return), requests.ts ("Mes demandes", cancelling).
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { Preregistration } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { problemBox } from '../form/field.ts';
import { loginLink } from '../form/login-link.ts';
import { abortUpload } from '../form/upload.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { idsFor, startFresh, title, type PreregistrationHost } from './host.ts';
import { preregistrationTables, type AllPreregistrationMessages as AllMessages } from './messages.ts';
import { preregistrationStyles } from './preregistration.styles.ts';
import { openRequests, renderCancel, renderDone, renderRequests } from './requests.ts';
import { renderResume } from './resume.ts';
import { emptyValues, initialState, Step, type State, type Values } from './state.ts';
import { DraftSaver, renderWizard } from './wizard.ts';

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
  #drafts = new DraftSaver(this.#host);

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
      save: (step) => element.#drafts.save(step),
      asApiError: (error) => element.asApiError(error),
      heading: (content, options) => element.heading(content, options),
    };
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return preregistrationTables;
  }

  /** The children, the drafts and (for "Mes demandes") the requests: GETs, retried by the SDK. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads (children, drafts, answers, messages); their uploads in flight stop.
      for (const uploads of Object.values(this.values.docs)) uploads.forEach(abortUpload);
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
    switch (view.name) {
      case 'resume':
        return renderResume(host, showRequests);
      case 'done':
        return renderDone(host, view.preregistration, showRequests);
      case 'requests':
        return renderRequests(host, view.notice, () => startFresh(host));
      case 'cancel':
        return renderCancel(host, view.preregistration);
      default:
        return renderWizard(host, { openRequests: showRequests, entourageHref: this.entourageHref });
    }
  }
}

/** The events of `<famille-preregistration>`, by name. */
export interface FamillePreregistrationEvents {
  'famille-request-submitted': { preregistration: Preregistration };
  'famille-draft-saved': { childId: string; step: number };
  'famille-entourage-requested': Record<string, never>;
}
