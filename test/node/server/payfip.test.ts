// PayFiP against the local fake: unsigned notifications, always confirmed; credited once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import {
  createDemoProvider,
  createPaymentPoller,
  createPayfipProvider,
  createTenantRegistry,
  payfipFormats,
  PAYFIP_PAYMENT_PAGE,
  ProviderError,
} from '@famille/server';
import { createFakePayfip } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { TestClock, testApp, type TestApp } from './support/app.ts';
import { agentLogin, type Auth } from './support/family.ts';
import { problemCode } from './support/accounts.ts';
import {
  billCents,
  invoiceOf,
  newBillingFamily,
  paymentsOfTransaction,
  payfipTenants,
  startPayment,
  started,
  transaction,
  type BillingFamily,
} from './support/invoices.ts';

const HOST_PAGE = 'https://vienne-condrieu.example.fr/espace-famille';
const CALLBACKS = 'http://localhost/api/payment-providers/vienne-condrieu/payfip';
let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let poller: ReturnType<typeof createPaymentPoller>;
let agent: Auth;
let family: BillingFamily;
let reachable = true;
const fake = createFakePayfip({ now: () => clock.now(), fetch: async (request) => app.fetch(request) });

before(async () => {
  database = await openTestDatabase();
  clock = new TestClock('2026-03-02T08:00:00.000Z');
  const tenants = createTenantRegistry(payfipTenants());
  const payfip = createPayfipProvider({
    serviceUrl: 'https://payfip.fake.test/tpa/services/securite',
    fetch: (request) => (reachable ? fake.fetch(request) : Promise.reject(new TypeError('fetch failed'))),
  });
  const built = await testApp(database.db, { clock, deps: { tenants, paymentProviders: { demo: createDemoProvider(), payfip } } });
  app = built.app;
  poller = createPaymentPoller(built.deps, { minAgeSeconds: 60 });
  agent = await agentLogin(app);
  family = await newBillingFamily(app, database.db);
});
after(() => database?.close());

const idOpOf = (redirectUrl: string) => new URL(redirectUrl).searchParams.get('idop')!;
const notify = (idOp: string) => fake.notify(idOp);
const comeBack = (transactionId: string) =>
  app.request(`${CALLBACKS}/return/${transactionId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'idop=whatever',
  });

describe('creerPaiementSecurise', () => {
  test('sends the fields in PayFiP’s formats and redirects to paiementws.web?idop=…', async () => {
    const one = await billCents(app, agent, family, 4250);
    const two = await billCents(app, agent, family, 1873);
    const before = fake.requests.length;
    const { transaction: tx, redirectUrl } = await started(app, family.auth, [one.id, two.id]);
    const sent = fake.requests.slice(before);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.operation, 'creerPaiementSecurise');
    const f = sent[0]!.fields;
    assert.deepEqual(Object.keys(f).sort(), ['exer', 'mel', 'montant', 'numcli', 'objet', 'refdet', 'saisie', 'urlnotif', 'urlredirect']);
    assert.equal(f['numcli'], '012345');
    assert.equal(f['exer'], '2026');
    assert.match(f['refdet']!, payfipFormats.refdet);
    assert.equal(f['montant'], '6123', 'cents, digits only');
    assert.equal(f['mel'], family.email);
    assert.match(f['objet']!, /^[A-Za-z0-9 ]{1,100}$/);
    assert.ok(f['objet']!.includes(one.number.replace(/[^A-Za-z0-9]/g, ' ')));
    assert.equal(f['saisie'], 'T');
    assert.equal(f['urlnotif'], `${CALLBACKS}/notification`);
    assert.equal(f['urlredirect'], `${CALLBACKS}/return/${tx.id}`);
    assert.match(
      sent[0]!.raw,
      /<soapenv:Envelope [^>]*xmlns:pai="http:\/\/securite\.service\.tpa\.cp\.finances\.gouv\.fr\/services\/mas_securite\/contrat_paiement_securise\/PaiementSecuriseService"/,
    );
    assert.match(sent[0]!.raw, /<pai:creerPaiementSecurise><arg0>/);
    assert.equal(redirectUrl, `${PAYFIP_PAYMENT_PAGE}?idop=${encodeURIComponent(idOpOf(redirectUrl))}`);
    assert.ok(fake.operations.has(idOpOf(redirectUrl)));
  });

  test('the adapter surfaces the fake’s A2 (bad e-mail), R3 (bad refdet) and P1 (unknown idOp) codes', async () => {
    const provider = createPayfipProvider({ fetch: fake.fetch });
    const tenant = { config: { id: 't' }, billing: { invoiceNumberFormat: 'x', payment: { provider: 'payfip', numcli: '012345', saisie: 'T' } } } as never;
    const request = {
      tenant,
      transactionId: 't',
      reference: 'EF1234567',
      amountCents: 100,
      email: 'a@example.fr',
      label: 'x',
      notifyUrl: 'https://a.test/n',
      returnUrl: 'https://a.test/r',
      callbackBase: 'https://a.test',
      now: clock.now(),
    };
    await assert.rejects(provider.create({ ...request, email: 'pas-une-adresse' }), (e: unknown) => e instanceof ProviderError && e.code === 'A2');
    await assert.rejects(provider.create({ ...request, reference: 'EF-12' }), (e: unknown) => e instanceof ProviderError && e.code === 'R3');
    assert.deepEqual(await provider.outcome(tenant, { providerRef: 'inconnu', demoOutcome: null }), { state: 'unknown', code: 'P1' });
  });

  test('PayFiP unreachable: 502 payment_provider_unavailable, nothing blocked', async () => {
    const invoice = await billCents(app, agent, family, 1500);
    reachable = false;
    const response = await startPayment(app, family.auth, [invoice.id]);
    reachable = true;
    assert.equal(response.status, 502);
    assert.equal(await problemCode(response), 'payment_provider_unavailable');
    assert.equal((await invoiceOf(app, family.auth, invoice.id)).paymentPending, false);
    assert.equal((await startPayment(app, family.auth, [invoice.id])).status, 201);
  });
});

describe('notifications are confirmed with recupererDetailPaiementSecurise and credit once', () => {
  test('delivered twice, before the browser return: one payment; the return goes to the host page', async () => {
    const invoice = await billCents(app, agent, family, 2000);
    const { transaction: tx, redirectUrl } = await started(app, family.auth, [invoice.id]);
    const idOp = idOpOf(redirectUrl);
    const asked = fake.requests.length;
    assert.equal((await notify(idOp)).status, 200, 'a notification before any result (P5) changes nothing');
    assert.equal(fake.requests[asked]!.operation, 'recupererDetailPaiementSecurise');
    assert.deepEqual(fake.requests[asked]!.fields, { idOp });
    assert.equal((await transaction(app, family.auth, tx.id)).status, 'pending');
    fake.settle(idOp, 'P');
    await Promise.all([notify(idOp), notify(idOp)]);
    const back = await comeBack(tx.id);
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), `${HOST_PAGE}#famille-payment=${tx.id}`);
    assert.equal((await transaction(app, family.auth, tx.id)).status, 'paid');
    assert.equal(await paymentsOfTransaction(database.db, tx.id), 1);
    assert.deepEqual([(await invoiceOf(app, family.auth, invoice.id)).status, (await invoiceOf(app, family.auth, invoice.id)).balanceCents], ['reglee', 0]);
  });

  test('never notified: the poller finds it; a late notification afterwards changes nothing', async () => {
    const invoice = await billCents(app, agent, family, 3100);
    const { transaction: tx, redirectUrl } = await started(app, family.auth, [invoice.id]);
    const idOp = idOpOf(redirectUrl);
    fake.settle(idOp, 'V');
    clock.advance(90);
    await poller.pollOnce();
    assert.equal(await paymentsOfTransaction(database.db, tx.id), 1);
    clock.advance(600);
    await notify(idOp);
    await comeBack(tx.id);
    await poller.pollOnce();
    assert.equal(await paymentsOfTransaction(database.db, tx.id), 1);
    assert.equal((await invoiceOf(app, family.auth, invoice.id)).paidCents, 3100);
  });

  test('refused (R, Z) and abandoned (A): no payment, the invoice is payable again', async () => {
    const invoice = await billCents(app, agent, family, 2700);
    for (const [resultrans, status] of [
      ['R', 'refused'],
      ['Z', 'refused'],
      ['A', 'abandoned'],
    ] as const) {
      const { transaction: tx, redirectUrl } = await started(app, family.auth, [invoice.id]);
      fake.settle(idOpOf(redirectUrl), resultrans);
      await notify(idOpOf(redirectUrl));
      assert.equal((await transaction(app, family.auth, tx.id)).status, status);
      const after = await invoiceOf(app, family.auth, invoice.id);
      assert.deepEqual([after.status, after.balanceCents, after.paymentPending], ['a_payer', 2700, false]);
    }
  });

  test('no result (P5) keeps it pending; unknown (P1) after the idOp’s 15 minutes closes it as abandoned', async () => {
    const invoice = await billCents(app, agent, family, 1100);
    const { transaction: tx } = await started(app, family.auth, [invoice.id]);
    clock.advance(5 * 60);
    await poller.pollOnce();
    assert.equal((await transaction(app, family.auth, tx.id)).status, 'pending');
    assert.equal(await problemCode(await startPayment(app, family.auth, [invoice.id])), 'payment_in_progress');
    clock.advance(20 * 60);
    // The parent's session would have expired by now: the poller alone settles it.
    await poller.pollOnce();
    const [row] = (
      (await database.db.execute(sql`select status, result_code from payment_transactions where id = ${tx.id}`)) as unknown as {
        rows: { status: string; result_code: string }[];
      }
    ).rows;
    assert.deepEqual(row, { status: 'abandoned', result_code: 'P1' });
  });
});
