// Mon tableau de bord and "Dernières demandes": what a family's landing page reads, for that
// family only — on PGlite or PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AttestationList, DashboardSummary, Preregistration, RequestSummaryList } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, TestClock, login, testApp, type TestApp } from './support/app.ts';
import {
  addMember,
  addValidatedMember,
  agentLogin,
  child,
  contact,
  dateFromToday,
  files,
  newFamily,
  send,
  setStatus,
  upload,
  type Auth,
} from './support/family.ts';
import { billCents, newBillingFamily, recordPayment, type BillingFamily } from './support/invoices.ts';
import { awaitsFamily } from '../../../packages/server/src/routes/dashboard/requests.ts';
import { byUrgency } from '../../../packages/server/src/routes/dashboard/summary.ts';

let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let agent: Auth;
let family: BillingFamily;
let firstLogin: Date;
const made: { contactRequest: string; childRequest: string; preregistration: Preregistration; overdue: string; due: string; draftChild: string } = {
  contactRequest: '',
  childRequest: '',
  preregistration: undefined as never,
  overdue: '',
  due: '',
  draftChild: '',
};

const today = () => clock.now().toISOString().slice(0, 10);

before(async () => {
  database = await openTestDatabase();
  clock = new TestClock(new Date().toISOString());
  ({ app } = await testApp(database.db, { clock }));
  agent = await agentLogin(app);
  firstLogin = clock.now();
  family = await newBillingFamily(app, database.db);
  clock.advance(600);
  // A second login: the first one is now "dernière connexion".
  const response = await login(app, { identifiant: family.identifiant, password: 'Tilleul-Orange-2026', transport: 'token' });
  family.auth = { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };

  made.childRequest = (await addValidatedMember(app, family.auth, agent, child({ dateNaissance: dateFromToday(-300) }))).request.id;
  made.contactRequest = (await addMember(app, family.auth, contact())).request.id;
  const asked = await setStatus(app, agent, made.contactRequest, { status: 'en_cours', comment: 'Merci de fournir une pièce d’identité.' });
  assert.equal(asked.status, 200);

  // A pre-registration submitted for a second child, a draft left for a third.
  const second = (await addMember(app, family.auth, child({ dateNaissance: dateFromToday(-310) }))).member.id;
  const birth = await upload(app, family.auth, files.pdf(), 'application/pdf', 'acte.pdf');
  const address = await upload(app, family.auth, files.png(), 'image/png', 'facture.png');
  const saved = await send(app, `${BASE}/preregistration/drafts/${second}`, 'PUT', family.auth, {
    step: 6,
    startDate: dateFromToday(120),
    choices: ['cocon-de-soie', 'grain-d-aile', 'fleur-de-pyrus'],
    documents: [
      { type: 'extrait-naissance', documentId: birth.id },
      { type: 'justificatif-domicile', documentId: address.id },
    ],
    answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille'] },
  });
  assert.equal(saved.status, 200, await saved.clone().text());
  const submitted = await send(app, `${BASE}/preregistration/drafts/${second}/submission`, 'POST', family.auth);
  assert.equal(submitted.status, 201, await submitted.clone().text());
  made.preregistration = Preregistration.parse(await submitted.json());
  made.draftChild = (await addMember(app, family.auth, child({ prenoms: 'Zoé', dateNaissance: dateFromToday(-320) }))).member.id;
  assert.equal((await send(app, `${BASE}/preregistration/drafts/${made.draftChild}`, 'PUT', family.auth, { step: 1 })).status, 200);

  // Invoices: one overdue, one due later, one paid.
  made.overdue = (await billCents(app, agent, family, 4250, { issuedOn: dateFromToday(-60), dueOn: dateFromToday(-30) })).id;
  made.due = (await billCents(app, agent, family, 1000, { issuedOn: today(), dueOn: dateFromToday(30) })).id;
  const paid = await billCents(app, agent, family, 500, { issuedOn: dateFromToday(-90), dueOn: dateFromToday(-60) });
  assert.equal((await recordPayment(app, agent, family, 500, [paid.id])).status, 201);

  assert.equal(
    (await send(app, `${BASE}/agent/messages`, 'POST', agent, { audience: 'family', familyId: family.familyId, title: 'Bienvenue', body: 'x' })).status,
    201,
  );
});
after(() => database?.close());

async function summary(auth: Auth, base = BASE): Promise<DashboardSummary> {
  const response = await send(app, `${base}/dashboard`, 'GET', auth);
  assert.equal(response.status, 200, await response.clone().text());
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return DashboardSummary.parse(await response.json());
}
async function requestPage(auth: Auth, query = '', base = BASE): Promise<RequestSummaryList> {
  const response = await send(app, `${base}/dashboard/requests${query}`, 'GET', auth);
  assert.equal(response.status, 200, await response.clone().text());
  return RequestSummaryList.parse(await response.json());
}

describe('the dashboard summary', () => {
  test('greets the account holder and gives the login before this one', async () => {
    const s = await summary(family.auth);
    assert.deepEqual(s.account, { civilite: 'madame', nomUsage: 'Durand', prenoms: 'Léa Marie' });
    assert.ok(s.previousLoginAt);
    assert.ok(Math.abs(Date.parse(s.previousLoginAt) - firstLogin.getTime()) < 5_000, `${s.previousLoginAt} vs ${firstLogin.toISOString()}`);
  });

  test('invoices to pay: count, total of the balances, the overdue one first; a paid one is left out', async () => {
    const { invoices } = await summary(family.auth);
    assert.equal(invoices.count, 2);
    assert.equal(invoices.totalCents, 5250);
    assert.equal(invoices.overdueCount, 1);
    assert.deepEqual(
      invoices.toPay.map((i) => [i.id, i.overdue, i.balanceCents]),
      [
        [made.overdue, true, 4250],
        [made.due, false, 1000],
      ],
    );
  });

  test('the draft to finish, the request waiting for a document, the unread message', async () => {
    const s = await summary(family.auth);
    assert.deepEqual(
      s.drafts.map((d) => d.childId),
      [made.draftChild],
    );
    assert.match(s.drafts[0]!.childLabel, /Zoé/);
    assert.deepEqual(
      s.awaitingDocument.map((r) => [r.id, r.status, r.awaitingDocument]),
      [[made.contactRequest, 'en_cours', true]],
    );
    assert.equal(s.unreadMessages, 1);
  });

  test('documents to download: the 3 latest invoices and the same attestation years as the attestations list', async () => {
    const s = await summary(family.auth);
    assert.equal(s.documents.invoices.length, 3);
    assert.equal(s.documents.invoices[0]?.id, made.due);
    const attestations = AttestationList.parse(await (await send(app, `${BASE}/attestations`, 'GET', family.auth)).json());
    assert.deepEqual(
      s.documents.attestationYears,
      attestations.attestations.map((a) => a.year),
    );
  });

  test('a decision ends the wait: the request no longer waits for the family', async () => {
    assert.equal((await setStatus(app, agent, made.contactRequest, { status: 'validee' })).status, 200);
    const s = await summary(family.auth);
    assert.deepEqual(s.awaitingDocument, []);
    assert.equal((await requestPage(family.auth)).requests.find((r) => r.id === made.contactRequest)?.awaitingDocument, false);
  });

  test('the document store in short: how many documents, how many expired (3 months for a justificatif de domicile)', async () => {
    for (const daysAgo of [10, 100]) {
      const uploaded = await upload(app, family.auth, files.pdf(), 'application/pdf', 'facture-edf.pdf');
      const stored = await send(app, `${BASE}/family/documents`, 'POST', family.auth, {
        type: 'justificatif-domicile',
        documentId: uploaded.id,
        documentDate: dateFromToday(-daysAgo),
      });
      assert.equal(stored.status, 201, await stored.clone().text());
    }
    assert.deepEqual((await summary(family.auth)).storedDocuments, { count: 2, expiredCount: 1 });
  });

  test('a new family sees an empty dashboard: nothing of another family', async () => {
    const other = await newFamily(app);
    const s = await summary(other.auth);
    assert.equal(s.previousLoginAt, undefined);
    assert.deepEqual(s.invoices, { count: 0, totalCents: 0, overdueCount: 0, toPay: [] });
    assert.deepEqual([s.drafts, s.awaitingDocument, s.documents.invoices, s.documents.attestationYears], [[], [], [], []]);
    assert.equal(s.unreadMessages, 0);
    assert.deepEqual(s.storedDocuments, { count: 0, expiredCount: 0 });
  });
});

describe('Dernières demandes', () => {
  test('every request of the family, of every kind, newest first, with number, status and label', async () => {
    const { requests, nextOffset } = await requestPage(family.auth, '?limit=50');
    assert.equal(nextOffset, undefined);
    const numbers = requests.map((r) => r.number);
    assert.deepEqual(
      numbers,
      [...numbers].sort((x, y) => y - x),
    );
    const byId = new Map(requests.map((r) => [r.id, r]));
    assert.equal(byId.get(made.preregistration.id)?.kind, 'preregistration');
    assert.equal(byId.get(made.preregistration.id)?.status, 'deposee');
    assert.equal(byId.get(made.preregistration.id)?.number, made.preregistration.number);
    assert.equal(byId.get(made.childRequest)?.kind, 'member_add');
    assert.equal(byId.get(made.childRequest)?.status, 'validee');
    assert.match(byId.get(made.childRequest)!.label, /Léo/);
    // The three children's and the contact's additions, and the pre-registration.
    assert.equal(requests.length, 5);
  });

  test('pages with limit and offset, nextOffset until the last page', async () => {
    const all = (await requestPage(family.auth)).requests;
    const first = await requestPage(family.auth, '?limit=2');
    assert.deepEqual(
      first.requests.map((r) => r.id),
      all.slice(0, 2).map((r) => r.id),
    );
    assert.equal(first.nextOffset, 2);
    const last = await requestPage(family.auth, '?limit=2&offset=4');
    assert.deepEqual(
      last.requests.map((r) => r.id),
      all.slice(4).map((r) => r.id),
    );
    assert.equal(last.nextOffset, undefined);
    assert.equal((await send(app, `${BASE}/dashboard/requests?limit=201`, 'GET', family.auth)).status, 422);
  });

  test("another family, or another tenant's, lists none of them", async () => {
    const other = await newFamily(app);
    assert.deepEqual((await requestPage(other.auth)).requests, []);
    const elsewhere = await newFamily(app, OTHER_BASE);
    assert.deepEqual((await requestPage(elsewhere.auth, '', OTHER_BASE)).requests, []);
    assert.equal((await send(app, `${OTHER_BASE}/dashboard/requests`, 'GET', family.auth)).status, 401);
    assert.equal((await send(app, `${OTHER_BASE}/dashboard`, 'GET', family.auth)).status, 401);
  });
});

describe('the rules behind "À faire"', () => {
  test('a request waits for the family while undecided and the service’s latest step carries a comment', () => {
    const asked = { by: 'agent' as const, comment: 'Merci de fournir une attestation CAF.' };
    for (const status of ['deposee', 'en_cours', 'en_instruction']) assert.equal(awaitsFamily(status, asked), true, status);
    for (const status of ['validee', 'refusee', 'place_proposee', 'liste_attente', 'annulee']) assert.equal(awaitsFamily(status, asked), false, status);
    assert.equal(awaitsFamily('en_cours', { by: 'agent', comment: null }), false, 'moved on without a word');
    assert.equal(awaitsFamily('en_cours', { by: 'agent', comment: '   ' }), false, 'a blank comment');
    assert.equal(awaitsFamily('en_cours', { by: 'parent', comment: 'Voici la pièce.' }), false, 'the family answered last');
    assert.equal(awaitsFamily('en_cours', undefined), false, 'no history');
  });

  test('invoices to pay: the overdue ones first (the oldest due first), then by due date', () => {
    const invoice = (number: string, dueOn: string, overdue: boolean) => ({ id: number, number, dueOn, balanceCents: 100, overdue });
    const sorted = [
      invoice('A', '2026-12-20', false),
      invoice('B', '2026-11-20', true),
      invoice('C', '2026-12-10', false),
      invoice('D', '2026-10-01', true),
    ].sort(byUrgency);
    assert.deepEqual(
      sorted.map((i) => i.number),
      ['D', 'B', 'C', 'A'],
    );
  });
});
