import { paymentProblemsEn } from '../i18n/payment-problems.en.ts';
import type { FlowsMessages } from './flows-messages.fr.ts';

export const flowsEn: FlowsMessages = {
  ...paymentProblemsEn,
  outcome_paid: (p) => `Payment accepted: ${p.amount}. Your invoices are paid; a confirmation e-mail was sent to you.`,
  outcome_refused: 'Payment refused: nothing was charged. Your invoices are still to pay; you can try again.',
  outcome_abandoned: 'Payment abandoned: nothing was charged. Your invoices are still to pay.',
  outcome_failed: 'The payment could not go through: nothing was charged. Try again later.',
  outcome_pending: 'Your payment is still being processed. Refresh in a moment to see its outcome.',
  refresh: 'Refresh',
};
