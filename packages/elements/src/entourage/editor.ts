// What <famille-entourage> shows once the parent acts on the list: the choice of a role,
// the member form (profile and attachments, then the check), the removal's confirmation
// and the request's confirmation, and the requests they send. The element imports this
// module only when one of them is needed (entourage.ts `editorModule`), so that the
// household's first view does not carry them: their code, words, the contract's member
// rules and the upload pieces land in this chunk. Nothing but types comes from the
// element's modules: what it shows as the list does comes through `EditorHost`.
import type { TemplateResult } from 'lit';
import { endpoints, type ApiError, type FamilleClient } from '@famille/sdk';
import type { Member, TenantConfig } from '@famille/contract';
import { familleEvent } from '../context/events.ts';
import type { FamilleEntourageEvents } from './entourage.ts';
import type { EntourageState, FormView, MemberKind, StateHolder, View } from './state.ts';
import type { EditorMessages } from './editor-messages.fr.ts';
import type { EditorContext } from './view-context.ts';
import { duplicateOf, formFieldErrors, profileValues } from './rules.ts';
import { Attachments } from './attachments.ts';
import { MemberDraft, memberForm } from './member-form.ts';
import { roleChoice } from './role-choice.ts';
import { removeConfirmation } from './remove-confirmation.ts';
import { requestSent } from './request-sent.ts';

// The element puts these words over its own (messages.ts `entourageTablesWith`).
export { editorFr } from './editor-messages.fr.ts';
export const editorEnglish = (): Promise<EditorMessages> => import('./editor-messages.en.ts').then((m) => m.editorEn);

/** What the member form's module uses of its `<famille-entourage>`. */
export interface EditorHost extends StateHolder {
  element: HTMLElement;
  client(): FamilleClient | undefined;
  /** The views' context, with this module's words in the element's language. */
  ctx(): EditorContext;
  asApiError(error: unknown): ApiError;
  /** The tenant's upload rules. */
  uploads(): TenantConfig['uploads'] | undefined;
  /** Moves focus to `selector` once rendered. */
  focus(selector: string): Promise<void>;
  /** Reads the family and its requests again. */
  reload(): void;
}

/** The role choice, member form, removal and confirmation of one `<famille-entourage>`. */
export class Editor {
  readonly #host: EditorHost;
  /** Where focus returns when a confirmation is dismissed. */
  #returnFocus: string | undefined;
  /** What the parent typed in the form (and the role chosen). */
  readonly #draft: MemberDraft;
  readonly #attachments: Attachments;

  constructor(host: EditorHost) {
    this.#host = host;
    this.#draft = new MemberDraft(host);
    const fileId = () => host.ctx().id('file');
    this.#attachments = new Attachments({
      state: () => host.state(),
      set: (patch) => host.set(patch),
      client: () => host.client(),
      i18n: () => host.ctx().i18n,
      asApiError: (error) => host.asApiError(error),
      maxBytes: () => host.uploads()?.maxBytes,
      fileInput: () => host.element.querySelector<HTMLInputElement>(`#${fileId()}`),
      focusFileInput: () => void host.focus(`#${fileId()}`),
    });
  }

  /** Another parent logged in: their uploads in flight stop, nothing of theirs is kept. */
  reset(): void {
    this.#attachments.stopAll();
    this.#reset();
    this.#draft.checked();
    this.#returnFocus = undefined;
  }

  /** The view of the state, if it is one of this module's (the list is the element's). */
  render(view: View): TemplateResult | undefined {
    const ctx = this.#host.ctx();
    const state = this.#host.state();
    switch (view.name) {
      case 'role':
        return roleChoice(ctx, {
          value: this.#draft.values['role'],
          missing: !!state.errors['role'],
          summary: state.summary,
          choose: (value) => {
            this.#draft.values['role'] = value;
            this.#host.set({ errors: {} });
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
          rules: this.#host.uploads(),
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
        return undefined;
    }
  }

  // ——— Navigation ———

  #go(view: View, focus = '[part=heading]', patch: Partial<EntourageState> = {}): Promise<void> {
    this.#draft.checked();
    this.#host.set({ view, summary: false, problem: undefined, ...patch });
    return this.#host.focus(focus);
  }

  #toList(focus = this.#returnFocus): Promise<void> {
    this.#returnFocus = undefined;
    return this.#go({ name: 'list' }, focus ?? '[part=heading]', { errors: {} });
  }

  /** A new form: `values` typed in, no file, no error. */
  #reset(values: Record<string, string> = {}): void {
    this.#draft.start(values);
    this.#attachments.forget();
    this.#host.set({ uploads: [], errors: {}, fileError: undefined, status: '' });
  }

  #startAdd(kind: MemberKind): void {
    this.#reset();
    this.#returnFocus = `[data-add=${kind}]`;
    void this.#go({ name: 'form', kind });
  }

  /** "+ Ajouter un membre": the role first; "+ Ajouter un enfant"…: its form. */
  startAdd(kind?: MemberKind): void {
    if (kind) return this.#startAdd(kind);
    this.#reset();
    this.#returnFocus = '[data-add=any]';
    void this.#go({ name: 'role' });
  }

  /** "Modifier": the form prefilled; focus returns to `card` (the member's button) when left. */
  startEdit(member: Member, kind: MemberKind, card: string): void {
    this.#reset(profileValues(member));
    this.#returnFocus = card;
    void this.#go({ name: 'form', kind, member });
  }

  askRemove(member: Member): void {
    this.#returnFocus = `[data-remove="${member.id}"]`;
    void this.#go({ name: 'remove', member });
  }

  /** Leaves the form: uploads in flight stop, documents sent for nothing are deleted. */
  #cancelForm(): void {
    this.#attachments.discardAll();
    this.#host.set({ uploads: [] });
    void this.#toList();
  }

  #chooseRole = (e: SubmitEvent) => {
    e.preventDefault();
    const kind = this.#draft.values['role'] as MemberKind | undefined;
    if (!kind) {
      this.#host.set({ errors: { role: { code: 'roleRequired' } }, summary: true });
      return void this.#host.focus('[part=error-summary]');
    }
    const back = this.#returnFocus;
    this.#startAdd(kind);
    this.#returnFocus = back;
  };

  // ——— Sending ———

  get #form(): FormView {
    return this.#host.state().view as FormView;
  }

  /** "Continuer": the check step, or the errors; "Valider ma demande": the request. */
  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const view = this.#form;
    if (view.name === 'check') return void this.#save();
    const errors = this.#draft.errors();
    if (this.#host.state().uploads.some((u) => !u.info)) errors['file'] = { code: 'waitUpload' };
    this.#draft.checked();
    if (Object.keys(errors).length) {
      this.#host.set({ errors, summary: true });
      return void this.#host.focus('[part=error-summary]');
    }
    void this.#go({ ...view, name: 'check' }, '[part=heading]', { errors: {} });
  };

  async #save(): Promise<void> {
    const host = this.#host;
    const client = host.client();
    const view = this.#form;
    if (host.state().pending || !client) return;
    // The same person as a member already declared: sent only once the parent confirms it is another one.
    const same = duplicateOf(this.#draft.input(), host.state().members, view.member?.id);
    if (same && this.#draft.values['confirmDuplicate'] !== 'true') {
      const member = host.ctx().name(same);
      host.set({ errors: { confirmDuplicate: { path: 'confirmDuplicate', code: 'possible_duplicate', params: { member } } }, summary: true });
      return void host.focus('[part=error-summary]');
    }
    host.set({ pending: true, problem: undefined });
    try {
      const input = this.#draft.input();
      const change = view.member
        ? await client.call(endpoints.updateMember, { params: { memberId: view.member.id }, body: input })
        : await client.call(endpoints.addMember, { body: input });
      host.set({ uploads: [] });
      await this.#sent(change);
    } catch (error) {
      const problem = host.asApiError(error);
      const errors = formFieldErrors(view.kind, problem.fieldErrors);
      host.set({ pending: false });
      if (problem.code === 'validation_failed' && Object.keys(errors).length) {
        // A duplicate the server found (declared meanwhile, in another tab): confirmed on this step.
        const stay = Object.keys(errors).every((path) => path === 'confirmDuplicate');
        return this.#go({ ...view, name: stay ? 'check' : 'form' }, '[part=error-summary]', { errors, summary: true });
      }
      host.set({ problem });
      return host.focus('[part=alert]');
    }
  }

  /** A change the service received: announced, confirmed with its number, the list read again. */
  async #sent(change: FamilleEntourageEvents['famille-member-saved']): Promise<void> {
    const { element } = this.#host;
    this.#host.set({ pending: false });
    element.dispatchEvent(familleEvent('famille-member-saved', change));
    element.dispatchEvent(familleEvent('famille-request-submitted', { request: change.request }));
    this.#returnFocus = undefined;
    await this.#go({ name: 'done', request: change.request });
    this.#host.reload();
  }

  async #remove(member: Member): Promise<void> {
    const client = this.#host.client();
    if (this.#host.state().pending || !client) return;
    this.#host.set({ pending: true, problem: undefined });
    try {
      const change = await client.call(endpoints.removeMember, { params: { memberId: member.id } });
      await this.#sent(change);
    } catch (error) {
      this.#host.set({ pending: false, problem: this.#host.asApiError(error) });
      return this.#host.focus('[part=alert]');
    }
  }
}
