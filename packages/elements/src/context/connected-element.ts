import { LitElement, type PropertyDeclarations } from 'lit';
import { ApiError, createClient, sessionTokenStore, type FamilleClient } from '@famille/sdk';
import type { Locale, Session, SessionTransport, TenantConfig } from '@famille/contract';
import { toLocale } from '../i18n/localize.ts';
import { reportConnectionProblem } from './connection.ts';
import { takePrefetched } from './prefetched.ts';

/**
 * What `<famille-portal>` and every element share: a connection to one Espace Famille API
 * and tenant. The portal provides it to the elements inside it; an element on its own
 * makes its own from these attributes.
 */
export class ConnectedElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    tenant: {},
    lang: {},
    auth: {},
    client: { attribute: false },
    session: { attribute: false },
    tenantConfig: { attribute: false },
    connectionProblem: { attribute: false },
  };

  /** API base URL, e.g. `https://famille.ville.fr/api` (an element inside a portal uses the portal's). */
  declare api: string | undefined;
  /** Tenant slug, e.g. `vienne-condrieu` (likewise). */
  declare tenant: string | undefined;
  /** `fr` (default) or `en`. Without it: the portal's (for an element), then the page's language, then the tenant's default. */
  declare lang: string;
  /** `cookie`, `token` or `auto` (default): how the session travels. */
  declare auth: SessionTransport | 'auto' | undefined;
  /** An SDK client to use instead of one built from the attributes. */
  declare client: FamilleClient | undefined;
  /** The current session: `undefined` while loading, `null` when logged out. */
  declare session: Session | null | undefined;
  /** The tenant's public configuration, once loaded. */
  declare tenantConfig: TenantConfig | undefined;
  /** Why the tenant's configuration could not be read at start, if it could not (an element inside a portal leaves that to the portal). */
  declare connectionProblem: ApiError | undefined;
}

/**
 * Loads the session and the tenant's configuration for a client nobody provides, into
 * `host`, unless `client` is no longer the one `active()` returns by then. A failure to
 * read the configuration is the connection's problem: reported at once (see connection.ts).
 */
export async function loadClientState(client: FamilleClient, host: ConnectedElement, active: () => FamilleClient | undefined): Promise<void> {
  host.connectionProblem = undefined;
  await Promise.all([
    // A failure to read the session means "not logged in" for display purposes.
    client.auth.session().then(
      (session) => active() === client && (host.session = session),
      () => active() === client && (host.session = null),
    ),
    client.tenantConfig().then(
      (config) => active() === client && (host.tenantConfig = config),
      (error: unknown) => {
        if (active() !== client) return;
        host.connectionProblem = error instanceof ApiError ? error : new ApiError({ kind: 'network', cause: error });
        void reportConnectionProblem(host, host.connectionProblem, host.api ?? '(a client property)', client.tenant);
      },
    ),
  ]);
}

/**
 * The client of a portal or of an element on its own. In token mode (page and API on
 * different sites) the token is kept in this tab's sessionStorage, so that a reload, or
 * the trip to the payment page and back, keeps the parent logged in; when the server
 * ends the session, `ended()` is called (the elements show the login again).
 */
export function connect(host: Pick<ConnectedElement, 'api' | 'tenant' | 'auth'>, ended: () => void): FamilleClient {
  let baseUrl = host.api!;
  const tenant = host.tenant!;
  try {
    baseUrl = new URL(baseUrl, location.href).href;
  } catch {
    // No URL ("http://"): a client that cannot connect, so that the element says so (and
    // the console names the attribute) instead of throwing at every update.
    baseUrl = 'about:invalid';
  }
  return createClient({
    baseUrl,
    tenant,
    auth: host.auth ?? 'auto',
    tokenStore: sessionTokenStore(`famille-session:${baseUrl}|${tenant}`),
    onSessionEnd: ended,
    ky: { hooks: { beforeRequest: [takePrefetched] } },
  });
}

/** The `lang` attribute, then the locale a portal provides, then the page's, then the tenant's default. */
export function hostLocale(host: Pick<ConnectedElement, 'lang' | 'tenantConfig' | 'parentElement'>, provided?: Locale): Locale {
  return toLocale(host.lang) ?? provided ?? toLocale(host.parentElement?.closest('[lang]')?.getAttribute('lang')) ?? host.tenantConfig?.defaultLocale ?? 'fr';
}
