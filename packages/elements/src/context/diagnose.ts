// Why the portal (or an element on its own) could not connect, for the web team's console:
// loaded only when that happens (see connection.ts).
import { apiVersion } from '@famille/contract';
import type { ApiError } from '@famille/sdk';

/** The cause of a connection problem and its fix, in the web team's words (English); `undefined`: nothing more to say than the code. */
export function diagnose(error: ApiError, api: string, tenant: string): string | undefined {
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
      return undefined;
  }
}
