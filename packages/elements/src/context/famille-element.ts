import { LitElement, type CSSResult, type PropertyDeclarations, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, createClient, type FamilleClient } from '@famille/sdk';
import { adoptOnRoot } from '../styles/adopt.ts';
import type { Locale, Session, SessionTransport, TenantConfig } from '@famille/contract';
import { clientContext, localeContext, sessionContext, tenantConfigContext } from './contexts.ts';
import { createLocalizer, messages, toLocale, type Localizer, type Messages } from '../i18n/localize.ts';
import { takeSessionBack } from './payment-handoff.ts';

/** What the portal and an element on its own hold of their connection. */
interface Connected {
  lang: string;
  session: Session | null | undefined;
  tenantConfig: TenantConfig | undefined;
}

/**
 * Loads the session and the tenant's configuration for a client nobody provides, into
 * `host`, unless `client` is no longer the one `active()` returns by then.
 */
export async function loadClientState(client: FamilleClient, host: Connected, active: () => FamilleClient | undefined): Promise<void> {
  takeSessionBack(client);
  await Promise.all([
    // A failure to read the session means "not logged in" for display purposes.
    client.auth.session().then(
      (session) => active() === client && (host.session = session),
      () => active() === client && (host.session = null),
    ),
    // Without configuration the kit's own wording and defaults apply.
    client.tenantConfig().then((config) => active() === client && (host.tenantConfig = config), () => undefined),
  ]);
}

/** The `lang` attribute, then the locale a portal provides, then the page's, then the tenant's default. */
export function hostLocale(host: Connected & HTMLElement, provided?: Locale): Locale {
  return (
    toLocale(host.lang) ??
    provided ??
    toLocale(host.parentElement?.closest('[lang]')?.getAttribute('lang')) ??
    host.tenantConfig?.defaultLocale ??
    'fr'
  );
}

/**
 * Base of every element but the portal: takes client, session, configuration and
 * locale from an enclosing `<famille-portal>`, or works alone from its own
 * `api`/`tenant`/`lang` attributes (or a `client` property). `M` is the element's
 * message table (the kit's, plus its own words: see `messageTables()`).
 */
export class FamilleElement<M extends object = Messages> extends LitElement {
  static override properties: PropertyDeclarations = {
    api: {},
    tenant: {},
    lang: {},
    auth: {},
    client: { attribute: false },
    session: { attribute: false },
    tenantConfig: { attribute: false },
  };

  /** API base URL, e.g. `https://famille.ville.fr/api` (used when not inside a portal). */
  declare api: string | undefined;
  /** Tenant slug, e.g. `vienne-condrieu` (used when not inside a portal). */
  declare tenant: string | undefined;
  /** `fr` (default) or `en`; overrides the portal's and the page's language. */
  declare lang: string;
  /** `cookie`, `token` or `auto` (default): how the session travels. */
  declare auth: SessionTransport | 'auto' | undefined;
  /** An SDK client to use instead of one built from the attributes. */
  declare client: FamilleClient | undefined;
  /** The current session: `undefined` while loading, `null` when logged out. */
  declare session: Session | null | undefined;
  /** The tenant's public configuration, once loaded. */
  declare tenantConfig: TenantConfig | undefined;

  #client = new ContextConsumer(this, { context: clientContext, subscribe: true });
  #locale = new ContextConsumer(this, { context: localeContext, subscribe: true });
  #own: FamilleClient | undefined;
  #active: FamilleClient | undefined;
  #localizer: Localizer<M> | undefined;

  /**
   * The element's stylesheet. Every element renders in the light DOM — its native form
   * must be visible to password managers, and labels, hints and errors stay in the same
   * root as their inputs — so the sheet is adopted by the enclosing document or shadow
   * root, scoped by tag name.
   */
  static lightStyles: CSSResult | undefined;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const styles = (this.constructor as typeof FamilleElement).lightStyles;
    if (styles) adoptOnRoot(this, styles);
  }

  /** Any failure as an ApiError: what the SDK throws, or a network failure for the rest. */
  protected asApiError(error: unknown): ApiError {
    return error instanceof ApiError ? error : new ApiError({ kind: 'network', cause: error });
  }

  constructor() {
    super();
    new ContextConsumer(this, { context: sessionContext, subscribe: true, callback: (v) => (this.session = v) });
    new ContextConsumer(this, { context: tenantConfigContext, subscribe: true, callback: (v) => (this.tenantConfig = v) });
  }

  /** The client in use: property, then portal, then one built from the attributes. */
  protected get activeClient(): FamilleClient | undefined {
    return this.#active;
  }

  protected get i18n(): Localizer<M> {
    const locale = hostLocale(this, this.#locale.value);
    if (this.#localizer?.locale !== locale || this.#localizerConfig !== this.tenantConfig) {
      this.#localizer = createLocalizer(locale, this.tenantConfig, this.messageTables());
      this.#localizerConfig = this.tenantConfig;
    }
    return this.#localizer;
  }
  #localizerConfig: TenantConfig | undefined;

  #startedFor: Session | undefined;

  /**
   * Called once per session, after the render that first has both a session and a
   * client: where an element reads the parent's data. Nothing by default.
   */
  protected sessionStarted(): void | Promise<void> {}

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.session && this.#active && this.#startedFor !== this.session) {
      this.#startedFor = this.session;
      void this.updateComplete.then(() => this.sessionStarted());
    }
  }

  /** The message tables of this element (an element may add its own keys to the kit's). */
  protected messageTables(): Record<Locale, M> {
    return messages as unknown as Record<Locale, M>;
  }

  /** Lets a portal upgraded after this element reach it (no ContextRoot needed). */
  reconnectContext(): void {
    for (const consumer of [this.#client, this.#locale]) {
      consumer.hostDisconnected();
      consumer.hostConnected();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const provided = this.#client.value;
    if (!this.client && !provided && this.api && this.tenant) {
      if (!this.#own || changed.has('api') || changed.has('tenant') || changed.has('auth')) {
        this.#own = createClient({ baseUrl: this.api, tenant: this.tenant, auth: this.auth ?? 'auto' });
      }
    }
    const client = this.client ?? provided ?? this.#own;
    if (client !== this.#active) {
      this.#active = client;
      // A provided client comes with its session and configuration; others load their own.
      if (client && client !== provided) {
        this.session = undefined;
        void loadClientState(client, this, () => this.#active);
      }
    }
  }
}
