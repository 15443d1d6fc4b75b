import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, endpoints } from '@famille/sdk';
import { issuesToFieldErrors, LoginInput, PasswordResetInput, PasswordResetRequest, type FieldError, type Session } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { errorSummary, field, messageBox, passwordToggle, secondaryButton, submitButton } from '../form/field.ts';
import { passwordChecklist } from '../form/password-checklist.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { focusAfterRender } from '../form/wizard.ts';
import type { MessageKey } from '../i18n/localize.ts';
import { familleEvent, type FamilleEventMap } from '../context/events.ts';
import { loginStyles } from './login.styles.ts';

// Straight to the endpoint (the rest of accounts() creates accounts), and read outside any
// try block: Rollup keeps every endpoint of the table when one is reached from inside one.
const resendActivation = endpoints.resendActivation;

type FieldName = 'identifiant' | 'password';
const fieldNames: readonly FieldName[] = ['identifiant', 'password'];

/** The events of `<famille-login>`, by name. */
export interface FamilleLoginEvents {
  'famille-login': FamilleLoginEventDetail;
  'famille-logout': Record<string, never>;
  'famille-forgot-password': FamilleIdentifiantEventDetail;
  'famille-create-account-requested': FamilleIdentifiantEventDetail;
  'famille-resend-activation': FamilleIdentifiantEventDetail;
  'famille-password-reset': FamilleIdentifiantEventDetail;
}

export interface FamilleLoginEventDetail {
  session: Session;
}
export interface FamilleIdentifiantEventDetail {
  /** What the parent typed in "Identifiant", to prefill the next form. */
  identifiant: string;
}

declare global {
  interface HTMLElementEventMap extends FamilleEventMap<FamilleLoginEvents> {}
}

/** `login`; `forgot`: ask for a reset link; `sent`: its confirmation; `reset`: choose a new password. */
type Mode = 'login' | 'forgot' | 'sent' | 'reset';

interface LoginState {
  mode: Mode;
  /** A confirmation shown above the form (password changed, activation e-mail sent). */
  notice?: MessageKey | undefined;
  /** The new password as typed (reset), for the checklist. */
  typed: string;
  errors: Partial<Record<FieldName, FieldError>>;
  /** Errors listed at the top (after a submit). */
  summary: boolean;
  problem?: ApiError | 'not_configured' | undefined;
  pending: boolean;
  /** Password shown in clear. */
  reveal: boolean;
}

let instances = 0;

/**
 * @summary A parent logs in to, and out of, their Espace Famille.
 *
 * Renders a native `<form>` in the light DOM, so that password managers see its
 * inputs; its stylesheet is adopted by the enclosing document or shadow root and scoped
 * to `famille-login`. Parts are light-DOM attributes: style them with
 * `famille-login [part~='button']`.
 *
 * @fires famille-login - Logged in. `detail: { session }`.
 * @fires famille-logout - Logged out on the server.
 * @fires famille-forgot-password - "J'ai oublié mon mot de passe" activated. Cancelable: cancel it to route yourself. `detail: { identifiant }`.
 * @fires famille-create-account-requested - "Créer mon compte" activated. Cancelable. `detail: { identifiant }`.
 * @fires famille-resend-activation - The parent asks for a new activation e-mail. Cancelable: cancel it to send it yourself; otherwise the element sends it. `detail: { identifiant }`.
 * @fires famille-password-reset - The password was changed with a reset link. `detail: { identifiant }`.
 *
 * "J'ai oublié mon mot de passe" opens, in place, a form asking for a reset link, unless
 * the host cancels `famille-forgot-password` or sets `forgot-password-href`. When the
 * page's URL fragment holds `famille-reset=TOKEN` (the e-mail's link), or `reset-token`
 * is set, the element shows the new-password form; the token leaves the URL at once.
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
 *
 * @cssprop --famille-color-primary - Buttons, links and focus ring.
 * @cssprop --famille-color-on-primary - Text on primary buttons.
 * @cssprop --famille-color-text - Body text.
 * @cssprop --famille-color-text-muted - Hints.
 * @cssprop --famille-color-surface - Input and box backgrounds.
 * @cssprop --famille-color-border - Input borders (keep 3:1 against the surface).
 * @cssprop --famille-color-error - Errors.
 * @cssprop --famille-color-error-surface - Background of the server's error message.
 * @cssprop --famille-color-focus - Focus ring (defaults to the primary colour).
 * @cssprop --famille-radius - Corner radius.
 * @cssprop --famille-space - Base spacing.
 * @cssprop --famille-font - Font family (inherits the page's by default).
 */
export class FamilleLogin extends FamilleElement {
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

  /** What the form shows; changed only through `#set`, which re-renders. */
  #s: LoginState = { mode: 'login', typed: '', errors: {}, summary: false, pending: false, reveal: false };
  /** Fields typed in since the last submit: their errors may show when left. */
  #dirty = new Set<string>();
  #id = `famille-login-${++instances}`;

  #set(patch: Partial<LoginState>): void {
    this.#s = { ...this.#s, ...patch };
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resetToken ||= takeLinkToken('famille-reset');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('resetToken') && this.resetToken) this.#to('reset');
  }

  /** Another form: errors and messages cleared, focus to its heading once rendered. */
  #to(mode: Mode, patch: Partial<LoginState> = {}) {
    this.#dirty.clear();
    this.#set({ mode, errors: {}, summary: false, problem: undefined, notice: undefined, reveal: false, typed: '', ...patch });
    if (this.hasUpdated) void this.#focus(patch.notice ? '[part=notice]' : '[part=heading]');
  }

  protected override render(): TemplateResult {
    const notice = this.connectionNotice();
    if (notice) return notice;
    return html`<div class="famille-stack" part="base" lang=${this.i18n.locale}>
      ${this.session ? this.#renderAccount(this.session) : this.#s.mode === 'sent' ? this.#renderSent() : this.#renderForm()}
    </div>`;
  }

  #renderForm(): TemplateResult {
    const { t } = this.i18n;
    const id = this.#id;
    const mode = this.#s.mode;
    const error = (name: FieldName) => {
      const e = this.#s.errors[name];
      return e && this.#fieldMessage(e);
    };
    const heading = mode === 'login' ? t('loginHeading') : mode === 'forgot' ? t('forgotHeading') : t('resetHeading');
    const pw = `${id}-password`;
    const password = () =>
      field({
        id: pw,
        name: 'password',
        label: this.#label('password'),
        type: this.#s.reveal ? 'text' : 'password',
        autocomplete: mode === 'reset' ? 'new-password' : 'current-password',
        required: true,
        verbatim: true,
        error: error('password'),
        errorPrefix: t('errorPrefix'),
        ...(mode === 'reset' && { describedBy: `${pw}-rules` }),
        after: passwordToggle(pw, this.#s.reveal, { show: t('show'), hide: t('hide'), suffix: t('passwordSuffix') }, () =>
          this.#set({ reveal: !this.#s.reveal }),
        ),
      });
    return html`<form part="form" method="post" novalidate aria-labelledby="${id}-heading"
      @submit=${this.#onSubmit} @input=${this.#onInput} @focusout=${this.#onLeave}>
      <h2 id="${id}-heading" part="heading" tabindex="-1">${heading}</h2>
      ${this.#s.notice ? messageBox(t(this.#s.notice), { success: true }) : nothing}
      ${this.#s.summary && Object.keys(this.#s.errors).length
        ? errorSummary(
            `${id}-summary`,
            t('errorSummary'),
            fieldNames.flatMap((name) => (this.#s.errors[name] ? [{ id: `${id}-${name}`, message: error(name)! }] : [])),
          )
        : nothing}
      ${this.#renderProblem()}
      <p>${mode === 'forgot' ? t('forgotIntro') : mode === 'login' ? t('loginIntro') : nothing} ${t('requiredLegend')}</p>
      ${mode === 'reset'
        ? nothing
        : field({
            id: `${id}-identifiant`,
            name: 'identifiant',
            label: this.#label('identifiant'),
            autocomplete: 'username',
            required: true,
            verbatim: true,
            error: error('identifiant'),
            errorPrefix: t('errorPrefix'),
          })}
      ${mode === 'forgot' ? nothing : password()}
      ${mode === 'reset' ? passwordChecklist(pw, this.tenantConfig?.passwordPolicy, this.#s.typed, t) : nothing}
      ${mode === 'login'
        ? submitButton(t('submit'), t('submitting'), this.#s.pending)
        : submitButton(mode === 'forgot' ? t('sendLink') : t('resetSubmit'), mode === 'forgot' ? t('sending') : t('saving'), this.#s.pending)}
      <div class="famille-links">
        ${mode === 'login'
          ? html`${this.#link('famille-forgot-password', this.forgotPasswordHref, t('forgotPassword'))}
              <p>${t('noAccount')} ${this.#link('famille-create-account-requested', this.createAccountHref, t('createAccount'))}</p>`
          : html`<button type="button" class="famille-link" part="link" @click=${() => this.#to('login')}>${t('backToLogin')}</button>`}
      </div>
    </form>`;
  }

  #renderSent(): TemplateResult {
    const { t } = this.i18n;
    return html`<h2 id="${this.#id}-heading" part="heading" tabindex="-1">${t('forgotHeading')}</h2>
      ${messageBox(t('forgotSent'), { success: true })}
      <button type="button" class="famille-link" part="link" @click=${() => this.#to('login')}>${t('backToLogin')}</button>`;
  }

  /** A field's label in the current form. */
  #label(name: FieldName): string {
    const { t } = this.i18n;
    if (name === 'password') return this.#s.mode === 'reset' ? t('newPassword') : t('password');
    return this.#s.mode === 'forgot' ? t('identifiantOrEmail') : t('identifiant');
  }

  #renderAccount(session: Session): TemplateResult {
    const { t } = this.i18n;
    const { prenoms, nomUsage } = session.account;
    return html`<section class="famille-account" aria-labelledby="${this.#id}-account">
      <h2 id="${this.#id}-account" part="heading" tabindex="-1">${t('greeting', { name: `${prenoms} ${nomUsage}` })}</h2>
      <p>${t('loggedIn')}</p>
      ${this.#renderProblem()}
      <button type="button" class="famille-button" part="button" aria-disabled=${this.#s.pending ? 'true' : 'false'}
        aria-busy=${this.#s.pending ? 'true' : 'false'} @click=${this.#onLogout}>
        ${this.#s.pending ? t('loggingOut') : t('logout')}
      </button>
    </section>`;
  }

  #renderProblem(): TemplateResult | typeof nothing {
    const problem = this.#s.problem;
    if (!problem) return nothing;
    const { t } = this.i18n;
    // Field errors are already in the summary.
    if (problem !== 'not_configured' && problem.code === 'validation_failed' && problem.fieldErrors.length) return nothing;
    let message: string;
    let action: TemplateResult | typeof nothing = nothing;
    if (problem === 'not_configured') message = t('notConfigured');
    else if (problem.code === 'too_many_attempts') {
      message = t('too_many_attempts', { minutes: Math.max(1, Math.ceil((problem.problem?.retryAfterSeconds ?? 60) / 60)) });
    } else {
      message = this.i18n.problem(problem.code);
      if (problem.code === 'account_not_activated') {
        action = secondaryButton(t('resendActivation'), this.#resend, this.#s.pending);
      } else if (problem.code.startsWith('token_')) {
        action = secondaryButton(t('askAgain'), () => this.#to('forgot'));
      } else if (problem.kind !== 'http' || problem.status! >= 500) {
        // Nothing the parent typed is lost: the same form is sent again.
        action = secondaryButton(t('retry'), this.#retry);
      }
    }
    return messageBox(message, { prefix: t('errorPrefix'), action });
  }

  #link(event: 'famille-forgot-password' | 'famille-create-account-requested', href: string | undefined, label: string) {
    const onClick = (e: Event) => {
      const routed = !this.#emit(event, { identifiant: this.#value('identifiant') }, true);
      if (routed || !href) e.preventDefault();
      // Neither routed by the host nor linked: the forgotten-password form opens in place
      // (the identifiant input stays the same node, with what was typed).
      if (!routed && !href && event === 'famille-forgot-password') this.#to('forgot');
    };
    return href
      ? html`<a href=${href} part="link" @click=${onClick}>${label}</a>`
      : html`<button type="button" class="famille-link" part="link" @click=${onClick}>${label}</button>`;
  }

  #emit<K extends keyof FamilleLoginEvents>(type: K, detail: FamilleLoginEvents[K], cancelable = false): boolean {
    return this.dispatchEvent(familleEvent(type, detail, cancelable));
  }

  #fieldMessage(error: FieldError): string {
    const { t } = this.i18n;
    const name = error.path as FieldName;
    const params = { field: this.#label(name === 'password' ? name : 'identifiant'), minimum: 0, maximum: 0, ...error.params };
    return t(error.code, params as never);
  }

  #input(name: FieldName): HTMLInputElement | null {
    return this.querySelector(`#${this.#id}-${name}`);
  }

  #value(name: FieldName): string {
    return this.#input(name)?.value ?? '';
  }

  #validate(): Partial<Record<FieldName, FieldError>> {
    const mode = this.#s.mode;
    const result =
      mode === 'login'
        ? LoginInput.safeParse({ identifiant: this.#value('identifiant'), password: this.#value('password') }, { reportInput: true })
        : mode === 'forgot'
          ? PasswordResetRequest.safeParse({ identifiant: this.#value('identifiant') }, { reportInput: true })
          : PasswordResetInput.safeParse({ token: this.resetToken ?? '', password: this.#value('password') }, { reportInput: true });
    const errors: Partial<Record<FieldName, FieldError>> = {};
    if (!result.success) for (const e of issuesToFieldErrors(result.error.issues)) if (e.path !== 'token') errors[e.path as FieldName] ??= e;
    return errors;
  }

  // Never add an error while the parent types; only take away the ones they fixed.
  #onInput = (e: Event) => {
    const name = (e.target as HTMLInputElement).name as FieldName;
    this.#dirty.add(name);
    if (name === 'password' && this.#s.mode === 'reset') this.#set({ typed: this.#value('password') });
    if (this.#s.errors[name] && !this.#validate()[name]) this.#setError(name, undefined);
  };

  // A field left after typing in it shows its error (not one merely tabbed through).
  #onLeave = (e: FocusEvent) => {
    const name = (e.target as HTMLInputElement).name as FieldName;
    if (!fieldNames.includes(name) || !this.#dirty.has(name)) return;
    this.#setError(name, this.#validate()[name]);
  };

  #setError(name: FieldName, error: FieldError | undefined) {
    const { [name]: _, ...rest } = this.#s.errors;
    this.#set({ errors: error ? { ...rest, [name]: error } : rest });
  }

  #retry = () => this.querySelector('form')?.requestSubmit();

  #focus(selector: string): Promise<void> {
    return focusAfterRender(this, selector);
  }

  /** Sends a new activation e-mail to the identifiant typed, unless the host does it. */
  #resend = async () => {
    const identifiant = this.#value('identifiant');
    const client = this.activeClient;
    if (this.#s.pending || !this.#emit('famille-resend-activation', { identifiant }, true) || !client) return;
    this.#set({ pending: true });
    try {
      await client.call(resendActivation, { body: { identifiant, locale: this.i18n.locale } });
      this.#set({ pending: false, problem: undefined, notice: 'activationResent' });
      return this.#focus('[part=notice]');
    } catch (error) {
      this.#set({ pending: false, problem: this.asApiError(error) });
      return this.#focus('[part=alert]');
    }
  };

  #onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (this.#s.pending) return;
    this.#dirty.clear();
    const errors = this.#validate();
    if (Object.keys(errors).length) {
      this.#set({ errors, summary: true, problem: undefined });
      return this.#focus('.famille-summary');
    }
    const client = this.activeClient;
    if (!client) {
      this.#set({ errors, summary: false, problem: 'not_configured' });
      return this.#focus('[part=alert]');
    }
    const mode = this.#s.mode;
    // Back to a masked input, so that the browser offers to save the password.
    this.#set({ errors, summary: false, problem: undefined, notice: undefined, reveal: false, pending: true });
    const identifiant = this.#value('identifiant');
    const password = this.#value('password');
    try {
      if (mode === 'forgot') {
        await client.auth.requestPasswordReset({ identifiant, locale: this.i18n.locale });
        this.#set({ pending: false });
        return this.#to('sent');
      }
      if (mode === 'reset') {
        const result = await client.auth.resetPassword({ token: this.resetToken!, password });
        this.resetToken = undefined;
        this.#set({ pending: false });
        this.#emit('famille-password-reset', { identifiant: result.identifiant });
        this.#to('login', { notice: 'resetDone' });
        await this.updateComplete;
        this.#input('identifiant')!.value = result.identifiant;
        // The login form reuses the reset's input: an empty one asks for the new password plainly.
        this.#input('password')!.value = '';
        return;
      }
      const session = await client.auth.login({ identifiant, password });
      this.#set({ pending: false });
      this.session = session;
      this.#emit('famille-login', { session });
      return this.#focus('[part=heading]');
    } catch (error) {
      const problem = this.asApiError(error);
      const fields = problem.fieldErrors.filter((f) => fieldNames.includes(f.path as FieldName));
      if (problem.code === 'validation_failed' && fields.length) {
        this.#set({ pending: false, problem, errors: Object.fromEntries(fields.map((f) => [f.path, f])), summary: true });
        return this.#focus('.famille-summary');
      }
      this.#set({ pending: false, problem });
      return this.#focus('[part=alert]');
    }
  };

  #onLogout = async () => {
    const client = this.activeClient;
    if (this.#s.pending || !client) return;
    this.#set({ pending: true, problem: undefined });
    try {
      await client.auth.logout();
    } catch (error) {
      this.#set({ pending: false, problem: this.asApiError(error) });
      return this.#focus('[part=alert]');
    }
    this.#set({ pending: false, errors: {}, summary: false });
    this.session = null;
    this.#emit('famille-logout', {});
    return this.#focus('[part=heading]');
  };
}
