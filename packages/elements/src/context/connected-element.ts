import { LitElement, type PropertyDeclarations } from 'lit';
import type { ApiError, FamilleClient } from '@famille/sdk';
import type { Session, SessionTransport, TenantConfig } from '@famille/contract';

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
