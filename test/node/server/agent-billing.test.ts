// Agents' billing back-office: the tenant's invoices (filters, pages), and the overpayments
// to refund (an online payment that took more than the balance) with the record of the refund.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { AgentInvoiceList, AgentRefund, AgentRefundList, Payment, type InvoiceStatus } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, PAGE_ORIGIN, TestClock, loginAs, testApp, type TestApp } from './support/app.ts';
import { agentLogin, send, type Auth } from './support/family.ts';
import { fieldErrors as problemFieldErrors, problemCode } from './support/accounts.ts';
import { billCents, history, newBillingFamily, payOnDemoPage, recordPayment, started, type BillingFamily } from './support/invoices.ts';

let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let agent: Auth;
let agentY: Auth;
let a: BillingFamily;
let b: BillingFamily;
let y: BillingFamily;

before(async () => {
  database = await openTestDatabase();
  ({ app, clock } = await testApp(database.db, { clock: new TestClock('2026-03-02T08:00:00.000Z') }));
  agent = await agentLogin(app);
  agentY = await agentLogin(app, OTHER_BASE);
  a = await newBillingFamily(app, database.db);
  b = await newBillingFamily(app, database.db);
  y = await newBillingFamily(app, database.db, OTHER_BASE);
});
after(() => database?.close());

async function listInvoices(query: string, auth = agent, base = BASE): Promise<AgentInvoiceList> {
  const response = await send(app, `${base}/agent/invoices${query}`, 'GET', auth);
  assert.equal(response.status, 200, await response.clone().text());
  return AgentInvoiceList.parse(await response.json());
}

async function listRefunds(query = '', auth = agent, base = BASE): Promise<AgentRefundList> {
  const response = await send(app, `${base}/agent/refunds${query}`, 'GET', auth);
  assert.equal(response.status, 200, await response.clone().text());
  return AgentRefundList.parse(await response.json());
}

const markRefunded = (paymentId: string, body: unknown, auth = agent, base = BASE) => send(app, `${base}/agent/refunds/${paymentId}`, 'POST', auth, body);

/** The field errors of a `validation_failed` problem. */
async function fieldErrors(response: Response) {
  assert.equal(await problemCode(response.clone()), 'validation_failed');
  return problemFieldErrors(response);
}

/**
 * An overpayment as it happens: the parent starts paying online, the invoice is settled at
 * the counter meanwhile, then the provider confirms the card payment anyway.
 */
async function overpayment(who: BillingFamily, totalCents: number, counterCents: number): Promise<{ paymentId: string; transactionId: string }> {
  const invoice = await billCents(app, agent, who, totalCents);
  const { transaction, redirectUrl } = await started(app, who.auth, [invoice.id]);
  assert.equal((await recordPayment(app, agent, who, counterCents, [invoice.id])).status, 201);
  assert.equal((await payOnDemoPage(app, redirectUrl)).status, 303);
  const online = (await history(app, who.auth)).find((p) => p.transactionId === transaction.id)!;
  assert.equal(online.overpaidCents, counterCents);
  return { paymentId: online.id, transactionId: transaction.id };
}

describe("the tenant's invoices for agents", () => {
  test("newest first, each with its family's id and parents' names; by family and by exact number", async () => {
    const older = await billCents(app, agent, a, 1000, { issuedOn: '2026-01-10', dueOn: '2026-04-10' });
    const newer = await billCents(app, agent, b, 2000, { issuedOn: '2026-02-20', dueOn: '2026-04-20' });
    const all = await listInvoices('');
    const ids = all.invoices.map((i) => i.invoice.id);
    assert.ok(ids.indexOf(newer.id) < ids.indexOf(older.id), 'newest first');
    const issuedOn = all.invoices.map((i) => i.invoice.issuedOn);
    assert.deepEqual(issuedOn, [...issuedOn].sort().reverse());
    const item = all.invoices.find((i) => i.invoice.id === older.id)!;
    assert.deepEqual(item.family, { id: a.familyId, label: a.label });
    assert.deepEqual(item.invoice, older);

    const ofA = await listInvoices(`?familyId=${a.familyId}`);
    assert.ok(ofA.invoices.length >= 1);
    assert.ok(ofA.invoices.every((i) => i.family.id === a.familyId));
    assert.ok(!ofA.invoices.some((i) => i.invoice.id === newer.id));

    assert.deepEqual(
      (await listInvoices(`?number=${encodeURIComponent(newer.number)}`)).invoices.map((i) => i.invoice.id),
      [newer.id],
    );
    assert.deepEqual((await listInvoices(`?number=${encodeURIComponent(newer.number.slice(0, -1))}`)).invoices, [], 'exact, not a prefix');
    assert.deepEqual((await listInvoices(`?familyId=${crypto.randomUUID()}`)).invoices, []);
    assert.deepEqual((await listInvoices('?familyId=not-a-uuid')).invoices, []);
  });

  test('by status, computed as the family sees it (the injected clock’s Paris day): à payer, partiellement réglée, réglée, en retard', async () => {
    const family = await newBillingFamily(app, database.db);
    const open = await billCents(app, agent, family, 3000, { issuedOn: '2026-02-01', dueOn: '2026-03-31' });
    const partly = await billCents(app, agent, family, 3000, { issuedOn: '2026-02-01', dueOn: '2026-03-31' });
    const settled = await billCents(app, agent, family, 3000, { issuedOn: '2026-02-01', dueOn: '2026-03-31' });
    const late = await billCents(app, agent, family, 3000, { issuedOn: '2026-01-01', dueOn: '2026-03-01' });
    const latePartly = await billCents(app, agent, family, 3000, { issuedOn: '2026-01-01', dueOn: '2026-02-01' });
    assert.equal((await recordPayment(app, agent, family, 1000, [partly.id])).status, 201);
    assert.equal((await recordPayment(app, agent, family, 3000, [settled.id])).status, 201);
    assert.equal((await recordPayment(app, agent, family, 500, [latePartly.id])).status, 201);
    const expected: Record<InvoiceStatus, string[]> = {
      a_payer: [open.id],
      partiellement_reglee: [partly.id],
      reglee: [settled.id],
      en_retard: [late.id, latePartly.id],
    };
    for (const [status, ids] of Object.entries(expected)) {
      const { invoices } = await listInvoices(`?familyId=${family.familyId}&status=${status}`);
      assert.deepEqual(invoices.map((i) => i.invoice.id).sort(), [...ids].sort(), status);
      assert.ok(
        invoices.every((i) => i.invoice.status === status),
        status,
      );
    }
    // Across the tenant too: every listed invoice is in the status asked.
    for (const status of Object.keys(expected))
      assert.ok((await listInvoices(`?status=${status}&limit=200`)).invoices.every((i) => i.invoice.status === status));
  });

  test('pages: `limit` from `offset`, `nextOffset` until the last page, no invoice twice or left out; 50 when not told', async () => {
    const family = await newBillingFamily(app, database.db);
    const issued = [];
    for (let day = 1; day <= 7; day++) issued.push(await billCents(app, agent, family, 100 * day, { issuedOn: `2026-02-0${day}`, dueOn: '2026-04-01' }));
    const seen: string[] = [];
    const offsets: (number | undefined)[] = [];
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page = await listInvoices(`?familyId=${family.familyId}&limit=3&offset=${offset}`);
      assert.ok(page.invoices.length <= 3);
      seen.push(...page.invoices.map((i) => i.invoice.id));
      offset = page.nextOffset;
      offsets.push(offset);
    }
    assert.deepEqual(offsets, [3, 6, undefined]);
    assert.deepEqual(seen, issued.map((i) => i.id).reverse(), 'newest first, each once');
    assert.deepEqual((await listInvoices(`?familyId=${family.familyId}&limit=7`)).nextOffset, undefined, 'an exact last page has no next one');
    assert.deepEqual((await listInvoices(`?familyId=${family.familyId}&offset=7`)).invoices, []);

    // 52 invoices of one family, written directly (the route is tested above): 50, then 2.
    const many = await newBillingFamily(app, database.db);
    await database.db.execute(sql`insert into invoices (tenant_id, id, number, family_id, issued_on, due_on, lines, total_cents, created_at)
      select 'vienne-condrieu', gen_random_uuid(), 'BULK-' || n, ${many.familyId}::uuid, date '2026-01-01' + n, date '2026-06-01', '[]'::jsonb, 100, now()
      from generate_series(1, 52) as n`);
    const first = await listInvoices(`?familyId=${many.familyId}`);
    assert.deepEqual([first.invoices.length, first.nextOffset, first.invoices[0]!.invoice.number], [50, 50, 'BULK-52']);
    const last = await listInvoices(`?familyId=${many.familyId}&offset=50`);
    assert.deepEqual([last.invoices.map((i) => i.invoice.number), last.nextOffset], [['BULK-2', 'BULK-1'], undefined]);
  });

  test('a page costs the same number of queries for 1 invoice as for 40 from 40 families (no query per item)', async () => {
    const queriesFor = async (query: string) => {
      const start = database.queries();
      const list = await listInvoices(query);
      return { queries: database.queries() - start, count: list.invoices.length, families: new Set(list.invoices.map((i) => i.family.id)).size };
    };
    const one = await queriesFor(`?familyId=${a.familyId}&limit=1`);
    // Forty families (written directly: no accounts, so no names), one invoice each, newest.
    const ids = Array.from({ length: 40 }, () => crypto.randomUUID());
    for (const id of ids) await database.db.execute(sql`insert into families (tenant_id, id, created_at) values ('vienne-condrieu', ${id}::uuid, now())`);
    for (const id of ids) await billCents(app, agent, { familyId: id }, 100, { issuedOn: '2026-12-31', dueOn: '2026-12-31' });
    const many = await queriesFor('?limit=40');
    assert.equal(many.count, 40);
    assert.equal(many.families, 40);
    assert.equal(many.queries, one.queries);
    assert.ok(one.queries <= 4, `${one.queries} queries`);
  });

  test('refuses a limit outside 1–200, a negative or malformed offset and an unknown status, with field errors', async () => {
    for (const [query, paths] of [
      ['?limit=0', ['limit']],
      ['?limit=201', ['limit']],
      ['?limit=ten&offset=-1', ['limit', 'offset']],
      ['?status=payee', ['status']],
      [`?number=${'N'.repeat(31)}&familyId=${'f'.repeat(65)}`, ['familyId', 'number']],
    ] as const) {
      const response = await send(app, `${BASE}/agent/invoices${query}`, 'GET', agent);
      assert.equal(response.status, 422, query);
      assert.deepEqual((await fieldErrors(response)).map((e) => e.path).sort(), paths, query);
    }
    assert.equal((await send(app, `${BASE}/agent/refunds?all=yes&limit=500`, 'GET', agent)).status, 422);
  });
});

describe('overpayments to refund', () => {
  test('a card payment that crossed a counter payment is listed to refund, with its family, amounts and provider references; paid exactly, it is not', async () => {
    const exact = await billCents(app, agent, a, 2500);
    const { transaction: exactTx, redirectUrl } = await started(app, a.auth, [exact.id]);
    await payOnDemoPage(app, redirectUrl);
    const { paymentId, transactionId } = await overpayment(a, 4000, 1500);

    const { refunds } = await listRefunds();
    assert.ok(!refunds.some((r) => r.payment.transactionId === exactTx.id), 'a payment without overpayment is not listed');
    const refund = refunds.find((r) => r.payment.id === paymentId)!;
    assert.ok(refund, 'listed');
    assert.deepEqual([refund.status, refund.refund, refund.family], ['a_rembourser', undefined, { id: a.familyId, label: a.label }]);
    assert.deepEqual(
      [refund.payment.method, refund.payment.amountCents, refund.payment.overpaidCents, refund.payment.allocations.map((x) => x.amountCents)],
      ['carte', 4000, 1500, [2500]],
    );
    assert.equal(refund.payment.receivedAt, clock.now().toISOString());
    assert.equal(refund.transaction!.id, transactionId);
    assert.equal(refund.transaction!.provider, 'demo');
    assert.match(refund.transaction!.reference, /^[A-Za-z0-9]+$/);
    assert.equal(refund.transaction!.providerRef, `demo-${transactionId}`);
  });

  test('an agent records the refund once: validated dates, then 200 for one of two concurrent records and 409 conflict for the other; it leaves the list but stays with all=true', async () => {
    const { paymentId } = await overpayment(b, 3000, 1000);
    // Received on 2 March, and today (the injected clock, Paris) is 2 March: that day only.

    const invalid = await markRefunded(paymentId, { reference: '  ', refundedOn: '2026-02-30' });
    assert.equal(invalid.status, 422);
    assert.deepEqual(
      (await fieldErrors(invalid)).map((e) => [e.path, e.code]).sort(),
      [
        ['reference', 'required'],
        ['refundedOn', 'invalid_format'],
      ].sort(),
    );
    const before = await markRefunded(paymentId, { reference: 'DGFIP-1', refundedOn: '2026-03-01' });
    assert.deepEqual(await fieldErrors(before), [{ path: 'refundedOn', code: 'too_small', params: { minimum: '2026-03-02' } }]);
    const future = await markRefunded(paymentId, { reference: 'DGFIP-1', refundedOn: '2026-03-03' });
    assert.deepEqual(await fieldErrors(future), [{ path: 'refundedOn', code: 'too_large', params: { maximum: '2026-03-02' } }]);
    assert.equal((await markRefunded(paymentId, { reference: 'x'.repeat(101), refundedOn: '2026-03-02' })).status, 422);
    assert.ok(
      (await listRefunds()).refunds.some((r) => r.payment.id === paymentId),
      'nothing recorded by refused attempts',
    );

    const answers = await Promise.all([
      markRefunded(paymentId, { reference: ' DGFIP-2026-000123 ', refundedOn: '2026-03-02' }),
      markRefunded(paymentId, { reference: 'DGFIP-2026-000999', refundedOn: '2026-03-02' }),
    ]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
    const done = AgentRefund.parse(await answers.find((r) => r.status === 200)!.json());
    assert.equal(await problemCode(answers.find((r) => r.status === 409)!), 'conflict');
    assert.equal(done.status, 'rembourse');
    assert.equal(done.payment.id, paymentId);
    assert.equal(done.refund!.by.displayName.length > 0, true);
    assert.equal(done.refund!.recordedAt, clock.now().toISOString());
    const recorded = done.refund!;
    assert.ok(['DGFIP-2026-000123', 'DGFIP-2026-000999'].includes(recorded.reference), 'trimmed');

    const again = await markRefunded(paymentId, { reference: 'DGFIP-3', refundedOn: '2026-03-02' });
    assert.equal(again.status, 409);
    assert.equal(await problemCode(again), 'conflict');

    assert.ok(!(await listRefunds()).refunds.some((r) => r.payment.id === paymentId), 'no longer to refund');
    const kept = (await listRefunds('?all=true')).refunds.find((r) => r.payment.id === paymentId)!;
    assert.deepEqual([kept.status, kept.refund], ['rembourse', recorded], 'the first record stands');
    assert.ok((await listRefunds('?all=false')).refunds.every((r) => r.status === 'a_rembourser'));
  });

  test('a payment without overpayment is a 409; an unknown payment, a malformed id or another tenant’s payment a 404', async () => {
    const invoice = await billCents(app, agent, a, 1200);
    const response = await recordPayment(app, agent, a, 1200, [invoice.id]);
    const payment = Payment.parse(await response.json());
    const plain = await markRefunded(payment.id, { reference: 'DGFIP-1', refundedOn: '2026-03-02' });
    assert.deepEqual([plain.status, await problemCode(plain)], [409, 'conflict']);
    for (const id of [crypto.randomUUID(), 'not-a-uuid'])
      assert.equal((await markRefunded(id, { reference: 'DGFIP-1', refundedOn: '2026-03-02' })).status, 404);
  });

  test('refunds are paged like invoices, newest first', async () => {
    await overpayment(a, 2000, 500);
    clock.advance(60); // Well within every session's idle time.
    const newest = await overpayment(a, 2000, 700);
    const [first, second] = [await listRefunds('?all=true&limit=1'), await listRefunds('?all=true&limit=1&offset=1')];
    assert.equal(first.refunds[0]!.payment.id, newest.paymentId);
    assert.equal(first.nextOffset, 1);
    assert.notEqual(second.refunds[0]!.payment.id, newest.paymentId);
    const all = (await listRefunds('?all=true&limit=200')).refunds.map((r) => r.payment.receivedAt);
    assert.deepEqual(all, [...all].sort().reverse());
  });
});

describe('kept apart', () => {
  test("an agent of tenant X sees none of tenant Y's invoices or refunds, and cannot record Y's refunds", async () => {
    const theirs = await billCents(app, agentY, y, 4200, {}, OTHER_BASE);
    const ours = await billCents(app, agent, a, 4300);
    // Y's overpayment, made directly (tenant Y takes no online payment in the demo).
    const paymentId = crypto.randomUUID();
    await database.db.execute(sql`insert into payments (tenant_id, id, family_id, method, amount_cents, overpaid_cents, received_at)
      values ('ville-exemple', ${paymentId}::uuid, ${y.familyId}::uuid, 'carte', 5000, 800, ${clock.now().toISOString()}::timestamptz)`);

    const ofX = (await listInvoices('?limit=200')).invoices;
    assert.ok(ofX.some((i) => i.invoice.id === ours.id));
    assert.ok(!ofX.some((i) => i.invoice.id === theirs.id || i.family.id === y.familyId));
    assert.deepEqual((await listInvoices(`?familyId=${y.familyId}`)).invoices, []);
    assert.deepEqual(
      (await listInvoices(`?number=${encodeURIComponent(theirs.number)}`)).invoices.filter((i) => i.invoice.id === theirs.id),
      [],
    );
    assert.ok(!(await listRefunds('?all=true&limit=200')).refunds.some((r) => r.payment.id === paymentId));
    assert.equal((await markRefunded(paymentId, { reference: 'DGFIP-1', refundedOn: '2026-03-02' })).status, 404);

    const ofY = await listInvoices('?limit=200', agentY, OTHER_BASE);
    assert.deepEqual(
      ofY.invoices.map((i) => i.invoice.id),
      [theirs.id],
    );
    assert.deepEqual(
      (await listRefunds('', agentY, OTHER_BASE)).refunds.map((r) => [r.payment.id, r.family]),
      [[paymentId, { id: y.familyId, label: y.label }]],
    );
    // X's token at Y's routes, and the reverse: not a session there.
    assert.equal((await send(app, `${OTHER_BASE}/agent/invoices`, 'GET', agent)).status, 401);
    assert.equal((await send(app, `${BASE}/agent/refunds`, 'GET', agentY)).status, 401);
  });

  test('a parent session (bearer or cookie) gets 403 on these routes, and nobody logged in 401', async () => {
    const cookie = { ...(await loginAs(app, 'cookie')), origin: PAGE_ORIGIN };
    for (const auth of [a.auth, cookie]) {
      for (const [method, path, body] of [
        ['GET', `${BASE}/agent/invoices`],
        ['GET', `${BASE}/agent/refunds?all=true`],
        ['POST', `${BASE}/agent/refunds/${crypto.randomUUID()}`, { reference: 'DGFIP-1', refundedOn: '2026-03-01' }],
      ] as const) {
        const response = await send(app, path, method, auth, body);
        assert.equal(response.status, 403, `${method} ${path}`);
        assert.equal(await problemCode(response), 'forbidden');
      }
    }
    assert.equal((await send(app, `${BASE}/agent/invoices`, 'GET', {})).status, 401);
    assert.equal((await send(app, `${BASE}/agent/refunds`, 'GET', {})).status, 401);
  });
});
