// JSON answers of 1 KB and more go gzip'd to clients that accept it (http/json-compression.ts),
// through the app with a counting compressor, and through the Node entry's zlib over HTTP.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { LoginResult } from '@famille/contract';
import { jsonCompression } from '../../../packages/server/src/http/json-compression.ts';
import type { AppEnv } from '../../../packages/server/src/http/env.ts';
import { openTestDatabase, testDatabaseUrl, type TestDatabase } from './support/database.ts';
import { BASE, DEMO, testApp, type TestApp } from './support/app.ts';
import { agentLogin, send, type Auth } from './support/family.ts';
import { invoiceBody, issue, line, newBillingFamily } from './support/invoices.ts';
import { startTestServer } from './support/node-server.ts';

describe('JSON compression in the app', () => {
  let database: TestDatabase;
  let app: TestApp;
  let parent: Auth;
  let compressed = 0;
  before(async () => {
    database = await openTestDatabase();
    ({ app } = await testApp(database.db, {
      deps: {
        gzip: (bytes) => {
          compressed++;
          return new Uint8Array(gzipSync(bytes));
        },
      },
    }));
    const family = await newBillingFamily(app, database.db);
    parent = family.auth;
    const agent = await agentLogin(app);
    // Enough lines for a list well over 1 KB.
    for (let month = 1; month <= 6; month++) {
      await issue(
        app,
        agent,
        invoiceBody(family.familyId, { lines: [line({ period: `${month}/2026` }), line({ period: `${month}/2026`, activity: 'Repas' })] }),
      );
    }
  });
  after(() => database?.close());

  const get = (path: string, encoding?: string) => send(app, path, 'GET', { ...parent, ...(encoding && { 'accept-encoding': encoding }) });

  test('a list of several kilobytes goes gzip’d to a client accepting gzip, the same JSON once decompressed, compressed once while the list is kept', async () => {
    const plain = await get(`${BASE}/invoices`);
    const plainText = await plain.text();
    assert.ok(plainText.length > 2048, `${plainText.length} characters`);
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/i);
    const before = compressed;
    for (let i = 0; i < 2; i++) {
      const response = await get(`${BASE}/invoices`, 'br;q=1, gzip;q=0.8');
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-encoding'), 'gzip');
      assert.equal(response.headers.get('content-type'), 'application/json');
      assert.match(response.headers.get('vary') ?? '', /Accept-Encoding/i);
      const bytes = new Uint8Array(await response.arrayBuffer());
      assert.equal(Number(response.headers.get('content-length')), bytes.byteLength);
      assert.ok(bytes.byteLength < plainText.length / 3, `${bytes.byteLength} bytes for ${plainText.length}`);
      assert.equal(gunzipSync(bytes).toString('utf8'), plainText);
      // Every other header of the answer (API version, caching, security) comes along.
      const others = (headers: Headers) => [...headers].filter(([name]) => !['content-encoding', 'content-length', 'x-request-id'].includes(name));
      assert.deepEqual(others(response.headers), others(plain.headers));
      assert.ok(others(plain.headers).length >= 4, JSON.stringify([...plain.headers]));
    }
    assert.equal(compressed - before, 1, 'the kept list is compressed once');
  });

  test('the OpenAPI document, the same bytes at each request, is compressed once', async () => {
    const before = compressed;
    for (let i = 0; i < 2; i++) {
      const response = await app.request('/api/openapi.json', { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(response.headers.get('content-encoding'), 'gzip');
      const document = JSON.parse(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString('utf8')) as { openapi: string };
      assert.match(document.openapi, /^3\./);
    }
    assert.equal(compressed - before, 1);
  });

  test('small answers, clients refusing gzip and answers already encoded go as they are', async () => {
    const session = await get(`${BASE}/auth/session`, 'gzip');
    assert.equal(session.headers.get('content-encoding'), null);
    assert.match(session.headers.get('vary') ?? '', /Accept-Encoding/i);
    assert.ok((await session.json()) !== null);
    for (const refusal of ['gzip;q=0', 'identity', 'br']) {
      const response = await get(`${BASE}/invoices`, refusal);
      assert.equal(response.headers.get('content-encoding'), null, refusal);
      assert.ok((await response.text()).startsWith('{"invoices":['), refusal);
    }
  });

  test('a problem answer of more than 1 KB is compressed too, its status and type kept', async () => {
    const long = { familyId: 'x', issuedOn: 'x', dueOn: 'x', lines: Array.from({ length: 30 }, () => ({ quantity: -1 })) };
    const agent = await agentLogin(app);
    const response = await app.request(`${BASE}/agent/invoices`, {
      method: 'POST',
      headers: { ...agent, 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify(long),
    });
    assert.equal(response.status, 422);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    const problem = JSON.parse(gunzipSync(new Uint8Array(await response.arrayBuffer())).toString('utf8')) as { code: string };
    assert.equal(problem.code, 'validation_failed');
  });
});

test('answers that open a session go as they are, whatever their size: a login’s, and any that sets a cookie', async () => {
  const large = { token: 'secret', padding: 'x'.repeat(4096) };
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    jsonCompression((bytes) => new Uint8Array(gzipSync(bytes))),
  );
  app.post('/api/tenants/t/auth/login', (c) => c.json(large));
  app.post('/api/tenants/t/agent/auth/login', (c) => c.json(large));
  app.get('/api/cookie', (c) => c.json(large, 200, { 'Set-Cookie': 'famille_session=secret; HttpOnly' }));
  app.get('/api/other', (c) => c.json(large));
  const encoding = async (method: string, path: string) =>
    (await app.request(path, { method, headers: { 'accept-encoding': 'gzip' } })).headers.get('content-encoding');
  assert.equal(await encoding('POST', '/api/tenants/t/auth/login'), null);
  assert.equal(await encoding('POST', '/api/tenants/t/agent/auth/login'), null);
  assert.equal(await encoding('GET', '/api/cookie'), null);
  assert.equal(await encoding('GET', '/api/other'), 'gzip', 'the same answer without a session is compressed');
});

test('an endpoint’s answer, serialized by the endpoint, is sized from its text: compressed from 1 KB of UTF-8, short ones never read back', async () => {
  let compressed = 0;
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    jsonCompression((bytes) => {
      compressed++;
      return new Uint8Array(gzipSync(bytes));
    }),
  );
  // As mountEndpoint answers: the text in `jsonBody`, the same text as the body.
  const answer = (text: string) => (c: Context<AppEnv>) => {
    c.set('jsonBody', text);
    return c.body(text, 200, { 'Content-Type': 'application/json' });
  };
  const long = JSON.stringify({ names: 'é'.repeat(600) }); // 614 characters, 1,214 bytes
  const short = JSON.stringify({ status: 'ok' });
  app.get('/api/long', answer(long));
  app.get('/api/short', answer(short));
  const get = (path: string) => app.request(path, { headers: { 'accept-encoding': 'gzip' } });
  const longAnswer = await get('/api/long');
  assert.equal(longAnswer.headers.get('content-encoding'), 'gzip');
  assert.equal(gunzipSync(new Uint8Array(await longAnswer.arrayBuffer())).toString('utf8'), long);
  const shortAnswer = await get('/api/short');
  assert.equal(shortAnswer.headers.get('content-encoding'), null);
  assert.match(shortAnswer.headers.get('vary') ?? '', /Accept-Encoding/);
  assert.equal(await shortAnswer.text(), short);
  assert.equal(compressed, 1);
});

test('the Node server gzips JSON over HTTP with zlib, and an app without a compressor never does', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'famille-gzip-test-'));
  const { server } = await startTestServer({
    ...(testDatabaseUrl ? { databaseUrl: testDatabaseUrl } : { dataDir }),
    filesDir: `${dataDir}/files`,
    demoInvoices: true,
  });
  try {
    const login = await fetch(`${server.url}/api/tenants/vienne-condrieu/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEMO, transport: 'token' }),
    });
    const { token } = LoginResult.parse(await login.json());
    // node:http, which decodes nothing: the bytes as sent.
    const raw = await new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
      const url = new URL(`${server.url}/api/tenants/vienne-condrieu/invoices`);
      request(url, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    assert.equal(raw.headers['content-encoding'], 'gzip');
    assert.equal(Number(raw.headers['content-length']), raw.body.byteLength);
    const list = JSON.parse(gunzipSync(raw.body).toString('utf8')) as { invoices: unknown[] };
    assert.ok(list.invoices.length > 0);
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  // The in-page server (and any app given no compressor) answers the bytes as they are.
  const database = await openTestDatabase();
  try {
    const { app } = await testApp(database.db);
    const config = await app.request('/api/tenants/vienne-condrieu/config', { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(config.headers.get('content-encoding'), null);
    assert.ok((await config.text()).length > 1024);
  } finally {
    await database.close();
  }
});
