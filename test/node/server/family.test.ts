// The entourage: members, requests and their lifecycle, agents, e-mails — on PGlite or PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentRequest, AgentRequestList, Family, FamilyRequest, MemberChange, RequestList } from '@famille/contract';
import { checkStatusChange, memberProfileErrors } from '@famille/server';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, TestClock, testApp, type TestApp } from './support/app.ts';
import { fieldErrors, outbox, problemCode } from './support/accounts.ts';
import {
  addMember,
  agentLogin,
  child,
  coParent,
  contact,
  dateFromToday,
  futureChild,
  newFamily,
  send,
  setStatus,
  upload,
  type Auth,
} from './support/family.ts';

let database: TestDatabase;
let app: TestApp;
let parent: { auth: Auth; email: string };
let agent: Auth;
before(async () => {
  database = await openTestDatabase();
  // The server's clock at the real now: birth dates are judged by both the schema and the server.
  ({ app } = await testApp(database.db, { clock: new TestClock(new Date().toISOString()) }));
  parent = await newFamily(app);
  agent = await agentLogin(app);
});
after(() => database?.close());

const family = async (auth: Auth = parent.auth) => Family.parse(await (await send(app, `${BASE}/family`, 'GET', auth)).json());

describe('declaring members', () => {
  test('adding a child creates the member and a request "déposée" with a number and a dated history', async () => {
    const change = await addMember(app, parent.auth, child());
    assert.equal(change.member.role, 'enfant');
    assert.equal(change.member.status, 'deposee');
    assert.equal(change.member.removalRequested, false);
    assert.equal(change.request.kind, 'member_add');
    assert.equal(change.request.status, 'deposee');
    assert.equal(change.request.memberId, change.member.id);
    assert.equal(change.request.memberLabel, 'Léo Martin (enfant)');
    assert.ok(change.request.number >= 1);
    assert.deepEqual(
      change.request.history.map((h) => [h.status, h.by]),
      [['deposee', 'parent']],
    );
    const members = (await family()).members;
    assert.ok(members.some((m) => m.id === change.member.id && m.profile.role === 'enfant' && m.profile.nomUsage === 'Martin'));
  });

  test('a future child, the co-représentant and a contact are each accepted with their own profile', async () => {
    const future = await addMember(app, parent.auth, futureChild());
    assert.equal(future.request.memberLabel, 'Martin (futur enfant)');
    assert.equal((await addMember(app, parent.auth, coParent())).member.role, 'coRepresentant');
    assert.equal((await addMember(app, parent.auth, contact())).member.role, 'contact');
  });

  test('a child needs exactly one of a birth date and an expected birth date, reported on the field', async () => {
    const neither = await send(app, `${BASE}/family/members`, 'POST', parent.auth, child({ dateNaissance: undefined }));
    assert.equal(neither.status, 422);
    assert.deepEqual(await fieldErrors(neither), [{ path: 'dateNaissance', code: 'required' }]);
    const both = await send(app, `${BASE}/family/members`, 'POST', parent.auth, child({ dateNaissancePrevue: dateFromToday(30) }));
    assert.equal(both.status, 422);
    assert.deepEqual(await fieldErrors(both), [{ path: 'dateNaissancePrevue', code: 'invalid_value' }]);
  });

  test('a birth date must be past and an expected birth date future (and within ten months)', async () => {
    const bornTomorrow = await send(app, `${BASE}/family/members`, 'POST', parent.auth, child({ dateNaissance: dateFromToday(1) }));
    assert.equal(bornTomorrow.status, 422);
    assert.deepEqual(await fieldErrors(bornTomorrow), [{ path: 'dateNaissance', code: 'not_in_past' }]);
    const expectedYesterday = await send(app, `${BASE}/family/members`, 'POST', parent.auth, futureChild({ dateNaissancePrevue: dateFromToday(-1) }));
    assert.deepEqual(await fieldErrors(expectedYesterday), [{ path: 'dateNaissancePrevue', code: 'not_in_future' }]);
    const expectedInTwoYears = await send(app, `${BASE}/family/members`, 'POST', parent.auth, futureChild({ dateNaissancePrevue: dateFromToday(730) }));
    assert.equal((await fieldErrors(expectedInTwoYears))[0]?.code, 'too_large');
    const coParentBornTomorrow = await send(app, `${BASE}/family/members`, 'POST', parent.auth, coParent({ dateNaissance: dateFromToday(1) }));
    assert.deepEqual(await fieldErrors(coParentBornTomorrow), [{ path: 'dateNaissance', code: 'not_in_past' }]);
  });

  test("each role's required fields are enforced: a contact without phone, a co-représentant without civilité", async () => {
    const noPhone = await send(app, `${BASE}/family/members`, 'POST', parent.auth, contact({ telephone: undefined }));
    assert.equal(noPhone.status, 422);
    assert.ok((await fieldErrors(noPhone)).some((e) => e.path === 'telephone' && e.code === 'required'));
    const noCivilite = await send(app, `${BASE}/family/members`, 'POST', parent.auth, coParent({ civilite: undefined }));
    assert.ok((await fieldErrors(noCivilite)).some((e) => e.path === 'civilite' && e.code === 'required'));
    const unknownRole = await send(app, `${BASE}/family/members`, 'POST', parent.auth, { role: 'voisin', nomUsage: 'X' });
    assert.equal(unknownRole.status, 422);
  });

  test('the profile rules as plain functions, against a given day', () => {
    assert.deepEqual(memberProfileErrors({ role: 'enfant', nomUsage: 'A', dateNaissancePrevue: '2026-06-01' }, '2026-03-01'), []);
    assert.deepEqual(memberProfileErrors({ role: 'enfant', nomUsage: 'A', dateNaissancePrevue: '2026-03-01' }, '2026-03-01'), [
      { path: 'dateNaissancePrevue', code: 'not_in_future' },
    ]);
    assert.deepEqual(memberProfileErrors({ role: 'enfant', nomUsage: 'A', dateNaissance: '2026-03-01' }, '2026-03-01'), [
      { path: 'dateNaissance', code: 'not_in_past' },
    ]);
  });

  test('an update keeps the role: another role is a conflict (409)', async () => {
    const { member } = await addMember(app, parent.auth, contact());
    const response = await send(app, `${BASE}/family/members/${member.id}`, 'PUT', parent.auth, child());
    assert.equal(response.status, 409);
    assert.equal(await problemCode(response), 'conflict');
  });
});

describe('request numbers', () => {
  test('are sequential per tenant with no gap, even for concurrent additions and refused ones in between', async () => {
    const first = (await addMember(app, parent.auth, contact())).request.number;
    const refused = await send(app, `${BASE}/family/members`, 'POST', parent.auth, child({ dateNaissance: undefined }));
    assert.equal(refused.status, 422);
    const other = await newFamily(app);
    const changes = await Promise.all(
      Array.from({ length: 12 }, (_, i) => addMember(app, i % 2 ? parent.auth : other.auth, contact({ prenoms: `Contact ${i}` }))),
    );
    const numbers = changes.map((c) => c.request.number).sort((a, b) => a - b);
    assert.deepEqual(
      numbers,
      Array.from({ length: 12 }, (_, i) => first + 1 + i),
    );
  });

  test('another tenant counts from its own 1', async () => {
    const other = await newFamily(app, OTHER_BASE);
    const change = await addMember(app, other.auth, contact(), OTHER_BASE);
    assert.equal(change.request.number, 1);
  });
});

describe('the same person declared twice', () => {
  test('a child with the same names and birth date is refused (possible_duplicate, nothing written) unless the parent confirms; the agent sees the possible duplicate', async () => {
    const family = await newFamily(app);
    const first = await addMember(app, family.auth, child({ prenoms: 'Léo Paul', dateNaissance: '2023-05-04' }));
    const membersBefore = (await (await send(app, `${BASE}/family`, 'GET', family.auth)).json()) as Family;
    // Typed again, a little differently: case, accents and spaces do not make another person.
    const again = child({ nomUsage: 'MARTIN ', prenoms: 'leo  paul', dateNaissance: '2023-05-04' });
    const refused = await send(app, `${BASE}/family/members`, 'POST', family.auth, again);
    assert.equal(refused.status, 422);
    assert.deepEqual(await fieldErrors(refused), [{ path: 'confirmDuplicate', code: 'possible_duplicate', params: { member: 'Léo Paul Martin (enfant)' } }]);
    assert.equal(((await (await send(app, `${BASE}/family`, 'GET', family.auth)).json()) as Family).members.length, membersBefore.members.length);

    const confirmed = await addMember(app, family.auth, { ...again, confirmDuplicate: true });
    assert.equal(confirmed.member.status, 'deposee');
    assert.ok(!('confirmDuplicate' in confirmed.member.profile), 'the confirmation is not stored');
    const seen = AgentRequest.parse(await (await send(app, `${BASE}/agent/requests/${confirmed.request.id}`, 'GET', agent)).json());
    assert.deepEqual(seen.possibleDuplicates, [{ memberId: first.member.id, label: 'Léo Paul Martin (enfant)', status: 'deposee' }]);
    const firstSeen = AgentRequest.parse(await (await send(app, `${BASE}/agent/requests/${first.request.id}`, 'GET', agent)).json());
    assert.deepEqual(
      firstSeen.possibleDuplicates?.map((d) => d.memberId),
      [confirmed.member.id],
    );
  });

  test('twins (other first names, same birth date) go without a word; a refused addition does not count; changing a member into another one is refused too', async () => {
    const family = await newFamily(app);
    await addMember(app, family.auth, child({ prenoms: 'Jade', dateNaissance: '2024-01-20' }));
    const twin = await addMember(app, family.auth, child({ prenoms: 'Noé', dateNaissance: '2024-01-20' }));
    assert.equal(twin.member.status, 'deposee');
    assert.equal(AgentRequest.parse(await (await send(app, `${BASE}/agent/requests/${twin.request.id}`, 'GET', agent)).json()).possibleDuplicates, undefined);

    const wrong = await addMember(app, family.auth, child({ prenoms: 'Zoé', dateNaissance: '2024-03-03' }));
    assert.equal((await setStatus(app, agent, wrong.request.id, { status: 'refusee', comment: 'Doublon' })).status, 200);
    const again = await addMember(app, family.auth, child({ prenoms: 'Zoé', dateNaissance: '2024-03-03' }));
    assert.equal(again.member.status, 'deposee');

    // Noé renamed Jade: the same person as Jade.
    const renamed = await send(app, `${BASE}/family/members/${twin.member.id}`, 'PUT', family.auth, child({ prenoms: 'Jade', dateNaissance: '2024-01-20' }));
    assert.equal(renamed.status, 422);
    assert.equal((await fieldErrors(renamed))[0]?.code, 'possible_duplicate');
    // A member changed in another way is not its own duplicate.
    const kept = await send(
      app,
      `${BASE}/family/members/${twin.member.id}`,
      'PUT',
      family.auth,
      child({ prenoms: 'Noé', dateNaissance: '2024-01-20', sexe: 'feminin' }),
    );
    assert.equal(kept.status, 200);
  });

  test('two tabs sending the same child at once: one is declared, the other refused', async () => {
    const family = await newFamily(app);
    const body = child({ prenoms: 'Maël', dateNaissance: '2024-08-08' });
    const statuses = await Promise.all([0, 1].map(async () => (await send(app, `${BASE}/family/members`, 'POST', family.auth, body)).status));
    assert.deepEqual(statuses.sort(), [201, 422]);
  });

  test('a contact is told apart by its names', async () => {
    const family = await newFamily(app);
    await addMember(app, family.auth, contact({ nomUsage: 'Roux', prenoms: 'Simone' }));
    const refused = await send(app, `${BASE}/family/members`, 'POST', family.auth, contact({ nomUsage: 'Roux', prenoms: 'Simone', lien: 'Voisine' }));
    assert.equal((await fieldErrors(refused))[0]?.code, 'possible_duplicate');
    assert.equal((await send(app, `${BASE}/family/members`, 'POST', family.auth, contact({ nomUsage: 'Roux', prenoms: 'Simon' }))).status, 201);
  });
});

describe('agents process requests', () => {
  test('an agent lists the tenant’s requests by status, moves one to en cours then validée; the family sees status and history', async () => {
    const { member, request } = await addMember(app, parent.auth, child({ prenoms: 'Zoé' }));
    const listed = AgentRequestList.parse(await (await send(app, `${BASE}/agent/requests?status=deposee`, 'GET', agent)).json());
    const mine = listed.requests.find((r) => r.request.id === request.id);
    assert.ok(mine, 'listed among the déposées');
    assert.ok(listed.requests.every((r) => r.request.status === 'deposee'));
    assert.equal(mine.member!.id, member.id);
    assert.match(mine.family.label, /Durand/);

    assert.equal((await setStatus(app, agent, request.id, { status: 'en_cours' })).status, 200);
    const validated = await setStatus(app, agent, request.id, { status: 'validee', comment: 'Bienvenue à Zoé' });
    assert.equal(validated.status, 200);
    assert.equal(AgentRequest.parse(await validated.json()).request.status, 'validee');

    const seen = FamilyRequest.parse(await (await send(app, `${BASE}/requests/${request.id}`, 'GET', parent.auth)).json());
    assert.deepEqual(
      seen.history.map((h) => [h.status, h.by, h.comment]),
      [
        ['deposee', 'parent', undefined],
        ['en_cours', 'agent', undefined],
        ['validee', 'agent', 'Bienvenue à Zoé'],
      ],
    );
    assert.equal((await family()).members.find((m) => m.id === member.id)?.status, 'validee');
    const all = RequestList.parse(await (await send(app, `${BASE}/requests`, 'GET', parent.auth)).json());
    assert.ok(all.requests[0]!.number >= all.requests.at(-1)!.number, 'newest first');
  });

  test('a decided request never changes again (409), and a refusal needs a comment (422)', async () => {
    const { request } = await addMember(app, parent.auth, contact());
    const noComment = await setStatus(app, agent, request.id, { status: 'refusee' });
    assert.equal(noComment.status, 422);
    assert.deepEqual(await fieldErrors(noComment), [{ path: 'comment', code: 'required' }]);
    const blankComment = await setStatus(app, agent, request.id, { status: 'refusee', comment: '   ' });
    assert.equal(blankComment.status, 422);
    assert.equal((await setStatus(app, agent, request.id, { status: 'refusee', comment: 'Téléphone injoignable' })).status, 200);
    for (const status of ['en_cours', 'validee', 'refusee']) {
      const again = await setStatus(app, agent, request.id, { status, comment: 'encore' });
      assert.equal(again.status, 409, status);
      assert.equal(await problemCode(again), 'conflict');
    }
    assert.deepEqual(checkStatusChange('en_cours', 'en_cours', undefined).ok, false);
    assert.deepEqual(checkStatusChange('deposee', 'validee', undefined).ok, true);
  });

  test('a bad status filter is refused with a field error (422)', async () => {
    const response = await send(app, `${BASE}/agent/requests?status=perdue`, 'GET', agent);
    assert.equal(response.status, 422);
    assert.equal((await fieldErrors(response))[0]?.path, 'status');
  });

  test('a refused addition stays visible as refusée; editing it files a new addition request', async () => {
    const { member, request } = await addMember(app, parent.auth, contact({ prenoms: 'Refusé' }));
    await setStatus(app, agent, request.id, { status: 'refusee', comment: 'Lien de parenté manquant' });
    assert.equal((await family()).members.find((m) => m.id === member.id)?.status, 'refusee');
    const resubmitted = await send(app, `${BASE}/family/members/${member.id}`, 'PUT', parent.auth, contact({ prenoms: 'Refusé', lien: 'Oncle' }));
    assert.equal(resubmitted.status, 200);
    const change = MemberChange.parse(await resubmitted.json());
    assert.equal(change.request.kind, 'member_add');
    assert.ok(change.request.number > request.number);
    assert.equal(change.member.status, 'deposee');
  });

  test('a refused change brings the member back to the profile the service validated', async () => {
    const { member, request } = await addMember(app, parent.auth, contact({ lien: 'Voisine' }));
    await setStatus(app, agent, request.id, { status: 'validee' });
    const updated = MemberChange.parse(await (await send(app, `${BASE}/family/members/${member.id}`, 'PUT', parent.auth, contact({ lien: 'Tante' }))).json());
    assert.equal(updated.request.kind, 'member_update');
    assert.equal((updated.member.profile as { lien: string }).lien, 'Tante');
    await setStatus(app, agent, updated.request.id, { status: 'refusee', comment: 'Non' });
    const after = (await family()).members.find((m) => m.id === member.id)!;
    assert.equal((after.profile as { lien: string }).lien, 'Voisine');
    assert.equal(after.status, 'refusee');
  });

  test('a removal marks the member, a second one is a conflict, and the member goes when the removal is validated', async () => {
    const { member } = await addMember(app, parent.auth, contact({ prenoms: 'Partant' }));
    const removal = await send(app, `${BASE}/family/members/${member.id}`, 'DELETE', parent.auth);
    assert.equal(removal.status, 200);
    const change = MemberChange.parse(await removal.json());
    assert.equal(change.request.kind, 'member_remove');
    assert.equal(change.member.removalRequested, true);
    assert.equal((await send(app, `${BASE}/family/members/${member.id}`, 'DELETE', parent.auth)).status, 409);
    assert.equal((await send(app, `${BASE}/family/members/${member.id}`, 'PUT', parent.auth, contact())).status, 409);
    assert.ok((await family()).members.some((m) => m.id === member.id && m.removalRequested));
    await setStatus(app, agent, change.request.id, { status: 'validee' });
    assert.ok(!(await family()).members.some((m) => m.id === member.id));
    // The agent still reads the request, with the member as it was.
    const read = AgentRequest.parse(await (await send(app, `${BASE}/agent/requests/${change.request.id}`, 'GET', agent)).json());
    assert.equal(read.member!.id, member.id);
  });

  test('a refused removal keeps the member and clears the flag', async () => {
    const { member } = await addMember(app, parent.auth, contact({ prenoms: 'Restant' }));
    const change = MemberChange.parse(await (await send(app, `${BASE}/family/members/${member.id}`, 'DELETE', parent.auth)).json());
    await setStatus(app, agent, change.request.id, { status: 'refusee', comment: 'Seul contact d’urgence' });
    const kept = (await family()).members.find((m) => m.id === member.id);
    assert.equal(kept?.removalRequested, false);
  });

  test('each status change e-mails the family, in its language, with the number and the comment', async () => {
    const { request } = await addMember(app, parent.auth, child({ prenoms: 'Inès' }));
    await setStatus(app, agent, request.id, { status: 'en_cours' });
    await setStatus(app, agent, request.id, { status: 'refusee', comment: 'Acte de naissance illisible' });
    const mails = (await outbox(app)).filter((m) => m.to === parent.email && m.subject.includes(`n° ${request.number} `));
    assert.equal(mails.length, 2);
    assert.match(mails[0]!.subject, /refusée/);
    assert.match(mails[0]!.text, /Acte de naissance illisible/);
    assert.match(mails[0]!.text, /Inès Martin \(enfant\)/);
    assert.match(mails[1]!.subject, /en cours de traitement/);
  });
});

describe('attachments', () => {
  test('documents uploaded first are attached by id and listed on the member; agents download them', async () => {
    const doc = await upload(app, parent.auth);
    const { member } = await addMember(app, parent.auth, child({ attachments: [doc.id] }));
    assert.deepEqual(
      member.documents.map((d) => d.id),
      [doc.id],
    );
    const download = await send(app, `${BASE}/documents/${doc.id}`, 'GET', agent);
    assert.equal(download.status, 200);
    assert.equal((await download.arrayBuffer()).byteLength, doc.size);
  });

  test('an attachment that is unknown, another family’s, already attached or not an id is a field error on attachments.N', async () => {
    const other = await newFamily(app);
    const theirs = await upload(app, other.auth);
    const used = await upload(app, parent.auth);
    await addMember(app, parent.auth, contact({ attachments: [used.id] }));
    const fresh = await upload(app, parent.auth);
    const response = await send(
      app,
      `${BASE}/family/members`,
      'POST',
      parent.auth,
      contact({ attachments: [fresh.id, theirs.id, used.id, 'not-an-id', '00000000-0000-4000-8000-000000000000'] }),
    );
    assert.equal(response.status, 422);
    assert.deepEqual(
      await fieldErrors(response),
      [1, 2, 3, 4].map((n) => ({ path: `attachments.${n}`, code: 'unknown_reference' })),
    );
    // Nothing was attached by the refused request: the fresh document can still be deleted.
    assert.equal((await send(app, `${BASE}/documents/${fresh.id}`, 'DELETE', parent.auth)).status, 204);
  });

  test('an attached document cannot be deleted (409); an unattached one can, then it is gone', async () => {
    const attached = await upload(app, parent.auth);
    await addMember(app, parent.auth, contact({ attachments: [attached.id] }));
    assert.equal((await send(app, `${BASE}/documents/${attached.id}`, 'DELETE', parent.auth)).status, 409);
    const loose = await upload(app, parent.auth);
    assert.equal((await send(app, `${BASE}/documents/${loose.id}`, 'DELETE', parent.auth)).status, 204);
    assert.equal((await send(app, `${BASE}/documents/${loose.id}`, 'GET', parent.auth)).status, 404);
  });
});
