// English words of the payment problems, loaded with the invoices' English.
import type { paymentProblemsFr } from './payment-problems.ts';

export const paymentProblemsEn: Record<keyof typeof paymentProblemsFr, string> = {
  amount_below_minimum: 'This amount is below the online payment minimum. You can pay it at the counter in cash, by cheque or with CESU.',
  payment_in_progress: 'An online payment of this invoice is already under way. Wait for its outcome before paying again.',
  invoice_already_paid: 'This invoice is already paid.',
  payment_provider_unavailable: 'The online payment service is not answering. Nothing was charged: try again later.',
};
