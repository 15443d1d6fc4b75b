// Story loaders for <famille-invoices>: real invoices issued by the demo agent, and real
// payments through the demo provider's page, all on the reference server in the page.
import { startMockServer } from '@famille/mock-server';
import { agent, family, invoices, type FamilleClient } from '@famille/sdk';
import type { Invoice } from '@famille/contract';
import { agentClient, isoIn, parentClient } from './mock.ts';

/** The demo parent with a child, and the family's id as the agent sees it. */
export async function billedFamily(): Promise<{ client: FamilleClient; office: FamilleClient; familyId: string; childId: string }> {
  const client = await parentClient();
  const { member, request } = await family(client).addMember({ role: 'enfant', nomUsage: 'Martin', prenoms: 'Léo', dateNaissance: '2024-02-03' });
  const office = await agentClient();
  const familyId = (await agent(office).request(request.id)).family.id;
  // Validated by the service: only such a child is billed (and offered the online invoice).
  await agent(office).setRequestStatus(request.id, { status: 'validee' });
  return { client, office, familyId, childId: member.id };
}

/** An invoice of `quantity` hours at `unitPriceCents`, due in `dueIn` days. */
export function issue(office: FamilleClient, familyId: string, childId: string, quantity: number, unitPriceCents: number, dueIn: number): Promise<Invoice> {
  return agent(office).issueInvoice({
    familyId,
    issuedOn: isoIn(dueIn - 30),
    dueOn: isoIn(dueIn),
    lines: [
      { childId, childLabel: 'Léo Martin', activity: 'Multi-accueil Cocon de Soie — accueil régulier', period: 'Octobre 2026', quantity, unitPriceCents },
    ],
  });
}

/** Invoices of every status: à payer, en retard, partiellement réglée, réglée, and a small one under the minimum. */
export async function invoicesOfEveryStatus(): Promise<{ client: FamilleClient; invoices: Invoice[] }> {
  const { client, office, familyId, childId } = await billedFamily();
  const aPayer = await issue(office, familyId, childId, 42.5, 137, 20);
  const late = await issue(office, familyId, childId, 10, 250, -5);
  const partly = await issue(office, familyId, childId, 20, 300, 25);
  const paid = await issue(office, familyId, childId, 8, 125, 10);
  const small = await issue(office, familyId, childId, 1, 50, 30);
  await agent(office).recordPayment({ familyId, method: 'cheque', amountCents: 2000, invoiceIds: [partly.id], reference: 'Chèque 0001234' });
  await agent(office).recordPayment({ familyId, method: 'especes', amountCents: 1000, invoiceIds: [paid.id] });
  return { client, invoices: [aPayer, late, partly, paid, small] };
}

/**
 * Two invoices paid online in one transaction with the demo provider, whose page is
 * answered directly by the running app (the card chosen decides the outcome; `pending`
 * leaves the page unanswered). Returns the transaction to come back with.
 */
export async function paymentOutcome(outcome: 'paid' | 'refused' | 'abandoned' | 'pending'): Promise<{ client: FamilleClient; transactionId: string }> {
  const { client, office, familyId, childId } = await billedFamily();
  const first = await issue(office, familyId, childId, 42.5, 137, 20);
  const second = await issue(office, familyId, childId, 10, 250, 15);
  const { transaction, redirectUrl } = await invoices(client).pay([first.id, second.id]);
  if (outcome !== 'pending') {
    const mock = await startMockServer();
    const body = new URLSearchParams(outcome === 'abandoned' ? { card: 'paid', action: 'abandon' } : { card: outcome, action: 'pay' });
    await mock.app.fetch(new Request(new URL(redirectUrl, location.href), { method: 'POST', body }));
  }
  return { client, transactionId: transaction.id };
}

/**
 * Four years of monthly invoices and more (53), every one paid at the counter but the last
 * three, and twelve payments: the older invoices and payments wait behind a button.
 */
export async function manyInvoices(): Promise<{ client: FamilleClient }> {
  const { client, office, familyId, childId } = await billedFamily();
  const issued: Invoice[] = [];
  for (let i = 0; i < 53; i++) issued.push(await issue(office, familyId, childId, 10, 200 + i, 20 - 53 + i));
  for (let i = 0; i < 12; i++) {
    await agent(office).recordPayment({ familyId, method: 'especes', amountCents: issued[i]!.totalCents, invoiceIds: [issued[i]!.id] });
  }
  return { client };
}
