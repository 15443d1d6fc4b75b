// Online payment with the demo provider: several invoices in one transaction, credited once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createPaymentPoller } from '@famille/server';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, PAGE_ORIGIN, TestClock, testApp, type TestApp } from './support/app.ts';
import { agentLogin, send, type Auth } from './support/family.ts';
import { PaymentRedirect } from '@famille/contract';
import { outbox, problemCode } from './support/accounts.ts';
import {
  billCents,
  history,
  invoiceOf,
  listInvoices,
  newBillingFamily,
  paymentsOfTransaction,
  payOnDemoPage,
  recordPayment,
  startPayment,
  started,
  transaction,
  type BillingFamily,
} from './support/invoices.ts';

const HOST_PAGE = 'https://vienne-condrieu.example.fr/espace-famille';
let database: TestDatabase;
let app: TestApp;
let deps: Awaited<ReturnType<typeof testApp>>['deps'];
let clock: TestClock;
let agent: Auth;
let family: BillingFamily;
let other: BillingFamily;

before(async () => {
  database = await openTestDatabase();
  ({ app, clock, deps } = await testApp(database.db, { clock: new TestClock('2026-03-02T08:00:00.000Z') }));
  agent = await agentLogin(app);
  family = await newBillingFamily(app, database.db);
  other = await newBillingFamily(app, database.db);
});
after(() => database?.close());

describe('paying several invoices with the demo provider', () => {
  test('two invoices in one transaction: the demo page, back to the host page with the outcome, both "réglée" with a zero balance, one payment allocated to both, a confirmation e-mail', async () => {
    const one = await billCents(app, agent, family, 4250);
    const two = await billCents(app, agent, family, 1873);
    const { transaction: tx, redirectUrl } = await started(app, family.auth, [one.id, two.id]);
    assert.equal(tx.status, 'pending');
    assert.equal(tx.amountCents, 6123);
    assert.deepEqual(
      tx.invoices.map((i) => [i.id, i.amountCents]),
      [
        [one.id, 4250],
        [two.id, 1873],
      ],
    );
    assert.match(redirectUrl, new RegExp(`/api/payment-providers/vienne-condrieu/demo/page/${tx.id}$`));
    assert.equal((await invoiceOf(app, family.auth, one.id)).paymentPending, true);

    const page = await app.request(new URL(redirectUrl).pathname);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /61,23\s€/);
    assert.match(html, /<legend>Carte de test<\/legend>/);
    assert.match(page.headers.get('content-security-policy') ?? '', /form-action 'self'/);

    const back = await payOnDemoPage(app, redirectUrl);
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), `${HOST_PAGE}#famille-payment=${tx.id}`);

    const outcome = await transaction(app, family.auth, tx.id);
    assert.equal(outcome.status, 'paid');
    for (const id of [one.id, two.id]) {
      const invoice = await invoiceOf(app, family.auth, id);
      assert.deepEqual([invoice.status, invoice.balanceCents, invoice.paymentPending], ['reglee', 0, false]);
    }
    const [payment] = await history(app, family.auth);
    assert.deepEqual([payment!.method, payment!.amountCents, payment!.transactionId, payment!.overpaidCents], ['carte', 6123, tx.id, 0]);
    assert.deepEqual(payment!.allocations.map((a) => a.amountCents).sort(), [1873, 4250]);
    const mail = (await outbox(app)).find((m) => m.to === family.email && /Paiement reçu/.test(m.subject));
    assert.ok(mail, 'confirmation e-mail in the outbox');
    assert.match(mail.text, /61,23\s€/);
    assert.match(mail.text, new RegExp(`Facture n° ${one.number}`));
  });

  test('the same outcome delivered again (page posted twice, return, notification, parent reading) credits once', async () => {
    const invoice = await billCents(app, agent, family, 2000);
    const { transaction: tx, redirectUrl } = await started(app, family.auth, [invoice.id]);
    await payOnDemoPage(app, redirectUrl);
    await payOnDemoPage(app, redirectUrl);
    await app.request(`/api/payment-providers/vienne-condrieu/demo/return/${tx.id}`);
    await app.request('/api/payment-providers/vienne-condrieu/demo/notification', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `idOp=demo-${tx.id}`,
    });
    await Promise.all([transaction(app, family.auth, tx.id), transaction(app, family.auth, tx.id)]);
    assert.equal(await paymentsOfTransaction(database.db, tx.id), 1);
    assert.equal((await invoiceOf(app, family.auth, invoice.id)).paidCents, 2000);
  });

  test('refused or abandoned: the invoices stay unpaid and can be selected and paid again', async () => {
    const invoice = await billCents(app, agent, family, 3000);
    for (const fields of [
      { card: 'refused', action: 'pay' },
      { card: 'paid', action: 'abandon' },
    ]) {
      const { transaction: tx, redirectUrl } = await started(app, family.auth, [invoice.id]);
      const back = await payOnDemoPage(app, redirectUrl, fields);
      assert.equal(back.headers.get('location'), `${HOST_PAGE}#famille-payment=${tx.id}`);
      assert.equal((await transaction(app, family.auth, tx.id)).status, fields.action === 'abandon' ? 'abandoned' : 'refused');
      const after = await invoiceOf(app, family.auth, invoice.id);
      assert.deepEqual([after.status, after.balanceCents, after.paymentPending], ['a_payer', 3000, false]);
      assert.equal(await paymentsOfTransaction(database.db, tx.id), 0);
    }
    const { redirectUrl } = await started(app, family.auth, [invoice.id]);
    await payOnDemoPage(app, redirectUrl);
    assert.equal((await invoiceOf(app, family.auth, invoice.id)).status, 'reglee');
  });

  test('a total under the 1 € minimum is refused with a code, and the detail names the counter options', async () => {
    const invoice = await billCents(app, agent, family, 99);
    const response = await startPayment(app, family.auth, [invoice.id]);
    assert.equal(response.status, 422);
    const problem = (await response.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'amount_below_minimum');
    assert.match(problem.detail, /espèces/);
    assert.match(problem.detail, /CESU/);
    assert.match(problem.detail, /Point Info Mode de Garde/);
    // Together with another invoice, it reaches the minimum.
    const more = await billCents(app, agent, family, 1);
    assert.equal((await startPayment(app, family.auth, [invoice.id, more.id])).status, 201);
  });

  test('a paid invoice, an unknown one, or another family’s cannot be paid', async () => {
    const [paid] = (await listInvoices(app, family.auth)).invoices.filter((i) => i.status === 'reglee');
    assert.equal(await problemCode(await startPayment(app, family.auth, [paid!.id])), 'invoice_already_paid');
    const theirs = await billCents(app, agent, other, 5000);
    assert.equal((await startPayment(app, family.auth, [theirs.id])).status, 404);
    assert.equal((await startPayment(app, family.auth, [crypto.randomUUID()])).status, 404);
    const { transaction: tx } = await started(app, other.auth, [theirs.id]);
    assert.equal((await send(app, `${BASE}/payments/transactions/${tx.id}`, 'GET', family.auth)).status, 404, "another family's transaction");
  });
});

describe('two payments of the same invoice', () => {
  test('the second is refused before any redirect while the first is pending (409 payment_in_progress)', async () => {
    const invoice = await billCents(app, agent, family, 2500);
    const extra = await billCents(app, agent, family, 700);
    await started(app, family.auth, [invoice.id]);
    const second = await startPayment(app, family.auth, [extra.id, invoice.id]);
    assert.equal(second.status, 409);
    assert.equal(await problemCode(second), 'payment_in_progress');
    assert.equal((await invoiceOf(app, family.auth, extra.id)).paymentPending, false, 'the refused start blocked nothing');
  });

  test('concurrent starts for one invoice: exactly one is accepted', async () => {
    const invoice = await billCents(app, agent, family, 1200);
    const answers = await Promise.all([
      startPayment(app, family.auth, [invoice.id]),
      startPayment(app, family.auth, [invoice.id]),
      startPayment(app, family.auth, [invoice.id]),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [201, 409, 409]);
  });

  test('money taken beyond the balance (paid at the counter meanwhile) is recorded as an overpayment to refund, never allocated twice', async () => {
    const invoice = await billCents(app, agent, family, 4000);
    const { transaction: tx, redirectUrl } = await started(app, family.auth, [invoice.id]);
    const counter = await recordPayment(app, agent, family, 1500, [invoice.id]);
    assert.equal(counter.status, 201);
    await payOnDemoPage(app, redirectUrl);
    const after = await invoiceOf(app, family.auth, invoice.id);
    assert.deepEqual([after.paidCents, after.balanceCents, after.status], [4000, 0, 'reglee']);
    const online = (await history(app, family.auth)).find((p) => p.transactionId === tx.id)!;
    assert.deepEqual([online.amountCents, online.allocations[0]!.amountCents, online.overpaidCents], [4000, 2500, 1500]);
    const mail = (await outbox(app)).find((m) => m.to === family.email && /Paiement reçu : 40,00/.test(m.subject));
    assert.match(mail!.text, /vous les remboursera/);
  });
});

describe('missing notifications', () => {
  test('the poller confirms a pending transaction nobody came back for, once', async () => {
    const invoice = await billCents(app, agent, family, 900);
    const { transaction: tx } = await started(app, family.auth, [invoice.id]);
    // The payer paid, then closed the tab: no return, no notification.
    await database.db.execute(sql`update payment_transactions set demo_outcome = 'paid' where id = ${tx.id}`);
    const poller = createPaymentPoller(deps, { minAgeSeconds: 60 });
    assert.equal(await poller.pollOnce(), 0, 'too young to poll');
    clock.advance(120);
    assert.ok((await poller.pollOnce()) >= 1);
    await poller.pollOnce();
    clock.advance(120);
    await poller.pollOnce();
    assert.equal(await paymentsOfTransaction(database.db, tx.id), 1);
    assert.equal((await invoiceOf(app, family.auth, invoice.id)).status, 'reglee');
  });

  test('unknown transactions on the provider routes answer 404, and a notification reveals nothing', async () => {
    assert.equal((await app.request(`/api/payment-providers/vienne-condrieu/demo/page/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await app.request(`/api/payment-providers/nowhere/demo/page/${crypto.randomUUID()}`)).status, 404);
    const notification = await app.request('/api/payment-providers/vienne-condrieu/payfip/notification', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'idOp=nope',
    });
    assert.equal(notification.status, 200);
  });
});

describe('coming back to the page the payment started from', () => {
  test('returnTo on an origin the tenant allows: the demo page may post there, and the parent comes back to that page (fragment replaced)', async () => {
    const invoice = await billCents(app, agent, family, 3100);
    const page = `${PAGE_ORIGIN}/services/mes-factures?onglet=2`;
    const response = await send(app, `${BASE}/payments/transactions`, 'POST', family.auth, { invoiceIds: [invoice.id], returnTo: `${page}#old` });
    assert.equal(response.status, 201);
    const { transaction: tx, redirectUrl } = PaymentRedirect.parse(await response.json());
    const demo = await app.request(new URL(redirectUrl).pathname);
    assert.match(demo.headers.get('content-security-policy') ?? '', new RegExp(`form-action 'self' ${PAGE_ORIGIN.replaceAll('.', '\\.')};`));
    const back = await payOnDemoPage(app, redirectUrl);
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), `${page}#famille-payment=${tx.id}`);
    // The provider's return leads there too.
    const again = await app.request(`/api/payment-providers/vienne-condrieu/demo/return/${tx.id}`);
    assert.equal(again.headers.get('location'), `${page}#famille-payment=${tx.id}`);
  });

  test('returnTo on another origin, or not an http(s) URL, is refused with a field error before anything is written; without it, the account page', async () => {
    const invoice = await billCents(app, agent, family, 2900);
    for (const returnTo of [
      'https://evil.example/phish',
      'javascript:alert(1)',
      `${PAGE_ORIGIN.replace('https:', 'http:')}/page`,
      `https://user:pw@${new URL(PAGE_ORIGIN).host}/`,
      'not a url',
    ]) {
      const response = await send(app, `${BASE}/payments/transactions`, 'POST', family.auth, { invoiceIds: [invoice.id], returnTo });
      assert.equal(response.status, 422, returnTo);
      const body = (await response.json()) as { code: string; fieldErrors: { path: string; code: string }[] };
      assert.deepEqual([body.code, body.fieldErrors], ['validation_failed', [{ path: 'returnTo', code: 'invalid_value' }]], returnTo);
    }
    assert.equal((await invoiceOf(app, family.auth, invoice.id)).paymentPending, false, 'no transaction was written');
    const { transaction: tx, redirectUrl } = await started(app, family.auth, [invoice.id]);
    const back = await payOnDemoPage(app, redirectUrl);
    assert.equal(back.headers.get('location'), `${HOST_PAGE}#famille-payment=${tx.id}`);
  });
});
