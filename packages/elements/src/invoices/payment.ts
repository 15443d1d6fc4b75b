// "Solde dû", "Total à régler" and "Payer": paying the selected invoices online, or how to pay at the counter.
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '@famille/sdk';
import type { InvoiceList } from '@famille/contract';
import { problemBox, retriable } from '../form/field.ts';
import type { Blocked } from './state.ts';
import type { InvoicesView } from './view.ts';

export interface PayBarOptions {
  list: InvoiceList;
  /** The sum of the selected balances. */
  total: number;
  /** Some invoices are selected: on a narrow element the box then stays in view (sticky). */
  selecting: boolean;
  blocked: Blocked;
  paying: boolean;
  problem: ApiError | undefined;
  pay: () => void;
}

/**
 * The totals and "Payer". The total is a polite live region; "Payer" stays focusable when
 * it cannot pay (`aria-disabled`), described by why, or by where it leads.
 */
export function payBar(view: InvoicesView, { list, total, selecting, blocked, paying, problem, pay }: PayBarOptions): TemplateResult {
  const { t, money } = view.i18n;
  const hintId = view.id('pay-hint');
  const counter = (intro: string) => html`<div class="famille-counter" part="counter" id=${hintId}>
    <p>${intro}</p>
    <ul>${list.payment.counterMethods.map((m) => html`<li>${t(`counter_${m}`)}</li>`)}</ul>
  </div>`;
  return html`<div class="famille-totals famille-stack ${selecting ? 'famille-totals--selecting' : ''}" part="totals">
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
          aria-disabled=${blocked || paying ? 'true' : 'false'} aria-busy=${paying ? 'true' : 'false'}
          @click=${pay}>${paying ? t('paying') : t('pay')}</button>`
    }
    ${problem ? problemBox(view.i18n, problem, retriable(problem) ? pay : undefined) : nothing}
  </div>`;
}

/**
 * On a narrow element the selected invoices' totals stay at the bottom of the screen
 * (sticky), over the cards. A control before them that gets focus (a card's checkbox or
 * PDF button reached with Tab) scrolls to just above them: the browser's own scrolling
 * only brings it inside the screen, which may be under the totals.
 */
export function revealAbovePayBar(host: Element, control: Element): void {
  const bar = host.querySelector('.famille-totals--selecting');
  if (!bar || !(control instanceof HTMLElement) || getComputedStyle(bar).position !== 'sticky') return;
  if (!(bar.compareDocumentPosition(control) & Node.DOCUMENT_POSITION_PRECEDING)) return;
  const { top, height } = bar.getBoundingClientRect();
  if (control.getBoundingClientRect().bottom <= top) return;
  control.style.scrollMarginBlockEnd = `${height + 8}px`;
  control.scrollIntoView({ block: 'nearest' });
  control.style.removeProperty('scroll-margin-block-end');
}
