import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError } from '@famille/sdk';
import { issuesToFieldErrors, LoginInput, type FieldError, type Session } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { errorSummary, field, passwordToggle, submitButton } from '../form/field.ts';
import { adoptOnRoot } from '../styles/adopt.ts';
import { familleEvent, type FamilleEventMap } from '../context/events.ts';
import { loginStyles } from './login.styles.ts';

type FieldName = 'identifiant' | 'password';
const fieldNames: readonly FieldName[] = ['identifiant', 'password'];

/** The events of `<famille-login>`, by name. */
export interface FamilleLoginEvents {
  'famille-login': FamilleLoginEventDetail;
  'famille-logout': Record<string, never>;
  'famille-forgot-password': FamilleIdentifiantEventDetail;
  'famille-create-account-requested': FamilleIdentifiantEventDetail;
  'famille-resend-activation': FamilleIdentifiantEventDetail;
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

interface LoginState {
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
 * @fires famille-resend-activation - The parent asks for a new activation e-mail. `detail: { identifiant }`.
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
  static override properties: PropertyDeclarations = {
    forgotPasswordHref: { attribute: 'forgot-password-href' },
    createAccountHref: { attribute: 'create-account-href' },
  };

  /** Where "J'ai oublié mon mot de passe" leads; without it, only the event fires. */
  declare forgotPasswordHref: string | undefined;
  /** Where "Créer mon compte" leads; without it, only the event fires. */
  declare createAccountHref: string | undefined;

  /** What the form shows; changed only through `#set`, which re-renders. */
  #s: LoginState = { errors: {}, summary: false, pending: false, reveal: false };
  /** Fields typed in since the last submit: their errors may show when left. */
  #dirty = new Set<string>();
  #id = `famille-login-${++instances}`;

  #set(patch: Partial<LoginState>): void {
    this.#s = { ...this.#s, ...patch };
    this.requestUpdate();
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptOnRoot(this, loginStyles);
  }

  protected override render(): TemplateResult {
    return html`<div class="famille-stack" part="base" lang=${this.i18n.locale}>
      ${this.session ? this.#renderAccount(this.session) : this.#renderForm()}
    </div>`;
  }

  #renderForm(): TemplateResult {
    const { t } = this.i18n;
    const id = this.#id;
    const error = (name: FieldName) => {
      const e = this.#s.errors[name];
      return e && this.#fieldMessage(e);
    };
    return html`<form part="form" method="post" novalidate aria-labelledby="${id}-heading"
      @submit=${this.#onSubmit} @input=${this.#onInput} @focusout=${this.#onLeave}>
      <h2 id="${id}-heading" part="heading" tabindex="-1">${t('loginHeading')}</h2>
      ${this.#s.summary && Object.keys(this.#s.errors).length
        ? errorSummary(
            `${id}-summary`,
            t('errorSummary'),
            fieldNames.flatMap((name) => (this.#s.errors[name] ? [{ id: `${id}-${name}`, message: error(name)! }] : [])),
          )
        : nothing}
      ${this.#renderProblem()}
      <p>${t('loginIntro')} ${t('requiredLegend')}</p>
      ${field({
        id: `${id}-identifiant`,
        name: 'identifiant',
        label: t('identifiant'),
        autocomplete: 'username',
        required: true,
        verbatim: true,
        error: error('identifiant'),
        errorPrefix: t('errorPrefix'),
      })}
      ${field({
        id: `${id}-password`,
        name: 'password',
        label: t('password'),
        type: this.#s.reveal ? 'text' : 'password',
        autocomplete: 'current-password',
        required: true,
        verbatim: true,
        error: error('password'),
        errorPrefix: t('errorPrefix'),
        after: passwordToggle(
          `${id}-password`,
          this.#s.reveal,
          { show: t('show'), hide: t('hide'), suffix: t('passwordSuffix') },
          () => this.#set({ reveal: !this.#s.reveal }),
        ),
      })}
      ${submitButton(t('submit'), t('submitting'), this.#s.pending)}
      <div class="famille-links">
        ${this.#link('famille-forgot-password', this.forgotPasswordHref, t('forgotPassword'))}
        <p>${t('noAccount')} ${this.#link('famille-create-account-requested', this.createAccountHref, t('createAccount'))}</p>
      </div>
    </form>`;
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
      message = t(problem.code);
      if (problem.code === 'account_not_activated') {
        action = html`<button type="button" class="famille-button famille-button--secondary" part="button"
          @click=${() => this.#emit('famille-resend-activation', { identifiant: this.#value('identifiant') })}>
          ${t('resendActivation')}
        </button>`;
      } else if (problem.kind !== 'http' || problem.status! >= 500) {
        // Nothing the parent typed is lost: the same form is sent again.
        action = html`<button type="button" class="famille-button famille-button--secondary" part="button"
          @click=${this.#retry}>${t('retry')}</button>`;
      }
    }
    return html`<div class="famille-alert" part="alert" tabindex="-1">
      <p><span class="famille-sr">${t('errorPrefix')}</span>${message}</p>
      ${action}
    </div>`;
  }

  #link(event: 'famille-forgot-password' | 'famille-create-account-requested', href: string | undefined, label: string) {
    const onClick = (e: Event) => {
      if (!this.#emit(event, { identifiant: this.#value('identifiant') }, true) || !href) e.preventDefault();
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
    const params = { field: t(fieldNames.includes(name) ? name : 'identifiant'), minimum: 0, maximum: 0, ...error.params };
    return t(error.code, params as never);
  }

  #input(name: FieldName): HTMLInputElement | null {
    return this.querySelector(`#${this.#id}-${name}`);
  }

  #value(name: FieldName): string {
    return this.#input(name)?.value ?? '';
  }

  #validate(): Partial<Record<FieldName, FieldError>> {
    const result = LoginInput.safeParse({ identifiant: this.#value('identifiant'), password: this.#value('password') });
    const errors: Partial<Record<FieldName, FieldError>> = {};
    if (!result.success) for (const e of issuesToFieldErrors(result.error.issues)) errors[e.path as FieldName] ??= e;
    return errors;
  }

  // Never add an error while the parent types; only take away the ones they fixed.
  #onInput = (e: Event) => {
    const name = (e.target as HTMLInputElement).name as FieldName;
    this.#dirty.add(name);
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

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.querySelector<HTMLElement>(selector)?.focus();
  }

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
      return this.#focus('.famille-alert');
    }
    // Back to a masked input, so that the browser offers to save the password.
    this.#set({ errors, summary: false, problem: undefined, reveal: false, pending: true });
    try {
      const session = await client.auth.login({ identifiant: this.#value('identifiant'), password: this.#value('password') });
      this.#set({ pending: false });
      this.session = session;
      this.#emit('famille-login', { session });
      return this.#focus('[part=heading]');
    } catch (error) {
      const problem = error instanceof ApiError ? error : new ApiError({ kind: 'network', cause: error });
      const fields = problem.fieldErrors.filter((f) => fieldNames.includes(f.path as FieldName));
      if (problem.code === 'validation_failed' && fields.length) {
        this.#set({ pending: false, problem, errors: Object.fromEntries(fields.map((f) => [f.path, f])), summary: true });
        return this.#focus('.famille-summary');
      }
      this.#set({ pending: false, problem });
      return this.#focus('.famille-alert');
    }
  };

  #onLogout = async () => {
    const client = this.activeClient;
    if (this.#s.pending || !client) return;
    this.#set({ pending: true, problem: undefined });
    try {
      await client.auth.logout();
    } catch (error) {
      this.#set({ pending: false, problem: error instanceof ApiError ? error : new ApiError({ kind: 'network', cause: error }) });
      return this.#focus('.famille-alert');
    }
    this.#set({ pending: false, errors: {}, summary: false });
    this.session = null;
    this.#emit('famille-logout', {});
    return this.#focus('[part=heading]');
  };
}
