import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { FieldError } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { familleEvent } from '../context/events.ts';
import { submitButton } from '../form/field.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { focusAfterRender, stepIndicator } from '../form/wizard.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { createAccountTables, type AllCreateAccountMessages as AllMessages } from './messages.ts';
import { createAccountStyles } from './create-account.styles.ts';
import {
  firstStep,
  initialState,
  registrationInput,
  REVIEW,
  SENT,
  stepChecked,
  stepCount,
  stepHasErrors,
  stepOf,
  steps,
  validate,
  withError,
  type CreateAccountState,
  type Values,
} from './state.ts';
import { fieldId, type WizardView } from './view.ts';
import { renderStep, renderStepSummary } from './steps.ts';
import { renderReview } from './review.ts';
import { renderActivation, renderSent } from './activation.ts';
import { renderServerAnswer } from './server-answer.ts';

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
export class FamilleCreateAccount extends FamilleElement<AllMessages, CreateAccountState> {
  static override lightStyles = createAccountStyles;
  static override properties: PropertyDeclarations = {
    activationToken: { attribute: 'activation-token' },
    loginHref: { attribute: 'login-href' },
    values: { state: true, attribute: false },
  };

  /** The token of an activation link; read from `#famille-activation=TOKEN` when absent. */
  declare activationToken: string | undefined;
  /** Where "Se connecter" leads after activation; without it, only the event fires. */
  declare loginHref: string | undefined;

  /** Everything typed, by path: survives every step change and every refusal. Replaced on each input. */
  declare private values: Values;
  /** Inputs typed in since the last step change: their errors show once left. */
  #dirty = new Set<string>();
  /** The activation token being (or last) sent. */
  #activating: string | undefined;

  constructor() {
    super();
    this.values = {};
  }

  protected override initialState(): CreateAccountState {
    return initialState;
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

  /** What the views read of the element, for this render. */
  #view(): WizardView {
    return {
      i18n: this.i18n,
      id: this.uid,
      state: this.state,
      values: this.values,
      tenantConfig: this.tenantConfig,
      heading: (content, options) => this.heading(content, options),
    };
  }

  protected override renderContent(): TemplateResult {
    const view = this.#view();
    const { step, activation } = this.state;
    if (activation || this.activationToken) {
      return renderActivation(view, activation ?? { status: 'pending' }, {
        host: this,
        loginHref: this.loginHref,
        resend: () => void this.#resend({ token: this.#activating! }),
        retry: () => void this.#activate(this.#activating!),
      });
    }
    if (step === SENT) return renderSent(view, () => void this.#resend({ identifiant: this.values['credentials.identifiant']!.trim() }));
    const { t } = this.i18n;
    const id = this.uid;
    const title = step === REVIEW ? t('stepReview') : t(steps[step]!.title);
    return html`<form part="form" method="post" novalidate aria-labelledby="${id}-heading"
      @submit=${this.#onSubmit} @input=${this.#onInput} @change=${this.#onInput} @focusout=${this.#onLeave}>
      ${this.heading(html`${stepIndicator(t('step', { n: step + 1, total: stepCount }))} ${title}`, { id: `${id}-heading` })}
      ${renderStepSummary(view)} ${renderServerAnswer(view, () => this.querySelector('form')?.requestSubmit())}
      ${step === REVIEW ? renderReview(view, (e, to, path) => this.#change(e, to, path)) : renderStep(view, step, this.#toggleReveal)}
      <div class="famille-actions">
        ${
          step === REVIEW
            ? submitButton(t('register'), t('registering'), this.state.pending)
            : submitButton(this.state.returning ? t('backToReview') : t('continue'), '', false)
        }
        ${step ? html`<button type="button" class="famille-link" part="link" @click=${this.#back}>${t('back')}</button>` : nothing}
      </div>
    </form>`;
  }

  #toggleReveal = () => this.setState({ reveal: !this.state.reveal });

  // ——— Values and validation ———

  #validate(): Record<string, FieldError> {
    return validate(this.values, this.i18n.locale);
  }

  #setError(path: string, error: FieldError | undefined): void {
    this.setState({ errors: withError(this.state.errors, path, error) });
  }

  // Never add an error while the parent types; only take away the ones they fixed.
  #onInput = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const path = input.name;
    if (stepOf(path) < 0) return;
    // A new object: the password's checklist follows what is typed.
    this.values = { ...this.values, [path]: input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value };
    this.#dirty.add(path);
    // A choice is made at once: its error may go (and, for radios, no "leaving" is needed).
    if (this.state.errors[path] && !this.#validate()[path]) this.#setError(path, undefined);
  };

  // A field left after typing in it shows its error (not one merely tabbed through).
  #onLeave = (e: FocusEvent) => {
    const path = (e.target as HTMLInputElement).name;
    if (!this.#dirty.has(path) || (e.target as HTMLInputElement).type === 'radio') return;
    this.#setError(path, this.#validate()[path]);
  };

  // ——— Navigation ———

  #go(step: number, patch: Partial<CreateAccountState> = {}, focus = '[part=heading]'): Promise<void> {
    this.#dirty.clear();
    this.setState({ step, summary: false, problem: undefined, notice: undefined, reveal: false, ...patch });
    return this.#focus(focus);
  }

  #back = () => this.#go(this.state.step - 1, { returning: false });

  #change(e: Event, step: number, path: string): void {
    e.preventDefault();
    void this.#go(step, { returning: true }, `#${fieldId(this.uid, path)}`);
  }

  #onSubmit = async (e: SubmitEvent) => {
    e.preventDefault();
    const { step } = this.state;
    if (step < REVIEW) {
      const errors = stepChecked(this.state.errors, this.#validate(), step);
      this.#dirty.clear();
      if (stepHasErrors(errors, step)) {
        this.setState({ errors, summary: true, problem: undefined });
        return this.#focus('[part=error-summary]');
      }
      // Back to the review after a change, unless a later step still has errors.
      return this.#go(this.state.returning ? firstStep(Object.keys(errors)) : step + 1, { errors });
    }
    await this.#register();
  };

  async #register(): Promise<void> {
    if (this.state.pending) return;
    const errors = this.#validate();
    const first = firstStep(Object.keys(errors));
    if (first < REVIEW) return this.#go(first, { errors, summary: true, returning: true }, '[part=error-summary]');
    const client = this.activeClient;
    if (!client) {
      this.setState({ problem: 'not_configured' });
      return this.#focus('[part=alert]');
    }
    this.setState({ pending: true, problem: undefined });
    try {
      const accepted = await client.call(endpoints.register, { body: registrationInput(this.values, this.i18n.locale) });
      this.setState({ pending: false, accepted });
      this.#emit('famille-account-created', { email: accepted.email });
      return this.#go(SENT);
    } catch (error) {
      const problem = this.asApiError(error);
      const known = problem.fieldErrors.filter((f) => stepOf(f.path) >= 0);
      if (problem.code === 'validation_failed' && known.length) {
        // Back to the first step the server refused, values in place, its errors listed.
        const refused = Object.fromEntries(known.map((f) => [f.path, f]));
        const step = firstStep(known.map((f) => f.path));
        this.setState({ pending: false });
        return this.#go(step, { errors: refused, summary: true, returning: true }, '[part=error-summary]');
      }
      this.setState({ pending: false, problem });
      return this.#focus('[part=alert]');
    }
  }

  async #resend(input: { identifiant: string } | { token: string }): Promise<void> {
    const client = this.activeClient;
    if (this.state.pending || !client) return;
    this.setState({ pending: true, problem: undefined, notice: undefined });
    try {
      await client.call(endpoints.resendActivation, { body: { ...input, locale: this.i18n.locale } });
      this.setState({ pending: false, notice: 'resent' });
      return this.#focus('[part=notice]');
    } catch (error) {
      this.setState({ pending: false, problem: this.asApiError(error) });
      await this.updateComplete;
      // The answer to the resend is the last message (an activation failure may sit above).
      [...this.querySelectorAll<HTMLElement>('[part=alert]')].pop()?.focus();
    }
  }

  async #activate(token: string): Promise<void> {
    const client = this.activeClient!;
    this.setState({ activation: { status: 'pending' }, problem: undefined, notice: undefined });
    try {
      const { identifiant } = await client.call(endpoints.activate, { body: { token } });
      this.setState({ activation: { status: 'done', identifiant } });
      this.#emit('famille-account-activated', { identifiant });
    } catch (error) {
      this.setState({ activation: { status: 'failed', problem: this.asApiError(error) } });
    }
    return this.#focus('[part=heading]');
  }
}

/** The events of `<famille-create-account>`, by name. */
export interface FamilleCreateAccountEvents {
  'famille-account-created': { email: string };
  'famille-account-activated': { identifiant: string };
  'famille-login-requested': { identifiant: string };
}
