// Health, readiness, migrations, and the OpenAPI document with its docs page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { endpoints, Health, Readiness } from '@famille/contract';
import { migrate, migrations, type Database } from '@famille/server';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { testApp, type TestApp } from './support/app.ts';

let database: TestDatabase;
let app: TestApp;
before(async () => {
  database = await openTestDatabase();
  ({ app } = await testApp(database.db));
});
after(() => database?.close());

/** A database whose every query fails, as when PostgreSQL is down. */
const downDatabase = new Proxy(
  {},
  {
    get: () => () => {
      throw new Error('connection refused');
    },
  },
) as unknown as Database;

describe('health', () => {
  test('liveness answers without touching the database', async () => {
    const { app: offline } = await testApp(downDatabase, { seed: false });
    const response = await offline.request('/api/health');
    assert.equal(response.status, 200);
    assert.equal(Health.parse(await response.json()).status, 'ok');
  });

  test('readiness runs exactly one query and reports the schema version', async () => {
    const before = database.queries();
    const response = await app.request('/api/health/ready');
    assert.equal(response.status, 200);
    assert.deepEqual(Readiness.parse(await response.json()), { status: 'ok', database: 'ok', migration: migrations.length });
    assert.equal(database.queries() - before, 1);
  });

  test('readiness is a 503 problem when the database does not answer', async () => {
    const { app: offline } = await testApp(downDatabase, { seed: false });
    const response = await offline.request('/api/health/ready');
    assert.equal(response.status, 503);
    assert.equal(((await response.json()) as { code: string }).code, 'internal_error');
  });
});

describe('migrations', () => {
  test('running them again changes nothing and keeps one row per version', async () => {
    assert.equal(await migrate(database.db), migrations.length);
    const { rows } = (await database.db.execute('select version, name from schema_migrations order by version')) as unknown as { rows: unknown[] };
    assert.deepEqual(
      rows,
      migrations.map((m) => ({ version: m.version, name: m.name })),
    );
  });

  test('concurrent starts take turns on the advisory lock and both succeed', async () => {
    assert.deepEqual(await Promise.all([migrate(database.db), migrate(database.db)]), [migrations.length, migrations.length]);
  });
});

describe('OpenAPI document', () => {
  test('is OpenAPI 3.1 and lists every contract endpoint with its method and success status', async () => {
    const response = await app.request('/api/openapi.json');
    assert.equal(response.status, 200);
    const doc = (await response.json()) as {
      openapi: string;
      servers: { url: string }[];
      paths: Record<string, Record<string, { responses: Record<string, unknown>; operationId: string }>>;
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.servers[0]?.url, '/api');
    for (const [name, endpoint] of Object.entries(endpoints)) {
      // The probes are the hosting's, not the API's (README, "Probes").
      if (endpoint.tag === 'operations') {
        assert.equal(doc.paths[endpoint.path], undefined, endpoint.path);
        continue;
      }
      const operation = doc.paths[endpoint.path]?.[endpoint.method];
      assert.ok(operation, `${endpoint.method} ${endpoint.path}`);
      assert.equal(operation.operationId, name);
      assert.ok(String(endpoint.status) in operation.responses);
    }
  });

  test('documents each declared problem code, and every $ref resolves', async () => {
    /** What this test reads of the document. */
    interface Operation {
      responses: Record<string, { 'x-problem-codes'?: string[]; headers?: Record<string, unknown> }>;
      requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
      security?: unknown;
    }
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components: { schemas: Record<string, unknown> };
    };
    const login = doc.paths['/tenants/{tenant}/auth/login']!['post']!;
    const codes = Object.values(login.responses).flatMap((r) => r['x-problem-codes'] ?? []);
    for (const code of endpoints.login.errors) assert.ok(codes.includes(code), code);
    assert.ok(login.responses['429']!.headers!['Retry-After']);
    assert.equal(login.requestBody!.content['application/json']!.schema.$ref, '#/components/schemas/LoginInput');
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    assert.ok(refs.length > 5);
    for (const ref of refs) assert.ok(doc.components.schemas[ref], ref);
    assert.deepEqual(doc.paths['/tenants/{tenant}/auth/session']!['get']!.security, [{ sessionCookie: [] }, { bearerToken: [] }]);
  });

  test('has a plain docs page with every operation and no external asset', async () => {
    const response = await app.request('/api/docs/plain');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await response.text();
    for (const endpoint of Object.values(endpoints)) if (endpoint.tag !== 'operations') assert.ok(html.includes(`/api${endpoint.path}`), endpoint.path);
    assert.ok(html.includes('id="schema-LoginInput"'));
    assert.ok(!/<script|<link|src=|https?:\/\/(?!json-schema)/.test(html.replace(/<a href="[^"]*"/g, '')), 'self-contained');
  });
});
