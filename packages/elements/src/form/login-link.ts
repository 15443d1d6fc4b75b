import { html, type TemplateResult } from 'lit';
import { familleEvent } from '../context/events.ts';

/**
 * "Se connecter", for an element that needs a session (or just activated an account):
 * fires the cancelable `famille-login-requested` with what is known of the identifiant;
 * a link to `href` when the host gives one and lets the event through, else a button
 * that only fires it.
 */
export function loginLink(host: HTMLElement, href: string | undefined, label: string, identifiant = ''): TemplateResult {
  const onClick = (e: Event) => {
    if (!host.dispatchEvent(familleEvent('famille-login-requested', { identifiant }, true)) || !href) e.preventDefault();
  };
  return href
    ? html`<a class="famille-button" part="button" href=${href} @click=${onClick}>${label}</a>`
    : html`<button type="button" class="famille-button" part="button" @click=${onClick}>${label}</button>`;
}
