// The demo's sample invoices (`npm start`): the demo parent has something to select and pay
// from the first start, imported once, and never again once the family has invoices.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppDeps } from '@famille/server';
import { seedDemoInvoices, serverOptionsFromEnv } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { loginAs, testApp, TestClock, type TestApp } from './support/app.ts';
import { listInvoices } from './support/invoices.ts';

let database: TestDatabase;
let app: TestApp;
let deps: AppDeps;

before(async () => {
  database = await openTestDatabase();
  // 10 November 2026 in Paris: the overdue one was due on 26 October.
  ({ app, deps } = await testApp(database.db, { clock: new TestClock('2026-11-10T09:00:00.000Z') }));
});
after(() => database?.close());

test('the demo parent gets three invoices once: one overdue, two to pay, amounts exact to the cent', async () => {
  await seedDemoInvoices(deps);
  const parent = await loginAs(app, 'token');
  const list = await listInvoices(app, parent);
  const byDue = [...list.invoices].sort((x, y) => x.dueOn.localeCompare(y.dueOn));
  assert.deepEqual(
    byDue.map((i) => [i.issuedOn, i.dueOn, i.status, i.totalCents, i.balanceCents]),
    [
      ['2026-09-26', '2026-10-26', 'en_retard', 96 * 142, 96 * 142],
      ['2026-11-05', '2026-12-05', 'a_payer', 12567 + 18 * 385, 12567 + 18 * 385],
      ['2026-11-08', '2026-12-08', 'a_payer', 1225, 1225],
    ],
  );
  assert.equal(list.balanceDueCents, 13632 + 19497 + 1225);
  assert.deepEqual(
    byDue[1]!.lines.map((l) => [l.period, l.amountCents, l.childcare ?? true]),
    [
      ['Octobre 2026', 12567, true],
      ['Octobre 2026', 6930, false],
    ],
  );
  assert.equal(byDue[0]!.lines[0]!.period, 'Septembre 2026');

  // The next start of a persistent demo adds nothing.
  await seedDemoInvoices(deps);
  assert.equal((await listInvoices(app, parent)).invoices.length, 3);
});

test('DEMO_INVOICES=0 turns them off; the server leaves them off unless asked', () => {
  assert.equal(serverOptionsFromEnv({ DEMO_INVOICES: '0' }).demoInvoices, false);
  assert.equal(serverOptionsFromEnv({ DEMO_INVOICES: '1' }).demoInvoices, true);
  assert.equal(serverOptionsFromEnv({}).demoInvoices, undefined);
});
