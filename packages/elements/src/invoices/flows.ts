// What follows a parent's action in <famille-invoices>: starting a payment, reading the
// outcome of the payment they came back from (and showing it), saving their e-invoice
// choices. The element imports this module only when one of them is needed (invoices.ts
// `flowsModule`), so that the invoices' first view does not carry them: their code,
// endpoints and words land in this chunk. Nothing but types comes from the element's
// modules.
import { endpoints, type FamilleClient } from '@famille/sdk';
import type { InvoicePreference, PaymentTransaction } from '@famille/contract';
import type { FlowsMessages } from './flows-messages.fr.ts';

/** The outcome of the transaction read, as the element shows it above the invoices. */
export { transactionOutcome } from './outcome.ts';

// The element puts these words over its own (messages.ts `invoicesTablesWith`).
export { flowsFr } from './flows-messages.fr.ts';
export const flowsEnglish = (): Promise<FlowsMessages> => import('./flows-messages.en.ts').then((m) => m.flowsEn);

/** One transaction for `invoiceIds`; the parent comes back to `returnTo`. */
export const startPayment = (client: FamilleClient, invoiceIds: string[], returnTo: string) =>
  client.call(endpoints.startPayment, { body: { invoiceIds, returnTo } });

/** The transaction the parent came back from. */
export const readTransaction = (client: FamilleClient, transactionId: string): Promise<PaymentTransaction> =>
  client.call(endpoints.paymentTransaction, { params: { transactionId } });

/**
 * Saves the choices that differ from the server's, one child at a time (each PUT is
 * idempotent: after a failure, "Réessayer" sends again what is still different).
 * `wanted` reads the parent's choice for a child at the moment it is sent; `saved` gets
 * the children as the server has them after each change. Throws the first failure.
 */
export async function saveChoices(
  client: FamilleClient,
  children: readonly InvoicePreference[],
  wanted: (childId: string) => boolean | undefined,
  saved: (children: InvoicePreference[]) => void,
): Promise<void> {
  for (const child of children) {
    const electronicInvoice = wanted(child.childId);
    if (electronicInvoice === undefined || electronicInvoice === child.electronicInvoice) continue;
    saved((await client.call(endpoints.setInvoicePreference, { body: { childId: child.childId, electronicInvoice } })).children);
  }
}
