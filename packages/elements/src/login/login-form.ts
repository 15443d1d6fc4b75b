// The login's own form (the recovery's come from recovery.ts): identifiant and password,
// then the links to a forgotten password and to account creation.
import { html, nothing, type TemplateResult } from 'lit';
import type { Session } from '@famille/contract';
import { secondaryButton } from '../form/field.ts';
import type { LoginForm, LoginView } from './form.ts';
import { presenceCheck, type LoginState } from './state.ts';

export type PageRequest = 'famille-forgot-password' | 'famille-create-account-requested';

/**
 * The login form. `request` fires a page request (cancelable) with what was typed and
 * answers whether the host let it through; `resend` sends a new activation e-mail;
 * `loggedIn` shows the parent logged in.
 */
export function loginForm(
  view: LoginView,
  state: LoginState,
  request: (event: PageRequest, href: string | undefined) => boolean,
  resend: () => unknown,
  loggedIn: (session: Session) => Promise<void>,
): LoginForm {
  const { t } = view.i18n();
  const { forgotPasswordHref, createAccountHref } = view.element;
  // A link to the host's page for `event`, or a button when it gives none; followed only if the host lets the event through.
  const link = (event: PageRequest, href: string | undefined, label: string, busy = false): TemplateResult => {
    const onClick = (e: Event) => {
      if (!request(event, href) || !href) e.preventDefault();
    };
    return href
      ? html`<a href=${href} part="link" @click=${onClick}>${label}</a>`
      : html`<button type="button" class="famille-link" part="link" aria-disabled=${busy ? 'true' : nothing} aria-busy=${busy ? 'true' : nothing}
          @click=${onClick}>${label}</button>`;
  };
  return {
    heading: t('loginHeading'),
    intro: t('loginIntro'),
    identifiant: t('identifiant'),
    password: { label: t('password'), autocomplete: 'current-password' },
    submit: t('submit'),
    submitting: t('submitting'),
    links: html`${link('famille-forgot-password', forgotPasswordHref, t('forgotPassword'), state.opening)}
      <p>${t('noAccount')} ${link('famille-create-account-requested', createAccountHref, t('createAccount'))}</p>`,
    action: (problem) => (problem.code === 'account_not_activated' ? secondaryButton(t('resendActivation'), resend, state.pending) : undefined),
    check: presenceCheck,
    send: async (client, { identifiant, password }) => loggedIn(await client.auth.login({ identifiant, password })),
  };
}
