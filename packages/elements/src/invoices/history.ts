// The payment history: the newest payments, each with the invoices it settled, then "Afficher tout l’historique".
import { html, nothing, type TemplateResult } from 'lit';
import type { Payment } from '@famille/contract';
import { secondaryButton } from '../form/field.ts';
import type { InvoicesView } from './view.ts';

/** The `shown` newest of `payments`; `showAll` shows the rest. */
export function paymentHistory(view: InvoicesView, payments: readonly Payment[], shown: number, showAll: () => void): TemplateResult {
  const { t, money, date } = view.i18n;
  const visible = payments.slice(0, shown);
  return html`<section class="famille-stack" part="history" aria-labelledby=${view.id('history')}>
    ${view.heading(t('historyHeading'), { depth: 1, id: view.id('history') })}
    ${
      visible.length
        ? html`<ul class="famille-history" role="list">
          ${visible.map(
            (p) => html`<li tabindex="-1">
              ${t('paymentOf', { amount: money(p.amountCents), date: date(p.receivedAt), method: t(`method_${p.method}`) })}
              <ul>${p.allocations.map((a) => html`<li>${t('allocatedTo', { number: a.invoiceNumber, amount: money(a.amountCents) })}</li>`)}</ul>
            </li>`,
          )}
        </ul>`
        : html`<p>${t('historyEmpty')}</p>`
    }
    ${payments.length > visible.length ? html`<p>${secondaryButton(t('showHistory', { count: payments.length }), showAll)}</p>` : nothing}
  </section>`;
}
