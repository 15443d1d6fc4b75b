// The yearly attestation fiscale (childcare under 6) and the per-child choice of electronic
// invoices, with the "votre facture est disponible" e-mail at publication.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { AttestationList, InvoicePreferences } from '@famille/contract';
import { splitByLines, underSixOnFirstJanuary } from '@famille/server';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, TestClock, testApp, type TestApp } from './support/app.ts';
import { addMember, addValidatedMember, agentLogin, child, send, type Auth } from './support/family.ts';
import { fieldErrors, outbox } from './support/accounts.ts';
import { invoiceBody, issue, line, listInvoices, newBillingFamily, recordPayment } from './support/invoices.ts';
import { pdfText } from './support/pdf.ts';

let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let agent: Auth;
let a: { auth: Auth; email: string; familyId: string; leo: string; emma: string };
let b: { auth: Auth; email: string; familyId: string; noah: string };

const pay = async (familyId: string, invoiceId: string, amountCents: number) => {
  const response = await recordPayment(app, agent, { familyId }, amountCents, [invoiceId]);
  assert.equal(response.status, 201, await response.clone().text());
};
const attestations = async (auth: Auth) => {
  const response = await send(app, `${BASE}/attestations`, 'GET', auth);
  assert.equal(response.status, 200);
  return AttestationList.parse(await response.json()).attestations;
};

before(async () => {
  database = await openTestDatabase();
  // Payments on both sides of midnight, Paris time, on New Year's Eve (22:30 UTC = 23:30 in Paris).
  ({ app, clock } = await testApp(database.db, {
    clock: new TestClock('2025-12-31T22:00:00.000Z'),
    config: { session: { idleTtlSeconds: 10 ** 8, absoluteTtlSeconds: 10 ** 8 } },
  }));
  agent = await agentLogin(app);
  const fa = await newBillingFamily(app, database.db);
  const fb = await newBillingFamily(app, database.db);
  // Léo: under 6 on 1 January of 2025 and 2026. Emma: 6 on 1 January 2026 (not before).
  // Validated by the service: only such children are billed.
  const leo = (await addValidatedMember(app, fa.auth, agent, child({ prenoms: 'Léo', dateNaissance: '2022-05-01' }))).member.id;
  const emma = (await addValidatedMember(app, fa.auth, agent, child({ prenoms: 'Emma', dateNaissance: '2019-12-31', sexe: 'feminin' }))).member.id;
  const noah = (await addValidatedMember(app, fb.auth, agent, child({ nomUsage: 'Roux', prenoms: 'Noah', dateNaissance: '2023-01-10' }))).member.id;
  a = { ...fa, leo, emma };
  b = { ...fb, noah };

  // 100 € for two children (60 € + 40 €) and 5 € of "frais de dossier" without a child.
  const shared = await issue(
    app,
    agent,
    invoiceBody(a.familyId, {
      issuedOn: '2025-12-15',
      dueOn: '2026-01-15',
      lines: [
        line({ childId: leo, childLabel: 'Léo Martin', quantity: 1, unitPriceCents: 6000 }),
        line({ childId: emma, childLabel: 'Emma Martin', quantity: 1, unitPriceCents: 4000 }),
      ],
    }),
  );
  const fees = await issue(
    app,
    agent,
    invoiceBody(a.familyId, {
      issuedOn: '2025-12-15',
      dueOn: '2026-01-15',
      lines: [line({ childLabel: 'Frais de dossier', quantity: 1, unitPriceCents: 500 })],
    }),
  );
  clock.current = new Date('2025-12-31T22:30:00.000Z'); // 23:30 in Paris: 2025
  await pay(a.familyId, shared.id, 5000);
  await pay(a.familyId, fees.id, 500);
  clock.current = new Date('2025-12-31T23:30:00.000Z'); // 00:30 in Paris: 2026
  await pay(a.familyId, shared.id, 1);
  await pay(a.familyId, shared.id, 4999);
  clock.current = new Date('2026-03-02T08:00:00.000Z');
});
after(() => database?.close());

describe('splitting a payment across an invoice’s lines', () => {
  test('proportional to the lines, in whole cents, the leftover cents to the largest remainders, always adding up', () => {
    assert.deepEqual(splitByLines(5000, [6000, 4000]), [3000, 2000]);
    assert.deepEqual(splitByLines(1, [6000, 4000]), [1, 0]);
    assert.deepEqual(splitByLines(4999, [6000, 4000]), [2999, 2000]);
    assert.deepEqual(splitByLines(100, [1, 1, 1]), [34, 33, 33], 'ties: the earlier line');
    assert.deepEqual(splitByLines(0, [500, 500]), [0, 0]);
    assert.deepEqual(splitByLines(100_000_000, [99_999_999, 1]), [99_999_999, 1], 'no float overflow past 2^53');
    for (const [amount, lines] of [
      [9_999, [3_333, 3_333, 3_334]],
      [12_345, [1, 2, 3, 4, 5]],
      [7, [1_000_000, 1]],
    ] as const) {
      assert.equal(
        splitByLines(amount, lines).reduce((s, p) => s + p, 0),
        amount,
      );
    }
  });

  test('under 6 on 1 January: born on or after 1 January six years before', () => {
    assert.equal(underSixOnFirstJanuary('2020-01-01', 2026), true);
    assert.equal(underSixOnFirstJanuary('2019-12-31', 2026), false);
    assert.equal(underSixOnFirstJanuary('2026-06-01', 2026), true, 'born during the year');
    assert.equal(underSixOnFirstJanuary('2027-01-01', 2026), false);
  });
});

describe('attestation fiscale', () => {
  test('per year of payment (Paris day), per child under 6 on 1 January, allocations split across the lines; lines without a child left out', async () => {
    assert.deepEqual(await attestations(a.auth), [
      { year: 2026, children: [{ childId: a.leo, name: 'Léo Martin', birthDate: '2022-05-01', paidCents: 3000 }], totalCents: 3000 },
      {
        year: 2025,
        children: [
          { childId: a.leo, name: 'Léo Martin', birthDate: '2022-05-01', paidCents: 3000 },
          { childId: a.emma, name: 'Emma Martin', birthDate: '2019-12-31', paidCents: 2000 },
        ],
        totalCents: 5000,
      },
    ]);
  });

  test('the PDF is a real PDF with the year, the tenant’s name and contact, the parent, each child’s amount and the date issued', async () => {
    const response = await send(app, `${BASE}/attestations/2025/pdf`, 'GET', a.auth);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.match(response.headers.get('content-disposition') ?? '', /attestation-frais-de-garde-2025\.pdf/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const pdf = await PDFDocument.load(bytes);
    assert.equal(pdf.getTitle(), 'Attestation de frais de garde 2025 — Vienne Condrieu Agglomération');
    const text = pdfText(bytes);
    for (const expected of [
      'année 2025',
      'Vienne Condrieu Agglom',
      'Point Info Mode de Garde',
      '01 99 00 38 20',
      'Léa Marie Durand',
      'Léo Martin',
      '01/05/2022',
      '30,00',
      'Emma Martin',
      '20,00',
      '50,00',
      'le 02/03/2026',
    ]) {
      assert.ok(text.includes(expected), `${expected} in:\n${text}`);
    }
    const y2026 = pdfText(new Uint8Array(await (await send(app, `${BASE}/attestations/2026/pdf`, 'GET', a.auth)).arrayBuffer()));
    assert.ok(!y2026.includes('Emma'), 'Emma was 6 on 1 January 2026');
  });

  test('the year is checked: from 2000 to the current year, four digits (422 on `year`); a year without payments is 404', async () => {
    for (const [year, error] of [
      ['1999', { path: 'year', code: 'too_small', params: { minimum: 2000 } }],
      ['2027', { path: 'year', code: 'too_large', params: { maximum: 2026 } }],
      ['20x5', { path: 'year', code: 'invalid_format' }],
    ] as const) {
      const response = await send(app, `${BASE}/attestations/${year}/pdf`, 'GET', a.auth);
      assert.equal(response.status, 422, year);
      assert.deepEqual(await fieldErrors(response), [error]);
    }
    assert.equal((await send(app, `${BASE}/attestations/2024/pdf`, 'GET', a.auth)).status, 404);
  });

  test('another family sees nothing of it: an empty list and 404 for the same years; anonymous: 401', async () => {
    assert.deepEqual(await attestations(b.auth), []);
    for (const year of ['2025', '2026']) assert.equal((await send(app, `${BASE}/attestations/${year}/pdf`, 'GET', b.auth)).status, 404);
    assert.equal((await app.request(`${BASE}/attestations`)).status, 401);
    assert.equal((await app.request(`${BASE}/attestations/2025/pdf`)).status, 401);
    assert.equal((await send(app, `${OTHER_BASE}/attestations`, 'GET', a.auth)).status, 401, "another tenant's session is not this tenant's");
  });
});

describe('attestation fiscale: childcare only, meals left out (frais de nourriture exclus)', () => {
  let c: { auth: Auth; familyId: string; zoe: string };
  let firstId: string;
  const childcareLine = (zoe: string) =>
    line({ childId: zoe, childLabel: 'Zoé Petit', activity: 'Multi-accueil — accueil régulier', quantity: 42.5, unitPriceCents: 137 });
  const mealsLine = (zoe: string) =>
    line({ childId: zoe, childLabel: 'Zoé Petit', activity: 'Restauration — repas', quantity: 7, unitPriceCents: 321, childcare: false });

  before(async () => {
    const fc = await newBillingFamily(app, database.db);
    const zoe = (await addMember(app, fc.auth, child({ nomUsage: 'Petit', prenoms: 'Zoé', dateNaissance: '2023-04-10', sexe: 'feminin' }))).member.id;
    c = { auth: fc.auth, familyId: fc.familyId, zoe };
  });

  test('a line is stored with `childcare: false` and sent back so; a childcare line (absent or true) has no such field', async () => {
    const invoice = await issue(
      app,
      agent,
      invoiceBody(c.familyId, { issuedOn: '2026-02-01', dueOn: '2026-02-28', lines: [{ ...childcareLine(c.zoe), childcare: true }, mealsLine(c.zoe)] }),
    );
    firstId = invoice.id;
    assert.deepEqual(
      invoice.lines.map((l) => [l.amountCents, 'childcare' in l ? l.childcare : 'absent']),
      [
        [5823, 'absent'],
        [2247, false],
      ],
    );
    const listed = (await listInvoices(app, c.auth)).invoices.find((i) => i.id === invoice.id)!;
    assert.deepEqual(
      listed.lines.map((l) => l.childcare),
      [undefined, false],
    );
    const wrong = await send(app, `${BASE}/agent/invoices`, 'POST', agent, invoiceBody(c.familyId, { lines: [line({ childcare: 'non' })] }));
    assert.equal(wrong.status, 422);
    assert.deepEqual(
      (await fieldErrors(wrong)).map((e) => e.path),
      ['lines.0.childcare'],
    );
  });

  test('fully paid in two payments with odd cents: each split over ALL the lines, only the childcare parts counted, exactly the childcare line', async () => {
    // 58,23 € of care + 22,47 € of meals = 80,70 €, paid 33,35 € then 47,35 €.
    const invoice = await issue(
      app,
      agent,
      invoiceBody(c.familyId, { issuedOn: '2026-02-01', dueOn: '2026-02-28', lines: [childcareLine(c.zoe), mealsLine(c.zoe)] }),
    );
    assert.equal(invoice.totalCents, 8070);
    assert.deepEqual(splitByLines(3335, [5823, 2247]), [2406, 929], 'the odd cent goes to the meals (largest remainder)');
    assert.deepEqual(splitByLines(4735, [5823, 2247]), [3417, 1318], 'the odd cent goes to the care');
    await pay(c.familyId, invoice.id, 3335);
    assert.deepEqual(await attestations(c.auth), [
      { year: 2026, children: [{ childId: c.zoe, name: 'Zoé Petit', birthDate: '2023-04-10', paidCents: 2406 }], totalCents: 2406 },
    ]);
    await pay(c.familyId, invoice.id, 4735);
    assert.deepEqual(
      await attestations(c.auth),
      [{ year: 2026, children: [{ childId: c.zoe, name: 'Zoé Petit', birthDate: '2023-04-10', paidCents: 5823 }], totalCents: 5823 }],
      '2406 + 3417: the whole care, none of the 22,47 € of meals',
    );

    // The first invoice (same lines), paid in part: 10,01 € on 80,70 € → 7,22 € of care.
    assert.deepEqual(splitByLines(1001, [5823, 2247]), [722, 279]);
    await pay(c.familyId, firstId, 1001);
    assert.equal((await attestations(c.auth))[0]!.totalCents, 5823 + 722);
  });

  test('a partial payment of care and a goûter: the care part of the split only', async () => {
    // 10,00 € of care + 3 goûters × 0,85 € = 12,55 €; 10,01 € paid → 7,98 € + 2,03 €.
    const invoice = await issue(
      app,
      agent,
      invoiceBody(c.familyId, {
        issuedOn: '2026-02-01',
        dueOn: '2026-02-28',
        lines: [
          line({ childId: c.zoe, childLabel: 'Zoé Petit', quantity: 1, unitPriceCents: 1000 }),
          line({ childId: c.zoe, childLabel: 'Zoé Petit', activity: 'Goûter', quantity: 3, unitPriceCents: 85, childcare: false }),
        ],
      }),
    );
    const before = (await attestations(c.auth))[0]!.totalCents;
    assert.deepEqual(splitByLines(1001, [1000, 255]), [798, 203]);
    await pay(c.familyId, invoice.id, 1001);
    const [year] = await attestations(c.auth);
    assert.equal(year!.totalCents, before + 798);
    assert.equal(year!.children[0]!.paidCents, before + 798);
  });

  test('meals only: no attestation; the PDF says once "Hors frais de repas" and shows the care only', async () => {
    const fd = await newBillingFamily(app, database.db);
    const max = (await addMember(app, fd.auth, child({ prenoms: 'Max', dateNaissance: '2024-01-02' }))).member.id;
    const meals = await issue(
      app,
      agent,
      invoiceBody(fd.familyId, { lines: [line({ childId: max, activity: 'Restauration', quantity: 10, unitPriceCents: 350, childcare: false })] }),
    );
    await pay(fd.familyId, meals.id, 3500);
    assert.deepEqual(await attestations(fd.auth), []);
    assert.equal((await send(app, `${BASE}/attestations/2026/pdf`, 'GET', fd.auth)).status, 404);

    const response = await send(app, `${BASE}/attestations/2026/pdf`, 'GET', c.auth);
    assert.equal(response.status, 200);
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    assert.equal(text.split('Hors frais de repas').length - 1, 1, text);
    assert.ok(text.includes('Zoé Petit'), text);
    assert.ok(text.includes('73,43'), `5823 + 722 + 798 = 73,43 € in:\n${text}`);
  });
});

describe('adhésion à la facture en ligne', () => {
  const preferences = async (auth: Auth) => InvoicePreferences.parse(await (await send(app, `${BASE}/invoice-preferences`, 'GET', auth)).json()).children;
  const mailsTo = async (email: string) => (await outbox(app)).filter((m) => m.to === email && m.subject.includes('est disponible'));

  test('every child starts on paper; a parent opts one child in and reads the choice back', async () => {
    assert.deepEqual(await preferences(a.auth), [
      { childId: a.leo, name: 'Léo Martin', electronicInvoice: false },
      { childId: a.emma, name: 'Emma Martin', electronicInvoice: false },
    ]);
    const response = await send(app, `${BASE}/invoice-preferences`, 'PUT', a.auth, { childId: a.leo, electronicInvoice: true });
    assert.equal(response.status, 200);
    assert.deepEqual(
      InvoicePreferences.parse(await response.json()).children.map((c) => c.electronicInvoice),
      [true, false],
    );
    assert.deepEqual(
      (await preferences(a.auth)).map((c) => c.electronicInvoice),
      [true, false],
    );
  });

  test('an invoice with a line for the opted-in child e-mails the family "votre facture est disponible"; one for a paper child does not', async () => {
    const before = (await mailsTo(a.email)).length;
    await issue(app, agent, invoiceBody(a.familyId, { lines: [line({ childId: a.emma, childLabel: 'Emma Martin' })] }));
    assert.equal((await mailsTo(a.email)).length, before, 'Emma is on paper');
    const invoice = await issue(
      app,
      agent,
      invoiceBody(a.familyId, {
        dueOn: '2026-03-15',
        lines: [line({ childId: a.emma, childLabel: 'Emma Martin' }), line({ childId: a.leo, childLabel: 'Léo Martin' })],
      }),
    );
    const mails = await mailsTo(a.email);
    assert.equal(mails.length, before + 1);
    assert.equal(mails[0]!.subject, `Votre facture n° ${invoice.number} est disponible — Vienne Condrieu Agglomération`);
    assert.match(mails[0]!.text, /116,46\s€/);
    assert.match(mails[0]!.text, /15 mars 2026/);
    assert.match(mails[0]!.html, /Voir mes factures/);
  });

  test('a child whose declaration the service has not validated yet is not in the choice, and cannot be set', async () => {
    const pending = (await addMember(app, a.auth, child({ prenoms: 'Jade', dateNaissance: '2025-06-01' }))).member.id;
    assert.ok(!(await preferences(a.auth)).some((c) => c.childId === pending));
    const response = await send(app, `${BASE}/invoice-preferences`, 'PUT', a.auth, { childId: pending, electronicInvoice: true });
    assert.equal(response.status, 422);
    assert.deepEqual(await fieldErrors(response), [{ path: 'childId', code: 'unknown_reference' }]);
  });

  test('opting out again stops the e-mails', async () => {
    await send(app, `${BASE}/invoice-preferences`, 'PUT', a.auth, { childId: a.leo, electronicInvoice: false });
    const before = (await mailsTo(a.email)).length;
    await issue(app, agent, invoiceBody(a.familyId, { lines: [line({ childId: a.leo })] }));
    assert.equal((await mailsTo(a.email)).length, before);
  });

  test("a family cannot set another family's child (422 on childId, nothing changed) and never receives the other's e-mails", async () => {
    const response = await send(app, `${BASE}/invoice-preferences`, 'PUT', b.auth, { childId: a.emma, electronicInvoice: true });
    assert.equal(response.status, 422);
    assert.deepEqual(await fieldErrors(response), [{ path: 'childId', code: 'unknown_reference' }]);
    assert.equal((await preferences(a.auth)).find((c) => c.childId === a.emma)!.electronicInvoice, false);
    assert.deepEqual(
      (await preferences(b.auth)).map((c) => c.childId),
      [b.noah],
    );
    const invalid = await send(app, `${BASE}/invoice-preferences`, 'PUT', b.auth, { childId: b.noah, electronicInvoice: 'yes' });
    assert.equal(invalid.status, 422);

    await send(app, `${BASE}/invoice-preferences`, 'PUT', b.auth, { childId: b.noah, electronicInvoice: true });
    const beforeA = (await mailsTo(a.email)).length;
    await issue(app, agent, invoiceBody(b.familyId, { lines: [line({ childId: b.noah, childLabel: 'Noah Roux' })] }));
    assert.equal((await mailsTo(b.email)).length, 1);
    assert.equal((await mailsTo(a.email)).length, beforeA);
  });
});
