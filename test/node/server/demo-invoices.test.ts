// The demo's sample family (`npm start`): two validated children, invoices for them to
// select and pay from the first start, and last year's, paid, so that the attestation
// fiscale has an amount; imported once, and never again once the family has invoices.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppDeps } from '@famille/server';
import type { AttestationSummary, Family } from '@famille/contract';
import { seedDemoInvoices, serverOptionsFromEnv } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, loginAs, testApp, TestClock, type TestApp } from './support/app.ts';
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

test('the demo parent gets two validated children and four invoices once: one paid last year, one overdue, two to pay, to the cent', async () => {
  await seedDemoInvoices(deps);
  const parent = await loginAs(app, 'token');
  const family = (await (await app.request(`${BASE}/family`, { headers: parent })).json()) as Family;
  const children = new Map(family.members.filter((m) => m.role === 'enfant').map((c) => [c.profile.role === 'enfant' && c.profile.prenoms, c]));
  assert.deepEqual([...children.keys()].sort(), ['Hugo', 'Léa']);
  assert.ok([...children.values()].every((c) => c.status === 'validee'));
  const [lea, hugo] = [children.get('Léa')!.id, children.get('Hugo')!.id];

  const list = await listInvoices(app, parent);
  const byDue = [...list.invoices].sort((x, y) => x.dueOn.localeCompare(y.dueOn));
  assert.deepEqual(
    byDue.map((i) => [i.issuedOn, i.dueOn, i.status, i.totalCents, i.balanceCents]),
    [
      ['2025-12-05', '2025-12-31', 'reglee', 104 * 142, 0],
      ['2026-09-26', '2026-10-26', 'en_retard', 96 * 142, 96 * 142],
      ['2026-11-05', '2026-12-05', 'a_payer', 12567 + 18 * 385, 12567 + 18 * 385],
      ['2026-11-08', '2026-12-08', 'a_payer', 1225, 1225],
    ],
  );
  assert.equal(list.balanceDueCents, 13632 + 19497 + 1225);
  assert.deepEqual(
    byDue[2]!.lines.map((l) => [l.period, l.amountCents, l.childcare ?? true, l.childId]),
    [
      ['Octobre 2026', 12567, true, lea],
      ['Octobre 2026', 6930, false, lea],
    ],
  );
  assert.equal(byDue[1]!.lines[0]!.period, 'Septembre 2026');
  assert.equal(byDue[3]!.lines[0]!.childId, hugo);

  // Last year's attestation fiscale: Léa's crèche, paid at the counter in December.
  const attestations = (await (await app.request(`${BASE}/attestations`, { headers: parent })).json()) as { attestations: AttestationSummary[] };
  assert.deepEqual(
    attestations.attestations.map((a) => [a.year, a.totalCents, a.children.map((c) => [c.name, c.paidCents])]),
    [[2025, 104 * 142, [['Léa Martin', 104 * 142]]]],
  );
  const pdf = await app.request(`${BASE}/attestations/2025/pdf`, { headers: parent });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');

  // The next start of a persistent demo adds nothing.
  await seedDemoInvoices(deps);
  assert.equal((await listInvoices(app, parent)).invoices.length, 4);
});

test('DEMO_INVOICES=0 turns them off; the server leaves them off unless asked', () => {
  assert.equal(serverOptionsFromEnv({ DEMO_INVOICES: '0' }).demoInvoices, false);
  assert.equal(serverOptionsFromEnv({ DEMO_INVOICES: '1' }).demoInvoices, true);
  assert.equal(serverOptionsFromEnv({}).demoInvoices, undefined);
});
