// Every operation of the contract, called wrongly in every way a client can (no or the
// wrong session, unknown or absurd path parameters, bodies of the wrong shape or not JSON,
// query strings of nonsense, odd content types): the answer is a problem+json with a
// stable code, never a 500. The sweep reads the endpoint table, so a new route is covered
// as soon as it is declared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints, type Endpoint } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { loginAs, PAGE_ORIGIN, testApp, type TestApp } from './support/app.ts';
import { agentLogin, type Auth } from './support/family.ts';

let database: TestDatabase;
let app: TestApp;

before(async () => {
  database = await openTestDatabase();
  ({ app } = await testApp(database.db));
});
after(() => database?.close());

const absurdIds = ['x', '00000000-0000-0000-0000-000000000000', 'a'.repeat(300), '%00', '..%2F..%2Fetc', '%E9', '-1', '1e999', '%F0%9F%92%A9'];
const absurdTenants = ['nope', '%00', 'A'.repeat(200)];
const wrongBodies: (string | undefined)[] = [
  undefined,
  '',
  '{',
  'null',
  '[]',
  '"x"',
  '42',
  '{}',
  '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}',
  JSON.stringify({ identifiant: [], password: {}, role: 7, lines: 'x', invoiceIds: [null], status: { a: 1 }, token: 1, amountCents: -1e308, startDate: '2026-02-31', choices: 'abc', answers: [], returnTo: 'javascript:alert(1)' }),
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
];
const absurdQueries = ['?limit=-1&offset=abc&status=zzz', '?limit=1e999&offset=99999999999999999999', '?familyId=%00&number=%E9', '?status=a&status=b&limit=1&limit=2'];

/** The path with each `{param}` replaced: the real tenant, and `id` for the others. */
const pathOf = (endpoint: Endpoint, id: string, tenant = 'vienne-condrieu') =>
  `/api${endpoint.path.replace('{tenant}', tenant).replace(/\{[a-zA-Z]+\}/g, id)}`;

/** The problem codes the sweep met, and how often: proof that it reached the routes' checks. */
const codesSeen = new Map<string, number>();

async function check(method: string, url: string, init: { auth: Auth; body?: string | undefined; type?: string }, failures: string[]): Promise<void> {
  const headers: Record<string, string> = { ...init.auth, origin: PAGE_ORIGIN };
  if (init.type) headers['content-type'] = init.type;
  const response = await app.request(url, { method: method.toUpperCase(), headers, ...(init.body !== undefined && { body: init.body }) });
  const where = `${method.toUpperCase()} ${url.slice(0, 120)} ${init.type ?? ''} ${init.body?.slice(0, 40) ?? ''} → ${response.status}`;
  if (response.status >= 500) failures.push(`${where}: ${await response.text()}`);
  else if (response.status >= 400) {
    const type = response.headers.get('content-type') ?? '';
    const body = (await response.json().catch(() => undefined)) as { code?: unknown } | undefined;
    if (!type.startsWith('application/problem+json') || typeof body?.code !== 'string') failures.push(`${where}: ${type} ${JSON.stringify(body)}`);
    else codesSeen.set(body.code, (codesSeen.get(body.code) ?? 0) + 1);
  } else await response.arrayBuffer();
}

test('every operation, called wrongly, answers a problem+json with a code and never a 5xx', async () => {
  const failures: string[] = [];
  let requests = 0;
  // Logging out ends the session the next calls use: those operations go last.
  const ordered = Object.values(endpoints as Record<string, Endpoint>).sort((a, b) => Number(a.path.endsWith('/logout')) - Number(b.path.endsWith('/logout')));
  // A session of each kind, for every operation: only logging out ends one, and it comes last.
  const sessions: Auth[] = [{}, await loginAs(app, 'token'), await agentLogin(app), { authorization: 'Bearer not-a-token' }, { cookie: 'famille_session=forged' }];
  for (const endpoint of ordered) {
    const writes = endpoint.method !== 'get' && endpoint.method !== 'delete';
    for (const auth of sessions) {
      for (const id of absurdIds) {
        await check(endpoint.method, pathOf(endpoint, id), { auth, ...(writes && { body: '{}', type: 'application/json' }) }, failures);
        requests++;
      }
      for (const tenant of absurdTenants) {
        await check(endpoint.method, pathOf(endpoint, 'x', tenant), { auth }, failures);
        requests++;
      }
      for (const query of absurdQueries) {
        await check(endpoint.method, `${pathOf(endpoint, '00000000-0000-0000-0000-000000000000')}${query}`, { auth }, failures);
        requests++;
      }
      if (!writes) continue;
      for (const body of wrongBodies) {
        for (const type of endpoint.binary === 'upload' ? ['application/pdf', 'image/png', 'application/octet-stream', 'text/html'] : ['application/json', 'text/plain', 'application/json; charset=latin-7']) {
          await check(endpoint.method, pathOf(endpoint, '00000000-0000-0000-0000-000000000000'), { auth, body, type }, failures);
          requests++;
        }
      }
    }
  }
  assert.ok(requests > 2000, `${requests} requests`);
  assert.deepEqual(failures, []);
  // The calls got past routing and authentication into each route's own checks.
  for (const code of ['tenant_not_found', 'unauthenticated', 'forbidden', 'not_found', 'malformed_body', 'unsupported_media_type', 'validation_failed', 'file_type_not_accepted']) {
    assert.ok((codesSeen.get(code) ?? 0) > 0, `never answered ${code}: ${JSON.stringify(Object.fromEntries(codesSeen))}`);
  }
});
