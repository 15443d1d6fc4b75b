// The outcome of the payment the parent came back from (`#famille-payment=` or `payment-transaction`).
import { html, nothing, type TemplateResult } from 'lit';
import { messageBox, problemBox, secondaryButton } from '../form/field.ts';
import type { InvoicesState } from './state.ts';
import type { InvoicesView } from './view.ts';

/** "Paiement accepté", refused, abandoned, failed or still pending (with "Actualiser"), or why it cannot be read. */
export function paymentOutcome(
  view: InvoicesView,
  { checking, outcomeProblem, transaction }: Pick<InvoicesState, 'checking' | 'outcomeProblem' | 'transaction'>,
  refresh: () => void,
): TemplateResult | typeof nothing {
  const { t, money } = view.i18n;
  if (checking) return html`<p role="status">${t('outcomeChecking')}</p>`;
  if (outcomeProblem) return problemBox(view.i18n, outcomeProblem, refresh);
  if (!transaction) return nothing;
  switch (transaction.status) {
    case 'paid':
      return messageBox(t('outcome_paid', { amount: money(transaction.amountCents) }), { success: true });
    case 'pending':
      return messageBox(t('outcome_pending'), { action: secondaryButton(t('refresh'), refresh) });
    default:
      return messageBox(t(`outcome_${transaction.status}`));
  }
}
