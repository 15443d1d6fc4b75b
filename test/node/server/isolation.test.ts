// Families and tenants are kept apart on every route, whatever ids are tried.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AgentRequestList, Family, RequestList, endpoints, type Endpoint } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, TestClock, loginAs, testApp, type TestApp } from './support/app.ts';
import { addMember, agentLogin, child, contact, files, newFamily, send, setStatus, upload, uploadInit, type Auth } from './support/family.ts';

let database: TestDatabase;
let app: TestApp;
let a: Auth;
let b: Auth;
let agentX: Auth;
let agentY: Auth;
let cookieParent: Auth;
const ofB: { memberId: string; requestId: string; documentId: string; attachedId: string; storedId: string } = {
  memberId: '',
  requestId: '',
  documentId: '',
  attachedId: '',
  storedId: '',
};
let ofY: { requestId: string; documentId: string };

before(async () => {
  database = await openTestDatabase();
  ({ app } = await testApp(database.db, { clock: new TestClock(new Date().toISOString()) }));
  a = (await newFamily(app)).auth;
  b = (await newFamily(app)).auth;
  agentX = await agentLogin(app);
  agentY = await agentLogin(app, OTHER_BASE);
  cookieParent = await loginAs(app, 'cookie');
  await addMember(app, a, contact({ prenoms: 'DeA' }));
  const attached = await upload(app, b);
  const change = await addMember(app, b, child({ attachments: [attached.id] }));
  Object.assign(ofB, { memberId: change.member.id, requestId: change.request.id, documentId: (await upload(app, b)).id, attachedId: attached.id });
  const toStore = await upload(app, b);
  ofB.storedId = (
    (await (await send(app, `${BASE}/family/documents`, 'POST', b, { type: 'extrait-naissance', documentId: toStore.id })).json()) as { id: string }
  ).id;
  const parentY = (await newFamily(app, OTHER_BASE)).auth;
  const docY = await upload(app, parentY, files.png(), 'image/png', 'y.png', OTHER_BASE);
  const changeY = await addMember(app, parentY, contact({ attachments: [docY.id] }), OTHER_BASE);
  ofY = { requestId: changeY.request.id, documentId: docY.id };
});
after(() => database?.close());

describe('between families of one tenant', () => {
  test('family A lists only its own members and requests', async () => {
    const members = Family.parse(await (await send(app, `${BASE}/family`, 'GET', a)).json()).members;
    assert.deepEqual(
      members.map((m) => (m.profile as { prenoms: string }).prenoms),
      ['DeA'],
    );
    const requests = RequestList.parse(await (await send(app, `${BASE}/requests`, 'GET', a)).json()).requests;
    assert.equal(requests.length, 1);
    assert.ok(requests.every((r) => r.id !== ofB.requestId));
  });

  test('family A cannot read, change, remove, download or delete anything of family B: 404 as if it did not exist', async () => {
    const attempts: [string, string, unknown?][] = [
      ['GET', `${BASE}/requests/${ofB.requestId}`],
      ['PUT', `${BASE}/family/members/${ofB.memberId}`, child()],
      ['DELETE', `${BASE}/family/members/${ofB.memberId}`],
      ['GET', `${BASE}/documents/${ofB.documentId}`],
      ['GET', `${BASE}/documents/${ofB.attachedId}`],
      ['DELETE', `${BASE}/documents/${ofB.documentId}`],
      ['GET', `${BASE}/family/documents/${ofB.storedId}/file`],
      ['PUT', `${BASE}/family/documents/${ofB.storedId}`, { documentId: (await upload(app, a)).id }],
      ['DELETE', `${BASE}/family/documents/${ofB.storedId}`],
    ];
    for (const [method, path, body] of attempts) {
      const response = await send(app, path, method, a, body);
      assert.equal(response.status, 404, `${method} ${path}`);
    }
    // B's things are untouched.
    const members = Family.parse(await (await send(app, `${BASE}/family`, 'GET', b)).json()).members;
    assert.equal(members[0]?.removalRequested, false);
    assert.equal((members[0]?.profile as { prenoms: string }).prenoms, 'Léo');
    assert.equal((await send(app, `${BASE}/documents/${ofB.documentId}`, 'GET', b)).status, 200);
    assert.equal((await send(app, `${BASE}/family/documents/${ofB.storedId}/file`, 'GET', b)).status, 200);
    const listed = (await (await send(app, `${BASE}/family/documents`, 'GET', a)).json()) as { documents: { id: string }[] };
    assert.ok(listed.documents.every((d) => d.id !== ofB.storedId));
  });

  test("family A cannot attach family B's document to its own request", async () => {
    const response = await send(app, `${BASE}/family/members`, 'POST', a, contact({ attachments: [ofB.documentId] }));
    assert.equal(response.status, 422);
  });

  test("family A cannot give family B's stored document to its pre-registration", async () => {
    const childId = (await addMember(app, a, child())).member.id;
    const documents = [{ type: 'extrait-naissance', storedDocumentId: ofB.storedId }];
    const response = await send(app, `${BASE}/preregistration/drafts/${childId}`, 'PUT', a, { step: 4, documents });
    assert.equal(response.status, 422);
    const { fieldErrors } = (await response.json()) as { fieldErrors: { path: string; code: string }[] };
    assert.deepEqual(fieldErrors, [{ path: 'documents.extrait-naissance', code: 'unknown_reference' }]);
  });

  test('guessed and enumerated ids find nothing: malformed, neighbouring and random uuids all answer 404', async () => {
    const neighbour = (id: string) => id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
    const guesses = [
      '1',
      '..',
      '%2e%2e',
      "1' or '1'='1",
      neighbour(ofB.requestId),
      neighbour(ofB.documentId),
      crypto.randomUUID(),
      '00000000-0000-0000-0000-000000000000',
    ];
    for (const guess of guesses) {
      for (const path of [
        `${BASE}/requests/${guess}`,
        `${BASE}/documents/${guess}`,
        `${BASE}/family/members/${guess}`,
        `${BASE}/family/documents/${guess}/file`,
      ]) {
        const method = path.includes('/members/') ? 'DELETE' : 'GET';
        const status = (await send(app, path, method, a)).status;
        assert.ok(status === 404 || status === 405, `${method} ${path}: ${status}`);
      }
    }
  });
});

describe('Mon compte', () => {
  test("family A's account, requests and export hold nothing of family B's identity or closure requests, members or documents", async () => {
    const doc = await upload(app, b);
    const identity = { civilite: 'madame', nomUsage: 'Secret', prenoms: 'Bea' };
    const identityRequest = (await (await send(app, `${BASE}/account/identity-requests`, 'POST', b, { identity, attachments: [doc.id] })).json()) as {
      id: string;
    };
    const closure = (await (await send(app, `${BASE}/account/closure-requests`, 'POST', b, { confirm: true, comment: 'B part' })).json()) as { id: string };
    await send(app, `${BASE}/account/contact-details`, 'PUT', b, { address: { voie: 'rue de B' } });
    const account = await (await send(app, `${BASE}/account`, 'GET', a)).text();
    const requests = await (await send(app, `${BASE}/requests`, 'GET', a)).text();
    const exported = await send(app, `${BASE}/account/export`, 'GET', a);
    assert.equal(exported.status, 200);
    const text = await exported.text();
    for (const id of [identityRequest.id, closure.id, doc.id, ...Object.values(ofB)]) {
      assert.ok(!account.includes(id) && !requests.includes(id) && !text.includes(id), id);
    }
    for (const word of ['Secret', 'B part', 'rue de B']) assert.ok(!text.includes(word), word);
    // B's own export has them.
    assert.ok((await (await send(app, `${BASE}/account/export`, 'GET', b)).text()).includes(closure.id));
  });

  test("an agent of tenant Y lists none of tenant X's account changes", async () => {
    await send(app, `${BASE}/account/contact-details`, 'PUT', a, { address: { voie: 'rue de X' } });
    const ofX = await (await send(app, `${BASE}/agent/account-changes`, 'GET', agentX)).text();
    assert.ok(ofX.includes('rue de X'));
    const ofYList = await send(app, `${OTHER_BASE}/agent/account-changes`, 'GET', agentY);
    assert.equal(ofYList.status, 200);
    assert.ok(!(await ofYList.text()).includes('rue de X'));
    assert.equal((await send(app, `${OTHER_BASE}/agent/account-changes`, 'GET', agentX)).status, 401);
  });
});

describe('between tenants', () => {
  test("an agent of tenant X sees none of tenant Y's requests or documents, and cannot move them", async () => {
    const listed = AgentRequestList.parse(await (await send(app, `${BASE}/agent/requests`, 'GET', agentX)).json());
    assert.ok(listed.requests.length > 0);
    assert.ok(listed.requests.every((r) => r.request.id !== ofY.requestId));
    assert.equal((await send(app, `${BASE}/agent/requests/${ofY.requestId}`, 'GET', agentX)).status, 404);
    assert.equal((await setStatus(app, agentX, ofY.requestId, { status: 'validee' })).status, 404);
    assert.equal((await send(app, `${BASE}/documents/${ofY.documentId}`, 'GET', agentX)).status, 404);
  });

  test("an agent's token of tenant X is worthless at tenant Y's routes, and the reverse", async () => {
    assert.equal((await send(app, `${OTHER_BASE}/agent/requests/${ofY.requestId}`, 'GET', agentX)).status, 401);
    assert.equal((await send(app, `${OTHER_BASE}/documents/${ofY.documentId}`, 'GET', agentX)).status, 401);
    assert.equal((await send(app, `${BASE}/agent/requests`, 'GET', agentY)).status, 401);
    assert.equal((await send(app, `${OTHER_BASE}/agent/requests/${ofY.requestId}`, 'GET', agentY)).status, 200);
  });

  test("a parent of tenant X cannot reach tenant Y's documents", async () => {
    assert.equal((await send(app, `${OTHER_BASE}/documents/${ofY.documentId}`, 'GET', a)).status, 401);
  });
});

describe('parents and agents', () => {
  const agentRoutes = (Object.entries(endpoints) as [string, Endpoint][]).filter(([, e]) => e.auth === 'agent');
  const parentOnlyRoutes = (Object.entries(endpoints) as [string, Endpoint][]).filter(([, e]) => e.auth === 'parent');
  const pathOf = (e: Endpoint) => e.path.replace('{tenant}', 'vienne-condrieu').replace(/\{\w+\}/g, ofB.requestId);

  test('a parent session (bearer or cookie) cannot call any agent route: 403, nothing done', async () => {
    assert.ok(agentRoutes.length >= 3);
    for (const [name, e] of agentRoutes) {
      for (const auth of [a, { ...cookieParent, origin: 'https://www.ville.test' }]) {
        const response = await send(app, `/api${pathOf(e)}`, e.method.toUpperCase(), auth, e.body ? { status: 'validee' } : undefined);
        assert.equal(response.status, 403, `${name}`);
      }
    }
    const request = await send(app, `${BASE}/requests/${ofB.requestId}`, 'GET', b);
    assert.equal(((await request.json()) as { status: string }).status, 'deposee');
  });

  test('an agent token cannot call any parent-only route: 401', async () => {
    assert.ok(parentOnlyRoutes.length >= 8);
    for (const [name, e] of parentOnlyRoutes) {
      const init =
        e.binary === 'upload'
          ? uploadInit(agentX, files.pdf() as BodyInit, 'application/pdf')
          : {
              method: e.method.toUpperCase(),
              headers: { ...agentX, 'content-type': 'application/json' },
              ...(e.method !== 'get' && { body: JSON.stringify(contact()) }),
            };
      const response = await app.request(`/api${pathOf(e)}`, init);
      assert.equal(response.status, 401, name);
    }
  });

  test('without any credentials every family, document and agent route answers 401', async () => {
    for (const [name, e] of (Object.entries(endpoints) as [string, Endpoint][]).filter(([, e]) => e.auth !== 'none')) {
      const response = await app.request(`/api${pathOf(e)}`, { method: e.method.toUpperCase() });
      assert.equal(response.status, 401, name);
    }
  });
});

describe('messages and the family’s requests of every kind', () => {
  test("family A never lists or reads family B's message, nor lists B's requests; a parent of tenant Y neither, and guessed ids find nothing", async () => {
    const familyB = ((await (await send(app, `${BASE}/agent/requests/${ofB.requestId}`, 'GET', agentX)).json()) as { family: { id: string } }).family.id;
    const posted = await send(app, `${BASE}/agent/messages`, 'POST', agentX, { audience: 'family', familyId: familyB, title: 'Pour B', body: 'B seulement' });
    assert.equal(posted.status, 201);
    const messageId = ((await posted.json()) as { id: string }).id;
    assert.equal((await send(app, `${BASE}/messages/${messageId}`, 'GET', a)).status, 404);
    const listedA = (await (await send(app, `${BASE}/messages`, 'GET', a)).json()) as { messages: { id: string }[]; unread: number };
    assert.ok(listedA.messages.every((m) => m.id !== messageId));
    const requestsA = (await (await send(app, `${BASE}/dashboard/requests`, 'GET', a)).json()) as { requests: { id: string }[] };
    assert.ok(requestsA.requests.length > 0 && requestsA.requests.every((r) => r.id !== ofB.requestId));
    const parentY = (await newFamily(app, OTHER_BASE)).auth;
    assert.equal((await send(app, `${OTHER_BASE}/messages/${messageId}`, 'GET', parentY)).status, 404);
    assert.equal((await send(app, `${BASE}/messages/${messageId}`, 'GET', parentY)).status, 401);
    // B reads it (200): A's attempt did not mark it read for B.
    const listedB = (await (await send(app, `${BASE}/messages`, 'GET', b)).json()) as { messages: { id: string; read: boolean }[] };
    assert.equal(listedB.messages.find((m) => m.id === messageId)?.read, false);
    assert.equal((await send(app, `${BASE}/messages/${messageId}`, 'GET', b)).status, 200);
    const neighbour = messageId.slice(0, -1) + (messageId.endsWith('0') ? '1' : '0');
    for (const guess of ['1', '..', "1' or '1'='1", neighbour, crypto.randomUUID(), '00000000-0000-0000-0000-000000000000']) {
      assert.equal((await send(app, `${BASE}/messages/${guess}`, 'GET', a)).status, 404, guess);
    }
    // Agent Y cannot post to tenant X's families.
    const toX = await send(app, `${OTHER_BASE}/agent/messages`, 'POST', agentY, { audience: 'family', familyId: familyB, title: 'T', body: 'B' });
    assert.equal(toX.status, 422);
  });
});
