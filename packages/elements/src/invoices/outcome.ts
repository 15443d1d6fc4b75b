// The outcome of the payment the parent came back from (`#famille-payment=` or
// `payment-transaction`), once read: shown by the module loaded on demand (flows.ts).
import { type TemplateResult } from 'lit';
import type { PaymentTransaction } from '@famille/contract';
import { messageBox, secondaryButton } from '../form/field.ts';
import type { FlowsView } from './view.ts';

/** "Paiement accepté", refused, abandoned, failed or still pending (with "Actualiser"). */
export function transactionOutcome(view: FlowsView, transaction: PaymentTransaction, refresh: () => void): TemplateResult {
  const { t, money } = view.i18n;
  switch (transaction.status) {
    case 'paid':
      return messageBox(t('outcome_paid', { amount: money(transaction.amountCents) }), { success: true });
    case 'pending':
      return messageBox(t('outcome_pending'), { action: secondaryButton(t('refresh'), refresh) });
    default:
      return messageBox(t(`outcome_${transaction.status}`));
  }
}
