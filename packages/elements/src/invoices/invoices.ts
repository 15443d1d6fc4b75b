import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { Invoice, InvoiceList, PaymentTransaction } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent } from '../context/events.ts';
import { Deferred, DeferredPart } from '../context/deferred.ts';
import { problemBox } from '../form/field.ts';
import { focusAfterRender } from '../form/wizard.ts';
import { loginLink } from '../form/login-link.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { saveFile } from '../form/save-file.ts';
import { attestationPdf, downloadAlert, invoicePdf, type Pdf } from '../form/pdf-download.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { invoicesTables, invoicesTablesWith, type AllInvoicesMessages as AllMessages } from './messages.ts';
import type { FlowsMessages } from './flows-messages.fr.ts';
import { invoicesStyles } from './invoices.styles.ts';
import { blocked, initialState, keepPayable, PAGE, payableBalances, selectedTotal, toggled, type InvoicesState } from './state.ts';
import type { InvoicesView } from './view.ts';
import { invoiceTable, olderInvoices } from './invoice-list.ts';
import { payBar, revealAbovePayBar } from './payment.ts';
import { paymentHistory } from './history.ts';
import { attestationsSection } from './attestations.ts';
import { preferencesSection } from './preferences.ts';

/**
 * Where starting a payment, reading its outcome and saving the e-invoice choices come
 * from (flows.ts): a chunk of their own, fetched the first time one is needed. A test may
 * replace `load` (to see what a failed download does).
 */
export const flowsModule = new Deferred(
  () => import('./flows.ts'),
  ({ flowsFr, flowsEnglish }) => invoicesTablesWith<FlowsMessages>(flowsFr, flowsEnglish),
);

/**
 * @summary The family's invoices ("Mes factures"): balances, selection, online payment of several invoices at once, the payment's outcome, PDFs, the payment history, the yearly attestation fiscale and the choice of electronic invoices per child.
 *
 * A table of the invoices (n° de la facture, date, à payer avant le, montant dû, solde,
 * statut) that becomes a list of cards when the element is narrower than 40rem. Payable
 * invoices have a selection checkbox; "Solde dû" sums every balance and "Total à régler"
 * the selected ones (announced politely); on a narrow element they stay at the bottom of
 * the screen, with "Payer", while invoices are selected. "Payer" starts one transaction
 * for the selection and sends the parent to the payment page in the same window; they
 * come back to the host page with `#famille-payment=<transactionId>` (or set
 * `payment-transaction`), and the element shows the outcome. A total below the online
 * minimum explains the counter (espèces, chèque, CESU) instead.
 *
 * Starting a payment, reading its outcome and saving the e-invoice choices come in a chunk
 * of their own the first time one is needed (flows.ts): meanwhile "Payer" (or "Valider")
 * is busy, or the outcome is "being checked"; if it cannot be loaded, the network error
 * shows with "Réessayer", and the selection and choices stay.
 *
 * @fires famille-payment-started - Before leaving for the payment page. Cancelable: cancel it to navigate yourself. `detail: { transactionId, redirectUrl }`.
 * @fires famille-payment-result - The outcome of a payment the parent came back from. `detail: { transaction }`.
 * @fires famille-login-requested - "Se connecter" while logged out. Cancelable. `detail: { identifiant: '' }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The heading.
 * @csspart table - The invoices' table (cards on a narrow element).
 * @csspart badge - A status badge.
 * @csspart totals - "Solde dû", "Total à régler" and "Payer".
 * @csspart total - The live "Total à régler".
 * @csspart counter - How to pay at the counter.
 * @csspart history - The payment history.
 * @csspart attestations - The yearly attestations fiscales.
 * @csspart preferences - "Adhésion à la facture en ligne", per child.
 * @csspart alert - A failure, or a refused / abandoned / pending payment.
 * @csspart download-alert - A PDF that could not be downloaded, with "Réessayer".
 * @csspart notice - An accepted payment.
 * @csspart button - Buttons.
 */
export class FamilleInvoices extends FamilleElement<AllMessages, InvoicesState> {
  static override lightStyles = invoicesStyles;
  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
    paymentTransaction: { attribute: 'payment-transaction' },
  };

  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;
  /** A transaction whose outcome to show (instead of the URL's `#famille-payment=`). */
  declare paymentTransaction: string | undefined;

  /** The payment whose outcome to show: `payment-transaction`, or the return fragment's. */
  #transactionId: string | undefined;
  /** The element's words: its own, then its own and the flows'. */
  #tables: MessageTables<AllMessages> = invoicesTables;
  /**
   * The flows, once their module is here, its words over the element's. Until then, what
   * needs it shows busy (`checking`, `paying`, `savingChoices`); when it cannot be had,
   * the network error shows with "Réessayer".
   */
  #flows = new DeferredPart(
    flowsModule,
    () => this.i18n.locale,
    (flows, tables) => {
      this.#tables = tables;
      return flows;
    },
  );

  constructor() {
    super();
    this.addEventListener('focusin', (e) => revealAbovePayBar(this, e.target as Element));
  }

  protected override initialState(): InvoicesState {
    return initialState();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return this.#tables;
  }

  /** The family's invoices, payments, attestations and e-invoice choices, for the session. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads, neither data nor messages. What is under way keeps its flag
      // until it ends, as before the change.
      const { paying, checking, savingChoices } = this.state;
      this.state = { ...this.initialState(), paying, checking, savingChoices };
      // The fragment the server's return adds to the host page's URL (taken off it in any case).
      const fromUrl = takeLinkToken('famille-payment');
      this.#transactionId = this.paymentTransaction || fromUrl;
    },
    loading: () => this.setState({ loadProblem: undefined }),
    // A payment's outcome first (its own failure shown apart), then the invoices it changed.
    load: async (client) => {
      if (this.#transactionId) await this.#readOutcome(this.#transactionId);
      return Promise.all([
        client.call(endpoints.invoices),
        client.call(endpoints.payments),
        client.call(endpoints.attestations),
        client.call(endpoints.invoicePreferences),
      ]);
    },
    loaded: ([list, history, attestations, preferences]) => {
      const payable = payableBalances(list.invoices);
      this.setState({
        list,
        history: history.payments,
        attestations: attestations.attestations,
        preferences: preferences.children,
        payable,
        selected: keepPayable(this.state.selected, payable),
      });
      this.#loadedAll();
    },
    failed: (error) => {
      this.setState({ loadProblem: this.asApiError(error) });
      this.#loadedAll();
    },
  });

  /** After each reading: focus on a payment's outcome, when there is one. */
  #loadedAll() {
    if (this.#transactionId) void focusAfterRender(this, '[part=notice], [part=alert]');
  }

  async #readOutcome(id: string): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.setState({ checking: true, outcomeProblem: undefined });
    // Not shown if another parent has logged in meanwhile.
    await this.#data.guard(
      async () => (await this.#flows.get()).readTransaction(client, id),
      (transaction) => {
        this.setState({ transaction });
        this.dispatchEvent(familleEvent('famille-payment-result', { transaction }));
      },
      (error) => this.setState({ outcomeProblem: this.asApiError(error) }),
    );
    this.setState({ checking: false });
  }

  /** Reads again: the payment's outcome if there is one, then the invoices. */
  #refresh = () => void this.#data.reload();

  #toggle = (id: string, on: boolean): void => this.setState({ selected: toggled(this.state.selected, id, on) });

  #pay = () => void this.#startPayment();

  async #startPayment(): Promise<void> {
    const client = this.activeClient;
    if (!client || this.state.paying || blocked(this.state, selectedTotal(this.state))) return;
    this.setState({ paying: true, problem: undefined });
    try {
      // Back to this very page (the host page the parent paid from), not the account page.
      const flows = await this.#flows.get();
      const { transaction, redirectUrl } = await flows.startPayment(client, [...this.state.selected], location.href.split('#')[0]!);
      if (this.dispatchEvent(familleEvent('famille-payment-started', { transactionId: transaction.id, redirectUrl }, true))) {
        location.assign(redirectUrl);
        return;
      }
    } catch (error) {
      this.setState({ problem: this.asApiError(error) });
      void focusAfterRender(this, '[part=totals] [part=alert]');
    }
    this.setState({ paying: false });
  }

  /** Saves a PDF the SDK fetches (the session's credentials), as a file named `pdf.name`. */
  async #download(pdf: Pdf): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.setState({ downloadProblem: undefined });
    try {
      saveFile(await pdf.fetch(client), pdf.name);
    } catch (error) {
      this.setState({ downloadProblem: { error: this.asApiError(error), retry: () => void this.#download(pdf) } });
      void focusAfterRender(this, '[part=download-alert] [part=alert]');
    }
  }

  #downloadInvoice = (invoice: Invoice): void => void this.#download(invoicePdf(invoice));

  #downloadAttestation = (year: number): void => void this.#download(attestationPdf(year));

  #showOlder = (): void => {
    const firstNew = this.state.shown;
    this.setState({ shown: firstNew + PAGE });
    // Focus the first row that appeared, where reading continues.
    void focusAfterRender(this, `tbody tr:nth-child(${firstNew + 1}) th`);
  };

  #showHistory = (): void => {
    const firstNew = this.state.historyShown;
    this.setState({ historyShown: this.state.history?.length ?? 0 });
    void focusAfterRender(this, `[part=history] > ul > li:nth-child(${firstNew + 1})`);
  };

  #choose = (childId: string, electronic: boolean): void =>
    this.setState({ choices: new Map(this.state.choices).set(childId, electronic), choicesSaved: false });

  #saveChoices = () => void this.#saveAllChoices();

  async #saveAllChoices(): Promise<void> {
    const client = this.activeClient;
    if (!client || this.state.savingChoices) return;
    this.setState({ savingChoices: true, choicesProblem: undefined, choicesSaved: false });
    try {
      await (
        await this.#flows.get()
      ).saveChoices(
        client,
        this.state.preferences ?? [],
        (childId) => this.state.choices.get(childId),
        (preferences) => this.setState({ preferences }),
      );
      this.setState({ choices: new Map(), choicesSaved: true });
    } catch (error) {
      this.setState({ choicesProblem: this.asApiError(error) });
      void focusAfterRender(this, '[part=preferences] [part=alert]');
    }
    this.setState({ savingChoices: false });
  }

  // ——— Rendering ———

  protected override renderContent(): TemplateResult {
    // What the sections take from the element.
    const view: InvoicesView = {
      i18n: this.i18n,
      heading: (content, options) => this.heading(content, options),
      id: (name) => `${this.uid}-${name}`,
    };
    return html`${this.heading(view.i18n.t('invoicesHeading'))} ${this.#renderBody(view)}`;
  }

  #renderBody(view: InvoicesView): TemplateResult {
    const { t } = view.i18n;
    const s = this.state;
    if (this.session === null) {
      return html`<p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    const outcome = this.#outcome(view);
    if (s.loadProblem && !s.list) return html`${outcome}${problemBox(view.i18n, s.loadProblem, this.#refresh)}`;
    if (!s.list) return html`${outcome}<p role="status">${t('loading')}</p>`;
    const invoices = s.list.invoices.length ? this.#renderInvoices(view, s.list) : html`<p>${t('empty')}</p>`;
    const history = paymentHistory(view, s.history ?? [], s.historyShown, this.#showHistory);
    const attestations = attestationsSection(view, s.attestations ?? [], this.#downloadAttestation);
    const preferences = preferencesSection(view, s, { choose: this.#choose, save: this.#saveChoices });
    return html`${outcome}${downloadAlert(view.i18n, s.downloadProblem)}${invoices}${history}${attestations}${preferences}`;
  }

  /** The payment's outcome: being read, why it cannot be, or what it is. */
  #outcome(view: InvoicesView): TemplateResult | undefined {
    const { checking, outcomeProblem, transaction } = this.state;
    if (checking) return html`<p role="status">${view.i18n.t('outcomeChecking')}</p>`;
    if (outcomeProblem) return problemBox(view.i18n, outcomeProblem, this.#refresh);
    // A transaction is read by the flows' module: it is here, and its words are in.
    return transaction && this.#flows.ready?.transactionOutcome(view, transaction, this.#refresh);
  }

  /** The table (its first pages), the button for older invoices, the totals and "Payer". */
  #renderInvoices(view: InvoicesView, list: InvoiceList): TemplateResult {
    const s = this.state;
    const total = selectedTotal(s);
    const table = invoiceTable(view, list.invoices.slice(0, s.shown), {
      payable: s.payable,
      selected: s.selected,
      toggle: this.#toggle,
      download: this.#downloadInvoice,
    });
    const pay = payBar(view, {
      list,
      total,
      selecting: s.selected.size > 0,
      blocked: blocked(s, total),
      paying: s.paying,
      problem: s.problem,
      pay: this.#pay,
    });
    return html`${table}${olderInvoices(view, list.invoices, s.shown, s.payable, this.#showOlder)}${pay}`;
  }
}

/** The events of `<famille-invoices>`, by name. */
export interface FamilleInvoicesEvents {
  'famille-payment-started': { transactionId: string; redirectUrl: string };
  'famille-payment-result': { transaction: PaymentTransaction };
}
