// The pages around the activation e-mail: "check your e-mail" after the account is
// created, then the activation link's outcome (activated, or why not and what to do).
import { html, nothing, type TemplateResult } from 'lit';
import { messageBox, retriable, secondaryButton } from '../form/field.ts';
import { loginLink } from '../form/login-link.ts';
import type { Activation } from './state.ts';
import { problemText, renderServerAnswer } from './server-answer.ts';
import type { WizardView } from './view.ts';

/** "Consultez votre messagerie": where the link went, how long it lasts, and a new one on demand. */
export function renderSent(view: WizardView, resend: () => void): TemplateResult {
  const { t } = view.i18n;
  const { accepted, pending } = view.state;
  return html`<section class="famille-stack" aria-labelledby="${view.id}-heading">
    ${view.heading(t('sentHeading'), { id: `${view.id}-heading` })}
    <p>${t('sentTo', { email: accepted!.email })}</p>
    <p>${t('sentTtl', { hours: accepted!.activationTtlHours })}</p>
    <p>${t('sentHelp')}</p>
    ${renderServerAnswer(view)} ${secondaryButton(t('resend'), resend, pending)}
  </section>`;
}

/** What the activation page offers: log in, or a new link, or trying again. */
export interface ActivationActions {
  /** The element, which fires `famille-login-requested` from "Se connecter". */
  host: HTMLElement;
  loginHref: string | undefined;
  resend: () => void;
  retry: () => void;
}

/** The activation link's outcome: under way, done (log in), or failed (a new link, log in, or retry). */
export function renderActivation(view: WizardView, activation: Activation, actions: ActivationActions): TemplateResult {
  const { t } = view.i18n;
  const { host, loginHref } = actions;
  const heading = (text: string) => view.heading(text, { id: `${view.id}-heading` });
  if (activation.status === 'pending') return heading(t('activating'));
  if (activation.status === 'done') {
    return html`${heading(t('activatedHeading'))}
      <p>${t('activatedText', { identifiant: activation.identifiant })}</p>
      ${loginLink(host, loginHref, t('login'), activation.identifiant)}`;
  }
  const { problem } = activation;
  const canResend = problem.code === 'token_expired' || problem.code === 'token_used';
  return html`${heading(t('activationFailed'))}
    ${messageBox(problemText(view.i18n, problem), { prefix: t('errorPrefix') })}
    ${problem.code === 'token_used' ? html`<p>${t('usedHelp')}</p>${loginLink(host, loginHref, t('login'))}` : nothing}
    ${renderServerAnswer(view)} ${canResend ? secondaryButton(t('resend'), actions.resend, view.state.pending) : nothing}
    ${retriable(problem) ? secondaryButton(t('retry'), actions.retry) : nothing}`;
}
