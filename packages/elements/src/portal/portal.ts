import { html, type PropertyValues, type TemplateResult } from 'lit';
import { ContextProvider } from '@lit/context';
import type { FamilleClient } from '@famille/sdk';
import type { Locale } from '@famille/contract';
import { clientContext, localeContext, sessionContext, tenantConfigContext } from '../context/contexts.ts';
import { connectionNotice } from '../context/connection.ts';
import { connect, ConnectedElement, hostLocale, loadClientState } from '../context/connected-element.ts';
import { createLocalizer, kitMessages } from '../i18n/localize.ts';
import { portalStyles } from './portal.styles.ts';

/**
 * @summary Connects the elements inside it to one Espace Famille API and tenant.
 *
 * Provides, through `@lit/context`, the SDK client, the session (loaded at start, then
 * kept up to date by `famille-login` and `famille-logout`), the tenant's configuration
 * and the locale. Changing an attribute or property provides the new value.
 *
 * When the tenant's configuration cannot be read at start — an unknown `tenant`, an `api`
 * that is not an Espace Famille API, a page origin the tenant does not allow, the API
 * down or of another version — the portal shows the parent a short message instead of
 * its content, logs the cause and its fix to the console, and fires `famille-error`.
 *
 * The portal has a shadow root: its part is styled with `famille-portal::part(alert)`.
 * The elements inside render in the light DOM (style their parts as
 * `famille-login [part~='button']`). The `--famille-*` design tokens (documented on
 * FamilleElement, listed here too) set on the portal, or on any ancestor, theme every
 * element inside and the portal's own message.
 *
 * @fires famille-error - The connection failed at start. `detail: { code, message }` (message: cause and fix, for the web team).
 *
 * @slot - The Espace Famille elements, anywhere in the host page's markup.
 *
 * @csspart alert - The message shown instead of the content when the connection failed.
 */
export class FamillePortal extends ConnectedElement {
  static override styles = portalStyles;

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
      this.#own = connect(this, () => (this.session = null));
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

  /** Renders once the words of the locale are here (other than French, they load on first use). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (kitMessages.get(this.locale)) return super.scheduleUpdate();
    return kitMessages
      .load(this.locale)
      .catch(() => undefined)
      .then(() => super.scheduleUpdate());
  }

  protected override render(): TemplateResult {
    const problem = this.connectionProblem;
    const client = this.#active;
    if (problem && client) {
      return connectionNotice(createLocalizer(this.locale), problem, () => void loadClientState(client, this, () => this.#active), this.locale);
    }
    return html`<slot></slot>`;
  }
}
