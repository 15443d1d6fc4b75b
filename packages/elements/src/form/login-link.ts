import { html, type TemplateResult } from 'lit';
import { familleEvent } from '../context/events.ts';

/**
 * A button that asks the host page for another page (log in, declare a child): fires the
 * cancelable `event` with `detail`; a link to `href` when the host gives one and lets the
 * event through, else a button that only fires it.
 */
export function requestLink(host: HTMLElement, event: string, detail: object, href: string | undefined, label: string): TemplateResult {
  const onClick = (e: Event) => {
    if (!host.dispatchEvent(familleEvent(event, detail, true)) || !href) e.preventDefault();
  };
  return href
    ? html`<a class="famille-button" part="button" href=${href} @click=${onClick}>${label}</a>`
    : html`<button type="button" class="famille-button" part="button" @click=${onClick}>${label}</button>`;
}

/**
 * "Se connecter", for an element that needs a session (or just activated an account):
 * `famille-login-requested` with what is known of the identifiant.
 */
export const loginLink = (host: HTMLElement, href: string | undefined, label: string, identifiant = ''): TemplateResult =>
  requestLink(host, 'famille-login-requested', { identifiant }, href, label);
