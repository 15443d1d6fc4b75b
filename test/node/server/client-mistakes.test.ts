// Every operation of the contract, called wrongly in every way a client can (no or the
// wrong session, unknown or absurd path parameters, bodies of the wrong shape or not JSON,
// query strings of nonsense, odd content types): the answer is a problem+json with a
// stable code, never a 500. The sweep reads the endpoint table, so a new route is covered
// as soon as it is declared.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { endpoints, multilineFields, type Endpoint } from '@famille/contract';
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
  JSON.stringify({
    identifiant: [],
    password: {},
    role: 7,
    lines: 'x',
    invoiceIds: [null],
    status: { a: 1 },
    token: 1,
    amountCents: -1e308,
    startDate: '2026-02-31',
    choices: 'abc',
    answers: [],
    returnTo: 'javascript:alert(1)',
  }),
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
];
const absurdQueries = [
  '?limit=-1&offset=abc&status=zzz',
  '?limit=1e999&offset=99999999999999999999',
  '?familyId=%00&number=%E9',
  '?status=a&status=b&limit=1&limit=2',
];

/** The path with each `{param}` replaced: the real tenant, and `id` for the others. */
const pathOf = (endpoint: Endpoint, id: string, tenant = 'vienne-condrieu') => `/api${endpoint.path.replace('{tenant}', tenant).replace(/\{[a-zA-Z]+\}/g, id)}`;

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
  const sessions: Auth[] = [
    {},
    await loginAs(app, 'token'),
    await agentLogin(app),
    { authorization: 'Bearer not-a-token' },
    { cookie: 'famille_session=forged' },
  ];
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
        for (const type of endpoint.binary === 'upload'
          ? ['application/pdf', 'image/png', 'application/octet-stream', 'text/html']
          : ['application/json', 'text/plain', 'application/json; charset=latin-7']) {
          await check(endpoint.method, pathOf(endpoint, '00000000-0000-0000-0000-000000000000'), { auth, body, type }, failures);
          requests++;
        }
      }
    }
  }
  assert.ok(requests > 2000, `${requests} requests`);
  assert.deepEqual(failures, []);
  // The calls got past routing and authentication into each route's own checks.
  for (const code of [
    'tenant_not_found',
    'unauthenticated',
    'forbidden',
    'not_found',
    'malformed_body',
    'unsupported_media_type',
    'validation_failed',
    'file_type_not_accepted',
  ]) {
    assert.ok((codesSeen.get(code) ?? 0) > 0, `never answered ${code}: ${JSON.stringify(Object.fromEntries(codesSeen))}`);
  }
});

/** Every string of a value (object keys included), by path: where a client could put text. */
function stringPaths(value: unknown, at: (string | number)[] = []): { path: (string | number)[]; key: boolean }[] {
  if (typeof value === 'string') return [{ path: at, key: false }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...at, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [{ path: [...at, key], key: true }, ...stringPaths(item, [...at, key])]);
  }
  return [];
}

/** `value` with the string at `path` (or that key's name) given `poison` at its end. */
function poisoned(value: unknown, { path, key }: { path: (string | number)[]; key: boolean }, poison: string): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let parent = copy;
  for (const part of path.slice(0, -1)) parent = parent[part] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (key) {
    parent[`${String(last)}${poison}`] = parent[last];
    delete parent[last];
  } else parent[last] = `${String(parent[last])}${poison}`;
  return copy;
}

test('a NUL, a control character, a lone surrogate or a stray line break in any string field of any operation is a 422 naming the field, never a 5xx', async () => {
  const parent = await loginAs(app, 'token');
  const agent = await agentLogin(app);
  const failures: string[] = [];
  let requests = 0;
  for (const [name, endpoint] of Object.entries(endpoints as Record<string, Endpoint>)) {
    if (!endpoint.body || endpoint.binary === 'upload' || name === 'logout') continue;
    // The contract's own example bodies (they document the API; a union's are on its options): every string field in them.
    const options = (endpoint.body._zod.def as { options?: z.ZodMiniType[] }).options ?? [];
    const examples = [endpoint.body, ...options].flatMap((schema) => (z.globalRegistry.get(schema)?.examples as unknown[] | undefined) ?? []);
    assert.ok(examples.length > 0, `${name} has an example body to poison`);
    const auth = endpoint.auth === 'agent' ? agent : endpoint.auth === 'none' ? {} : parent;
    for (const example of examples) {
      for (const where of stringPaths(example)) {
        const field = where.path.findLast((p) => typeof p === 'string');
        const multiline = !where.key && multilineFields.includes(String(field));
        for (const poison of ['\u0000', '\u0007', '\ud800', '\udc00x', ...(multiline ? [] : ['\n', '\t'])]) {
          const response = await app.request(pathOf(endpoint, '00000000-0000-0000-0000-000000000000'), {
            method: endpoint.method.toUpperCase(),
            headers: { ...auth, origin: PAGE_ORIGIN, 'content-type': 'application/json' },
            body: JSON.stringify(poisoned(example, where, poison)),
          });
          requests++;
          const body = (await response.json().catch(() => undefined)) as { code?: string; fieldErrors?: { path: string; code: string }[] } | undefined;
          const expectedPath = where.key ? [...where.path.slice(0, -1), `${String(where.path.at(-1))}${poison}`].join('.') : where.path.join('.');
          const named = body?.fieldErrors?.some((e) => e.code === 'invalid_characters' && e.path === expectedPath);
          if (response.status !== 422 || body?.code !== 'validation_failed' || !named) {
            failures.push(
              `${name} ${where.path.join('.')}${where.key ? ' (key)' : ''} + ${JSON.stringify(poison)} → ${response.status} ${JSON.stringify(body)}`,
            );
          }
        }
      }
    }
  }
  assert.ok(requests > 200, `${requests} requests`);
  assert.deepEqual(failures, []);
});

test('the same in query strings and path parameters', async () => {
  const parent = await loginAs(app, 'token');
  for (const url of [
    `/api/tenants/vienne-condrieu/invoices?limit=10%00`,
    `/api/tenants/vienne-condrieu/invoices?offset=1%0D`,
    `/api/tenants/vienne-condrieu/requests/abc%07`,
    `/api/tenants/vienne-condrieu/invoices/x%0A/pdf`,
  ]) {
    const response = await app.request(url, { headers: { ...parent, origin: PAGE_ORIGIN } });
    assert.equal(response.status, 422, url);
    assert.equal(((await response.json()) as { fieldErrors: { code: string }[] }).fieldErrors[0]?.code, 'invalid_characters', url);
  }
});
