import { html, nothing, type CSSResult, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, type FamilleClient } from '@famille/sdk';
import { adoptOnRoot } from '../styles/adopt.ts';
import type { TenantConfig } from '@famille/contract';
import { clientContext, localeContext, sessionContext, tenantConfigContext } from './contexts.ts';
import { createLocalizer, kitMessages, type Localizer, type Messages, type MessageTables } from '../i18n/localize.ts';
import { connectionNotice } from './connection.ts';
import { connect, ConnectedElement, hostLocale, loadClientState } from './connected-element.ts';
import { heading, type HeadingOptions } from '../form/heading.ts';

let instances = 0;

/**
 * Base of every element but the portal: takes client, session, configuration and
 * locale from an enclosing `<famille-portal>`, or works alone from its own
 * `api`/`tenant`/`lang` attributes (or a `client` property). `M` is the element's
 * message table (the kit's, plus its own words: see `messageTables()`).
 *
 * Every element renders in the light DOM: its parts are styled as
 * `famille-login [part~='button']`, not with `::part()`. The design tokens below are
 * read with a fallback and never declared on the elements, so a value set on any
 * ancestor (the page, a portal, a wrapper) wins. They are listed here once; the
 * manifest gives them to every element through inheritance.
 *
 * @fires famille-error - Alone (no portal): the tenant's configuration could not be read at start (wrong `api` or `tenant`, page origin not allowed, API down or of another version); the element shows a short message instead of its content. `detail: { code, message }` (message: cause and fix, for the web team).
 *
 * @cssprop [--famille-color-primary=#0b4f9c] - Buttons, links, selected items and badges; the focus ring's default.
 * @cssprop [--famille-color-on-primary=#fff] - Text on primary buttons.
 * @cssprop [--famille-color-text=#1f1f1f] - Body text.
 * @cssprop [--famille-color-text-muted=#4d4d4d] - Hints and secondary text.
 * @cssprop [--famille-color-surface=#fff] - Backgrounds of inputs, boxes and cards.
 * @cssprop [--famille-color-border=#6b6b6b] - Input, table and card borders (keep 3:1 against the surface, WCAG 1.4.11).
 * @cssprop [--famille-color-error=#b3261e] - Errors, failures and the "Refusée" / "En retard" badges.
 * @cssprop [--famille-color-error-surface=#fdf0ef] - Background of the server's error messages.
 * @cssprop [--famille-color-success=#1e6b34] - Confirmations, met password rules and the "Validée" / "Réglée" / "Place proposée" badges.
 * @cssprop [--famille-color-focus=var(--famille-color-primary, #0b4f9c)] - Focus ring.
 * @cssprop [--famille-radius=4px] - Corner radius.
 * @cssprop [--famille-space=1rem] - Base spacing.
 * @cssprop --famille-font - Font family (not set by default: the host page's font is inherited).
 */
export class FamilleElement<M extends object = Messages, S extends object = object> extends ConnectedElement {
  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
    hideHeading: { attribute: 'hide-heading', type: Boolean },
    state: { state: true, attribute: false },
  };

  /**
   * What the element shows, its own state: replaced as a whole (`setState`), never changed
   * in place, so that each change renders. Starts as `initialState()`.
   */
  declare protected state: S;

  /** A prefix unique on the page for the ids the element gives its content (labels, descriptions). */
  protected readonly uid = `${this.localName}-${++instances}`;

  constructor() {
    super();
    this.state = this.initialState();
  }

  /** The element's state before anything happened (and after another parent logged in). */
  protected initialState(): S {
    return {} as S;
  }

  protected setState(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch };
  }

  /**
   * The level of the element's title (2 by default: under the page's `h1`); its sections'
   * headings come one level below, and so on (6 at most). Set it to fit the page's outline.
   */
  declare headingLevel: number | undefined;
  /**
   * Hides the element's title visually, when the page shows its own (screen readers still
   * read it, and focus still goes to it when the view changes).
   */
  declare hideHeading: boolean;

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
   * @internal
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

  /**
   * A heading at `depth` below the element's title (0: the title itself, at
   * `heading-level`). The title is focusable and the `heading` part unless told otherwise,
   * and visually hidden with `hide-heading`.
   */
  protected heading(content: unknown, { depth = 0, ...options }: HeadingOptions & { depth?: number } = {}): TemplateResult {
    const title = depth === 0;
    return heading((this.headingLevel || 2) + depth, content, {
      ...(title && { part: 'heading', focusable: true, hidden: this.hideHeading }),
      ...options,
    });
  }

  /**
   * The element's wrapper (the `base` part, in the element's language) around
   * `renderContent()`; alone with a wrong `api` or `tenant`, why it cannot work instead.
   */
  protected override render(): TemplateResult {
    return (
      this.connectionNotice() ??
      html`<div class="famille-stack" part="base" lang=${this.i18n.locale} aria-busy=${this.busy ? 'true' : nothing}>${this.renderContent()}</div>`
    );
  }

  /** What the element shows inside its `base` part. */
  protected renderContent(): unknown {
    return nothing;
  }

  /** The content is not there yet (`aria-busy` on the `base` part). */
  protected get busy(): boolean {
    return false;
  }

  /** Any failure as an ApiError: what the SDK throws, or a network failure for the rest. */
  protected asApiError(error: unknown): ApiError {
    return error instanceof ApiError ? error : new ApiError({ kind: 'network', cause: error });
  }

  #session = new ContextConsumer(this, { context: sessionContext, subscribe: true, callback: (v) => (this.session = v) });
  #config = new ContextConsumer(this, { context: tenantConfigContext, subscribe: true, callback: (v) => (this.tenantConfig = v) });
  /** Every context this element takes from a portal (see `reconnectContext`). */
  #consumers = [this.#client, this.#locale, this.#session, this.#config];

  /**
   * An element on its own whose API or tenant is wrong shows why instead of its content
   * (inside a portal, the portal does): `render()` starts with `this.connectionNotice() ??`.
   */
  protected connectionNotice(): TemplateResult | undefined {
    const client = this.#active;
    const problem = this.connectionProblem;
    if (!problem || !client) return undefined;
    return connectionNotice(this.i18n, problem, () => void loadClientState(client, this, () => this.#active), this.i18n.locale);
  }

  /** The client in use: property, then portal, then one built from the attributes. */
  protected get activeClient(): FamilleClient | undefined {
    return this.#active;
  }

  protected get i18n(): Localizer<M> {
    const locale = hostLocale(this, this.#locale.value);
    const tables = this.messageTables();
    // A new localizer when the locale, the tenant's wording or the loaded table changes.
    const table = tables.get(locale);
    if (this.#localizer?.locale !== locale || this.#localizerConfig !== this.tenantConfig || this.#localizerTable !== table) {
      this.#localizer = createLocalizer(locale, this.tenantConfig, tables);
      this.#localizerConfig = this.tenantConfig;
      this.#localizerTable = table;
    }
    return this.#localizer;
  }
  #localizerConfig: TenantConfig | undefined;
  #localizerTable: M | undefined;

  /** The message tables of this element (an element may add its own keys to the kit's). */
  protected messageTables(): MessageTables<M> {
    return kitMessages as unknown as MessageTables<M>;
  }

  /** Renders once the words of the element's locale are here (English loads on first use). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const tables = this.messageTables();
    const locale = hostLocale(this, this.#locale.value);
    if (tables.get(locale)) return super.scheduleUpdate();
    // Unreachable texts: the element speaks French rather than nothing.
    return tables
      .load(locale)
      .catch(() => undefined)
      .then(() => super.scheduleUpdate());
  }

  /**
   * Lets a portal upgraded after this element reach it (no ContextRoot needed).
   * @internal Called by `<famille-portal>` only.
   */
  reconnectContext(): void {
    // Every context: an element defined before its portal (the loader imports chunks in
    // parallel) would otherwise get the client but never the session.
    for (const consumer of this.#consumers) {
      consumer.hostDisconnected();
      consumer.hostConnected();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const provided = this.#client.value;
    if (!this.client && !provided && this.api && this.tenant) {
      if (!this.#own || changed.has('api') || changed.has('tenant') || changed.has('auth')) {
        this.#own = connect(this, () => (this.session = null));
      }
    }
    const client = this.client ?? provided ?? this.#own;
    if (client !== this.#active) {
      this.#active = client;
      this.connectionProblem = undefined;
      // A provided client comes with its session and configuration; others load their own.
      if (client && client !== provided) {
        this.session = undefined;
        void loadClientState(client, this, () => this.#active);
      }
    }
  }
}
