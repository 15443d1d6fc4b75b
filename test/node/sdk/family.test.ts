// The SDK's entourage, documents and agent namespaces against the server's own app,
// through an injected fetch (no network); transport details against recording fakes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { agent, createClient, documents, endpoints, family, isApiError, memoryTokenStore, requests, uploadDocument, type ClientOptions } from '@famille/sdk';
import { AGENT, baseUrl, startDemoApp, tenant, type DemoApp } from './support/demo-app.ts';
import { hang, problem, recorder } from './support/fakes.ts';
import { minimalPdf } from '../../fixtures/minimal-pdf.ts';

let app: DemoApp;
// The transport tests below pass their own fetch and never start the app.
const client = (extra: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl, tenant, auth: 'token', fetch: (input, init) => app.fetch(input, init), ...extra });
const parent = () => app.parent();
const startApp = async () => {
  app = await startDemoApp();
};

/** The smallest PDF the server's content sniffing recognises. */
const pdf = () => new Blob([minimalPdf], { type: 'application/pdf' });

describe('SDK: family, requests and documents against the reference app', () => {
  before(startApp);
  after(() => app?.close());

  test('uploads a file and downloads the same bytes back, its name kept whole', async () => {
    const sdk = await parent();
    const progress: [number, number][] = [];
    const file = pdf();
    const info = await documents(sdk).upload(file, { fileName: 'Acte de naissance (Léo) l’été.pdf', onProgress: (l, t) => progress.push([l, t]) });
    assert.equal(info.fileName, 'Acte de naissance (Léo) l’été.pdf');
    assert.equal(info.contentType, 'application/pdf');
    assert.equal(info.size, file.size);
    assert.deepEqual(progress.at(-1), [file.size, file.size], 'progress ends at the whole file');
    const blob = await documents(sdk).download(info.id);
    assert.ok(blob instanceof Blob);
    assert.equal(await blob.text(), await file.text());
    await documents(sdk).remove(info.id);
    const gone = await documents(sdk)
      .download(info.id)
      .catch((e: unknown) => e);
    assert.ok(isApiError(gone) && gone.code === 'not_found', 'a removed document is gone');
  });

  test('uploadDocument() uploads on its own, named after the File; call() then downloads and deletes it', async () => {
    const sdk = await parent();
    const file = new File([await pdf().arrayBuffer()], 'Justificatif de domicile.pdf', { type: 'application/pdf' });
    const progress: [number, number][] = [];
    const info = await uploadDocument(sdk, file, { onProgress: (l, t) => progress.push([l, t]) });
    assert.equal(info.fileName, 'Justificatif de domicile.pdf', "the File's own name by default");
    assert.deepEqual(progress, [[file.size, file.size]], 'without XMLHttpRequest, progress comes once, at the end');
    const blob = await sdk.call(endpoints.downloadDocument, { params: { documentId: info.id } });
    assert.equal(await blob.text(), await file.text());
    await sdk.call(endpoints.deleteDocument, { params: { documentId: info.id } });
    const gone = await sdk.call(endpoints.downloadDocument, { params: { documentId: info.id } }).catch((e: unknown) => e);
    assert.ok(isApiError(gone) && gone.code === 'not_found', 'a deleted document is gone');
  });

  test('adds a child with an attachment: a request "déposée" the family can list and read', async () => {
    const sdk = await parent();
    const doc = await documents(sdk).upload(pdf(), { fileName: 'acte.pdf' });
    const { member, request } = await family(sdk).addMember({
      role: 'enfant',
      nomUsage: 'Martin',
      prenoms: 'Léo',
      dateNaissance: '2024-03-02',
      attachments: [doc.id],
    });
    assert.equal(member.role, 'enfant');
    assert.equal(request.status, 'deposee');
    assert.equal(request.kind, 'member_add');
    assert.deepEqual(
      member.documents.map((d) => d.id),
      [doc.id],
    );
    assert.ok((await family(sdk).get()).members.some((m) => m.id === member.id));
    assert.ok((await requests(sdk).list()).requests.some((r) => r.id === request.id));
    assert.equal((await requests(sdk).get(request.id)).number, request.number);
  });

  test('an agent logs in with a token, finds the request by status and validates it; the parent sees "validée"', async () => {
    const sdk = await parent();
    const { request } = await family(sdk).addMember({
      role: 'contact',
      nomUsage: 'Huby',
      prenoms: 'Odette',
      lien: 'Grand-mère',
      telephone: '06 12 34 56 78',
      autoriseRecuperation: true,
      appelUrgence: true,
    });
    const tokens = memoryTokenStore();
    const agentClient = createClient({ baseUrl, tenant, auth: 'cookie', fetch: app.fetch, tokenStore: tokens });
    const session = await agent(agentClient).login(AGENT);
    assert.equal(tokens.get(), session.token, 'the agent token is kept by the store, even for a cookie client');
    const waiting = await agent(agentClient).requests({ status: 'deposee' });
    assert.ok(waiting.requests.some((r) => r.request.id === request.id));
    assert.ok(
      waiting.requests.every((r) => r.request.status === 'deposee'),
      'filtered by the query',
    );
    assert.equal((await agent(agentClient).request(request.id)).member!.profile.nomUsage, 'Huby');
    const done = await agent(agentClient).setRequestStatus(request.id, { status: 'validee', comment: 'Bienvenue' });
    assert.equal(done.request.status, 'validee');
    const seen = await requests(sdk).get(request.id);
    assert.equal(seen.status, 'validee');
    assert.equal(seen.history.at(-1)?.comment, 'Bienvenue');
    const parentView = await agent(sdk)
      .requests()
      .catch((e: unknown) => e);
    assert.ok(isApiError(parentView) && parentView.kind === 'http', 'a parent token opens no agent route');
  });

  test('a refused upload is an http ApiError with its stable code', async () => {
    const sdk = await parent();
    const error = await documents(sdk)
      .upload(new Blob([], { type: 'application/pdf' }), { fileName: 'vide.pdf' })
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'http');
    assert.equal(error.code, 'file_empty');
  });
});

describe('SDK transport details', () => {
  test('serialises the query, leaving undefined values out', async () => {
    const { requests, fetch } = recorder(() => Response.json({ requests: [] }));
    const sdk = client({ fetch, tokenStore: memoryTokenStore('t') });
    await agent(sdk).requests({ status: 'en_cours' });
    await agent(sdk).requests({});
    await agent(sdk).requests();
    await sdk.call(endpoints.agentRequests, { query: { status: undefined, page: 2, mine: true } });
    assert.deepEqual(
      requests.map((r) => new URL(r.url).search),
      ['?status=en_cours', '', '', '?page=2&mine=true'],
    );
    assert.equal(requests[0]!.headers.get('authorization'), 'Bearer t');
  });

  test('an upload is never retried, even after a 503', async () => {
    const { requests, fetch } = recorder(() => problem(503, 'internal_error', { 'retry-after': '0' }));
    const error = await documents(client({ fetch }))
      .upload(pdf(), { fileName: 'a.pdf' })
      .catch((e: unknown) => e);
    assert.ok(isApiError(error) && error.status === 503);
    assert.equal(requests.length, 1);
  });

  test('an upload that fails on the way is not retried either, and is a network error', async () => {
    let calls = 0;
    const sdk = client({
      fetch: async () => {
        calls++;
        throw new TypeError('socket hang up');
      },
    });
    const error = await documents(sdk)
      .upload(pdf(), { fileName: 'a.pdf' })
      .catch((e: unknown) => e);
    assert.ok(isApiError(error) && error.kind === 'network');
    assert.equal(calls, 1);
  });

  test('sends the raw bytes with their type and an RFC 8187 file name', async () => {
    const { requests, fetch } = recorder(() =>
      Response.json({ id: 'd1', fileName: 'x', contentType: 'application/pdf', size: 1, createdAt: '2026-01-01T00:00:00Z' }, { status: 201 }),
    );
    await documents(client({ fetch })).upload(pdf(), { fileName: "l'acte (1)*.pdf" });
    const sent = requests[0]!;
    assert.equal(sent.method, 'POST');
    assert.equal(new URL(sent.url).pathname, `/api/tenants/${tenant}/documents`);
    assert.equal(sent.headers.get('content-type'), 'application/pdf');
    assert.equal(sent.headers.get('content-disposition'), "attachment; filename*=UTF-8''l%27acte%20%281%29%2a.pdf");
    assert.equal(await sent.text(), await pdf().text());
  });

  test('a cancelled upload rejects with the AbortError, not an ApiError', async () => {
    const controller = new AbortController();
    const pending = documents(client({ fetch: hang })).upload(pdf(), { fileName: 'a.pdf', signal: controller.signal });
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    assert.ok(!isApiError(error));
    assert.equal((error as DOMException).name, 'AbortError');
  });

  test('a download answers a Blob, without JSON validation', async () => {
    const { fetch } = recorder(() => new Response(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), { headers: { 'content-type': 'image/png' } }));
    const blob = await documents(client({ fetch })).download('d1');
    assert.equal(blob.type, 'image/png');
    assert.equal(blob.size, 4);
  });
});
