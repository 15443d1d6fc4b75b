import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError, endpoints } from '@famille/sdk';
import { issuesToFieldErrors, RegistrationInput, type FieldError, type RegistrationAccepted } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { familleEvent, type FamilleEventMap } from '../context/events.ts';
import {
  checkbox,
  choices,
  errorSummary,
  field,
  messageBox,
  passwordToggle,
  retriable,
  secondaryButton,
  submitButton,
  type AutocompleteToken,
  type InputType,
} from '../form/field.ts';
import { passwordChecklist } from '../form/password-checklist.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { focusAfterRender, stepIndicator } from '../form/wizard.ts';
import { loginLink } from '../form/login-link.ts';
import { today, typedToIso } from '../form/dates.ts';
import { createAccountTables, type AllCreateAccountMessages as AllMessages } from './messages.ts';
import type { MessageTables } from '../i18n/localize.ts';
import type { CreateAccountMessages } from './messages.fr.ts';
import { createAccountStyles } from './create-account.styles.ts';

/** The events of `<famille-create-account>`, by name. */
export interface FamilleCreateAccountEvents {
  'famille-account-created': { email: string };
  'famille-account-activated': { identifiant: string };
  'famille-login-requested': { identifiant: string };
}

declare global {
  interface HTMLElementEventMap extends FamilleEventMap<FamilleCreateAccountEvents> {}
}

type Label = keyof CreateAccountMessages & keyof AllMessages;

/** One input of the wizard: its path in RegistrationInput is its name and its key. */
interface Spec {
  path: string;
  ac?: AutocompleteToken;
  req?: 1;
  hint?: Label;
  type?: InputType;
  mode?: string;
  /** Radio options (their labels are message keys). */
  options?: readonly Label[];
}

const steps: readonly { title: Label; fields: readonly Spec[] }[] = [
  { title: 'stepCgu', fields: [{ path: 'acceptCgu', req: 1 }] },
  {
    title: 'stepIdentity',
    fields: [
      { path: 'identity.civilite', req: 1, options: ['madame', 'monsieur'] },
      { path: 'identity.nomUsage', ac: 'family-name', req: 1 },
      { path: 'identity.nomNaissance' },
      { path: 'identity.prenoms', ac: 'given-name', req: 1 },
      { path: 'identity.dateNaissance', ac: 'bday', hint: 'dateHint', mode: 'numeric' },
    ],
  },
  {
    title: 'stepAddress',
    fields: [
      { path: 'address.numero' },
      { path: 'address.voie', ac: 'address-line1' },
      { path: 'address.batiment', ac: 'address-line2' },
      { path: 'address.appartement', ac: 'address-line3' },
      { path: 'address.complement' },
      { path: 'address.codePostal', ac: 'postal-code', hint: 'postalHint', mode: 'numeric' },
      { path: 'address.commune', ac: 'address-level2' },
    ],
  },
  {
    title: 'stepContacts',
    fields: [
      { path: 'contacts.telephone', ac: 'tel', type: 'tel', hint: 'phoneHint' },
      { path: 'contacts.mobile', ac: 'tel', type: 'tel', hint: 'phoneHint' },
      { path: 'contacts.email', ac: 'email', type: 'email', req: 1, hint: 'emailHint' },
      { path: 'contacts.preferredContact', options: ['email', 'telephone', 'mobile', 'courrier'] },
    ],
  },
  {
    title: 'stepCredentials',
    fields: [
      { path: 'credentials.identifiant', ac: 'username', req: 1, hint: 'identifiantHint' },
      { path: 'credentials.password', ac: 'new-password', req: 1 },
    ],
  },
];
const REVIEW = steps.length;
const SENT = REVIEW + 1;
const total = steps.length + 1;
const labelOf = (path: string) => path.split('.').pop() as Label;
const stepOf = (path: string) => steps.findIndex((s) => s.fields.some((f) => f.path === path));
/** The first step holding one of these paths (REVIEW when none). */
const firstStep = (paths: string[]) => Math.min(REVIEW, ...paths.map(stepOf).filter((n) => n >= 0));

type Activation = { status: 'pending' } | { status: 'done'; identifiant: string } | { status: 'failed'; problem: ApiError };

interface State {
  step: number;
  errors: Record<string, FieldError>;
  summary: boolean;
  /** Came from "Modifier" on the review (or back from a refusal): Continue returns there. */
  returning: boolean;
  problem?: ApiError | 'not_configured' | undefined;
  pending: boolean;
  reveal: boolean;
  accepted?: RegistrationAccepted | undefined;
  notice?: Label | undefined;
  activation?: Activation | undefined;
}

let instances = 0;

/**
 * @summary A parent creates their Espace Famille account, then activates it from the e-mail's link.
 *
 * A wizard in one native `<form>` in the light DOM (password managers see it): the
 * tenant's terms of use and data-protection notice, identity, address, contact details,
 * identifiant and password (with the tenant's policy as a live checklist), a review
 * with "Modifier" links, then "check your e-mail". Each step validates with the
 * contract's `RegistrationInput`; the server's field errors bring the parent back to
 * their step with every value in place.
 *
 * When the page's URL fragment holds `famille-activation=TOKEN` (the e-mail's link), or
 * `activation-token` is set, the element activates the account instead, removes the
 * token from the URL, and offers to log in (or a new link when it expired).
 *
 * @fires famille-account-created - The account exists, its activation e-mail is on its way. `detail: { email }`.
 * @fires famille-account-activated - The activation link worked. `detail: { identifiant }`.
 * @fires famille-login-requested - "Se connecter" after activation. Cancelable: cancel it to show your own login. `detail: { identifiant }`.
 *
 * @csspart base - The wrapper.
 * @csspart form - The wizard's form.
 * @csspart heading - Each step's heading (receives focus on every step).
 * @csspart steps - "Étape 2 sur 6".
 * @csspart error-summary - The errors of a step, on "Continuer".
 * @csspart alert - The server's answer when something fails.
 * @csspart notice - A confirmation.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label or a group's legend.
 * @csspart hint - A field's format instructions.
 * @csspart input - A field's input.
 * @csspart error - A field's error message.
 * @csspart toggle - The show/hide password button.
 * @csspart checklist - The password policy's live checklist.
 * @csspart review - The answers on the review step.
 * @csspart button - Buttons.
 * @csspart link - Links ("Modifier", terms of use).
 */
export class FamilleCreateAccount extends FamilleElement<AllMessages> {
  static override lightStyles = createAccountStyles;
  static override properties: PropertyDeclarations = {
    activationToken: { attribute: 'activation-token' },
    loginHref: { attribute: 'login-href' },
  };

  /** The token of an activation link; read from `#famille-activation=TOKEN` when absent. */
  declare activationToken: string | undefined;
  /** Where "Se connecter" leads after activation; without it, only the event fires. */
  declare loginHref: string | undefined;

  #s: State = { step: 0, errors: {}, summary: false, returning: false, pending: false, reveal: false };
  /** Everything typed, by path: survives every step change and every refusal. */
  #values: Record<string, string> = {};
  #dirty = new Set<string>();
  #id = `famille-create-account-${++instances}`;
  #activating: string | undefined;

  #set(patch: Partial<State>): void {
    this.#s = { ...this.#s, ...patch };
    this.requestUpdate();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return createAccountTables;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.activationToken ||= takeLinkToken('famille-activation');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const token = this.activationToken;
    if (token && token !== this.#activating && this.activeClient) {
      this.#activating = token;
      // After this update, not inside it.
      void this.updateComplete.then(() => this.#activate(token));
    }
  }

  #emit<K extends keyof FamilleCreateAccountEvents>(type: K, detail: FamilleCreateAccountEvents[K], cancelable = false): boolean {
    return this.dispatchEvent(familleEvent(type, detail, cancelable));
  }

  #focus(selector: string): Promise<void> {
    return focusAfterRender(this, selector);
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const notice = this.connectionNotice();
    if (notice) return notice;
    const { t, locale } = this.i18n;
    const { step, activation } = this.#s;
    const id = this.#id;
    let body: TemplateResult;
    if (activation || this.activationToken) body = this.#renderActivation(activation ?? { status: 'pending' });
    else if (step === SENT) body = this.#renderSent();
    else {
      const title = step === REVIEW ? t('stepReview') : t(steps[step]!.title);
      body = html`<form part="form" method="post" novalidate aria-labelledby="${id}-heading"
        @submit=${this.#onSubmit} @input=${this.#onInput} @change=${this.#onInput} @focusout=${this.#onLeave}>
        <h2 id="${id}-heading" part="heading" tabindex="-1">${stepIndicator(t('step', { n: step + 1, total }))} ${title}</h2>
        ${this.#renderSummary()} ${this.#renderProblem(() => this.querySelector('form')?.requestSubmit())}
        ${step === REVIEW ? this.#renderReview() : this.#renderStep(step)}
        <div class="famille-actions">
          ${
            step === REVIEW
              ? submitButton(t('register'), t('registering'), this.#s.pending)
              : submitButton(this.#s.returning ? t('backToReview') : t('continue'), '', false)
          }
          ${step ? html`<button type="button" class="famille-link" part="link" @click=${this.#back}>${t('back')}</button>` : nothing}
        </div>
      </form>`;
    }
    return html`<div class="famille-stack" part="base" lang=${locale}>${body}</div>`;
  }

  #renderStep(step: number): TemplateResult {
    const { t } = this.i18n;
    const config = this.tenantConfig;
    const lang = this.i18n.locale;
    const notice = (key: 'cgu' | 'dataProtection', title: Label, link: Label) => {
      const text = config?.notices?.[key];
      const href = config?.links[key];
      return html`<section class="famille-notice" aria-labelledby="${this.#id}-${key}">
        <h3 id="${this.#id}-${key}">${t(title)}</h3>
        ${text ? html`<p>${text[lang] ?? text.fr}</p>` : nothing}
        ${href ? html`<p><a href=${href} target="_blank" rel="noopener" part="link">${t(link)}<span class="famille-sr">${t('newWindow')}</span></a></p>` : nothing}
      </section>`;
    };
    return html`${
      step === 0
        ? html`${notice('cgu', 'cguNotice', 'cguLink')}${notice('dataProtection', 'dataNotice', 'dataLink')}`
        : step === 1
          ? html`<p class="famille-hint">${t('identityHint')}</p>`
          : nothing
    }
      <p>${t('requiredLegend')}</p>
      ${steps[step]!.fields.map((f) => this.#renderField(f))}`;
  }

  #renderField(f: Spec): TemplateResult {
    const { t } = this.i18n;
    const id = this.#fieldId(f.path);
    const label = t(labelOf(f.path));
    const error = this.#message(f.path);
    const common = { id, name: f.path, required: !!f.req, errorPrefix: t('errorPrefix'), ...(error && { error }) };
    if (f.path === 'acceptCgu') return checkbox({ ...common, label: t('acceptCgu'), checked: this.#values[f.path] === 'true' });
    if (f.options) {
      return choices({ ...common, legend: label, value: this.#values[f.path], options: f.options.map((o) => ({ value: o, label: t(o) })) });
    }
    const password = f.path === 'credentials.password';
    const reveal = this.#s.reveal;
    return html`${field({
      ...common,
      label,
      value: this.#values[f.path] ?? '',
      ...(f.ac && { autocomplete: f.ac }),
      ...(f.hint && { hint: t(f.hint) }),
      ...(f.mode && { inputmode: f.mode }),
      type: password && !reveal ? 'password' : (f.type ?? 'text'),
      verbatim: f.path.startsWith('credentials') || f.type === 'email',
      ...(password && {
        describedBy: `${id}-rules`,
        after: passwordToggle(id, reveal, { show: t('show'), hide: t('hide'), suffix: t('passwordSuffix') }, () => this.#set({ reveal: !reveal })),
      }),
    })}${password ? passwordChecklist(id, this.tenantConfig?.passwordPolicy, this.#values[f.path] ?? '', t) : nothing}`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    const step = this.#s.step;
    const fields = step === REVIEW ? [] : steps[step]!.fields;
    const items = fields.flatMap((f) => {
      const message = this.#message(f.path);
      return message ? [{ id: this.#fieldId(f.path), message }] : [];
    });
    return this.#s.summary && items.length ? errorSummary(`${this.#id}-summary`, this.i18n.t('errorSummary'), items) : nothing;
  }

  #renderReview(): TemplateResult {
    const { t } = this.i18n;
    const shown = (f: Spec): string => {
      const value = this.#values[f.path]?.trim();
      if (f.path === 'acceptCgu') return t('accepted');
      if (f.path === 'credentials.password') return t('hidden');
      if (!value) return t('notGiven');
      return f.options ? t(value as Label) : value;
    };
    return html`<div class="famille-review" part="review">
      ${steps.map(
        (s, step) => html`<section aria-labelledby="${this.#id}-review-${step}">
          <h3 id="${this.#id}-review-${step}">${t(s.title)}</h3>
          <dl>
            ${s.fields.map(
              (f) => html`<div class="famille-review-row">
                <dt>${f.path === 'acceptCgu' ? t('cguNotice') : t(labelOf(f.path))}</dt>
                <dd>${shown(f)}</dd>
                <dd>
                  <a href="#${this.#fieldId(f.path)}" part="link" @click=${(e: Event) => this.#change(e, step, f.path)}
                    >${t('change')}<span class="famille-sr"> ${f.path === 'acceptCgu' ? t('cguNotice') : t(labelOf(f.path))}</span></a
                  >
                </dd>
              </div>`,
            )}
          </dl>
        </section>`,
      )}
    </div>`;
  }

  #renderProblem(retry?: () => void): TemplateResult | typeof nothing {
    const { t } = this.i18n;
    const problem = this.#s.problem;
    if (this.#s.notice) return messageBox(t(this.#s.notice), { success: true });
    if (!problem) return nothing;
    if (problem === 'not_configured') return messageBox(t('notConfigured'), { prefix: t('errorPrefix') });
    return messageBox(this.#problemText(problem), {
      prefix: t('errorPrefix'),
      action: retry && retriable(problem) ? secondaryButton(t('retry'), retry) : nothing,
    });
  }

  #problemText(problem: ApiError): string {
    const { t } = this.i18n;
    return problem.code === 'too_many_attempts'
      ? t('too_many_attempts', { minutes: Math.max(1, Math.ceil((problem.problem?.retryAfterSeconds ?? 60) / 60)) })
      : this.i18n.problem(problem.code);
  }

  #renderSent(): TemplateResult {
    const { t } = this.i18n;
    const accepted = this.#s.accepted!;
    return html`<section class="famille-stack" aria-labelledby="${this.#id}-heading">
      <h2 id="${this.#id}-heading" part="heading" tabindex="-1">${t('sentHeading')}</h2>
      <p>${t('sentTo', { email: accepted.email })}</p>
      <p>${t('sentTtl', { hours: accepted.activationTtlHours })}</p>
      <p>${t('sentHelp')}</p>
      ${this.#renderProblem()}
      ${secondaryButton(t('resend'), () => void this.#resend({ identifiant: this.#values['credentials.identifiant']!.trim() }), this.#s.pending)}
    </section>`;
  }

  #renderActivation(a: Activation): TemplateResult {
    const { t } = this.i18n;
    const heading = (text: string) => html`<h2 id="${this.#id}-heading" part="heading" tabindex="-1">${text}</h2>`;
    if (a.status === 'pending') return html`${heading(t('activating'))}`;
    if (a.status === 'done') {
      return html`${heading(t('activatedHeading'))}
        <p>${t('activatedText', { identifiant: a.identifiant })}</p>
        ${loginLink(this, this.loginHref, t('login'), a.identifiant)}`;
    }
    const code = a.problem.code;
    const token = this.#activating!;
    const canResend = code === 'token_expired' || code === 'token_used';
    return html`${heading(t('activationFailed'))}
      ${messageBox(this.#problemText(a.problem), { prefix: t('errorPrefix') })}
      ${code === 'token_used' ? html`<p>${t('usedHelp')}</p>${loginLink(this, this.loginHref, t('login'))}` : nothing}
      ${this.#renderProblem()}
      ${canResend ? secondaryButton(t('resend'), () => void this.#resend({ token }), this.#s.pending) : nothing}
      ${retriable(a.problem) ? secondaryButton(t('retry'), () => void this.#activate(token)) : nothing}`;
  }

  // ——— Values and validation ———

  #fieldId(path: string): string {
    return `${this.#id}-${path.replace('.', '-')}`;
  }

  #message(path: string): string | undefined {
    const error = this.#s.errors[path];
    if (!error) return undefined;
    const { t } = this.i18n;
    if (path === 'acceptCgu') return t('acceptRequired');
    return t(error.code, { field: t(labelOf(path)), minimum: 0, maximum: 0, ...error.params });
  }

  /** What the parent typed, as the contract's input: trimmed, empty answers left out. */
  #input(): RegistrationInput {
    const group = (prefix: string) => {
      const out: Record<string, string> = {};
      for (const f of steps.flatMap((s) => s.fields)) {
        const [head, name] = f.path.split('.');
        // Passwords are never trimmed: spaces are legitimate in passphrases.
        const value = f.path === 'credentials.password' ? this.#values[f.path] : this.#values[f.path]?.trim();
        // A date not typed as JJ/MM/AAAA is left for the contract to refuse.
        if (head === prefix && value) out[name!] = f.path === 'identity.dateNaissance' ? (typedToIso(value) ?? value) : value;
      }
      return out;
    };
    return {
      ...(this.#values['acceptCgu'] === 'true' && { acceptCgu: true }),
      identity: group('identity'),
      address: group('address'),
      contacts: group('contacts'),
      credentials: group('credentials'),
      locale: this.i18n.locale,
    } as RegistrationInput;
  }

  /** The errors of the whole input, by path (the contract's rules, plus the past-date rule). */
  #validate(): Record<string, FieldError> {
    const input = this.#input();
    const result = RegistrationInput.safeParse(input, { reportInput: true });
    const errors: Record<string, FieldError> = {};
    if (!result.success) for (const e of issuesToFieldErrors(result.error.issues)) errors[e.path] ??= e;
    // The browser's validators carry no refinements: a birth date must still be past.
    const birth = input.identity.dateNaissance;
    if (birth && !errors['identity.dateNaissance'] && birth >= today()) {
      errors['identity.dateNaissance'] = { path: 'identity.dateNaissance', code: 'not_in_past' };
    }
    return errors;
  }

  #setError(path: string, error: FieldError | undefined): void {
    const { [path]: _, ...rest } = this.#s.errors;
    this.#set({ errors: error ? { ...rest, [path]: error } : rest });
  }

  // Never add an error while the parent types; only take away the ones they fixed.
  #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const path = input.name;
    if (stepOf(path) < 0) return;
    this.#values[path] = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value;
    this.#dirty.add(path);
    // A choice is made at once: its error may go (and, for radios, no "leaving" is needed).
    if (this.#s.errors[path] && !this.#validate()[path]) this.#setError(path, undefined);
    else if (path === 'credentials.password') this.requestUpdate();
  };

  // A field left after typing in it shows its error (not one merely tabbed through).
  #onLeave = (e: FocusEvent) => {
    const path = (e.target as HTMLInputElement).name;
    if (!this.#dirty.has(path) || (e.target as HTMLInputElement).type === 'radio') return;
    this.#setError(path, this.#validate()[path]);
  };

  // ——— Navigation ———

  #go(step: number, patch: Partial<State> = {}, focus = '[part=heading]'): Promise<void> {
    this.#dirty.clear();
    this.#set({ step, summary: false, problem: undefined, notice: undefined, reveal: false, ...patch });
    return this.#focus(focus);
  }

  #back = () => this.#go(this.#s.step - 1, { returning: false });

  #change(e: Event, step: number, path: string): void {
    e.preventDefault();
    void this.#go(step, { returning: true }, `#${this.#fieldId(path)}`);
  }

  #onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const step = this.#s.step;
    if (step < REVIEW) {
      const all = this.#validate();
      const errors = { ...this.#s.errors };
      for (const f of steps[step]!.fields) {
        if (all[f.path]) errors[f.path] = all[f.path]!;
        else delete errors[f.path];
      }
      this.#dirty.clear();
      if (steps[step]!.fields.some((f) => errors[f.path])) {
        this.#set({ errors, summary: true, problem: undefined });
        return this.#focus('[part=error-summary]');
      }
      this.#s.errors = errors;
      // Back to the review after a change, unless a later step still has errors.
      return this.#go(this.#s.returning ? firstStep(Object.keys(errors)) : step + 1);
    }
    await this.#register();
  };

  async #register(): Promise<void> {
    if (this.#s.pending) return;
    const errors = this.#validate();
    const first = firstStep(Object.keys(errors));
    if (first < REVIEW) return this.#go(first, { errors, summary: true, returning: true }, '[part=error-summary]');
    const client = this.activeClient;
    if (!client) {
      this.#set({ problem: 'not_configured' });
      return this.#focus('[part=alert]');
    }
    this.#set({ pending: true, problem: undefined });
    try {
      const accepted = await client.call(endpoints.register, { body: this.#input() });
      this.#set({ pending: false, accepted });
      this.#emit('famille-account-created', { email: accepted.email });
      return this.#go(SENT);
    } catch (error) {
      const problem = this.asApiError(error);
      const known = problem.fieldErrors.filter((f) => stepOf(f.path) >= 0);
      if (problem.code === 'validation_failed' && known.length) {
        // Back to the first step the server refused, values in place, its errors listed.
        const refused = Object.fromEntries(known.map((f) => [f.path, f]));
        const step = firstStep(known.map((f) => f.path));
        this.#set({ pending: false });
        return this.#go(step, { errors: refused, summary: true, returning: true }, '[part=error-summary]');
      }
      this.#set({ pending: false, problem });
      return this.#focus('[part=alert]');
    }
  }

  async #resend(input: { identifiant: string } | { token: string }): Promise<void> {
    const client = this.activeClient;
    if (this.#s.pending || !client) return;
    this.#set({ pending: true, problem: undefined, notice: undefined });
    try {
      await client.call(endpoints.resendActivation, { body: { ...input, locale: this.i18n.locale } });
      this.#set({ pending: false, notice: 'resent' });
      return this.#focus('[part=notice]');
    } catch (error) {
      this.#set({ pending: false, problem: this.asApiError(error) });
      await this.updateComplete;
      // The answer to the resend is the last message (an activation failure may sit above).
      [...this.querySelectorAll<HTMLElement>('[part=alert]')].pop()?.focus();
    }
  }

  async #activate(token: string): Promise<void> {
    const client = this.activeClient!;
    this.#set({ activation: { status: 'pending' }, problem: undefined, notice: undefined });
    try {
      const { identifiant } = await client.call(endpoints.activate, { body: { token } });
      this.#set({ activation: { status: 'done', identifiant } });
      this.#emit('famille-account-activated', { identifiant });
    } catch (error) {
      this.#set({ activation: { status: 'failed', problem: this.asApiError(error) } });
    }
    return this.#focus('[part=heading]');
  }
}
