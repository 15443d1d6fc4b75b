// The family's document store (pièces justificatives): store, list, replace, delete and
// download; validity dates; stored documents given again to pre-registrations, which keep
// them whatever happens to the store — on PGlite or PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { documentExpired, documentValidUntil, Preregistration, PreregistrationDraft, StoredDocument, StoredDocumentList } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, TestClock, login, testApp, type TestApp } from './support/app.ts';
import { fieldErrors } from './support/accounts.ts';
import { createMemoryFileStorage } from '@famille/server';
import { familyDocuments } from '../../../packages/server/src/db/schema.ts';
import { addMember, agentLogin, child, dateFromToday, files, newFamily, send, upload, type Auth } from './support/family.ts';

let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
const storage = createMemoryFileStorage();
let parent: { auth: Auth; identifiant: string };
let other: { auth: Auth };

before(async () => {
  database = await openTestDatabase();
  // The server's clock at the real now: document dates are judged by both the schema and the server.
  clock = new TestClock(new Date().toISOString());
  ({ app } = await testApp(database.db, { clock, deps: { files: storage } }));
  parent = await newFamily(app);
  other = await newFamily(app);
});
after(() => database?.close());

const STORE = `${BASE}/family/documents`;
const list = async (auth: Auth) => {
  const response = await send(app, STORE, 'GET', auth);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  return StoredDocumentList.parse(await response.json()).documents;
};
const store = (auth: Auth, body: unknown) => send(app, STORE, 'POST', auth, body);
const replace = (auth: Auth, id: string, body: unknown) => send(app, `${STORE}/${id}`, 'PUT', auth, body);
const remove = (auth: Auth, id: string) => send(app, `${STORE}/${id}`, 'DELETE', auth);
const download = (auth: Auth, id: string) => send(app, `${STORE}/${id}/file`, 'GET', auth);
const errorsOf = async (response: Response) => (await fieldErrors(response)).map((e) => `${e.path}:${e.code}`).sort();

/** A justificatif de domicile stored now, dated `daysAgo` days ago. */
async function storedAddress(auth: Auth, daysAgo = 10, bytes = files.pdf(), type = 'application/pdf', name = 'facture-edf.pdf'): Promise<StoredDocument> {
  const uploaded = await upload(app, auth, bytes, type, name);
  const response = await store(auth, { type: 'justificatif-domicile', documentId: uploaded.id, documentDate: dateFromToday(-daysAgo) });
  assert.equal(response.status, 201, await response.clone().text());
  return StoredDocument.parse(await response.json());
}

const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('validity, a pure rule of the contract', () => {
  test('a document is valid the given months after its date, to the same day or the shorter month’s last', () => {
    assert.equal(documentValidUntil('2026-11-15', 3), '2027-02-15');
    assert.equal(documentValidUntil('2026-11-30', 3), '2027-02-28');
    assert.equal(documentValidUntil('2027-11-30', 3), '2028-02-29');
    assert.equal(documentValidUntil('2026-12-31', 1), '2027-01-31');
    assert.equal(documentValidUntil('2026-10-31', 14), '2027-12-31');
  });

  test('expired only after its last valid day; without a validity, never', () => {
    assert.equal(documentExpired('2027-02-15', '2027-02-15'), false);
    assert.equal(documentExpired('2027-02-15', '2027-02-16'), true);
    assert.equal(documentExpired(undefined, '2099-01-01'), false);
  });
});

describe('the store', () => {
  test('stores an upload under a type with its date; the list shows type, file, size, dates and validity', async () => {
    const stored = await storedAddress(parent.auth, 10);
    assert.equal(stored.type, 'justificatif-domicile');
    assert.equal(stored.fileName, 'facture-edf.pdf');
    assert.equal(stored.contentType, 'application/pdf');
    assert.equal(stored.size, files.pdf().byteLength);
    assert.equal(stored.documentDate, dateFromToday(-10));
    assert.equal(stored.validUntil, documentValidUntil(dateFromToday(-10), 3));
    assert.equal(stored.expired, false);
    assert.ok((await list(parent.auth)).some((d) => d.id === stored.id && d.validUntil === stored.validUntil));
  });

  test('the upload becomes the store’s: it can no longer be deleted or attached as an upload of its own', async () => {
    const uploaded = await upload(app, parent.auth);
    assert.equal((await store(parent.auth, { type: 'attestation-caf-msa', documentId: uploaded.id })).status, 201);
    assert.equal((await send(app, `${BASE}/documents/${uploaded.id}`, 'DELETE', parent.auth)).status, 404);
    assert.deepEqual(await errorsOf(await store(parent.auth, { type: 'attestation-caf-msa', documentId: uploaded.id })), ['documentId:unknown_reference']);
  });

  test('a type without a validity needs no date and never expires', async () => {
    const uploaded = await upload(app, parent.auth);
    const response = await store(parent.auth, { type: 'extrait-naissance', documentId: uploaded.id });
    assert.equal(response.status, 201);
    const stored = StoredDocument.parse(await response.json());
    assert.equal(stored.validUntil, undefined);
    assert.equal(stored.expired, false);
  });

  test('a justificatif de domicile dated more than 3 months ago is kept, flagged expired', async () => {
    const stored = await storedAddress(parent.auth, 100);
    assert.equal(stored.expired, true);
    assert.equal((await list(parent.auth)).find((d) => d.id === stored.id)?.expired, true);
  });

  test('refuses an unknown type, a missing or future date, another family’s upload or an unknown one', async () => {
    const mine = await upload(app, parent.auth);
    assert.deepEqual(await errorsOf(await store(parent.auth, { type: 'permis-de-chasse', documentId: mine.id })), ['type:invalid_value']);
    assert.deepEqual(await errorsOf(await store(parent.auth, { type: 'justificatif-domicile', documentId: mine.id })), ['documentDate:required']);
    assert.deepEqual(await errorsOf(await store(parent.auth, { type: 'justificatif-domicile', documentId: mine.id, documentDate: dateFromToday(2) })), [
      'documentDate:not_in_past',
    ]);
    const theirs = await upload(app, other.auth);
    assert.deepEqual(await errorsOf(await store(parent.auth, { type: 'extrait-naissance', documentId: theirs.id })), ['documentId:unknown_reference']);
    assert.deepEqual(await errorsOf(await store(parent.auth, { type: 'extrait-naissance', documentId: 'nope' })), ['documentId:unknown_reference']);
    // Nothing was taken: both uploads are still their owners' own.
    assert.equal((await send(app, `${BASE}/documents/${mine.id}`, 'DELETE', parent.auth)).status, 204);
    assert.equal((await send(app, `${BASE}/documents/${theirs.id}`, 'DELETE', other.auth)).status, 204);
  });

  test('downloads the bytes as an attachment, never sniffed', async () => {
    const stored = await storedAddress(parent.auth, 5, files.png(), 'image/png', 'quittance loyer.png');
    const response = await download(parent.auth, stored.id);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment;.*quittance%20loyer\.png/);
    assert.deepEqual(await bytesOf(response), files.png());
  });

  test('replaces the file and the date, keeping the type; the new bytes download', async () => {
    const stored = await storedAddress(parent.auth, 100);
    const newer = await upload(app, parent.auth, files.png(), 'image/png', 'facture-recente.png');
    const response = await replace(parent.auth, stored.id, { documentId: newer.id, documentDate: dateFromToday(-3) });
    assert.equal(response.status, 200, await response.clone().text());
    const replaced = StoredDocument.parse(await response.json());
    assert.equal(replaced.id, stored.id);
    assert.equal(replaced.type, 'justificatif-domicile');
    assert.equal(replaced.fileName, 'facture-recente.png');
    assert.equal(replaced.expired, false);
    assert.equal(replaced.documentDate, dateFromToday(-3));
    assert.deepEqual(await bytesOf(await download(parent.auth, stored.id)), files.png());
    const again = await upload(app, parent.auth);
    assert.deepEqual(await errorsOf(await replace(parent.auth, stored.id, { documentId: again.id })), ['documentDate:required']);
  });

  test('deletes a stored document: gone from the list, its file no longer downloads, its bytes gone from the storage', async () => {
    const stored = await storedAddress(parent.auth);
    const [row] = await database.db.select().from(familyDocuments).where(eq(familyDocuments.id, stored.id));
    assert.ok(row && (await storage.read(row.storageKey)));
    assert.equal((await remove(parent.auth, stored.id)).status, 204);
    assert.equal(await storage.read(row.storageKey), undefined);
    assert.ok(!(await list(parent.auth)).some((d) => d.id === stored.id));
    assert.equal((await download(parent.auth, stored.id)).status, 404);
    assert.equal((await remove(parent.auth, stored.id)).status, 404);
  });

  test('a family never lists, downloads, replaces or deletes another family’s stored documents', async () => {
    const theirs = await storedAddress(other.auth);
    assert.ok(!(await list(parent.auth)).some((d) => d.id === theirs.id));
    assert.equal((await download(parent.auth, theirs.id)).status, 404);
    const mine = await upload(app, parent.auth);
    assert.equal((await replace(parent.auth, theirs.id, { documentId: mine.id, documentDate: dateFromToday(-1) })).status, 404);
    assert.equal((await remove(parent.auth, theirs.id)).status, 404);
    assert.ok((await list(other.auth)).some((d) => d.id === theirs.id && d.fileName === 'facture-edf.pdf'));
  });

  test('without a session: 401', async () => {
    assert.equal((await app.request(STORE)).status, 401);
  });
});

describe('given again to a pre-registration', () => {
  const draftUrl = (childId: string) => `${BASE}/preregistration/drafts/${childId}`;
  let children = 0;
  const newChild = async (auth: Auth) => (await addMember(app, auth, child({ dateNaissance: dateFromToday(-400 - children++) }))).member.id;

  /** A complete draft whose justificatif de domicile is `address` (a stored document's id, or an upload's). */
  async function draft(auth: Auth, address: { storedDocumentId: string } | { documentId: string }) {
    const birth = await upload(app, auth);
    return {
      step: 6,
      startDate: dateFromToday(120),
      choices: ['cocon-de-soie'],
      documents: [
        { type: 'extrait-naissance', documentId: birth.id },
        { type: 'justificatif-domicile', ...address },
      ],
      answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille'] },
    };
  }

  test('a draft takes a stored document for its type, and shows it as the store’s', async () => {
    const stored = await storedAddress(parent.auth);
    const childId = await newChild(parent.auth);
    const response = await send(app, draftUrl(childId), 'PUT', parent.auth, await draft(parent.auth, { storedDocumentId: stored.id }));
    assert.equal(response.status, 200, await response.clone().text());
    const saved = PreregistrationDraft.parse(await response.json()).documents.find((d) => d.type === 'justificatif-domicile');
    assert.equal(saved?.storedDocumentId, stored.id);
    assert.equal(saved?.document.fileName, 'facture-edf.pdf');
  });

  test('refuses a stored document of another type, expired, another family’s or unknown', async () => {
    const childId = await newChild(parent.auth);
    const uploaded = await upload(app, parent.auth);
    const birth = StoredDocument.parse(await (await store(parent.auth, { type: 'extrait-naissance', documentId: uploaded.id })).json());
    const expired = await storedAddress(parent.auth, 100);
    const theirs = await storedAddress(other.auth);
    const cases: [string, string][] = [
      [birth.id, 'invalid_value'],
      [expired.id, 'expired'],
      [theirs.id, 'unknown_reference'],
      ['00000000-0000-4000-8000-000000000000', 'unknown_reference'],
    ];
    for (const [storedDocumentId, code] of cases) {
      const response = await send(app, draftUrl(childId), 'PUT', parent.auth, await draft(parent.auth, { storedDocumentId }));
      assert.deepEqual(await errorsOf(response), [`documents.justificatif-domicile:${code}`], storedDocumentId);
    }
  });

  test('submitted, the request keeps the document after the store deletes or replaces it; agents read it', async () => {
    const stored = await storedAddress(parent.auth);
    const first = await newChild(parent.auth);
    const second = await newChild(parent.auth);
    // The same stored document serves two children's pre-registrations.
    const submitted: Preregistration[] = [];
    for (const childId of [first, second]) {
      assert.equal((await send(app, draftUrl(childId), 'PUT', parent.auth, await draft(parent.auth, { storedDocumentId: stored.id }))).status, 200);
      const response = await send(app, `${draftUrl(childId)}/submission`, 'POST', parent.auth);
      assert.equal(response.status, 201, await response.clone().text());
      submitted.push(Preregistration.parse(await response.json()));
    }
    const copies = submitted.map((p) => p.documents.find((d) => d.type === 'justificatif-domicile')!.document);
    assert.equal(copies.length, 2);
    assert.notEqual(copies[0]!.id, copies[1]!.id);
    assert.ok(copies.every((c) => c.id !== stored.id && c.fileName === 'facture-edf.pdf'));
    // Still in the store, to give again.
    assert.ok((await list(parent.auth)).some((d) => d.id === stored.id));

    const newer = await upload(app, parent.auth, files.png(), 'image/png', 'nouvelle.png');
    assert.equal((await replace(parent.auth, stored.id, { documentId: newer.id, documentDate: dateFromToday(-1) })).status, 200);
    assert.equal((await remove(parent.auth, stored.id)).status, 204);
    const agent = await agentLogin(app);
    for (const copy of copies) {
      const mine = await send(app, `${BASE}/documents/${copy.id}`, 'GET', parent.auth);
      assert.equal(mine.status, 200);
      assert.deepEqual(await bytesOf(mine), files.pdf());
      assert.equal((await send(app, `${BASE}/documents/${copy.id}`, 'GET', agent)).status, 200);
      // Attached: the parent cannot delete it as an upload.
      assert.equal((await send(app, `${BASE}/documents/${copy.id}`, 'DELETE', parent.auth)).status, 409);
    }
    const listed = Preregistration.parse(await (await send(app, `${BASE}/preregistrations/${submitted[0]!.id}/cancellation`, 'POST', parent.auth)).json());
    assert.equal(listed.documents.find((d) => d.type === 'justificatif-domicile')?.document.id, copies[0]!.id);
    // The other family cannot read the copies either.
    assert.equal((await send(app, `${BASE}/documents/${copies[1]!.id}`, 'GET', other.auth)).status, 404);
  });

  test('a stored document that expires after the draft was saved is refused at submission and drops out of the draft', async () => {
    const stored = await storedAddress(parent.auth, 80);
    const childId = await newChild(parent.auth);
    assert.equal((await send(app, draftUrl(childId), 'PUT', parent.auth, await draft(parent.auth, { storedDocumentId: stored.id }))).status, 200);
    const start = clock.current;
    clock.advance(15 * 86_400);
    try {
      // The session may have ended in between: log in again.
      const relogged = await login(app, { identifiant: parent.identifiant, password: 'Tilleul-Orange-2026', transport: 'token' });
      const auth = { authorization: `Bearer ${((await relogged.json()) as { token: string }).token}` };
      const response = await send(app, `${draftUrl(childId)}/submission`, 'POST', auth);
      assert.deepEqual(await errorsOf(response), ['documents.justificatif-domicile:expired']);
      const drafts = (await (await send(app, `${BASE}/preregistration/drafts`, 'GET', auth)).json()) as { drafts: PreregistrationDraft[] };
      const resumed = drafts.drafts.find((d) => d.childId === childId);
      assert.ok(resumed && !resumed.documents.some((d) => d.type === 'justificatif-domicile'));
      assert.equal((await list(auth)).find((d) => d.id === stored.id)?.expired, true);
    } finally {
      clock.current = start;
    }
  });
});
