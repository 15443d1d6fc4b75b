import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError, endpoints, type FamilleClient } from '@famille/sdk';
import type { AttestationSummary, Invoice, InvoiceList, InvoicePreference, Payment, PaymentTransaction } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent, type FamilleEventMap } from '../context/events.ts';
import { messageBox, problemBox, retriable, secondaryButton, submitButton } from '../form/field.ts';
import { focusAfterRender } from '../form/wizard.ts';
import { loginLink } from '../form/login-link.ts';
import { takeLinkToken } from '../form/link-token.ts';
import { saveFile } from '../form/upload.ts';
import { invoicesTables, type AllInvoicesMessages as AllMessages } from './messages.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { invoicesStyles } from './invoices.styles.ts';

type Key = keyof AllMessages;

/** The events of `<famille-invoices>`, by name. */
export interface FamilleInvoicesEvents {
  'famille-payment-started': { transactionId: string; redirectUrl: string };
  'famille-payment-result': { transaction: PaymentTransaction };
}

declare global {
  interface HTMLElementEventMap extends FamilleEventMap<FamilleInvoicesEvents> {}
}

/** An invoice the parent may select: a balance left and no online payment under way. */
const isPayable = (invoice: Invoice): boolean => invoice.balanceCents > 0 && !invoice.paymentPending;

let instances = 0;
/**
 * Rows shown at first, and added by "Afficher les factures plus anciennes": years of
 * monthly invoices stay quick to render and to read; "Solde dû" still covers them all.
 */
const PAGE = 50;
/** Payments shown at first in the history. */
const HISTORY_PAGE = 10;

/**
 * @summary The family's invoices ("Mes factures"): balances, selection, online payment of several invoices at once, the payment's outcome, PDFs, the payment history, the yearly attestation fiscale and the choice of electronic invoices per child.
 *
 * A table of the invoices (n° de la facture, date, à payer avant le, montant dû, solde,
 * statut) that becomes a list of cards when the element is narrower than 40rem. Payable
 * invoices have a selection checkbox; "Solde dû" sums every balance and "Total à régler"
 * the selected ones (announced politely). "Payer" starts one transaction for the selection
 * and sends the parent to the payment page in the same window; they come back to the host
 * page with `#famille-payment=<transactionId>` (or set `payment-transaction`), and the
 * element shows the outcome. A total below the online minimum explains the counter
 * (espèces, chèque, CESU) instead.
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
export class FamilleInvoices extends FamilleElement<AllMessages> {
  static override lightStyles = invoicesStyles;
  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
    paymentTransaction: { attribute: 'payment-transaction' },
  };

  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;
  /** A transaction whose outcome to show (instead of the URL's `#famille-payment=`). */
  declare paymentTransaction: string | undefined;

  #list: InvoiceList | undefined;
  #history: Payment[] | undefined;
  #attestations: AttestationSummary[] | undefined;
  #preferences: InvoicePreference[] | undefined;
  /** The balance of each invoice the parent may select, by id (built on load). */
  #payable = new Map<string, number>();
  /** The parent's choices in the "facture en ligne" form, by child, until saved. */
  #choices = new Map<string, boolean>();
  #savingChoices = false;
  #choicesProblem: ApiError | undefined;
  #choicesSaved = false;
  #loadProblem: ApiError | undefined;
  #problem: ApiError | undefined;
  #selected = new Set<string>();
  #paying = false;
  /** The payment whose outcome to show: `payment-transaction`, or the return fragment's. */
  #transactionId: string | undefined;
  #transaction: PaymentTransaction | undefined;
  #checking = false;
  #outcomeProblem: ApiError | undefined;
  /** A PDF that could not be downloaded, and how to try it again. */
  #downloadProblem: { error: ApiError; retry: () => void } | undefined;
  #id = `famille-invoices-${++instances}`;
  #shown = PAGE;
  #historyShown = HISTORY_PAGE;

  protected override messageTables(): MessageTables<AllMessages> {
    return invoicesTables;
  }

  /** The family's invoices, payments, attestations and e-invoice choices, for the session. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays on screen
      // while theirs loads, neither data nor messages.
      this.#list = this.#history = this.#attestations = this.#preferences = undefined;
      this.#transaction = this.#loadProblem = this.#problem = this.#outcomeProblem = this.#choicesProblem = this.#downloadProblem = undefined;
      this.#payable.clear();
      this.#selected.clear();
      this.#choices.clear();
      this.#choicesSaved = false;
      this.#shown = PAGE;
      this.#historyShown = HISTORY_PAGE;
      // The fragment the server's return adds to the host page's URL (taken off it in any case).
      const fromUrl = takeLinkToken('famille-payment');
      this.#transactionId = this.paymentTransaction || fromUrl;
    },
    loading: () => {
      this.#loadProblem = undefined;
      this.requestUpdate();
    },
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
      this.#list = list;
      this.#history = history.payments;
      this.#attestations = attestations.attestations;
      this.#preferences = preferences.children;
      this.#payable = new Map(list.invoices.filter(isPayable).map((i) => [i.id, i.balanceCents]));
      for (const id of this.#selected) if (!this.#payable.has(id)) this.#selected.delete(id);
      this.#loadedAll();
    },
    failed: (error) => {
      this.#loadProblem = this.asApiError(error);
      this.#loadedAll();
    },
  });

  /** After each reading: focus on a payment's outcome, when there is one. */
  #loadedAll() {
    this.requestUpdate();
    if (this.#transactionId) void focusAfterRender(this, '[part=notice], [part=alert]');
  }

  async #readOutcome(id: string): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.#checking = true;
    this.#outcomeProblem = undefined;
    this.requestUpdate();
    // Not shown if another parent has logged in meanwhile.
    await this.#data.guard(
      () => client.call(endpoints.paymentTransaction, { params: { transactionId: id } }),
      (transaction) => {
        this.#transaction = transaction;
        this.dispatchEvent(familleEvent('famille-payment-result', { transaction }));
      },
      (error) => (this.#outcomeProblem = this.asApiError(error)),
    );
    this.#checking = false;
    this.requestUpdate();
  }

  /** Reads again: the payment's outcome if there is one, then the invoices. */
  #refresh = () => void this.#data.reload();

  /** The sum of the selected balances (only payable invoices are ever selected). */
  get #selectedTotal(): number {
    let total = 0;
    for (const id of this.#selected) total += this.#payable.get(id) ?? 0;
    return total;
  }

  /** Why "Payer" cannot pay now: nothing selected, no online payment, or under the minimum. */
  #blocked(total: number): 'none' | 'offline' | 'minimum' | undefined {
    const payment = this.#list?.payment;
    if (payment?.provider === 'none') return 'offline';
    if (!this.#selected.size) return 'none';
    if (payment && total < payment.minimumCents) return 'minimum';
    return undefined;
  }

  #toggle(id: string, on: boolean): void {
    if (on) this.#selected.add(id);
    else this.#selected.delete(id);
    this.requestUpdate();
  }

  async #pay(): Promise<void> {
    const client = this.activeClient;
    if (!client || this.#paying || this.#blocked(this.#selectedTotal)) return;
    this.#paying = true;
    this.#problem = undefined;
    this.requestUpdate();
    try {
      // Back to this very page (the host page the parent paid from), not the account page.
      const { transaction, redirectUrl } = await client.call(endpoints.startPayment, {
        body: { invoiceIds: [...this.#selected], returnTo: location.href.split('#')[0]! },
      });
      if (this.dispatchEvent(familleEvent('famille-payment-started', { transactionId: transaction.id, redirectUrl }, true))) {
        location.assign(redirectUrl);
        return;
      }
    } catch (error) {
      this.#problem = this.asApiError(error);
      void focusAfterRender(this, '[part=totals] [part=alert]');
    }
    this.#paying = false;
    this.requestUpdate();
  }

  /** Saves a PDF the SDK fetches (the session's credentials), as a file named `name`. */
  async #download(fetchPdf: (client: FamilleClient) => Promise<Blob>, name: string): Promise<void> {
    const client = this.activeClient;
    if (!client) return;
    this.#downloadProblem = undefined;
    this.requestUpdate();
    try {
      saveFile(await fetchPdf(client), name);
    } catch (error) {
      this.#downloadProblem = { error: this.asApiError(error), retry: () => void this.#download(fetchPdf, name) };
      this.requestUpdate();
      void focusAfterRender(this, '[part=download-alert] [part=alert]');
    }
  }

  #downloadInvoice(invoice: Invoice): void {
    void this.#download((client) => client.call(endpoints.invoicePdf, { params: { invoiceId: invoice.id } }), `facture-${invoice.number}.pdf`);
  }

  /**
   * Saves the "facture en ligne" choices that changed, one child at a time (each PUT is
   * idempotent: after a failure, "Réessayer" sends again what is still different).
   */
  async #saveChoices(e?: Event): Promise<void> {
    e?.preventDefault();
    const client = this.activeClient;
    if (!client || this.#savingChoices) return;
    this.#savingChoices = true;
    this.#choicesProblem = undefined;
    this.#choicesSaved = false;
    this.requestUpdate();
    try {
      for (const child of this.#preferences ?? []) {
        const wanted = this.#choices.get(child.childId);
        if (wanted === undefined || wanted === child.electronicInvoice) continue;
        this.#preferences = (await client.call(endpoints.setInvoicePreference, { body: { childId: child.childId, electronicInvoice: wanted } })).children;
      }
      this.#choices.clear();
      this.#choicesSaved = true;
    } catch (error) {
      this.#choicesProblem = this.asApiError(error);
      void focusAfterRender(this, '[part=preferences] [part=alert]');
    }
    this.#savingChoices = false;
    this.requestUpdate();
  }

  // ——— Rendering ———

  protected override render(): TemplateResult {
    const notice = this.connectionNotice();
    if (notice) return notice;
    const { t, locale } = this.i18n;
    return html`<div class="famille-stack" part="base" lang=${locale}>
      <h2 part="heading" tabindex="-1">${t('invoicesHeading')}</h2>
      ${this.#renderBody()}
    </div>`;
  }

  #renderBody(): TemplateResult {
    const { t } = this.i18n;
    if (this.session === null) {
      return html`<p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    const outcome = this.#renderOutcome();
    if (this.#loadProblem && !this.#list) {
      return html`${outcome}${problemBox(this.i18n, this.#loadProblem, this.#refresh)}`;
    }
    if (!this.#list) return html`${outcome}<p role="status">${t('loading')}</p>`;
    const more = html`${this.#renderHistory()}${this.#renderAttestations()}${this.#renderPreferences()}`;
    const all = this.#list.invoices;
    if (!all.length) return html`${outcome}${this.#renderDownloadProblem()}<p>${t('empty')}</p>${more}`;
    return html`${outcome}${this.#renderDownloadProblem()}${this.#renderTable(all.slice(0, this.#shown))}${this.#renderOlder(all)}${this.#renderTotals(
      this.#list,
    )}${more}`;
  }

  #renderDownloadProblem(): TemplateResult | typeof nothing {
    const problem = this.#downloadProblem;
    if (!problem) return nothing;
    const { t } = this.i18n;
    return html`<div part="download-alert">
      ${messageBox(t('downloadFailed', { reason: this.i18n.problem(problem.error.code) }), { prefix: t('errorPrefix'), action: secondaryButton(t('retry'), problem.retry) })}
    </div>`;
  }

  #renderOutcome(): TemplateResult | typeof nothing {
    const { t, money } = this.i18n;
    if (this.#checking) return html`<p role="status">${t('outcomeChecking')}</p>`;
    if (this.#outcomeProblem) {
      return problemBox(this.i18n, this.#outcomeProblem, this.#refresh);
    }
    const transaction = this.#transaction;
    if (!transaction) return nothing;
    switch (transaction.status) {
      case 'paid':
        return messageBox(t('outcome_paid', { amount: money(transaction.amountCents) }), { success: true });
      case 'pending':
        return messageBox(t('outcome_pending'), { action: secondaryButton(t('refresh'), this.#refresh) });
      default:
        return messageBox(t(`outcome_${transaction.status}`));
    }
  }

  #renderTable(list: readonly Invoice[]): TemplateResult {
    const { t, money, date } = this.i18n;
    const cols: Key[] = ['colNumber', 'colDate', 'colDue', 'colAmount', 'colBalance', 'colStatus'];
    // The words of every row, looked up once per render.
    const labels = cols.map((c) => t(c));
    const [number, issued, due, amount, balance, status] = labels as [string, string, string, string, string, string];
    const pdf = t('colPdf');
    return html`<table part="table">
      <caption>${t('caption')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('colSelect')}</th>
          ${cols.map((c, i) => html`<th scope="col" class=${c === 'colAmount' || c === 'colBalance' ? 'famille-amount' : ''}>${labels[i]}</th>`)}
          <th scope="col">${pdf}</th>
        </tr>
      </thead>
      <tbody>
        ${list.map(
          (invoice) => html`<tr>
            <td>
              ${
                this.#payable.has(invoice.id)
                  ? html`<label class="famille-check"
                    ><input type="checkbox" .checked=${this.#selected.has(invoice.id)}
                      @change=${(e: Event) => this.#toggle(invoice.id, (e.target as HTMLInputElement).checked)} /><span class="famille-sr"
                      >${t('selectInvoice', { number: invoice.number })}</span
                    ></label
                  >`
                  : nothing
              }
            </td>
            <th scope="row" data-label=${number} tabindex="-1">${invoice.number}</th>
            <td data-label=${issued}>${date(invoice.issuedOn)}</td>
            <td data-label=${due}>${date(invoice.dueOn)}</td>
            <td class="famille-amount" data-label=${amount}>${money(invoice.totalCents)}</td>
            <td class="famille-amount" data-label=${balance}>${money(invoice.balanceCents)}</td>
            <td data-label=${status}>
              <span class="famille-badge famille-badge--${invoice.status}" part="badge">${t(`status_${invoice.status}`)}</span>
              ${invoice.paymentPending ? html`<span class="famille-badge" part="badge">${t('paymentPending')}</span>` : nothing}
            </td>
            <td data-label=${pdf}>
              <button type="button" class="famille-link" part="button" @click=${() => this.#downloadInvoice(invoice)}>
                ${t('pdf')}<span class="famille-sr">${t('pdfOf', { number: invoice.number })}</span>
              </button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  /** How many older invoices (of `all`) are not shown, and how many of them are payable, and the button to show them. */
  #renderOlder(all: readonly Invoice[]): TemplateResult | typeof nothing {
    const hidden = all.length - this.#shown;
    if (hidden <= 0) return nothing;
    const { t } = this.i18n;
    let payable = 0;
    for (let i = this.#shown; i < all.length; i++) if (this.#payable.has(all[i]!.id)) payable++;
    const showMore = () => {
      const firstNew = this.#shown;
      this.#shown += PAGE;
      this.requestUpdate();
      // Focus the first row that appeared, where reading continues.
      void focusAfterRender(this, `tbody tr:nth-child(${firstNew + 1}) th`);
    };
    return html`<p class="famille-hint">${t('olderHidden', { count: hidden, payable })}</p>
      <p>${secondaryButton(t('showOlder', { count: Math.min(PAGE, hidden) }), showMore)}</p>`;
  }

  #renderTotals(list: InvoiceList): TemplateResult {
    const { t, money } = this.i18n;
    // Summed over the selection only, however long the list.
    const total = this.#selectedTotal;
    const blocked = this.#blocked(total);
    const hintId = `${this.#id}-pay-hint`;
    const counter = (intro: string) => html`<div class="famille-counter" part="counter" id=${hintId}>
      <p>${intro}</p>
      <ul>${list.payment.counterMethods.map((m) => html`<li>${t(`counter_${m}`)}</li>`)}</ul>
    </div>`;
    return html`<div class="famille-totals famille-stack" part="totals">
      <p>${t('balanceDue')} : <strong>${money(list.balanceDueCents)}</strong></p>
      <div aria-live="polite" aria-atomic="true" part="total">
        <p>${t('totalToPay')} : <strong>${money(total)}</strong></p>
      </div>
      ${
        blocked === 'offline'
          ? counter(t('noOnline'))
          : blocked === 'minimum'
            ? counter(t('belowMinimum', { minimum: money(list.payment.minimumCents), total: money(total) }))
            : html`<p class="famille-hint" id=${hintId}>${t(blocked === 'none' ? 'payHintNone' : 'payHint')}</p>`
      }
      ${
        blocked === 'offline'
          ? nothing
          : html`<button type="button" class="famille-button" part="button" aria-describedby=${hintId}
            aria-disabled=${blocked || this.#paying ? 'true' : 'false'} aria-busy=${this.#paying ? 'true' : 'false'}
            @click=${() => void this.#pay()}>${this.#paying ? t('paying') : t('pay')}</button>`
      }
      ${this.#problem ? problemBox(this.i18n, this.#problem, retriable(this.#problem) ? () => void this.#pay() : undefined) : nothing}
    </div>`;
  }

  #renderHistory(): TemplateResult {
    const { t, money, date } = this.i18n;
    const all = this.#history ?? [];
    const payments = all.slice(0, this.#historyShown);
    const showAll = () => {
      const firstNew = this.#historyShown;
      this.#historyShown = all.length;
      this.requestUpdate();
      void focusAfterRender(this, `[part=history] > ul > li:nth-child(${firstNew + 1})`);
    };
    return html`<section class="famille-stack" part="history" aria-labelledby="${this.#id}-history">
      <h3 id="${this.#id}-history">${t('historyHeading')}</h3>
      ${
        payments.length
          ? html`<ul class="famille-history" role="list">
            ${payments.map(
              (p) => html`<li tabindex="-1">
                ${t('paymentOf', { amount: money(p.amountCents), date: date(p.receivedAt), method: t(`method_${p.method}`) })}
                <ul>${p.allocations.map((a) => html`<li>${t('allocatedTo', { number: a.invoiceNumber, amount: money(a.amountCents) })}</li>`)}</ul>
              </li>`,
            )}
          </ul>`
          : html`<p>${t('historyEmpty')}</p>`
      }
      ${all.length > payments.length ? html`<p>${secondaryButton(t('showHistory', { count: all.length }), showAll)}</p>` : nothing}
    </section>`;
  }

  #renderAttestations(): TemplateResult {
    const { t, money } = this.i18n;
    const years = this.#attestations ?? [];
    return html`<section class="famille-stack" part="attestations" aria-labelledby="${this.#id}-attestations">
      <h3 id="${this.#id}-attestations">${t('attestationsHeading')}</h3>
      <p class="famille-hint">${t('attestationsIntro')}</p>
      ${
        years.length
          ? html`<ul class="famille-history" role="list">
            ${years.map(
              (a) => html`<li class="famille-stack">
                <p><strong>${t('attestationYear', { year: a.year })}</strong> : ${money(a.totalCents)}</p>
                <ul>${a.children.map((c) => html`<li>${t('attestationChild', { name: c.name, amount: money(c.paidCents) })}</li>`)}</ul>
                <p>
                  <button type="button" class="famille-link" part="button"
                    @click=${() => void this.#download((client) => client.call(endpoints.attestationPdf, { params: { year: String(a.year) } }), `attestation-fiscale-${a.year}.pdf`)}
                    >${t('attestationDownload', { year: a.year })}</button>
                </p>
              </li>`,
            )}
          </ul>`
          : html`<p>${t('attestationsEmpty')}</p>`
      }
    </section>`;
  }

  /** "Adhésion à la facture en ligne": for each child, invoices by e-mail or on paper. */
  #renderPreferences(): TemplateResult | typeof nothing {
    const children = this.#preferences ?? [];
    if (!children.length) return nothing;
    const { t } = this.i18n;
    const choice = (child: InvoicePreference, electronic: boolean) => html`<label class="famille-choice"
      ><input type="radio" name="${this.#id}-paper-${child.childId}" .checked=${(this.#choices.get(child.childId) ?? child.electronicInvoice) === electronic}
        @change=${() => {
          this.#choices.set(child.childId, electronic);
          this.#choicesSaved = false;
          this.requestUpdate();
        }} />${t(electronic ? 'electronicInvoice' : 'paperInvoice')}</label
    >`;
    return html`<section class="famille-stack" part="preferences" aria-labelledby="${this.#id}-preferences">
      <h3 id="${this.#id}-preferences">${t('preferencesHeading')}</h3>
      <p class="famille-hint">${t('preferencesIntro')}</p>
      <form class="famille-stack" novalidate @submit=${(e: Event) => void this.#saveChoices(e)}>
        ${children.map(
          (child) => html`<fieldset>
            <legend>${child.name}</legend>
            ${choice(child, true)} ${choice(child, false)}
          </fieldset>`,
        )}
        <p>${submitButton(t('saveChoices'), t('saving'), this.#savingChoices)}</p>
      </form>
      <p role="status" class="famille-hint">${this.#choicesSaved ? t('choicesSaved') : ''}</p>
      ${this.#choicesProblem ? problemBox(this.i18n, this.#choicesProblem, () => void this.#saveChoices()) : nothing}
    </section>`;
  }
}
