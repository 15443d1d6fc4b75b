import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import { createClient, type FamilleClient } from '@famille/sdk';
import type { Locale, Session, SessionTransport, TenantConfig } from '@famille/contract';
import { clientContext, localeContext, sessionContext, tenantConfigContext } from '../context/contexts.ts';
import { hostLocale, loadClientState } from '../context/famille-element.ts';
import { portalStyles } from './portal.styles.ts';

/**
 * @summary Connects the elements inside it to one Espace Famille API and tenant.
 *
 * Provides, through @lit/context, the SDK client, the session (loaded at start, then
 * kept up to date by `famille-login` and `famille-logout`), the tenant's configuration
 * and the locale. Changing an attribute or property provides the new value.
 *
 * @slot - The Espace Famille elements, anywhere in the host page's markup.
 *
 * @cssprop --famille-color-primary - Set here (or on any ancestor) to theme every element inside.
 */
export class FamillePortal extends LitElement {
  static override styles = portalStyles;
  static override properties = {
    api: {},
    tenant: {},
    lang: {},
    auth: {},
    client: { attribute: false },
    session: { attribute: false },
    tenantConfig: { attribute: false },
  };

  /** API base URL, e.g. `https://famille.ville.fr/api`. */
  declare api: string | undefined;
  /** Tenant slug, e.g. `vienne-condrieu`. */
  declare tenant: string | undefined;
  /** `fr` (default) or `en`. Without it: the page's language, then the tenant's default. */
  declare lang: string;
  /** `cookie`, `token` or `auto` (default). */
  declare auth: SessionTransport | 'auto' | undefined;
  /** An SDK client to provide instead of one built from the attributes. */
  declare client: FamilleClient | undefined;
  /** The current session: `undefined` while loading, `null` when logged out. */
  declare session: Session | null | undefined;
  /** The tenant's public configuration, once loaded. */
  declare tenantConfig: TenantConfig | undefined;

  #clientProvider = new ContextProvider(this, { context: clientContext });
  #sessionProvider = new ContextProvider(this, { context: sessionContext });
  #configProvider = new ContextProvider(this, { context: tenantConfigContext });
  #localeProvider = new ContextProvider(this, { context: localeContext });
  #own: FamilleClient | undefined;
  #active: FamilleClient | undefined;

  constructor() {
    super();
    this.addEventListener('famille-login', (e) => (this.session = e.detail.session));
    this.addEventListener('famille-logout', () => (this.session = null));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Elements upgraded before this portal asked for context when nobody answered.
    for (const el of this.querySelectorAll<Element & { reconnectContext?: () => void }>('*')) el.reconnectContext?.();
  }

  /** The locale provided to the elements. */
  get locale(): Locale {
    return hostLocale(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.client && this.api && this.tenant && (!this.#own || changed.has('api') || changed.has('tenant') || changed.has('auth'))) {
      this.#own = createClient({ baseUrl: this.api, tenant: this.tenant, auth: this.auth ?? 'auto' });
    }
    const client = this.client ?? this.#own;
    if (client !== this.#active) {
      this.#active = client;
      this.session = undefined;
      this.tenantConfig = undefined;
      if (client) {
        void loadClientState(client, this, () => this.#active);
      }
    }
    this.#clientProvider.setValue(client);
    this.#sessionProvider.setValue(this.session);
    this.#configProvider.setValue(this.tenantConfig);
    this.#localeProvider.setValue(this.locale);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
