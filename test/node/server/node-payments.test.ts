// The Node entry's payment jobs and PayFiP wiring, over real HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoProvider, createPayfipProvider, type LogEntry } from '@famille/server';
import { createFakePayfip, serverOptionsFromEnv, startFakePayfip, type RunningServer } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { PAGE_ORIGIN } from './support/app.ts';
import { startTestServer } from './support/node-server.ts';
import { agentLogin } from './support/family.ts';
import { invoiceBody, invoiceOf, issue, line, newBillingFamily, paymentsOfTransaction, payfipTenants, started } from './support/invoices.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'famille-node-payments-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Waits for `check` to hold, polling; fails after `ms`. */
async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((done) => setTimeout(done, 10));
  }
}

describe('startServer runs the payment poller', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let lines: LogEntry[];
  const fake = createFakePayfip();
  before(async () => {
    database = await openTestDatabase();
    ({ server, lines } = await startTestServer({
      database: database.db,
      filesDir: `${dataDir}/files`,
      tenants: payfipTenants(),
      paymentProviders: {
        demo: createDemoProvider(),
        payfip: createPayfipProvider({ serviceUrl: 'https://payfip.fake.test/tpa/services/securite', fetch: fake.fetch }),
      },
      pollIntervalMs: 20,
      pollMinAgeSeconds: 0,
    }));
  });
  after(async () => {
    await server?.close();
    await database?.close();
  });

  test('a paid transaction whose notification and return never came is settled, credited once', async () => {
    const app = server.app;
    const agent = await agentLogin(app);
    const family = await newBillingFamily(app, database.db);
    const invoice = await issue(app, agent, invoiceBody(family.familyId, { lines: [line({ quantity: 1, unitPriceCents: 2345 })] }));
    const { transaction, redirectUrl } = await started(app, family.auth, [invoice.id]);
    // The payer pays at PayFiP; no notification is delivered and the browser never comes back.
    fake.settle(new URL(redirectUrl).searchParams.get('idop')!, 'P');
    await until(async () => (await paymentsOfTransaction(database.db, transaction.id)) > 0);
    const settled = await invoiceOf(app, family.auth, invoice.id);
    assert.deepEqual([settled.status, settled.balanceCents], ['reglee', 0]);
    await new Promise((done) => setTimeout(done, 100)); // several more poll rounds
    assert.equal(await paymentsOfTransaction(database.db, transaction.id), 1);
    assert.ok(!lines.some((l) => l.msg === 'payment poll failed'));
  });
});

test('PAYMENT_POLL_INTERVAL_MS sets the poll interval', async () => {
  assert.deepEqual(serverOptionsFromEnv({ PAYMENT_POLL_INTERVAL_MS: '5000' }), { pollIntervalMs: 5000 });
  assert.deepEqual(serverOptionsFromEnv({ PAYMENT_POLL_INTERVAL_MS: 'soon' }), {});
});

describe('payfip mode against the local fake over HTTP (fakePayfip)', () => {
  let database: TestDatabase;
  let server: RunningServer;
  let lines: LogEntry[];
  before(async () => {
    database = await openTestDatabase();
    ({ server, lines } = await startTestServer({ database: database.db, filesDir: `${dataDir}/files`, allowedOrigins: [PAGE_ORIGIN], fakePayfip: true }));
  });
  after(async () => {
    await server?.close();
    await database?.close();
  });

  test('start payment → the fake page pays → notification → credited once; the return leads to the host page', async () => {
    const listening = lines.find((l) => l.msg === 'listening');
    assert.equal(listening?.['payment'], 'payfip');
    const fakeUrl = String(listening?.['fakePayfip']);
    assert.match(fakeUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    const app = server.app;
    const agent = await agentLogin(app);
    const family = await newBillingFamily(app, database.db);
    const invoice = await issue(app, agent, invoiceBody(family.familyId, { lines: [line({ quantity: 2, unitPriceCents: 1250 })] }));
    // Over HTTP, so that urlnotif / urlredirect name the real server.
    const startResponse = await fetch(`${server.url}/api/tenants/vienne-condrieu/payments/transactions`, {
      method: 'POST',
      headers: { ...family.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ invoiceIds: [invoice.id] }),
    });
    assert.equal(startResponse.status, 201);
    const { transaction, redirectUrl } = (await startResponse.json()) as { transaction: { id: string }; redirectUrl: string };
    assert.ok(redirectUrl.startsWith(`${fakeUrl}/tpa/paiementws.web?idop=`));
    const page = await fetch(redirectUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /25,00/);
    const paid = await fetch(redirectUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ idop: new URL(redirectUrl).searchParams.get('idop')!, resultat: 'P' }).toString(),
      redirect: 'manual',
    });
    assert.equal(paid.status, 303);
    const returnUrl = paid.headers.get('location')!;
    assert.equal(returnUrl, `${server.url}/api/payment-providers/vienne-condrieu/payfip/return/${transaction.id}`);
    // The fake delivered the notification before sending the browser back.
    assert.equal(await paymentsOfTransaction(database.db, transaction.id), 1);
    const back = await fetch(returnUrl, { redirect: 'manual' });
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), `https://vienne-condrieu.example.fr/espace-famille#famille-payment=${transaction.id}`);
    assert.equal(await paymentsOfTransaction(database.db, transaction.id), 1);
    const settled = await invoiceOf(app, family.auth, invoice.id);
    assert.deepEqual([settled.status, settled.balanceCents], ['reglee', 0]);
  });
});

test('PayFiP configuration comes from the environment', async () => {
  assert.deepEqual(
    serverOptionsFromEnv({
      PAYMENT_PROVIDER: 'payfip',
      PAYFIP_NUMCLI: '012345',
      PAYFIP_SAISIE: 'X',
      PAYFIP_SOAP_URL: 'https://soap.test/s',
      PAYFIP_PAGE_URL: 'https://page.test/p',
      FAKE_PAYFIP: '1',
      FAKE_PAYFIP_PORT: '8788',
    }),
    {
      payment: { provider: 'payfip', numcli: '012345', saisie: 'X', soapUrl: 'https://soap.test/s', pageUrl: 'https://page.test/p' },
      fakePayfip: true,
      fakePayfipPort: 8788,
    },
  );
  assert.deepEqual(serverOptionsFromEnv({ PAYMENT_PROVIDER: 'demo' }), { payment: { provider: 'demo' } });
});

test('startFakePayfip serves the fake on 127.0.0.1 and closes', async () => {
  const running = await startFakePayfip();
  try {
    assert.match(running.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await createPayfipProvider({ serviceUrl: running.serviceUrl }).outcome({} as never, { providerRef: 'inconnu', demoOutcome: null });
    assert.deepEqual(answer, { state: 'unknown', code: 'P1' });
  } finally {
    await running.close();
  }
  await assert.rejects(fetch(running.serviceUrl, { method: 'POST' }));
});
