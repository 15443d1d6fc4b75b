import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { FieldError, Session } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { focusAfterRender } from '../form/wizard.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { familleEvent } from '../context/events.ts';
import { loginTables, loginTablesWith, type AllLoginMessages } from './messages.ts';
import type { RecoveryHost } from './recovery.ts';
import {
  fieldErrors,
  fieldNames,
  initialState,
  isFieldName,
  withError,
  type FieldErrors,
  type FieldName,
  type LoginState,
  type LoginValues,
  type Mode,
} from './state.ts';
import { renderForm, renderProblem, type LoginForm } from './form.ts';
import { renderAccount } from './account.ts';
import { loginForm } from './login-form.ts';
import { loginStyles } from './login.styles.ts';
import { Deferred, DeferredPart } from '../context/deferred.ts';

/**
 * Where the recovery flows come from (forgotten password, reset link, activation e-mail):
 * a chunk of their own, fetched the first time one is needed. A test may replace `load`
 * (to see what a failed download does).
 */
export const recoveryModule = new Deferred(
  () => import('./recovery.ts'),
  ({ recoveryFr, recoveryEnglish }) => loginTablesWith(recoveryFr, recoveryEnglish),
);

export interface FamilleLoginEventDetail {
  session: Session;
}
export interface FamilleIdentifiantEventDetail {
  /** What the parent typed in "Identifiant", to prefill the next form. */
  identifiant: string;
}

/**
 * @summary A parent logs in to, and out of, their Espace Famille.
 *
 * Renders a native `<form>` in the light DOM, so that password managers see its
 * inputs; its stylesheet is adopted by the enclosing document or shadow root and scoped
 * to `famille-login`. Parts are light-DOM attributes: style them with
 * `famille-login [part~='button']`.
 *
 * "J'ai oublié mon mot de passe" opens, in place, a form asking for a reset link, unless
 * the host cancels `famille-forgot-password` or sets `forgot-password-href`. When the
 * page's URL fragment holds `famille-reset=TOKEN` (the e-mail's link), or `reset-token`
 * is set, the element shows the new-password form; the token leaves the URL at once.
 * These forms, and the sending of a new activation e-mail, come from a module loaded the
 * first time one is needed (recovery.ts): meanwhile the button pressed is busy; if it
 * cannot be loaded, the network error shows with "Réessayer", and nothing typed is lost.
 *
 * @fires famille-login - Logged in. `detail: { session }`.
 * @fires famille-logout - Logged out on the server.
 * @fires famille-forgot-password - "J'ai oublié mon mot de passe" activated. Cancelable: cancel it to route yourself. `detail: { identifiant }`.
 * @fires famille-create-account-requested - "Créer mon compte" activated. Cancelable. `detail: { identifiant }`.
 * @fires famille-resend-activation - The parent asks for a new activation e-mail. Cancelable: cancel it to send it yourself; otherwise the element sends it. `detail: { identifiant }`.
 * @fires famille-password-reset - The password was changed with a reset link. `detail: { identifiant }`.
 *
 * @csspart base - The wrapper of either state.
 * @csspart form - The login form.
 * @csspart heading - The heading of either state (receives focus after login and logout).
 * @csspart error-summary - The list of field errors shown on submit.
 * @csspart alert - The server's answer when login or logout fails.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label.
 * @csspart input - A field's input.
 * @csspart error - A field's error message.
 * @csspart toggle - The show/hide password button.
 * @csspart button - The submit and logout buttons.
 * @csspart link - The forgot-password and create-account links.
 * @csspart notice - A confirmation (reset link sent, password changed).
 * @csspart checklist - The password policy's live checklist (reset form).
 */
export class FamilleLogin extends FamilleElement<AllLoginMessages, LoginState> {
  static override lightStyles = loginStyles;
  static override properties: PropertyDeclarations = {
    forgotPasswordHref: { attribute: 'forgot-password-href' },
    createAccountHref: { attribute: 'create-account-href' },
    resetToken: { attribute: 'reset-token' },
  };

  /** Where "J'ai oublié mon mot de passe" leads; without it, only the event fires. */
  declare forgotPasswordHref: string | undefined;
  /** Where "Créer mon compte" leads; without it, only the event fires. */
  declare createAccountHref: string | undefined;
  /** The token of a password-reset link; read from `#famille-reset=TOKEN` when absent. */
  declare resetToken: string | undefined;

  /** Fields typed in since the last submit: their errors may show when left. */
  #dirty = new Set<string>();
  /** The element's words: the login's, then the login's and the recovery's. */
  #tables: MessageTables<AllLoginMessages> = loginTables;
  /** The recovery flows, once their module is here, its words over the element's. */
  #recovery = new DeferredPart(
    recoveryModule,
    () => this.i18n.locale,
    ({ Recovery }, tables) => {
      this.#tables = tables;
      return new Recovery(this.#host);
    },
  );
  /** What the views and the recovery flows use of the element. */
  #host: RecoveryHost = {
    element: this,
    id: this.uid,
    // The element's tables are the recovery's once it is here: these words are in.
    i18n: () => this.i18n,
    heading: (content, options) => this.heading(content, options),
    show: (mode, notice) => this.#to(mode, { pending: false, notice }),
    fill: async (values) => {
      await this.updateComplete;
      for (const name of fieldNames) if (values[name] !== undefined) this.#input(name)!.value = values[name];
    },
  };

  protected override initialState(): LoginState {
    return initialState;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resetToken ||= takeLinkToken('famille-reset');
    // A reset link: its form's code is fetched at once, before the first render.
    if (this.resetToken) this.#recovery.get().catch(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('resetToken') && this.resetToken) void this.#open('reset');
  }

  protected override messageTables(): MessageTables<AllLoginMessages> {
    return this.#tables;
  }

  /** Another form: errors and messages cleared, focus to its heading (or its notice) once rendered. */
  #to(mode: Mode, patch: Partial<LoginState> = {}, focus = this.hasUpdated) {
    this.#dirty.clear();
    this.setState({ mode, errors: {}, summary: false, problem: undefined, retry: undefined, notice: undefined, reveal: false, typed: '', ...patch });
    if (focus) void this.#focus(patch.notice ? '[part=notice]' : '[part=heading]');
  }

  /**
   * Shows a form of the recovery module, first loading it if need be: meanwhile the
   * forgotten-password link is busy (or, for a reset link, the form's place). When it
   * cannot be loaded, the network error shows with "Réessayer"; nothing typed is lost.
   */
  async #open(mode: 'forgot' | 'reset'): Promise<void> {
    if (this.#recovery.ready) return this.#to(mode);
    // Focus follows as it does once loaded: not when the page opens on a reset link.
    const focus = this.hasUpdated;
    if (mode === 'reset') this.#to(mode, {}, false);
    else if (this.state.opening) return;
    else this.setState({ opening: true, problem: undefined, retry: undefined });
    const failure = await this.#recovery.get().then(
      () => undefined,
      (error: unknown) => this.asApiError(error),
    );
    // The parent sent the login form meanwhile: that is what they want now.
    if (mode === 'forgot' && !this.state.opening) return;
    if (failure) {
      this.setState({ opening: false, problem: failure, retry: () => void this.#open(mode) });
      return this.#focus('[part=alert]');
    }
    this.setState({ opening: false });
    this.#to(mode, {}, focus);
  }

  /** A reset link's form whose module is still on its way: nothing to show but a failure. */
  #waiting(): boolean {
    return !this.session && this.state.mode !== 'login' && !this.#recovery.ready;
  }

  /** The session is being read (at start, after a reload): neither the form nor the greeting yet. */
  #sessionLoading(): boolean {
    return this.session === undefined && !!this.activeClient && this.state.mode === 'login';
  }

  protected override get busy(): boolean {
    return this.#sessionLoading() || (this.#waiting() && !this.state.problem);
  }

  protected override renderContent(): unknown {
    const { state } = this;
    if (this.session) return renderAccount(this.#host, this.session, state.pending, renderProblem(this.#host, state, this.#retry), this.#onLogout);
    // A parent still logged in who reloads the page sees no login form flash by.
    if (this.#sessionLoading()) return html`<p role="status">${this.i18n.t('sessionLoading')}</p>`;
    if (this.#waiting()) return renderProblem(this.#host, state, this.#retry);
    if (state.mode === 'sent') return this.#recovery.ready!.sent();
    return renderForm(this.#host, state, this.#form()!, state.notice && this.#recovery.ready ? this.#recovery.ready.notice(state.notice) : nothing, {
      submit: this.#onSubmit,
      input: this.#onInput,
      leave: this.#onLeave,
      toggleReveal: () => this.setState({ reveal: !this.state.reveal }),
      retry: this.#retry,
    });
  }

  /** The form of the current mode (none while the recovery module is on its way, or on the "sent" page). */
  #form(): LoginForm | undefined {
    const mode = this.state.mode;
    if (mode === 'login') return this.#loginForm();
    return mode === 'sent' ? undefined : this.#recovery.ready?.form(mode);
  }

  #loginForm(): LoginForm {
    return loginForm(
      this.#host,
      this.state,
      (event, href) => {
        const through = this.#emit(event, { identifiant: this.#value('identifiant') }, true);
        // Neither routed by the host nor linked: the forgotten-password form opens in place
        // (the identifiant input stays the same node, with what was typed).
        if (through && !href && event === 'famille-forgot-password') void this.#open('forgot');
        return through;
      },
      this.#resend,
      (session) => {
        this.setState({ pending: false });
        this.session = session;
        this.#emit('famille-login', { session });
        return this.#focus('[part=heading]');
      },
    );
  }

  #emit<K extends keyof FamilleLoginEvents>(type: K, detail: FamilleLoginEvents[K], cancelable = false): boolean {
    return this.dispatchEvent(familleEvent(type, detail, cancelable));
  }

  #input(name: FieldName): HTMLInputElement | null {
    return this.querySelector(`#${this.uid}-${name}`);
  }

  #value(name: FieldName): string {
    return this.#input(name)?.value ?? '';
  }

  #values(): LoginValues {
    return { identifiant: this.#value('identifiant'), password: this.#value('password') };
  }

  /** The errors of what was typed, one per field (the form's other paths, such as a link's token, aside). */
  #validate(form = this.#form()): FieldErrors {
    return fieldErrors(form?.check(this.#values()));
  }

  // Never add an error while the parent types; only take away the ones they fixed.
  #onInput = (e: Event) => {
    const name = (e.target as HTMLInputElement).name as FieldName;
    const form = this.#form();
    this.#dirty.add(name);
    if (name === 'password' && form?.password?.checklist) this.setState({ typed: this.#value('password') });
    if (this.state.errors[name] && !this.#validate(form)[name]) this.#setError(name, undefined);
  };

  // A field left after typing in it shows its error (not one merely tabbed through).
  #onLeave = (e: FocusEvent) => {
    const name = (e.target as HTMLInputElement).name as FieldName;
    if (!isFieldName(name) || !this.#dirty.has(name)) return;
    this.#setError(name, this.#validate()[name]);
  };

  #setError(name: FieldName, error: FieldError | undefined) {
    this.setState({ errors: withError(this.state.errors, name, error) });
  }

  #retry = () => this.querySelector('form')?.requestSubmit();

  #focus(selector: string): Promise<void> {
    return focusAfterRender(this, selector);
  }

  /** Sends a new activation e-mail to the identifiant typed, unless the host does it. */
  #resend = async () => {
    const identifiant = this.#value('identifiant');
    const client = this.activeClient;
    if (this.state.pending || !this.#emit('famille-resend-activation', { identifiant }, true) || !client) return;
    this.setState({ pending: true });
    try {
      await (await this.#recovery.get()).resendActivation(client, identifiant);
      this.setState({ pending: false, problem: undefined, retry: undefined, notice: 'activationResent' });
      return this.#focus('[part=notice]');
    } catch (error) {
      // "Réessayer" asks for the e-mail again (the module too, if that is what failed).
      this.setState({ pending: false, problem: this.asApiError(error), retry: () => void this.#resend() });
      return this.#focus('[part=alert]');
    }
  };

  #onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = this.#form();
    if (this.state.pending || !form) return;
    this.#dirty.clear();
    const errors = this.#validate(form);
    if (Object.keys(errors).length) {
      this.setState({ errors, summary: true, problem: undefined, retry: undefined });
      return this.#focus('.famille-summary');
    }
    const client = this.activeClient;
    if (!client) {
      this.setState({ errors, summary: false, problem: 'not_configured', retry: undefined });
      return this.#focus('[part=alert]');
    }
    // Back to a masked input, so that the browser offers to save the password.
    this.setState({ errors, summary: false, problem: undefined, retry: undefined, notice: undefined, reveal: false, pending: true, opening: false });
    try {
      await form.send(client, this.#values());
    } catch (error) {
      const problem = this.asApiError(error);
      const fields = problem.fieldErrors.filter((f) => isFieldName(f.path));
      if (problem.code === 'validation_failed' && fields.length) {
        this.setState({ pending: false, problem, errors: Object.fromEntries(fields.map((f) => [f.path, f])), summary: true });
        return this.#focus('.famille-summary');
      }
      this.setState({ pending: false, problem });
      return this.#focus('[part=alert]');
    }
  };

  #onLogout = async () => {
    const client = this.activeClient;
    if (this.state.pending || !client) return;
    this.setState({ pending: true, problem: undefined, retry: undefined });
    try {
      await client.auth.logout();
    } catch (error) {
      this.setState({ pending: false, problem: this.asApiError(error) });
      return this.#focus('[part=alert]');
    }
    this.setState({ pending: false, errors: {}, summary: false });
    this.session = null;
    this.#emit('famille-logout', {});
    return this.#focus('[part=heading]');
  };
}

/** The events of `<famille-login>`, by name. */
export interface FamilleLoginEvents {
  'famille-login': FamilleLoginEventDetail;
  'famille-logout': Record<string, never>;
  'famille-forgot-password': FamilleIdentifiantEventDetail;
  'famille-create-account-requested': FamilleIdentifiantEventDetail;
  'famille-resend-activation': FamilleIdentifiantEventDetail;
  'famille-password-reset': FamilleIdentifiantEventDetail;
}
