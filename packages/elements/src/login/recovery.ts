// The rarely used flows of <famille-login>: a forgotten password (ask for a reset link,
// then its confirmation), the reset link's new-password form with the tenant's policy
// as a checklist, and a new activation e-mail. The element imports this module only when
// one of them is needed (login.ts `recoveryModule`), so that the login page does not
// carry them: their code, words, validators and endpoints land in this chunk.
import { html, type TemplateResult } from 'lit';
import { endpoints, type FamilleClient } from '@famille/sdk';
import { PasswordResetInput, PasswordResetRequest } from '@famille/contract';
import { familleEvent } from '../context/events.ts';
import { messageBox, secondaryButton } from '../form/field.ts';
import { passwordChecklist } from '../form/password-checklist.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { FamilleLoginEvents } from './login.ts';
import type { LoginForm, LoginView } from './form.ts';
import type { LoginValues } from './state.ts';
import type { AllLoginMessages } from './messages.ts';
import type { RecoveryMessages } from './recovery-messages.fr.ts';

// The element puts these words over its own (login.ts `loginTablesWith`). Nothing but
// types comes from the login's modules: a value imported from the element's chunk would
// have that chunk export it, and it would no longer be the element's plain entry.
export { recoveryFr } from './recovery-messages.fr.ts';
export const recoveryEnglish = (): Promise<RecoveryMessages> => import('./recovery-messages.en.ts').then((m) => m.recoveryEn);
export type AllRecoveryMessages = AllLoginMessages & RecoveryMessages;

/** `forgot`: ask for a reset link; `sent`: its confirmation; `reset`: choose a new password. */
export type RecoveryMode = 'forgot' | 'sent' | 'reset';
/** A confirmation the login form shows after a recovery flow. */
export type RecoveryNotice = 'resetDone' | 'activationResent';

/** What the recovery flows use of their `<famille-login>`. */
export interface RecoveryHost extends LoginView {
  /** The element's words: the login's and, now that this module is here, the recovery's. */
  i18n(): Localizer<AllRecoveryMessages>;
  /** Shows another form (focus on its heading), or the login form with a confirmation (focus on it). */
  show(mode: 'login' | RecoveryMode, notice?: RecoveryNotice): void;
  /** Sets inputs of the form once it is rendered. */
  fill(values: Partial<LoginValues>): Promise<void>;
}

/** The recovery flows of one `<famille-login>`. */
export class Recovery {
  readonly #host: RecoveryHost;

  constructor(host: RecoveryHost) {
    this.#host = host;
  }

  /** The form asking for a reset link, or the reset link's new-password form. */
  form(mode: 'forgot' | 'reset'): LoginForm {
    return mode === 'forgot' ? this.#forgot() : this.#reset();
  }

  /** "A link was sent if an account matches", whether or not one does. */
  sent(): TemplateResult {
    const host = this.#host;
    const { t } = host.i18n();
    return html`${host.heading(t('forgotHeading'), { id: `${host.id}-heading` })}
      ${messageBox(t('forgotSent'), { success: true })} ${this.#backToLogin()}`;
  }

  /** A confirmation shown above the login form. */
  notice(key: RecoveryNotice): TemplateResult {
    return messageBox(this.#host.i18n().t(key), { success: true });
  }

  /** Asks the server to send a new activation e-mail to the identifiant, in the element's language. */
  async resendActivation(client: FamilleClient, identifiant: string): Promise<void> {
    await client.call(endpoints.resendActivation, { body: { identifiant, locale: this.#host.i18n().locale } });
  }

  #forgot(): LoginForm {
    const { t, locale } = this.#host.i18n();
    return {
      heading: t('forgotHeading'),
      intro: t('forgotIntro'),
      identifiant: t('identifiantOrEmail'),
      submit: t('sendLink'),
      submitting: t('sending'),
      links: this.#backToLogin(),
      check: ({ identifiant }) => PasswordResetRequest.safeParse({ identifiant }, { reportInput: true }),
      send: async (client, { identifiant }) => {
        await client.call(endpoints.requestPasswordReset, { body: { identifiant, locale } });
        this.#host.show('sent');
      },
    };
  }

  #reset(): LoginForm {
    const { t } = this.#host.i18n();
    const login = this.#host.element;
    const token = login.resetToken ?? '';
    return {
      heading: t('resetHeading'),
      password: {
        label: t('newPassword'),
        autocomplete: 'new-password',
        checklist: (id, typed) => passwordChecklist(id, login.tenantConfig?.passwordPolicy, typed, t),
      },
      submit: t('resetSubmit'),
      submitting: t('saving'),
      links: this.#backToLogin(),
      // An expired or used link: a new one, with the identifiant to type again.
      action: (problem) => (problem.code.startsWith('token_') ? secondaryButton(t('askAgain'), () => this.#host.show('forgot')) : undefined),
      check: ({ password }) => PasswordResetInput.safeParse({ token, password }, { reportInput: true }),
      send: async (client, { password }) => {
        const { identifiant } = await client.call(endpoints.resetPassword, { body: { token, password } });
        login.resetToken = undefined;
        login.dispatchEvent(familleEvent<FamilleLoginEvents['famille-password-reset']>('famille-password-reset', { identifiant }));
        this.#host.show('login', 'resetDone');
        // The login form reuses the reset's input: an empty one asks for the new password plainly.
        await this.#host.fill({ identifiant, password: '' });
      },
    };
  }

  #backToLogin(): TemplateResult {
    const { t } = this.#host.i18n();
    return html`<button type="button" class="famille-link" part="link" @click=${() => this.#host.show('login')}>${t('backToLogin')}</button>`;
  }
}
