// Invoices and payments for the billing tests.
import { sql } from 'drizzle-orm';
import { Invoice, InvoiceList, PaymentHistory, PaymentRedirect, PaymentTransaction } from '@famille/contract';
import { demoTenants, type Database } from '@famille/server';
import { BASE, PAGE_ORIGIN, type TestApp } from './app.ts';
import { count } from './accounts.ts';
import { newFamily, send, type Auth } from './family.ts';

/** How many payments a transaction has credited (crediting must happen once). */
export const paymentsOfTransaction = (db: Database, transactionId: string): Promise<number> => count(db, 'payments', sql`transaction_id = ${transactionId}`);

export type BillingFamily = Awaited<ReturnType<typeof newFamily>> & { familyId: string; label: string };

/** A new family of the tenant (see `newFamily`) with its family (foyer) id and its label, as an agent sees them in its lists. */
export async function newBillingFamily(app: TestApp, db: Database, base = BASE): Promise<BillingFamily> {
  const family = await newFamily(app, base);
  const result = (await db.execute(sql`select family_id, prenoms, nom_usage from accounts where email = ${family.email}`)) as unknown as {
    rows: { family_id: string; prenoms: string; nom_usage: string }[];
  };
  const row = result.rows[0];
  if (!row) throw new Error(`no account ${family.email}`);
  return { ...family, familyId: row.family_id, label: `${row.prenoms} ${row.nom_usage}` };
}

/** The demo tenants, Vienne Condrieu paid with PayFiP (numcli 012345, saisie T). */
export const payfipTenants = () =>
  demoTenants({ allowedOrigins: [PAGE_ORIGIN] }).map((t) =>
    t.config.id === 'vienne-condrieu'
      ? { ...t, billing: { invoiceNumberFormat: 'PE{YYYY}-{SEQ:4}', payment: { provider: 'payfip' as const, numcli: '012345', saisie: 'T' as const } } }
      : t,
  );

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

/** An invoice of one line of `cents` to the family, issued by `agent`. */
export const billCents = (app: TestApp, agent: Auth, who: { familyId: string }, cents: number, overrides: Record<string, unknown> = {}, base = BASE) =>
  issue(app, agent, invoiceBody(who.familyId, { lines: [line({ quantity: 1, unitPriceCents: cents })], ...overrides }), base);

/** A payment recorded at the counter (cash unless told), as the agent's route answers it. */
export const recordPayment = (
  app: TestApp,
  agent: Auth,
  who: { familyId: string },
  amountCents: number,
  invoiceIds: string[],
  extra: { method?: 'especes' | 'cheque' | 'cesu'; reference?: string } = {},
  base = BASE,
) => send(app, `${base}/agent/payments`, 'POST', agent, { familyId: who.familyId, method: 'especes', amountCents, invoiceIds, ...extra });

/** The demo payment page's form, as the browser posts it (pays with the test card unless told). */
export const payOnDemoPage = (app: TestApp, redirectUrl: string, fields: Record<string, string> = { card: 'paid', action: 'pay' }) =>
  app.request(new URL(redirectUrl).pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

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

export const startPayment = (app: TestApp, parent: Auth, invoiceIds: string[], base = BASE) =>
  send(app, `${base}/payments/transactions`, 'POST', parent, { invoiceIds });

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
