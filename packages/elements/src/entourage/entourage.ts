import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { DocumentInfo, FamilyRequest, Member } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent } from '../context/events.ts';
import { problemBox } from '../form/field.ts';
import { focusAfterRender } from '../form/wizard.ts';
import { loginLink } from '../form/login-link.ts';
import { saveFile } from '../form/save-file.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { entourageTables, type AllEntourageMessages as AllMessages } from './messages.ts';
import { entourageStyles } from './entourage.styles.ts';
import {
  duplicateOf,
  formFieldErrors,
  initialState,
  kindOf,
  memberName,
  profileValues,
  type EntourageState,
  type FormView,
  type MemberKind,
  type View,
} from './state.ts';
import type { ViewContext } from './view-context.ts';
import { Attachments } from './attachments.ts';
import { memberCardId, membersList, type MembersListActions } from './members-list.ts';
import { requestsList } from './requests-list.ts';
import { roleChoice } from './role-choice.ts';
import { MemberDraft, memberForm } from './member-form.ts';
import { removeConfirmation } from './remove-confirmation.ts';
import { requestSent } from './request-sent.ts';

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

  /** Where focus returns when a confirmation is dismissed. */
  #returnFocus: string | undefined;

  protected override initialState(): EntourageState {
    return initialState();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return entourageTables;
  }

  #holder = { state: () => this.state, set: (patch: Partial<EntourageState>) => this.setState(patch) };
  /** What the parent typed in the form (and the role chosen). */
  #draft = new MemberDraft(this.#holder);
  #attachments = new Attachments({
    ...this.#holder,
    client: () => this.activeClient,
    i18n: () => this.i18n,
    asApiError: (error) => this.asApiError(error),
    maxBytes: () => this.tenantConfig?.uploads?.maxBytes,
    fileInput: () => this.querySelector<HTMLInputElement>(`#${this.#fieldId('file')}`),
    focusFileInput: () => void this.#focus(`#${this.#fieldId('file')}`),
  });

  /** The family and its requests (both GETs, retried by the SDK), for the session. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads (list, form, messages); their uploads in flight stop.
      this.#attachments.stopAll();
      this.#reset();
      this.#draft.checked();
      this.#returnFocus = undefined;
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

  #fieldId(name: string): string {
    return `${this.uid}-${name}`;
  }

  // ——— Rendering ———

  /** What the views take from the element. */
  #context(): ViewContext {
    return { i18n: this.i18n, heading: (content, options) => this.heading(content, options), id: (name) => this.#fieldId(name) };
  }

  #listActions: MembersListActions = {
    add: (kind) => this.startAdd(kind),
    edit: (member) => this.#startEdit(member),
    remove: (member) => this.#askRemove(member),
    download: (document) => void this.#download(document),
  };

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
    const view = state.view;
    switch (view.name) {
      case 'role':
        return roleChoice(ctx, {
          value: this.#draft.values['role'],
          missing: !!state.errors['role'],
          summary: state.summary,
          choose: (value) => {
            this.#draft.values['role'] = value;
            this.setState({ errors: {} });
          },
          submit: this.#chooseRole,
          cancel: () => void this.#toList(),
        });
      case 'form':
      case 'check':
        return memberForm(ctx, {
          view,
          state,
          draft: this.#draft,
          rules: this.tenantConfig?.uploads,
          attachments: this.#attachments,
          submit: this.#onSubmit,
          retry: () => void this.#save(),
          back: () => void this.#go({ ...view, name: 'form' }),
          change: (target) => void this.#go({ ...view, name: 'form' }, `#${target}`),
          cancel: () => this.#cancelForm(),
        });
      case 'remove':
        return removeConfirmation(ctx, {
          member: view.member,
          problem: state.problem,
          pending: state.pending,
          confirm: () => void this.#remove(view.member),
          cancel: () => void this.#toList(),
        });
      case 'done':
        return requestSent(ctx, view.request, () => void this.#toList());
      default:
        return html`${membersList(ctx, state.members, state.requests ?? [], this.#listActions)}
          ${requestsList(ctx, state.requests ?? [])}`;
    }
  }

  // ——— Navigation ———

  #go(view: View, focus = '[part=heading]', patch: Partial<EntourageState> = {}): Promise<void> {
    this.#draft.checked();
    this.setState({ view, summary: false, problem: undefined, ...patch });
    return this.#focus(focus);
  }

  #toList(focus = this.#returnFocus): Promise<void> {
    this.#returnFocus = undefined;
    return this.#go({ name: 'list' }, focus ?? '[part=heading]', { errors: {} });
  }

  /** A new form: `values` typed in, no file, no error. */
  #reset(values: Record<string, string> = {}): void {
    this.#draft.start(values);
    this.#attachments.forget();
    this.setState({ uploads: [], errors: {}, fileError: undefined, status: '' });
  }

  #startAdd(kind: MemberKind): void {
    this.#reset();
    this.#returnFocus = `[data-add=${kind}]`;
    void this.#go({ name: 'form', kind });
  }

  /** "+ Ajouter un membre": the role first. */
  startAdd(kind?: MemberKind): void {
    if (kind) return this.#startAdd(kind);
    this.#reset();
    this.#returnFocus = '[data-add=any]';
    void this.#go({ name: 'role' });
  }

  #startEdit(member: Member): void {
    this.#reset(profileValues(member));
    this.#returnFocus = `#${memberCardId(this.#context(), member)} button`;
    void this.#go({ name: 'form', kind: kindOf(member), member });
  }

  #askRemove(member: Member): void {
    this.#returnFocus = `[data-remove="${member.id}"]`;
    void this.#go({ name: 'remove', member });
  }

  /** Leaves the form: uploads in flight stop, documents sent for nothing are deleted. */
  #cancelForm(): void {
    this.#attachments.discardAll();
    this.setState({ uploads: [] });
    void this.#toList();
  }

  #chooseRole = (e: SubmitEvent) => {
    e.preventDefault();
    const kind = this.#draft.values['role'] as MemberKind | undefined;
    if (!kind) {
      this.setState({ errors: { role: { code: 'roleRequired' } }, summary: true });
      return void this.#focus('[part=error-summary]');
    }
    const back = this.#returnFocus;
    this.#startAdd(kind);
    this.#returnFocus = back;
  };

  // ——— Sending ———

  get #form(): FormView {
    return this.state.view as FormView;
  }

  /** "Continuer": the check step, or the errors; "Valider ma demande": the request. */
  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const view = this.#form;
    if (view.name === 'check') return void this.#save();
    const errors = this.#draft.errors();
    if (this.state.uploads.some((u) => !u.info)) errors['file'] = { code: 'waitUpload' };
    this.#draft.checked();
    if (Object.keys(errors).length) {
      this.setState({ errors, summary: true });
      return void this.#focus('[part=error-summary]');
    }
    void this.#go({ ...view, name: 'check' }, '[part=heading]', { errors: {} });
  };

  async #save(): Promise<void> {
    const client = this.activeClient;
    const view = this.#form;
    if (this.state.pending || !client) return;
    // The same person as a member already declared: sent only once the parent confirms it is another one.
    const same = duplicateOf(this.#draft.input(), this.state.members, view.member?.id);
    if (same && this.#draft.values['confirmDuplicate'] !== 'true') {
      const member = memberName(same, this.i18n.t('futureChild'));
      this.setState({ errors: { confirmDuplicate: { path: 'confirmDuplicate', code: 'possible_duplicate', params: { member } } }, summary: true });
      return void this.#focus('[part=error-summary]');
    }
    this.setState({ pending: true, problem: undefined });
    try {
      const input = this.#draft.input();
      const change = view.member
        ? await client.call(endpoints.updateMember, { params: { memberId: view.member.id }, body: input })
        : await client.call(endpoints.addMember, { body: input });
      this.setState({ uploads: [] });
      await this.#sent(change);
    } catch (error) {
      const problem = this.asApiError(error);
      const errors = formFieldErrors(view.kind, problem.fieldErrors);
      this.setState({ pending: false });
      if (problem.code === 'validation_failed' && Object.keys(errors).length) {
        // A duplicate the server found (declared meanwhile, in another tab): confirmed on this step.
        const stay = Object.keys(errors).every((path) => path === 'confirmDuplicate');
        return this.#go({ ...view, name: stay ? 'check' : 'form' }, '[part=error-summary]', { errors, summary: true });
      }
      this.setState({ problem });
      return this.#focus('[part=alert]');
    }
  }

  /** A change the service received: announced, confirmed with its number, the list read again. */
  async #sent(change: FamilleEntourageEvents['famille-member-saved']): Promise<void> {
    this.setState({ pending: false });
    this.dispatchEvent(familleEvent('famille-member-saved', change));
    this.dispatchEvent(familleEvent('famille-request-submitted', { request: change.request }));
    this.#returnFocus = undefined;
    await this.#go({ name: 'done', request: change.request });
    void this.#data.reload();
  }

  async #remove(member: Member): Promise<void> {
    const client = this.activeClient;
    if (this.state.pending || !client) return;
    this.setState({ pending: true, problem: undefined });
    try {
      const change = await client.call(endpoints.removeMember, { params: { memberId: member.id } });
      await this.#sent(change);
    } catch (error) {
      this.setState({ pending: false, problem: this.asApiError(error) });
      return this.#focus('[part=alert]');
    }
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
