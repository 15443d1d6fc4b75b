import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { DocumentInfo, FamilyRequest, Member } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { Deferred, DeferredPart } from '../context/deferred.ts';
import { problemBox } from '../form/field.ts';
import { focusAfterRender } from '../form/wizard.ts';
import { loginLink } from '../form/login-link.ts';
import { saveFile } from '../form/save-file.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { entourageTables, entourageTablesWith, type AllEntourageMessages as AllMessages } from './messages.ts';
import { entourageStyles } from './entourage.styles.ts';
import { initialState, kindOf, memberName, type EntourageState, type MemberKind } from './state.ts';
import type { EditorMessages } from './editor-messages.fr.ts';
import type { Editor, EditorHost } from './editor.ts';
import type { EditorContext, ViewContext } from './view-context.ts';
import { memberCardId, membersList } from './members-list.ts';
import { requestsList } from './requests-list.ts';
import { statusBadge } from './status-badge.ts';

/**
 * Where the role choice, the member form, the removal and the confirmation come from
 * (editor.ts): a chunk of their own, fetched the first time the parent acts on the list.
 * A test may replace `load` (to see what a failed download does).
 */
export const editorModule = new Deferred(
  () => import('./editor.ts'),
  ({ editorFr, editorEnglish }) => entourageTablesWith<EditorMessages>(editorFr, editorEnglish),
);

export { kindOf, type MemberKind } from './state.ts';

/**
 * @summary The family's household ("Mon entourage"): co-parent, children (born or expected) and contacts, each change a request to the service.
 *
 * Lists the members by role with the status of their latest request and their
 * documents; "+" buttons add a member in two steps (profile with optional attachments,
 * then check and validate with "Modifier" links), members can be changed (same form,
 * prefilled) or removed (after a confirmation). Every change becomes a request
 * "transmise au service pour traitement", confirmed with its number; "Mes demandes"
 * lists the requests and the service's comments.
 *
 * Renders in the light DOM like the other forms (labels, hints and errors share their
 * input's root); its stylesheet is adopted by the enclosing document or shadow root.
 *
 * The role choice, the member form, the removal and the confirmation come in a chunk of
 * their own the first time the parent acts on the list (editor.ts): meanwhile the button
 * pressed is busy; if they cannot be loaded, the network error shows with "Réessayer".
 *
 * @fires famille-member-saved - A member was added, changed or its removal requested. `detail: { member, request }`.
 * @fires famille-request-submitted - A request went to the service. `detail: { request }`.
 * @fires famille-login-requested - "Se connecter" while logged out. Cancelable: cancel it to show your own login. `detail: { identifiant: '' }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading of each view (receives focus when the view changes).
 * @csspart group - A group of members (co-parent, household, contacts).
 * @csspart member - One member's card.
 * @csspart badge - A status badge.
 * @csspart requests - The "Mes demandes" list.
 * @csspart form - The member form.
 * @csspart steps - "Étape 1 sur 2".
 * @csspart error-summary - The form's errors, on "Continuer".
 * @csspart alert - The server's answer when something fails.
 * @csspart notice - The confirmation of a request.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label or a group's legend.
 * @csspart hint - A field's format instructions.
 * @csspart input - A field's input.
 * @csspart error - A field's error message.
 * @csspart progress - An upload's progress bar.
 * @csspart review - The answers on the check step.
 * @csspart button - Buttons.
 * @csspart link - Links ("Modifier").
 */
export class FamilleEntourage extends FamilleElement<AllMessages, EntourageState> {
  static override lightStyles = entourageStyles;
  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
  };

  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;

  /** The element's words: its own, then its own and the editor's. */
  #tables: MessageTables<AllMessages> = entourageTables;
  /** The role choice, form, removal and confirmation, once their module is here, its words over the element's. */
  #editor = new DeferredPart(
    editorModule,
    () => this.i18n.locale,
    ({ Editor }, tables) => {
      this.#tables = tables;
      return new Editor(this.#host);
    },
  );
  /** "Réessayer" after the editor's module could not be fetched: what the parent asked for. */
  #retry: (() => void) | undefined;

  protected override initialState(): EntourageState {
    return initialState();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return this.#tables;
  }

  /** What the editor's module uses of the element. */
  #host: EditorHost = {
    element: this,
    state: () => this.state,
    set: (patch) => this.setState(patch),
    client: () => this.activeClient,
    // The element's tables are the editor's once it is here: these words are in.
    ctx: () => this.#context(),
    asApiError: (error) => this.asApiError(error),
    uploads: () => this.tenantConfig?.uploads,
    focus: (selector) => this.#focus(selector),
    reload: () => void this.#data.reload(),
  };

  /** The family and its requests (both GETs, retried by the SDK), for the session. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads (list, form, messages); their uploads in flight stop.
      this.#editor.ready?.reset();
      this.#retry = undefined;
      this.state = this.initialState();
    },
    loading: () => this.setState({ loadProblem: undefined }),
    load: (client) => Promise.all([client.call(endpoints.family), client.call(endpoints.requests)]),
    loaded: ([household, list]) => this.setState({ members: household.members, requests: list.requests }),
    failed: (error) => this.setState({ loadProblem: this.asApiError(error) }),
  });

  #focus(selector: string): Promise<void> {
    return focusAfterRender(this, selector);
  }

  // ——— The editor, loaded on demand ———

  /**
   * Does `then` with the editor, first loading it if need be: meanwhile the list's button
   * `key` is busy. When it cannot be loaded, the network error shows with "Réessayer".
   */
  async #open(key: string, then: (editor: Editor) => void): Promise<void> {
    if (this.#editor.ready) return then(this.#editor.ready);
    if (this.state.opening) return;
    this.#retry = undefined;
    this.setState({ opening: key, problem: undefined });
    const failure = await this.#editor.get().then(
      () => undefined,
      (error: unknown) => this.asApiError(error),
    );
    // Another parent logged in meanwhile: nothing of what the previous one asked for.
    if (this.state.opening !== key) return;
    if (failure) {
      this.#retry = () => void this.#open(key, then);
      this.setState({ opening: undefined, problem: failure });
      return this.#focus('[part=alert]');
    }
    this.setState({ opening: undefined });
    then(this.#editor.ready!);
  }

  /** "+ Ajouter un membre" (the role first), or "+ Ajouter un enfant"… (its form). */
  startAdd(kind?: MemberKind): void {
    void this.#open(`add-${kind ?? 'any'}`, (editor) => editor.startAdd(kind));
  }

  // ——— Rendering ———

  /** What the views take from the element. */
  #context(): ViewContext & Pick<EditorContext, 'name' | 'badge'> {
    const ctx: ViewContext & Pick<EditorContext, 'name' | 'badge'> = {
      i18n: this.i18n,
      heading: (content, options) => this.heading(content, options),
      id: (name) => `${this.uid}-${name}`,
      name: (member) => memberName(member, this.i18n.t('futureChild')),
      badge: (status) => statusBadge(ctx, status),
    };
    return ctx;
  }

  protected override renderContent(): TemplateResult {
    const ctx = this.#context();
    const { t } = ctx.i18n;
    const { state } = this;
    const title = ctx.heading(t('entourageHeading'), { id: ctx.id('heading') });
    if (this.session === null) {
      return html`${title}
        <p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    if (state.loadProblem && !state.members) {
      return html`${title}
        ${problemBox(ctx.i18n, state.loadProblem, () => void this.#data.reload())}`;
    }
    if (!state.members) {
      return html`${title}
        <p role="status">${t('loading')}</p>`;
    }
    const editing = this.#editor.ready?.render(state.view);
    if (editing) return editing;
    const requests = state.requests ?? [];
    return html`${membersList(ctx, state.members, requests, {
      add: (kind) => this.startAdd(kind),
      edit: (member) => {
        const card = `#${memberCardId(ctx, member)} button`;
        void this.#open(`edit-${member.id}`, (editor) => editor.startEdit(member, kindOf(member), card));
      },
      remove: (member) => void this.#open(`remove-${member.id}`, (editor) => editor.askRemove(member)),
      download: (document) => void this.#download(document),
      opening: state.opening,
      problem: state.problem && state.view.name === 'list' ? problemBox(ctx.i18n, state.problem, this.#retry) : undefined,
    })}
      ${requestsList(ctx, requests)}`;
  }

  async #download(d: DocumentInfo): Promise<void> {
    const blob = await this.activeClient?.call(endpoints.downloadDocument, { params: { documentId: d.id } }).catch(() => undefined);
    if (blob) saveFile(blob, d.fileName);
  }
}

/** The events of `<famille-entourage>`, by name. */
export interface FamilleEntourageEvents {
  'famille-member-saved': { member: Member; request: FamilyRequest };
  'famille-request-submitted': { request: FamilyRequest };
}
