// Invoices: issued by agents, read by their family only, exact in cents, with a real PDF.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { sql } from 'drizzle-orm';
import { InvoiceList, Payment } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, TestClock, testApp, type TestApp } from './support/app.ts';
import { agentLogin, send, type Auth } from './support/family.ts';
import { fieldErrors, problemCode } from './support/accounts.ts';
import { pdfText } from './support/pdf.ts';
import {
  history,
  invoiceBody,
  invoiceOf,
  issue,
  line,
  listInvoices,
  newBillingFamily,
  recordPayment,
  startPayment,
  type BillingFamily,
} from './support/invoices.ts';

let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let agent: Auth;
let agentY: Auth;
let a: BillingFamily;
let b: BillingFamily;

before(async () => {
  database = await openTestDatabase();
  ({ app, clock } = await testApp(database.db, { clock: new TestClock('2026-03-02T08:00:00.000Z') }));
  agent = await agentLogin(app);
  agentY = await agentLogin(app, OTHER_BASE);
  a = await newBillingFamily(app, database.db);
  b = await newBillingFamily(app, database.db);
});
after(() => database?.close());

describe('issuing', () => {
  test('an agent issues an invoice: lines per child, amounts in whole cents (42.5 h × 1,37 € = 58,23 €), the tenant’s number format', async () => {
    const invoice = await issue(
      app,
      agent,
      invoiceBody(a.familyId, { lines: [line(), line({ childLabel: 'Emma Martin', quantity: 3, unitPriceCents: 333 })] }),
    );
    assert.match(invoice.number, /^F2026-\d{5}$/);
    assert.deepEqual(
      invoice.lines.map((l) => l.amountCents),
      [5823, 999],
    );
    assert.equal(invoice.totalCents, 6822);
    assert.equal(invoice.balanceCents, 6822);
    assert.equal(invoice.status, 'a_payer');
    assert.equal(invoice.paymentPending, false);
  });

  test('numbers follow each other without gaps, and an explicit number taken twice is a conflict', async () => {
    const first = await issue(app, agent, invoiceBody(a.familyId));
    const second = await issue(app, agent, invoiceBody(b.familyId));
    assert.equal(Number(second.number.slice(-5)), Number(first.number.slice(-5)) + 1);
    await issue(app, agent, invoiceBody(a.familyId, { number: 'EXT-2026-1' }));
    const again = await send(app, `${BASE}/agent/invoices`, 'POST', agent, invoiceBody(b.familyId, { number: 'EXT-2026-1' }));
    assert.equal(again.status, 409);
  });

  test('refuses a quantity with three decimals, a due date before the issue date, an unknown family and a child of another family', async () => {
    const response = await send(
      app,
      `${BASE}/agent/invoices`,
      'POST',
      agent,
      invoiceBody(a.familyId, { dueOn: '2026-02-01', lines: [line({ quantity: 1.005 })] }),
    );
    assert.equal(response.status, 422);
    const paths = (await fieldErrors(response)).map((e) => e.path).sort();
    assert.deepEqual(paths, ['dueOn', 'lines.0.quantity']);
    const unknown = await send(
      app,
      `${BASE}/agent/invoices`,
      'POST',
      agent,
      invoiceBody(crypto.randomUUID(), { lines: [line({ childId: crypto.randomUUID() })] }),
    );
    assert.equal(unknown.status, 422);
    const known = await send(app, `${BASE}/agent/invoices`, 'POST', agent, invoiceBody(a.familyId, { lines: [line({ childId: crypto.randomUUID() })] }));
    assert.deepEqual(await fieldErrors(known), [{ path: 'lines.0.childId', code: 'unknown_reference' }]);
  });

  test('a parent cannot issue invoices, and an agent of another tenant cannot bill this tenant’s family', async () => {
    const byParent = await send(app, `${BASE}/agent/invoices`, 'POST', a.auth, invoiceBody(a.familyId));
    assert.ok([401, 403].includes(byParent.status), String(byParent.status));
    const before = (await listInvoices(app, a.auth)).invoices.length;
    const response = await send(app, `${OTHER_BASE}/agent/invoices`, 'POST', agentY, invoiceBody(a.familyId));
    assert.equal(response.status, 422);
    assert.deepEqual(await fieldErrors(response), [{ path: 'familyId', code: 'unknown_reference' }]);
    assert.equal((await listInvoices(app, a.auth)).invoices.length, before, 'nothing reached the family');
    assert.equal(
      (await send(app, `${BASE}/agent/invoices`, 'POST', agentY, invoiceBody(a.familyId))).status,
      401,
      "the other tenant's agent session is not this tenant's",
    );
  });
});

describe('reading', () => {
  test('a family lists only its own invoices, newest first, with "Solde dû" as the sum of balances', async () => {
    const mine = await listInvoices(app, a.auth);
    assert.ok(mine.invoices.length >= 3);
    assert.equal(
      mine.balanceDueCents,
      mine.invoices.reduce((s, i) => s + i.balanceCents, 0),
    );
    assert.deepEqual(mine.payment, { provider: 'demo', minimumCents: 100, counterMethods: ['especes', 'cheque', 'cesu'] });
    const theirs = await listInvoices(app, b.auth);
    const mineIds = new Set(mine.invoices.map((i) => i.id));
    assert.ok(theirs.invoices.every((i) => !mineIds.has(i.id)));
  });

  test("family B gets 404 for family A's invoice and its PDF, as if it did not exist; guessed ids too", async () => {
    const [invoice] = (await listInvoices(app, a.auth)).invoices;
    for (const path of [
      `${BASE}/invoices/${invoice!.id}`,
      `${BASE}/invoices/${invoice!.id}/pdf`,
      `${BASE}/invoices/1`,
      `${BASE}/invoices/${crypto.randomUUID()}/pdf`,
    ]) {
      const response = await send(app, path, 'GET', b.auth);
      assert.equal(response.status, 404, path);
    }
    assert.equal((await send(app, `${OTHER_BASE}/invoices/${invoice!.id}/pdf`, 'GET', agentY)).status, 404, "another tenant's agent");
  });

  test('the PDF is a real PDF with the number, the tenant’s name and contact; the family and the tenant’s agents may download it', async () => {
    const invoice = await issue(app, agent, invoiceBody(a.familyId));
    for (const who of [a.auth, agent]) {
      const response = await send(app, `${BASE}/invoices/${invoice.id}/pdf`, 'GET', who);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      // The same download headers as the parents' documents: never rendered with the API's rights.
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; sandbox");
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename=".+\.pdf"; filename\*=UTF-8''/);
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.equal(response.headers.get('content-length'), String(bytes.byteLength));
      const pdf = await PDFDocument.load(bytes);
      assert.equal(pdf.getPageCount(), 1);
      assert.equal(pdf.getTitle(), `Facture ${invoice.number} — Vienne Condrieu Agglomération`);
      const text = pdfText(bytes);
      for (const expected of [invoice.number, 'Vienne Condrieu Agglom', 'Point Info Mode de Garde', '01 99 00 38 20', '58,23'])
        assert.ok(text.includes(expected), expected);
    }
  });

  test('the list is ONE query (the session and the list’s version) while nothing changed, for 1 invoice as for 25; a change is listed at once', async () => {
    const family = await newBillingFamily(app, database.db);
    const queriesFor = async () => {
      const start = database.queries();
      const list = await listInvoices(app, family.auth);
      return { queries: database.queries() - start, list };
    };
    const first = await issue(app, agent, invoiceBody(family.familyId));
    await recordPayment(app, agent, family, 100, [first.id]);
    // The session's activity is recorded at most once a minute (a write): done here, by the clock that stands still.
    await listInvoices(app, family.auth);
    const one = await queriesFor();
    for (let i = 0; i < 24; i++) await issue(app, agent, invoiceBody(family.familyId));
    // A new version: the balances are read (a second query), and the 24 new invoices'
    // fixed part (number, dates, lines, total), once by this process (a third).
    const changed = await queriesFor();
    const kept = await queriesFor();
    assert.deepEqual([one.list.invoices.length, changed.list.invoices.length, kept.list.invoices.length], [1, 25, 25]);
    assert.deepEqual([one.queries, changed.queries, kept.queries], [1, 3, 1]);
    assert.deepEqual(kept.list, changed.list);
    // A payment moves the version: the new balance at once, the invoices' fixed part still known.
    assert.equal((await recordPayment(app, agent, family, 250, [first.id])).status, 201);
    const paid = await queriesFor();
    const listed = paid.list.invoices.find((i) => i.id === first.id)!;
    assert.deepEqual([listed.paidCents, listed.balanceCents, listed.status], [350, 5473, 'partiellement_reglee']);
    assert.equal(paid.queries, 2);
    assert.equal((await queriesFor()).queries, 1);
  });

  test('the list kept changes without a write when a payment under way expires, or the day passes a due date', async () => {
    // A database and a clock of its own: 23:30 in Paris (UTC+1 in March), on the due day of
    // one invoice (the file's sessions, opened at 09:00, would have expired at that hour).
    const own = await openTestDatabase();
    try {
      const { app: lateApp, clock: lateClock } = await testApp(own.db, { clock: new TestClock('2026-03-02T22:30:00.000Z') });
      const lateAgent = await agentLogin(lateApp);
      const family = await newBillingFamily(lateApp, own.db);
      const due = await issue(lateApp, lateAgent, invoiceBody(family.familyId, { issuedOn: '2026-02-20', dueOn: '2026-03-02' }));
      const other = await issue(lateApp, lateAgent, invoiceBody(family.familyId, { issuedOn: '2026-02-21', dueOn: '2026-03-31' }));
      assert.equal((await startPayment(lateApp, family.auth, [other.id])).status, 201);
      const statuses = async () =>
        (await listInvoices(lateApp, family.auth)).invoices.map((i) => [i.id === due.id ? 'due' : 'other', i.status, i.paymentPending]);
      assert.deepEqual(await statuses(), [
        ['other', 'a_payer', true],
        ['due', 'a_payer', false],
      ]);
      // The payment page's lifetime (15 min and a 5 min margin) passes; nothing is written meanwhile.
      lateClock.advance(21 * 60);
      assert.deepEqual(await statuses(), [
        ['other', 'a_payer', false],
        ['due', 'a_payer', false],
      ]);
      // Past midnight in Paris: the invoice due on 2 March is late.
      lateClock.advance(15 * 60);
      assert.deepEqual(await statuses(), [
        ['other', 'a_payer', false],
        ['due', 'en_retard', false],
      ]);
    } finally {
      await own.close();
    }
  });

  test('the list answers each invoice as its own route does, in the text c.json writes; an invoice changed in the database is listed as changed', async () => {
    const family = await newBillingFamily(app, database.db);
    const late = await issue(app, agent, invoiceBody(family.familyId, { issuedOn: '2026-01-10', dueOn: '2026-02-01' }));
    const partly = await issue(
      app,
      agent,
      invoiceBody(family.familyId, { issuedOn: '2026-02-10', lines: [line(), line({ childLabel: 'Zoé « Ñ » Martin', quantity: 2 })] }),
    );
    const pending = await issue(app, agent, invoiceBody(family.familyId, { issuedOn: '2026-02-20' }));
    const settled = await issue(app, agent, invoiceBody(family.familyId, { issuedOn: '2026-02-25', lines: [line({ quantity: 1, unitPriceCents: 100 })] }));
    assert.equal((await recordPayment(app, agent, family, 250, [partly.id])).status, 201);
    assert.equal((await recordPayment(app, agent, family, 100, [settled.id])).status, 201);
    assert.equal((await startPayment(app, family.auth, [pending.id])).status, 201);
    const read = async () => {
      const response = await send(app, `${BASE}/invoices`, 'GET', family.auth);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/json');
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const text = await response.text();
      const raw = JSON.parse(text) as { invoices: Record<string, unknown>[] };
      assert.equal(text, JSON.stringify(raw), 'no spaces, numbers and strings as JSON.stringify writes them: what c.json would send');
      assert.deepEqual(Object.keys(raw), ['invoices', 'balanceDueCents', 'payment']);
      for (const invoice of raw.invoices)
        assert.deepEqual(Object.keys(invoice), [
          'id',
          'number',
          'issuedOn',
          'dueOn',
          'lines',
          'totalCents',
          'paidCents',
          'balanceCents',
          'status',
          'paymentPending',
        ]);
      return InvoiceList.parse(raw);
    };
    // First read (fragments read in a second query), then from this process's fragments: the same answer.
    const list = await read();
    assert.deepEqual(await read(), list);
    assert.deepEqual(
      list.invoices.map((i) => i.id),
      [settled.id, pending.id, partly.id, late.id],
    );
    for (const listed of list.invoices) assert.deepEqual(listed, await invoiceOf(app, family.auth, listed.id));
    assert.deepEqual(
      list.invoices.map((i) => [i.status, i.paymentPending]),
      [
        ['reglee', false],
        ['a_payer', true],
        ['partiellement_reglee', false],
        ['en_retard', false],
      ],
    );
    assert.equal(
      list.balanceDueCents,
      list.invoices.reduce((sum, i) => sum + i.balanceCents, 0),
    );

    // No route rewrites an issued invoice; were one to (a correction), the list would show it at once.
    await database.db.execute(
      sql`update invoices set lines = jsonb_set(lines, '{0,activity}', '"Accueil corrigé"'), total_cents = total_cents + 1 where tenant_id = 'vienne-condrieu' and id = ${late.id}::uuid`,
    );
    const changed = (await read()).invoices.find((i) => i.id === late.id)!;
    assert.equal(changed.lines[0]!.activity, 'Accueil corrigé');
    assert.equal(changed.totalCents, late.totalCents + 1);
    assert.deepEqual(changed, await invoiceOf(app, family.auth, late.id));
  });

  test('an invoice whose due date passed (by the injected clock, Paris day) is "en retard"; due today it is still "à payer"', async () => {
    const late = await issue(app, agent, invoiceBody(a.familyId, { issuedOn: '2026-01-15', dueOn: '2026-03-01' }));
    assert.equal((await invoiceOf(app, a.auth, late.id)).status, 'en_retard');
    const today = await issue(app, agent, invoiceBody(a.familyId, { issuedOn: '2026-01-15', dueOn: '2026-03-02' }));
    assert.equal((await invoiceOf(app, a.auth, today.id)).status, 'a_payer');
    assert.ok(clock.now() > new Date('2026-03-02T00:00:00Z'));
  });
});

describe('payments at the counter', () => {
  test('an agent records a cheque over two invoices: allocated in order, to the cent; balances and statuses follow', async () => {
    const one = await issue(app, agent, invoiceBody(b.familyId, { lines: [line({ quantity: 1, unitPriceCents: 1001 })] }));
    const two = await issue(app, agent, invoiceBody(b.familyId, { lines: [line({ quantity: 1, unitPriceCents: 2002 })] }));
    const response = await recordPayment(app, agent, b, 1500, [one.id, two.id], { method: 'cheque', reference: 'Chèque 1234567' });
    assert.equal(response.status, 201);
    const payment = Payment.parse(await response.json());
    assert.deepEqual(
      payment.allocations.map((x) => [x.invoiceId, x.amountCents]),
      [
        [one.id, 1001],
        [two.id, 499],
      ],
    );
    assert.equal((await invoiceOf(app, b.auth, one.id)).status, 'reglee');
    const after = await invoiceOf(app, b.auth, two.id);
    assert.deepEqual([after.status, after.paidCents, after.balanceCents], ['partiellement_reglee', 499, 1503]);
    const payments = await history(app, b.auth);
    assert.equal(payments[0]!.id, payment.id);
    assert.equal(payments[0]!.method, 'cheque');
  });

  test('refuses more than the balances, an already paid invoice, and another family’s invoice', async () => {
    const invoice = await issue(app, agent, invoiceBody(b.familyId, { lines: [line({ quantity: 1, unitPriceCents: 500 })] }));
    const tooMuch = await recordPayment(app, agent, b, 501, [invoice.id]);
    assert.equal(tooMuch.status, 422);
    assert.equal((await recordPayment(app, agent, b, 500, [invoice.id], { method: 'cesu' })).status, 201);
    const again = await recordPayment(app, agent, b, 1, [invoice.id]);
    assert.equal(await problemCode(again), 'invoice_already_paid');
    const [ofA] = (await listInvoices(app, a.auth)).invoices;
    const wrong = await recordPayment(app, agent, b, 1, [ofA!.id]);
    assert.equal(wrong.status, 404);
    assert.equal((await history(app, a.auth)).length, 0, 'family A has no payment');
  });
});

describe('a family with decades of invoices', () => {
  test('the newest 500 are listed, plus every older one with a balance; an older settled one is left out; "Solde dû" counts every balance', async () => {
    const c = await newBillingFamily(app, database.db);
    // Issued oldest first (28 a year from 1990): the two oldest come before the newest 500.
    const issueOn = (i: number) =>
      issue(
        app,
        agent,
        invoiceBody(c.familyId, {
          issuedOn: `${1990 + Math.floor(i / 28)}-01-${String((i % 28) + 1).padStart(2, '0')}`,
          dueOn: '2030-01-01',
          lines: [line({ quantity: 1, unitPriceCents: 100 })],
        }),
      );
    const oldestSettled = await issueOn(0);
    const oldestOpen = await issueOn(1);
    // The 500 others (i = 2…501) written directly, as the route would (the route is tested above):
    // copies of the oldest open one but for the id, the next numbers of the tenant and the issue date.
    await database.db.execute(sql`with counter as (
        update invoice_counters set last_number = last_number + 500 where tenant_id = 'vienne-condrieu' returning last_number - 500 as last)
      insert into invoices (tenant_id, id, number, family_id, issued_on, due_on, lines, total_cents, issued_by_agent, created_at)
      select o.tenant_id, gen_random_uuid(), 'F' || (1990 + i / 28) || '-' || lpad((counter.last + i - 1)::text, 5, '0'), o.family_id,
        make_date(1990 + i / 28, 1, i % 28 + 1), o.due_on, o.lines, o.total_cents, o.issued_by_agent, o.created_at
      from invoices o, counter, generate_series(2, 501) as i
      where o.tenant_id = 'vienne-condrieu' and o.id = ${oldestOpen.id}::uuid`);
    const paid = await recordPayment(app, agent, c, 100, [oldestSettled.id]);
    assert.equal(paid.status, 201);

    const list = await listInvoices(app, c.auth);
    const ids = list.invoices.map((i) => i.id);
    assert.equal(list.invoices.length, 501);
    assert.equal(ids.at(-1), oldestOpen.id, 'the older invoice with a balance is listed (payable), after the newest 500');
    assert.ok(!ids.includes(oldestSettled.id), 'the older settled one is left out');
    assert.equal(list.balanceDueCents, 501 * 100, 'every balance, the oldest open one included');
  });
});
