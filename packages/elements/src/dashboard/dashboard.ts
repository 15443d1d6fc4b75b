import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints, type FamilleClient } from '@famille/sdk';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent } from '../context/events.ts';
import { problemBox } from '../form/field.ts';
import { focusAfterRender } from '../form/wizard.ts';
import { loginLink, requestLink } from '../form/login-link.ts';
import { saveFile } from '../form/save-file.ts';
import type { Pdf } from '../form/pdf-download.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { dashboardTables, type AllDashboardMessages as AllMessages } from './messages.ts';
import { dashboardStyles } from './dashboard.styles.ts';
import { initialState, markedRead, PAGE, type DashboardState, type Page, type Paged } from './state.ts';
import type { DashboardView } from './view.ts';
import { greeting, todoSection } from './todo.ts';
import { requestsSection } from './requests.ts';
import { inboxSection } from './inbox.ts';
import { documentsSection, editionSection } from './documents.ts';

/**
 * @summary Mon tableau de bord: the page a parent lands on — "Bonjour …" and the last login, what needs doing (invoices to pay, drafts to finish, requests waiting for a document), Dernières demandes, Mes messages, Pièces justificatives and Édition de documents.
 *
 * Each block links to the host's page of the full element when the host sets its
 * `*-href` attribute (no link otherwise); the link fires the cancelable
 * `famille-page-requested` first, so that a single-page site can route itself.
 * "Pièces justificatives" is `<famille-documents>`, which the loader defines.
 * Opening a message reads it (the server marks it read for the family) and moves focus to
 * it; "Fermer le message" brings focus back to its line in the list.
 *
 * @fires famille-page-requested - A block's link to the host's page of the full element. Cancelable: cancel it to navigate yourself. `detail: { page }` (`invoices`, `entourage`, `preregistration`, `account`, `documents`).
 * @fires famille-message-read - A message was opened (and so marked read). `detail: { messageId, unread }`.
 * @fires famille-login-requested - "Se connecter" while logged out. Cancelable. `detail: { identifiant: '' }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart greeting - "Bonjour …" and the last login.
 * @csspart todo - What needs doing.
 * @csspart requests - Dernières demandes.
 * @csspart messages - Mes messages.
 * @csspart unread-count - The number of unread messages (a polite live region).
 * @csspart message-link - A message's line in the list (a button).
 * @csspart message - The message open.
 * @csspart documents - Pièces justificatives.
 * @csspart edition - Édition de documents.
 * @csspart badge - A status, "Non lu" or "En retard" badge.
 * @csspart alert - A failure.
 * @csspart download-alert - A PDF that could not be downloaded, with "Réessayer".
 * @csspart button - Buttons and links.
 */
export class FamilleDashboard extends FamilleElement<AllMessages, DashboardState> {
  static override lightStyles = dashboardStyles;
  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
    invoicesHref: { attribute: 'invoices-href' },
    entourageHref: { attribute: 'entourage-href' },
    preregistrationHref: { attribute: 'preregistration-href' },
    accountHref: { attribute: 'account-href' },
    documentsHref: { attribute: 'documents-href' },
  };

  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;
  /** The host's page with `<famille-invoices>`. */
  declare invoicesHref: string | undefined;
  /** The host's page with `<famille-entourage>` (and the family's requests). */
  declare entourageHref: string | undefined;
  /** The host's page with `<famille-preregistration>`. */
  declare preregistrationHref: string | undefined;
  /** The host's page with `<famille-account>` (Mon compte). */
  declare accountHref: string | undefined;
  /** The host's page with `<famille-documents>` alone. */
  declare documentsHref: string | undefined;

  protected override initialState(): DashboardState {
    return initialState();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return dashboardTables;
  }

  protected override get busy(): boolean {
    return this.session !== null && !this.state.summary && !this.state.loadProblem;
  }

  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    // Another parent may have logged in: nothing of the previous family stays on screen.
    start: () => void (this.state = this.initialState()),
    loading: () => this.setState({ loadProblem: undefined }),
    load: (client) =>
      Promise.all([
        client.call(endpoints.dashboard),
        client.call(endpoints.requestSummaries, { query: { limit: PAGE } }),
        client.call(endpoints.messages, { query: { limit: PAGE } }),
      ]),
    loaded: ([summary, requests, messages]) =>
      this.setState({
        summary,
        requests: { items: requests.requests, next: requests.nextOffset, loading: false },
        messages: { items: messages.messages, next: messages.nextOffset, loading: false },
        unread: messages.unread,
      }),
    failed: (error) => this.setState({ loadProblem: this.asApiError(error) }),
  });

  #reload = () => void this.#data.reload();

  /** The next page of a list, appended; focus on its first new line. */
  async #more<T>(key: 'requests' | 'messages', read: (client: FamilleClient, offset: number) => Promise<{ items: T[]; next?: number | undefined }>) {
    const client = this.activeClient;
    const list = this.state[key] as Paged<T>;
    if (!client || list.loading || list.next === undefined) return;
    const first = list.items.length;
    const update = (patch: Partial<Paged<T>>) => this.setState({ [key]: { ...(this.state[key] as Paged<T>), ...patch } });
    update({ loading: true, problem: undefined });
    await this.#data.guard(
      () => read(client, list.next!),
      (page) => {
        update({ items: [...(this.state[key] as Paged<T>).items, ...page.items], next: page.next, loading: false });
        void focusAfterRender(this, `[part~='${key}'] li:nth-child(${first + 1}) :is(button, [tabindex])`);
      },
      (error) => update({ loading: false, problem: this.asApiError(error) }),
    );
  }

  #moreRequests = () =>
    void this.#more('requests', async (client, offset) => {
      const page = await client.call(endpoints.requestSummaries, { query: { limit: PAGE, offset } });
      return { items: page.requests, next: page.nextOffset };
    });

  #moreMessages = () =>
    void this.#more('messages', async (client, offset) => {
      const page = await client.call(endpoints.messages, { query: { limit: PAGE, offset } });
      this.setState({ unread: page.unread });
      return { items: page.messages, next: page.nextOffset };
    });

  #open = (id: string) => void this.#openMessage(id);

  async #openMessage(id: string): Promise<void> {
    const client = this.activeClient;
    if (!client || this.state.opening) return;
    this.setState({ opening: id, openProblem: undefined });
    await this.#data.guard(
      () => client.call(endpoints.message, { params: { messageId: id } }),
      (message) => {
        this.setState({ open: message, opening: undefined, ...markedRead(this.state, id) });
        this.dispatchEvent(familleEvent('famille-message-read', { messageId: id, unread: this.state.unread }));
        void focusAfterRender(this, `#${this.uid}-open`);
      },
      (error) => {
        this.setState({ opening: undefined, openProblem: { error: this.asApiError(error), id } });
        void focusAfterRender(this, "[part~='messages'] [part~='alert']");
      },
    );
  }

  #close = () => {
    const id = this.state.open?.id;
    this.setState({ open: undefined });
    if (id) void focusAfterRender(this, `[data-message='${id}']`);
  };

  /** Saves a PDF the SDK fetches (the session's credentials). */
  async #download(pdf: Pdf): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.setState({ downloadProblem: undefined });
    await pdf.fetch(client).then(
      (blob) => saveFile(blob, pdf.name),
      (error: unknown) => {
        this.setState({ downloadProblem: { error: this.asApiError(error), retry: () => void this.#download(pdf) } });
        void focusAfterRender(this, "[part~='download-alert'] [part~='alert']");
      },
    );
  }

  /** "Pièces justificatives": the family's document store, its own element. */
  #store: HTMLElement | undefined;
  #documentsStore = () => (this.#store ??= document.createElement('famille-documents'));
  #toggleDocuments = () => this.setState({ documentsOpen: !this.state.documentsOpen });

  #href(page: Page): string | undefined {
    return {
      invoices: this.invoicesHref,
      entourage: this.entourageHref,
      preregistration: this.preregistrationHref,
      account: this.accountHref,
      documents: this.documentsHref,
    }[page];
  }

  // ——— Rendering ———

  protected override renderContent(): TemplateResult {
    const view: DashboardView = {
      i18n: this.i18n,
      heading: (content, options) => this.heading(content, options),
      id: (name) => `${this.uid}-${name}`,
      link: (page, label) => {
        const href = this.#href(page);
        return href ? requestLink(this, 'famille-page-requested', { page }, href, label) : undefined;
      },
    };
    return html`${this.heading(view.i18n.t('dashboardHeading'))} ${this.#renderBody(view)}`;
  }

  #renderBody(view: DashboardView): TemplateResult {
    const { t } = view.i18n;
    const s = this.state;
    if (this.session === null) {
      return html`<p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    if (s.loadProblem && !s.summary) return problemBox(view.i18n, s.loadProblem, this.#reload);
    if (!s.summary) return html`<p role="status">${t('loading')}</p>`;
    return html`${greeting(view, s.summary)}${todoSection(view, s.summary)}${requestsSection(view, s.requests, this.#moreRequests)}
    ${inboxSection(view, s, { open: this.#open, close: this.#close, more: this.#moreMessages })}
    ${documentsSection(view, s.summary.storedDocuments, s.documentsOpen, this.#toggleDocuments, this.#documentsStore, (this.headingLevel || 2) + 1)}${editionSection(view, s.summary.documents, (pdf) => void this.#download(pdf), s.downloadProblem)}
    ${this.accountHref ? html`<p>${view.link('account', t('account'))}</p>` : nothing}`;
  }
}

/** The events of `<famille-dashboard>`, by name. */
export interface FamilleDashboardEvents {
  'famille-page-requested': { page: Page };
  'famille-message-read': { messageId: string; unread: number };
}
