/**
 * Words of what follows a parent's action in `<famille-invoices>` (flows.ts): the payment
 * problems (src/i18n/payment-problems.ts), the outcome of the payment the parent came back
 * from, the saved e-invoice choices. The element puts them over its own (messages.ts
 * `invoicesTablesWith`) once that module is here.
 */
import { paymentProblemsFr } from '../i18n/payment-problems.ts';

export const flowsFr = {
  ...paymentProblemsFr,
  outcome_paid: (p: { amount: string }) => `Paiement accepté : ${p.amount}. Vos factures sont réglées ; un e-mail de confirmation vous a été envoyé.`,
  outcome_refused: 'Paiement refusé : rien n’a été débité. Vos factures restent à payer ; vous pouvez réessayer.',
  outcome_abandoned: 'Paiement abandonné : rien n’a été débité. Vos factures restent à payer.',
  outcome_failed: 'Le paiement n’a pas pu aboutir : rien n’a été débité. Réessayez plus tard.',
  outcome_pending: 'Votre paiement est toujours en cours de traitement. Actualisez dans quelques instants pour voir son résultat.',
  refresh: 'Actualiser',
};

export type FlowsMessages = typeof flowsFr;
