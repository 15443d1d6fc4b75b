import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ApiError, FamilleClient } from '@famille/sdk';
import { issuesToFieldErrors, type FieldError, type IssueLike, type Session } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { errorSummary, field, messageBox, passwordToggle, retriable, secondaryButton, submitButton } from '../form/field.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { focusAfterRender } from '../form/wizard.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { familleEvent, type FamilleEventMap } from '../context/events.ts';
import { loginTables, loginTablesWith, type AllLoginMessages } from './messages.ts';
import type { AllRecoveryMessages, Recovery, RecoveryHost, RecoveryMode, RecoveryNotice } from './recovery.ts';
import { loginStyles } from './login.styles.ts';

/**
 * Where the recovery flows come from (forgotten password, reset link, activation e-mail):
 * a chunk of their own, fetched the first time one is needed. A test may replace `load`
 * (to see what a failed download does).
 */
export const recoveryModule = {
  load: (): Promise<typeof import('./recovery.ts')> => import('./recovery.ts'),
};

type FieldName = 'identifiant' | 'password';
const fieldNames: readonly FieldName[] = ['identifiant', 'password'];
/** What the parent typed in the form shown ('' for an input it does not have). */
export type LoginValues = Record<FieldName, string>;

/**
 * One form of `<famille-login>`: the login's own, or one of the recovery's. Every form is
 * rendered by the same template, so that going from one to another keeps the inputs they
 * share, with what was typed.
 */
export interface LoginForm {
  heading: string;
  /** Said before the required fields' legend. */
  intro?: string;
  /** The identifiant input's label; without it, no such input. */
  identifiant?: string;
  /** The password input; without it, none. */
  password?: {
    label: string;
    autocomplete: 'current-password' | 'new-password';
    /** The tenant's rules, live as the parent types (the input is described by `${id}-rules`). */
    checklist?: (id: string, typed: string) => TemplateResult;
  };
  submit: string;
  submitting: string;
  /** Under the button: other forms, other pages. */
  links: TemplateResult;
  /** What the parent may do about a refusal of the server, beyond "Réessayer" after a failure. */
  action?: (problem: ApiError) => TemplateResult | undefined;
  /** The contract's validator's verdict on what was typed. */
  check(values: LoginValues): { success: true } | { success: false; error: { issues: readonly IssueLike[] } };
  /** Sends what was typed; resolves once the next state is shown. */
  send(client: FamilleClient, values: LoginValues): Promise<void>;
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

type Mode = 'login' | RecoveryMode;

interface LoginState {
  mode: Mode;
  /** A confirmation shown above the form (password changed, activation e-mail sent). */
  notice?: RecoveryNotice | undefined;
  /** The new password as typed (reset), for the checklist. */
  typed: string;
  errors: Partial<Record<FieldName, FieldError>>;
  /** Errors listed at the top (after a submit). */
  summary: boolean;
  problem?: ApiError | 'not_configured' | undefined;
  /** What "Réessayer" does, when not sending the form again (what failed was no submit). */
  retry?: (() => void) | undefined;
  pending: boolean;
  /** The forgotten-password form's module is on its way (its link is busy). */
  opening: boolean;
  /** Password shown in clear. */
  reveal: boolean;
}

let instances = 0;
/** The login's words and the recovery's, once its module is here (one table for the page). */
let recoveryTables: MessageTables<AllRecoveryMessages> | undefined;

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
export class FamilleLogin extends FamilleElement<AllLoginMessages> {
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
  #s: LoginState = { mode: 'login', typed: '', errors: {}, summary: false, pending: false, opening: false, reveal: false };
  /** Fields typed in since the last submit: their errors may show when left. */
  #dirty = new Set<string>();
  #id = `famille-login-${++instances}`;
  /** The element's words: the login's, then the login's and the recovery's. */
  #tables: MessageTables<AllLoginMessages> = loginTables;
  /** The recovery flows, once their module is here; and its download under way. */
  #recovery: Recovery | undefined;
  #recovering: Promise<Recovery> | undefined;
  /** What the recovery flows use of the element. */
  #recoveryHost: RecoveryHost = {
    element: this,
    id: this.#id,
    // The element's tables are `recoveryTables` once the recovery is here: these words are in.
    i18n: () => this.i18n,
    show: (mode, notice) => this.#to(mode, { pending: false, notice }),
    fill: async (values) => {
      await this.updateComplete;
      for (const name of fieldNames) if (values[name] !== undefined) this.#input(name)!.value = values[name];
    },
  };

  #set(patch: Partial<LoginState>): void {
    this.#s = { ...this.#s, ...patch };
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resetToken ||= takeLinkToken('famille-reset');
    // A reset link: its form's code is fetched at once, before the first render.
    if (this.resetToken) this.#loadRecovery().catch(() => undefined);
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
    this.#set({ mode, errors: {}, summary: false, problem: undefined, retry: undefined, notice: undefined, reveal: false, typed: '', ...patch });
    if (focus) void this.#focus(patch.notice ? '[part=notice]' : '[part=heading]');
  }

  /**
   * The recovery module, with its words in the element's language (French when those
   * cannot be had, as for any element), fetched once; a failed download is tried again
   * by the next call.
   */
  #loadRecovery(): Promise<Recovery> {
    return (this.#recovering ??= recoveryModule.load().then(
      async ({ Recovery, recoveryFr, recoveryEnglish }) => {
        const tables = (recoveryTables ??= loginTablesWith(recoveryFr, recoveryEnglish));
        await tables.load(this.i18n.locale).catch(() => undefined);
        this.#tables = tables;
        return (this.#recovery = new Recovery(this.#recoveryHost));
      },
      (error: unknown) => {
        this.#recovering = undefined;
        throw error;
      },
    ));
  }

  /**
   * Shows a form of the recovery module, first loading it if need be: meanwhile the
   * forgotten-password link is busy (or, for a reset link, the form's place). When it
   * cannot be loaded, the network error shows with "Réessayer"; nothing typed is lost.
   */
  async #open(mode: 'forgot' | 'reset'): Promise<void> {
    if (this.#recovery) return this.#to(mode);
    // Focus follows as it does once loaded: not when the page opens on a reset link.
    const focus = this.hasUpdated;
    if (mode === 'reset') this.#to(mode, {}, false);
    else if (this.#s.opening) return;
    else this.#set({ opening: true, problem: undefined, retry: undefined });
    const failure = await this.#loadRecovery().then(
      () => undefined,
      (error: unknown) => this.asApiError(error),
    );
    // The parent sent the login form meanwhile: that is what they want now.
    if (mode === 'forgot' && !this.#s.opening) return;
    if (failure) {
      this.#set({ opening: false, problem: failure, retry: () => void this.#open(mode) });
      return this.#focus('[part=alert]');
    }
    this.#set({ opening: false });
    this.#to(mode, {}, focus);
  }

  protected override render(): TemplateResult {
    const notice = this.connectionNotice();
    if (notice) return notice;
    // A reset link's form whose module is still on its way: nothing to show but a failure.
    const waiting = !this.session && this.#s.mode !== 'login' && !this.#recovery;
    return html`<div class="famille-stack" part="base" lang=${this.i18n.locale} aria-busy=${waiting && !this.#s.problem ? 'true' : nothing}>
      ${
        this.session
          ? this.#renderAccount(this.session)
          : waiting
            ? this.#renderProblem()
            : this.#s.mode === 'sent'
              ? this.#recovery!.sent()
              : this.#renderForm(this.#form()!)
      }
    </div>`;
  }

  /** The form of the current mode (none while the recovery module is on its way, or on the "sent" page). */
  #form(): LoginForm | undefined {
    const mode = this.#s.mode;
    if (mode === 'login') return this.#loginForm();
    return mode === 'sent' ? undefined : this.#recovery?.form(mode);
  }

  #loginForm(): LoginForm {
    const { t } = this.i18n;
    return {
      heading: t('loginHeading'),
      intro: t('loginIntro'),
      identifiant: t('identifiant'),
      password: { label: t('password'), autocomplete: 'current-password' },
      submit: t('submit'),
      submitting: t('submitting'),
      links: html`${this.#link('famille-forgot-password', this.forgotPasswordHref, t('forgotPassword'), this.#s.opening)}
        <p>${t('noAccount')} ${this.#link('famille-create-account-requested', this.createAccountHref, t('createAccount'))}</p>`,
      action: (problem) =>
        problem.code === 'account_not_activated' ? secondaryButton(t('resendActivation'), () => void this.#resend(), this.#s.pending) : undefined,
      // Only that both are typed (the identifiant trimmed, the password as it is): the
      // contract's other limits (254 and 1,024 characters, no control character) are the
      // server's to refuse, with field errors this form shows alike. Its validator would
      // cost every login page 1 KB gzip for limits no parent reaches.
      check: (values) => {
        const issues = fieldNames
          .filter((name) => !(name === 'identifiant' ? values[name].trim() : values[name]))
          .map((name) => ({ code: 'too_small', origin: 'string', minimum: 1, path: [name] }));
        return issues.length ? { success: false, error: { issues } } : { success: true };
      },
      send: async (client, { identifiant, password }) => {
        const session = await client.auth.login({ identifiant, password });
        this.#set({ pending: false });
        this.session = session;
        this.#emit('famille-login', { session });
        return this.#focus('[part=heading]');
      },
    };
  }

  #renderForm(form: LoginForm): TemplateResult {
    const { t } = this.i18n;
    const id = this.#id;
    const error = (name: FieldName) => {
      const e = this.#s.errors[name];
      return e && this.#fieldMessage(e, form);
    };
    const pw = `${id}-password`;
    const { password } = form;
    return html`<form part="form" method="post" novalidate aria-labelledby="${id}-heading"
      @submit=${this.#onSubmit} @input=${this.#onInput} @focusout=${this.#onLeave}>
      <h2 id="${id}-heading" part="heading" tabindex="-1">${form.heading}</h2>
      ${this.#s.notice && this.#recovery ? this.#recovery.notice(this.#s.notice) : nothing}
      ${
        this.#s.summary && Object.keys(this.#s.errors).length
          ? errorSummary(
              `${id}-summary`,
              t('errorSummary'),
              fieldNames.flatMap((name) => (this.#s.errors[name] ? [{ id: `${id}-${name}`, message: error(name)! }] : [])),
            )
          : nothing
      }
      ${this.#renderProblem(form)}
      <p>${form.intro ?? nothing} ${t('requiredLegend')}</p>
      ${
        form.identifiant === undefined
          ? nothing
          : field({
              id: `${id}-identifiant`,
              name: 'identifiant',
              label: form.identifiant,
              autocomplete: 'username',
              required: true,
              verbatim: true,
              error: error('identifiant'),
              errorPrefix: t('errorPrefix'),
            })
      }
      ${
        password
          ? field({
              id: pw,
              name: 'password',
              label: password.label,
              type: this.#s.reveal ? 'text' : 'password',
              autocomplete: password.autocomplete,
              required: true,
              verbatim: true,
              error: error('password'),
              errorPrefix: t('errorPrefix'),
              ...(password.checklist && { describedBy: `${pw}-rules` }),
              after: passwordToggle(pw, this.#s.reveal, { show: t('show'), hide: t('hide'), suffix: t('passwordSuffix') }, () =>
                this.#set({ reveal: !this.#s.reveal }),
              ),
            })
          : nothing
      }
      ${password?.checklist?.(pw, this.#s.typed) ?? nothing}
      ${submitButton(form.submit, form.submitting, this.#s.pending)}
      <div class="famille-links">${form.links}</div>
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

  #renderProblem(form?: LoginForm): TemplateResult | typeof nothing {
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
      // Nothing the parent typed is lost: "Réessayer" sends the same form again (or does again what failed).
      action = form?.action?.(problem) ?? (retriable(problem) ? secondaryButton(t('retry'), this.#s.retry ?? this.#retry) : nothing);
    }
    return messageBox(message, { prefix: t('errorPrefix'), action });
  }

  #link(event: 'famille-forgot-password' | 'famille-create-account-requested', href: string | undefined, label: string, busy = false) {
    const onClick = (e: Event) => {
      const routed = !this.#emit(event, { identifiant: this.#value('identifiant') }, true);
      if (routed || !href) e.preventDefault();
      // Neither routed by the host nor linked: the forgotten-password form opens in place
      // (the identifiant input stays the same node, with what was typed).
      if (!routed && !href && event === 'famille-forgot-password') void this.#open('forgot');
    };
    return href
      ? html`<a href=${href} part="link" @click=${onClick}>${label}</a>`
      : html`<button type="button" class="famille-link" part="link" aria-disabled=${busy ? 'true' : nothing} aria-busy=${busy ? 'true' : nothing}
          @click=${onClick}>${label}</button>`;
  }

  #emit<K extends keyof FamilleLoginEvents>(type: K, detail: FamilleLoginEvents[K], cancelable = false): boolean {
    return this.dispatchEvent(familleEvent(type, detail, cancelable));
  }

  #fieldMessage(error: FieldError, form: LoginForm): string {
    const { t } = this.i18n;
    const label = error.path === 'password' ? form.password?.label : form.identifiant;
    const params = { field: label ?? '', minimum: 0, maximum: 0, ...error.params };
    return t(error.code, params as never);
  }

  #input(name: FieldName): HTMLInputElement | null {
    return this.querySelector(`#${this.#id}-${name}`);
  }

  #value(name: FieldName): string {
    return this.#input(name)?.value ?? '';
  }

  #values(): LoginValues {
    return { identifiant: this.#value('identifiant'), password: this.#value('password') };
  }

  /** The errors of what was typed, one per field (the form's other paths, such as a link's token, aside). */
  #validate(form = this.#form()): Partial<Record<FieldName, FieldError>> {
    const result = form?.check(this.#values());
    const errors: Partial<Record<FieldName, FieldError>> = {};
    if (result && !result.success) {
      for (const e of issuesToFieldErrors(result.error.issues)) if (fieldNames.includes(e.path as FieldName)) errors[e.path as FieldName] ??= e;
    }
    return errors;
  }

  // Never add an error while the parent types; only take away the ones they fixed.
  #onInput = (e: Event) => {
    const name = (e.target as HTMLInputElement).name as FieldName;
    const form = this.#form();
    this.#dirty.add(name);
    if (name === 'password' && form?.password?.checklist) this.#set({ typed: this.#value('password') });
    if (this.#s.errors[name] && !this.#validate(form)[name]) this.#setError(name, undefined);
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
      await (await this.#loadRecovery()).resendActivation(client, identifiant);
      this.#set({ pending: false, problem: undefined, retry: undefined, notice: 'activationResent' });
      return this.#focus('[part=notice]');
    } catch (error) {
      // "Réessayer" asks for the e-mail again (the module too, if that is what failed).
      this.#set({ pending: false, problem: this.asApiError(error), retry: () => void this.#resend() });
      return this.#focus('[part=alert]');
    }
  };

  #onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const form = this.#form();
    if (this.#s.pending || !form) return;
    this.#dirty.clear();
    const errors = this.#validate(form);
    if (Object.keys(errors).length) {
      this.#set({ errors, summary: true, problem: undefined, retry: undefined });
      return this.#focus('.famille-summary');
    }
    const client = this.activeClient;
    if (!client) {
      this.#set({ errors, summary: false, problem: 'not_configured', retry: undefined });
      return this.#focus('[part=alert]');
    }
    // Back to a masked input, so that the browser offers to save the password.
    this.#set({ errors, summary: false, problem: undefined, retry: undefined, notice: undefined, reveal: false, pending: true, opening: false });
    try {
      await form.send(client, this.#values());
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
    this.#set({ pending: true, problem: undefined, retry: undefined });
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
