// Invoices and payments for the billing tests.
import { sql } from 'drizzle-orm';
import { Invoice, InvoiceList, PaymentHistory, PaymentRedirect, PaymentTransaction } from '@famille/contract';
import type { Database } from '@famille/server';
import { BASE, type TestApp } from './app.ts';
import { send, type Auth } from './family.ts';

/** How many payments a transaction has credited (crediting must happen once). */
export async function paymentsOfTransaction(db: Database, transactionId: string): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from payments where transaction_id = ${transactionId}`)) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

/** The family (foyer) id of an account, by e-mail: what an agent sees in its lists. */
export async function familyIdOf(db: Database, email: string): Promise<string> {
  const result = (await db.execute(sql`select family_id from accounts where email = ${email}`)) as unknown as { rows: { family_id: string }[] };
  if (!result.rows[0]) throw new Error(`no account ${email}`);
  return result.rows[0].family_id;
}

export const line = (overrides: Record<string, unknown> = {}) => ({
  childLabel: 'Léo Martin',
  activity: 'Multi-accueil Cocon de Soie — accueil régulier',
  period: 'Février 2026',
  quantity: 42.5,
  unitPriceCents: 137,
  ...overrides,
});

export const invoiceBody = (familyId: string, overrides: Record<string, unknown> = {}) => ({
  familyId,
  issuedOn: '2026-02-15',
  dueOn: '2026-03-15',
  lines: [line()],
  ...overrides,
});

export async function issue(app: TestApp, agent: Auth, body: unknown, base = BASE): Promise<Invoice> {
  const response = await send(app, `${base}/agent/invoices`, 'POST', agent, body);
  if (response.status !== 201) throw new Error(`issue: ${response.status} ${await response.text()}`);
  return Invoice.parse(await response.json());
}

export async function listInvoices(app: TestApp, parent: Auth, base = BASE): Promise<InvoiceList> {
  const response = await send(app, `${base}/invoices`, 'GET', parent);
  if (response.status !== 200) throw new Error(`invoices: ${response.status} ${await response.text()}`);
  return InvoiceList.parse(await response.json());
}

export async function history(app: TestApp, parent: Auth, base = BASE) {
  const response = await send(app, `${base}/payments`, 'GET', parent);
  if (response.status !== 200) throw new Error(`payments: ${response.status}`);
  return PaymentHistory.parse(await response.json()).payments;
}

export const startPayment = (app: TestApp, parent: Auth, invoiceIds: string[], base = BASE) => send(app, `${base}/payments/transactions`, 'POST', parent, { invoiceIds });

export async function started(app: TestApp, parent: Auth, invoiceIds: string[], base = BASE): Promise<PaymentRedirect> {
  const response = await startPayment(app, parent, invoiceIds, base);
  if (response.status !== 201) throw new Error(`start: ${response.status} ${await response.text()}`);
  return PaymentRedirect.parse(await response.json());
}

export async function transaction(app: TestApp, parent: Auth, id: string, base = BASE): Promise<PaymentTransaction> {
  const response = await send(app, `${base}/payments/transactions/${id}`, 'GET', parent);
  if (response.status !== 200) throw new Error(`transaction: ${response.status} ${await response.text()}`);
  return PaymentTransaction.parse(await response.json());
}

export async function invoiceOf(app: TestApp, parent: Auth, id: string, base = BASE): Promise<Invoice> {
  return Invoice.parse(await (await send(app, `${base}/invoices/${id}`, 'GET', parent)).json());
}
