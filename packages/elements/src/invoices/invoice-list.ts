// The invoices: a table (cards on a narrow element) with a checkbox per payable invoice and a PDF button each.
import { html, nothing, type TemplateResult } from 'lit';
import type { Invoice } from '@famille/contract';
import { secondaryButton } from '../form/field.ts';
import type { AllInvoicesMessages } from './messages.ts';
import { olderHidden, PAGE } from './state.ts';
import type { InvoicesView } from './view.ts';

type Column = keyof AllInvoicesMessages & `col${string}`;
const columns: readonly Column[] = ['colNumber', 'colDate', 'colDue', 'colAmount', 'colBalance', 'colStatus'];

export interface InvoiceTableOptions {
  payable: ReadonlyMap<string, number>;
  selected: ReadonlySet<string>;
  toggle: (id: string, on: boolean) => void;
  download: (invoice: Invoice) => void;
}

/** The rows of `invoices`, each with its checkbox (when payable), status badges and PDF button. */
export function invoiceTable(view: InvoicesView, invoices: readonly Invoice[], options: InvoiceTableOptions): TemplateResult {
  const { t } = view.i18n;
  // The words of every row, looked up once per render.
  const labels = [...columns.map((c) => t(c)), t('colPdf')];
  return html`<table part="table">
    <caption>${t('caption')}</caption>
    <thead>
      <tr>
        <th scope="col">${t('colSelect')}</th>
        ${columns.map((c, i) => html`<th scope="col" class=${c === 'colAmount' || c === 'colBalance' ? 'famille-amount' : ''}>${labels[i]}</th>`)}
        <th scope="col">${labels[columns.length]}</th>
      </tr>
    </thead>
    <tbody>
      ${invoices.map((invoice) => invoiceRow(view, invoice, labels, options))}
    </tbody>
  </table>`;
}

function invoiceRow(
  view: InvoicesView,
  invoice: Invoice,
  labels: readonly string[],
  { payable, selected, toggle, download }: InvoiceTableOptions,
): TemplateResult {
  const { t, money, date } = view.i18n;
  const [number, issued, due, amount, balance, status, pdf] = labels as [string, string, string, string, string, string, string];
  return html`<tr>
    <td>
      ${
        payable.has(invoice.id)
          ? html`<label class="famille-check"
            ><input type="checkbox" .checked=${selected.has(invoice.id)}
              @change=${(e: Event) => toggle(invoice.id, (e.target as HTMLInputElement).checked)} /><span class="famille-sr"
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
      <button type="button" class="famille-link" part="button" @click=${() => download(invoice)}>
        ${t('pdf')}<span class="famille-sr">${t('pdfOf', { number: invoice.number })}</span>
      </button>
    </td>
  </tr>`;
}

/**
 * How many older invoices (of `all`, past the `shown` first) are not shown and how many
 * of them are payable, with the button that shows the next page of them.
 */
export function olderInvoices(
  view: InvoicesView,
  all: readonly Invoice[],
  shown: number,
  payable: ReadonlyMap<string, number>,
  showMore: () => void,
): TemplateResult | typeof nothing {
  const older = olderHidden(all, shown, payable);
  if (older.hidden <= 0) return nothing;
  const { t } = view.i18n;
  return html`<p class="famille-hint">${t('olderHidden', { count: older.hidden, payable: older.payable })}</p>
    <p>${secondaryButton(t('showOlder', { count: Math.min(PAGE, older.hidden) }), showMore)}</p>`;
}
