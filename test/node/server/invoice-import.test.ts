// The invoice import (CSV or JSON) behind `npm run import-invoices`: all or nothing, exact
// cents, errors named by line and field, the same publication as the agent route.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AppDeps } from '@famille/server';
import { eurosToCents, formatImportErrors, importInvoices } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, testApp, type TestApp } from './support/app.ts';
import { addValidatedMember, agentLogin, child, send, type Auth } from './support/family.ts';
import { count, outbox } from './support/accounts.ts';
import { invoiceBody, issue, line, listInvoices, newBillingFamily } from './support/invoices.ts';

let database: TestDatabase;
let app: TestApp;
let deps: AppDeps;
let a: { auth: Auth; email: string; identifiant: string; familyId: string; leo: string };
let b: { auth: Auth; email: string; identifiant: string; familyId: string };

const tenant = () => deps.tenants.get('vienne-condrieu')!;
const invoiceCount = () => count(database.db, 'invoices');
const HEADER = 'family;number;issuedOn;dueOn;childId;childLabel;activity;period;quantity;unitPrice';

before(async () => {
  database = await openTestDatabase();
  ({ app, deps } = await testApp(database.db));
  const fa = await newBillingFamily(app, database.db);
  b = await newBillingFamily(app, database.db);
  // Validated by the service: only such a child can choose electronic invoices.
  a = { ...fa, leo: (await addValidatedMember(app, fa.auth, await agentLogin(app), child())).member.id };
});
after(() => database?.close());

test('euros to cents by string arithmetic: comma or dot, spaces, €; never a float, at most two decimals', () => {
  assert.equal(eurosToCents('12,35'), 1235);
  assert.equal(eurosToCents('12.35'), 1235);
  assert.equal(eurosToCents('0,29'), 29, '0.29 × 100 is 28.999… in floats');
  assert.equal(eurosToCents('1,1'), 110);
  assert.equal(eurosToCents('1 234,56'), 123456);
  assert.equal(eurosToCents('7 €'), 700);
  for (const wrong of ['12,345', '-1', '', 'abc', '1,2,3', '1e3']) assert.equal(eurosToCents(wrong), undefined, wrong);
});

describe('CSV', () => {
  test('rows grouped into invoices (by number, or by family and dates), families by identifiant or e-mail, amounts exact to the cent', async () => {
    const before = await invoiceCount();
    const csv = [
      HEADER,
      `${a.identifiant};IMP-2026-001;2026-02-15;15/03/2026;${a.leo};Léo Martin;Cantine;Février 2026;1;12,35`,
      `${a.identifiant};IMP-2026-001;2026-02-15;15/03/2026;;Léo Martin;Accueil du soir;Février 2026;"1,5";10.01`,
      `${b.email};;2026-02-15;2026-03-15;;Jules Durand;Cantine;Février 2026;4;3,2`,
      `${b.email.toUpperCase()};;2026-02-15;2026-03-15;;Jules Durand;Garderie;Février 2026;2;0,29`,
    ].join('\n');
    const result = await importInvoices(deps, tenant(), { format: 'csv', text: csv });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.invoices.length, 2);
    assert.equal(await invoiceCount(), before + 2);
    const [mine] = (await listInvoices(app, a.auth)).invoices.filter((i) => i.number === 'IMP-2026-001');
    assert.deepEqual(
      mine!.lines.map((l) => [l.unitPriceCents, l.amountCents]),
      [
        [1235, 1235],
        [1001, 1502],
      ],
      '1,5 × 10,01 € = 15,015 € → 15,02 €',
    );
    assert.equal(mine!.dueOn, '2026-03-15', 'DD/MM/YYYY read as a date');
    assert.equal(mine!.lines[0]!.childId, a.leo);
    const theirs = (await listInvoices(app, b.auth)).invoices;
    assert.equal(theirs.length, 1, 'rows without a number, same family and dates: one invoice');
    assert.match(theirs[0]!.number, /^F2026-\d{5}$/, "the tenant's numbering");
    assert.deepEqual(
      theirs[0]!.lines.map((l) => l.amountCents),
      [1280, 58],
    );
  });

  test('one bad row rolls everything back and reports each error with its line and column', async () => {
    const before = await invoiceCount();
    const csv = [
      HEADER,
      `${a.familyId};IMP-2026-002;2026-02-15;2026-03-15;;Léo Martin;Cantine;Février 2026;1;12,35`,
      `${a.familyId};IMP-2026-003;2026-02-15;2026-03-15;;Léo Martin;Cantine;Février 2026;1;12,345`,
      `${a.familyId};IMP-2026-004;2026-02-15;2026-03-15;${crypto.randomUUID()};Léo Martin;Cantine;Février 2026;1;1`,
      `inconnu.famille;IMP-2026-005;2026-02-15;2026-03-15;;Léo Martin;Cantine;Février 2026;1;1`,
      `${a.familyId};IMP-2026-006;2026-02-15;2026-02-01;;Léo;Cantine;Février 2026;1,005;1`,
    ].join('\n');
    const result = await importInvoices(deps, tenant(), { format: 'csv', text: csv });
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.field]),
      [
        [3, 'unitPrice'],
        [4, 'childId'],
        [5, 'family'],
        [6, 'quantity'],
        [6, 'dueOn'],
      ],
    );
    assert.match(formatImportErrors(result.errors), /^line 3, unitPrice: not an amount in euros with at most two decimals: "12,345"$/m);
    assert.equal(await invoiceCount(), before, 'nothing written, not even the good row of line 2');
  });

  test('a number twice in the file, or already the tenant’s, is an error before anything is written; --dry-run writes nothing', async () => {
    const agent = await agentLogin(app);
    await issue(app, agent, invoiceBody(a.familyId, { number: 'EXISTING-1' }));
    const before = await invoiceCount();
    const csv = [
      HEADER,
      `${a.familyId};EXISTING-1;2026-02-15;2026-03-15;;Léo;Cantine;Février;1;1`,
      `${a.familyId};DOUBLE-1;2026-02-15;2026-03-15;;Léo;Cantine;Février;1;1`,
      `${b.familyId};DOUBLE-1;2026-02-15;2026-03-15;;Léo;Cantine;Février;1;1`,
    ].join('\n');
    const result = await importInvoices(deps, tenant(), { format: 'csv', text: csv });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.field]),
      [
        [2, 'number'],
        [4, 'family'],
      ],
    );
    assert.match(result.errors[0]!.message, /already has an invoice EXISTING-1/);

    const good = `${HEADER}\n${a.familyId};DRY-1;2026-02-15;2026-03-15;;Léo;Cantine;Février;2;2,50`;
    const dry = await importInvoices(deps, tenant(), { format: 'csv', text: good }, { dryRun: true });
    assert.ok(dry.ok && dry.dryRun);
    assert.deepEqual(dry.invoices, [{ number: 'DRY-1', familyId: a.familyId, totalCents: 500, lines: 1, mailed: false }]);
    assert.equal(await invoiceCount(), before);
  });

  test('an optional childcare column: oui/non, true/false, 1/0 in any case, empty = oui; stored with the line, sent back when false', async () => {
    const header = `${HEADER};childcare`;
    const csv = [
      header,
      `${a.familyId};CARE-1;2026-02-15;2026-03-15;${a.leo};Léo Martin;Multi-accueil;Février 2026;10;3;`,
      `${a.familyId};CARE-1;2026-02-15;2026-03-15;${a.leo};Léo Martin;Restauration;Février 2026;4;3,20;NON`,
      `${a.familyId};CARE-1;2026-02-15;2026-03-15;${a.leo};Léo Martin;Goûter;Février 2026;4;0,5;false`,
      `${a.familyId};CARE-1;2026-02-15;2026-03-15;${a.leo};Léo Martin;Repas;Février 2026;1;1;0`,
      `${a.familyId};CARE-1;2026-02-15;2026-03-15;${a.leo};Léo Martin;Accueil du soir;Février 2026;1;1;Oui`,
      `${a.familyId};CARE-1;2026-02-15;2026-03-15;${a.leo};Léo Martin;Accueil du matin;Février 2026;1;1;TRUE`,
      `${a.familyId};CARE-1;2026-02-15;2026-03-15;${a.leo};Léo Martin;Mercredi;Février 2026;1;1;1`,
    ].join('\n');
    const result = await importInvoices(deps, tenant(), { format: 'csv', text: csv });
    assert.ok(result.ok, JSON.stringify(result));
    const [care] = (await listInvoices(app, a.auth)).invoices.filter((i) => i.number === 'CARE-1');
    assert.deepEqual(
      care!.lines.map((l) => l.childcare),
      [undefined, false, false, false, undefined, undefined, undefined],
    );

    const json = JSON.stringify([
      {
        familyId: a.familyId,
        number: 'CARE-2',
        issuedOn: '2026-02-15',
        dueOn: '2026-03-15',
        lines: [line(), line({ activity: 'Restauration', childcare: false })],
      },
    ]);
    assert.ok((await importInvoices(deps, tenant(), { format: 'json', text: json })).ok);
    const [fromJson] = (await listInvoices(app, a.auth)).invoices.filter((i) => i.number === 'CARE-2');
    assert.deepEqual(
      fromJson!.lines.map((l) => l.childcare),
      [undefined, false],
    );
  });

  test('another childcare value is an error on its line and column; nothing is written', async () => {
    const before = await invoiceCount();
    const csv = [
      `${HEADER};childcare`,
      `${a.familyId};CARE-3;2026-02-15;2026-03-15;;Léo Martin;Multi-accueil;Février 2026;1;1;oui`,
      `${a.familyId};CARE-3;2026-02-15;2026-03-15;;Léo Martin;Restauration;Février 2026;1;1;peut-être`,
      `${a.familyId};CARE-4;2026-02-15;2026-03-15;;Léo Martin;Restauration;Février 2026;1;1;no`,
    ].join('\n');
    const result = await importInvoices(deps, tenant(), { format: 'csv', text: csv });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.field]),
      [
        [3, 'childcare'],
        [4, 'childcare'],
      ],
    );
    assert.match(formatImportErrors(result.errors), /^line 3, childcare: not oui or non \(true\/false, 1\/0; empty: oui\): "peut-être"$/m);
    assert.equal(await invoiceCount(), before);

    const json = JSON.stringify([{ familyId: a.familyId, issuedOn: '2026-02-15', dueOn: '2026-03-15', lines: [line({ childcare: 'non' })] }]);
    const invalid = await importInvoices(deps, tenant(), { format: 'json', text: json });
    assert.ok(!invalid.ok);
    assert.deepEqual(
      invalid.errors.map((e) => [e.where, e.field, e.message]),
      [['invoice 1', 'lines.0.childcare', 'wrong type']],
    );
    assert.equal(await invoiceCount(), before);
  });

  test('a missing column is reported on line 1', async () => {
    const result = await importInvoices(deps, tenant(), { format: 'csv', text: 'family;issuedOn;dueOn\nx;2026-01-01;2026-01-02' });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.line, e.field]),
      [
        [1, 'childLabel'],
        [1, 'activity'],
        [1, 'period'],
        [1, 'quantity'],
        [1, 'unitPrice'],
      ],
    );
  });
});

describe('JSON', () => {
  test('an array of InvoiceInput, validated by the contract, published like the agent route: the opted-in family is e-mailed', async () => {
    const put = await send(app, `${BASE}/invoice-preferences`, 'PUT', a.auth, { childId: a.leo, electronicInvoice: true });
    assert.equal(put.status, 200);
    const json = JSON.stringify([
      {
        familyId: a.familyId,
        number: 'JSON-1',
        issuedOn: '2026-02-15',
        dueOn: '2026-03-15',
        lines: [line({ childId: a.leo, quantity: 3, unitPriceCents: 412 })],
      },
      { familyId: b.identifiant, issuedOn: '2026-02-15', dueOn: '2026-03-15', lines: [line()] },
    ]);
    const result = await importInvoices(deps, tenant(), { format: 'json', text: json });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(
      result.invoices.map((i) => [i.familyId, i.totalCents, i.mailed]),
      [
        [a.familyId, 1236, true],
        [b.familyId, 5823, false],
      ],
    );
    const mails = (await outbox(app)).filter((m) => m.subject.startsWith('Votre facture n° JSON-1 est disponible'));
    assert.deepEqual(
      mails.map((m) => m.to),
      [a.email],
    );
    assert.equal((await outbox(app)).filter((m) => m.to === b.email && m.subject.includes('est disponible')).length, 0);
  });

  test('an invalid invoice names its position and path; nothing is written', async () => {
    const before = await invoiceCount();
    const json = JSON.stringify([
      { familyId: a.familyId, issuedOn: '2026-02-15', dueOn: '2026-03-15', lines: [line()] },
      { familyId: a.familyId, issuedOn: '15/02/2026', dueOn: '2026-03-15', lines: [line({ unitPriceCents: 12.5 })] },
    ]);
    const result = await importInvoices(deps, tenant(), { format: 'json', text: json });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.where, e.field]),
      [
        ['invoice 2', 'issuedOn'],
        ['invoice 2', 'lines.0.unitPriceCents'],
      ],
    );
    assert.equal(await invoiceCount(), before);
    const broken = await importInvoices(deps, tenant(), { format: 'json', text: '[{' });
    assert.ok(!broken.ok);
    assert.match(broken.errors[0]!.message, /unreadable JSON/);
  });
});
