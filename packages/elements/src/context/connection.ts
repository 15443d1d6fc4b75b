// What the portal (or an element on its own) does when its first call — the tenant's
// configuration — fails: a wrong `tenant`, an `api` URL that is not ours, a page origin the
// tenant does not allow, an API down or of another version. The parent reads a calm
// sentence at once, not a form that fails later; the web team reads the cause and the fix
// in the console; the page hears a `famille-error` event with the code.
import { html, type TemplateResult } from 'lit';
import { apiVersion, type Locale } from '@famille/contract';
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

/** The cause and its fix, in the web team's words. */
function diagnose(error: ApiError, api: string, tenant: string): string {
  const origin = globalThis.location?.origin;
  switch (error.code) {
    case 'tenant_not_found':
      return `the API at ${api} has no tenant "${tenant}". Check the tenant attribute (the tenants are configured on the server).`;
    case 'origin_not_allowed':
      return `this page's origin ${origin} is not among the allowed origins of tenant "${tenant}". Add it on the server (the tenant's allowedOrigins; ALLOWED_ORIGINS for the reference server's demo tenant).`;
    case 'not_famille_api':
      return `${error.url ?? api} answered HTTP ${error.status} but is not an Espace Famille API. Check the api attribute: the API's base URL, e.g. https://famille.ville.fr/api.`;
    case 'version_mismatch':
      return `this kit speaks API version ${apiVersion}, the server at ${api} answers ${error.serverVersion ?? 'none'}. Load the kit from that server (<script type="module" src="…/famille.js">) or update the server.`;
    case 'network_error':
    case 'timeout':
      return `the API at ${api} could not be reached (${error.code === 'timeout' ? 'no answer in time' : 'network error or CORS refusal'}). Check the api attribute, that the server runs, and that it answers pages of ${origin}.`;
    default:
      return `the tenant's configuration could not be read from ${api} (${error.code}).`;
  }
}

/** Tells the web team (console) and the page (`famille-error`) what went wrong. */
export function reportConnectionProblem(host: HTMLElement, error: ApiError, api: string, tenant: string): void {
  const message = diagnose(error, api, tenant);
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
