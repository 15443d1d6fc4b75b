// What the portal (or an element on its own) does when its first call — the tenant's
// configuration — fails: a wrong `tenant`, an `api` URL that is not ours, a page origin the
// tenant does not allow, an API down or of another version. The parent reads a calm
// sentence at once, not a form that fails later; the web team reads the cause and the fix
// in the console; the page hears a `famille-error` event with the code.
import { html, type TemplateResult } from 'lit';
import type { Locale } from '@famille/contract';
import type { ApiError } from '@famille/sdk';
import { familleEvent } from './events.ts';
import type { Localizer, Messages } from '../i18n/localize.ts';

/** The `famille-error` event's detail. */
export interface FamilleErrorEventDetail {
  /** `tenant_not_found`, `origin_not_allowed`, `network_error`, `timeout`, `not_famille_api`, `version_mismatch`… */
  code: string;
  /** The cause and the fix, for the web team (English). */
  message: string;
}

declare global {
  interface HTMLElementEventMap {
    'famille-error': CustomEvent<FamilleErrorEventDetail>;
  }
}

/**
 * Tells the web team (console) and the page (`famille-error`) what went wrong. The
 * diagnosis, in the web team's words, loads only when something did go wrong.
 */
export async function reportConnectionProblem(host: HTMLElement, error: ApiError, api: string, tenant: string): Promise<void> {
  const message =
    (await import('./diagnose.ts').then(
      ({ diagnose }) => diagnose(error, api, tenant),
      () => undefined,
    )) ?? `the tenant's configuration could not be read from ${api} (${error.code}).`;
  console.error(`Espace Famille <${host.localName}>: ${message}`, error);
  host.dispatchEvent(familleEvent<FamilleErrorEventDetail>('famille-error', { code: error.code, message }));
}

const unreachable = (error: ApiError) => error.code === 'network_error' || error.code === 'timeout';

/** The parent's message: calm, and "Réessayer" only where waiting may help. */
export function connectionNotice(i18n: Localizer<Messages>, error: ApiError, retry: () => void, lang: Locale): TemplateResult {
  const { t } = i18n;
  return html`<div class="famille-alert" part="alert" role="alert" lang=${lang}>
    <p>${unreachable(error) ? t('serviceUnreachable') : t('serviceMisconfigured')}</p>
    ${unreachable(error) ? html`<button type="button" class="famille-button famille-button--secondary" part="button" @click=${retry}>${t('retry')}</button>` : ''}
  </div>`;
}
