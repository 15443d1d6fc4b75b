// Every client mistake gets a problem+json answer with a stable code; never a 500.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Problem, problemContentType } from '@famille/contract';
import { withoutQueryParams } from '@famille/server';
import { ProblemError } from '../../../packages/server/src/http/problem.ts';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, DEMO, testApp, type TestApp } from './support/app.ts';

let database: TestDatabase;
let app: TestApp;
let logs: Awaited<ReturnType<typeof testApp>>['logs'];
before(async () => {
  database = await openTestDatabase();
  ({ app, logs } = await testApp(database.db));
});
after(() => database?.close());

const LOGIN = `${BASE}/auth/login`;

async function problem(response: Response, status: number, code: string) {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), problemContentType);
  const body = Problem.parse(await response.json());
  assert.equal(body.code, code);
  assert.equal(body.status, status);
  assert.equal(body.requestId, response.headers.get('x-request-id'));
  return body;
}

describe('malformed requests', () => {
  test('unparsable JSON is 400 malformed_body', async () => {
    for (const body of ['{"identifiant": "parent.demo", ', 'not json', '']) {
      await problem(await app.request(LOGIN, { method: 'POST', headers: { 'content-type': 'application/json' }, body }), 400, 'malformed_body');
    }
  });

  test('wrong types and missing fields are 422 with one field error each', async () => {
    const send = (body: unknown) => app.request(LOGIN, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    let body = await problem(await send({ identifiant: 42, password: ['x'] }), 422, 'validation_failed');
    assert.deepEqual(body.fieldErrors, [
      { path: 'identifiant', code: 'invalid_type' },
      { path: 'password', code: 'invalid_type' },
    ]);
    body = await problem(await send({}), 422, 'validation_failed');
    assert.deepEqual(body.fieldErrors, [
      { path: 'identifiant', code: 'required' },
      { path: 'password', code: 'required' },
    ]);
    body = await problem(await send({ identifiant: 'x'.repeat(300), password: 'p', transport: 'carrier-pigeon' }), 422, 'validation_failed');
    assert.deepEqual(
      body.fieldErrors?.map((e) => [e.path, e.code]),
      [
        ['identifiant', 'too_long'],
        ['transport', 'invalid_value'],
      ],
    );
    for (const value of [null, [], 'a string', 7]) await problem(await send(value), 422, 'validation_failed');
  });

  test('a body that is not JSON is 415, whatever it contains', async () => {
    const body = JSON.stringify(DEMO);
    await problem(await app.request(LOGIN, { method: 'POST', headers: { 'content-type': 'text/plain' }, body }), 415, 'unsupported_media_type');
    await problem(
      await app.request(LOGIN, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'identifiant=a&password=b' }),
      415,
      'unsupported_media_type',
    );
    await problem(await app.request(LOGIN, { method: 'POST', body: new Blob([body]) }), 415, 'unsupported_media_type');
  });

  test('JSON with a charset or a +json type is accepted', async () => {
    const response = await app.request(LOGIN, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(DEMO) });
    assert.equal(response.status, 200);
  });

  test('a huge body is 413, declared or streamed', async () => {
    const huge = JSON.stringify({ ...DEMO, padding: 'x'.repeat(100_000) });
    const declared = await app.request(LOGIN, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(huge.length) },
      body: huge,
    });
    await problem(declared, 413, 'payload_too_large');
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(8192)));
        controller.close();
      },
    });
    const streamed = await app.request(LOGIN, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    await problem(streamed, 413, 'payload_too_large');
  });

  test('an unknown path is 404 not_found, a known path with another method 405 with Allow', async () => {
    await problem(await app.request('/api/nothing-here'), 404, 'not_found');
    await problem(await app.request(`${BASE}/nothing-here`), 404, 'not_found');
    const wrongMethod = await app.request(LOGIN, { method: 'DELETE' });
    await problem(wrongMethod, 405, 'method_not_allowed');
    assert.equal(wrongMethod.headers.get('allow'), 'POST');
  });
});

describe('unexpected failures', () => {
  test('are a 500 internal_error without stack trace or message, logged with the request id', async () => {
    const broken = await testApp(database.db, {
      seed: false,
      deps: {
        hasher: {
          hash: async () => 'scrypt$x',
          verify: async () => {
            throw new Error('secret internals at /srv/app.ts:42');
          },
        },
      },
    });
    const response = await login(broken.app);
    const body = await problem(response, 500, 'internal_error');
    const text = JSON.stringify(body);
    assert.ok(!text.includes('secret internals') && !text.includes('app.ts'), text);
    const logged = broken.logs.find((entry) => entry.msg === 'unhandled error');
    assert.equal(logged?.['requestId'], body.requestId);
    assert.match(String(logged?.['stack']), /secret internals/);
  });
});

describe('request logs', () => {
  test('one structured line per request with id, method, path, status, duration and tenant', async () => {
    const response = await app.request(`${BASE}/config?utm=1`, { headers: { 'x-request-id': 'proxy-id-123' } });
    assert.equal(response.headers.get('x-request-id'), 'proxy-id-123');
    const entry = logs.findLast((e) => e.msg === 'request');
    assert.equal(entry?.['requestId'], 'proxy-id-123');
    assert.equal(entry?.['method'], 'GET');
    assert.equal(entry?.['path'], '/api/tenants/vienne-condrieu/config', 'no query string in the log');
    assert.equal(entry?.['status'], 200);
    assert.equal(entry?.['tenant'], 'vienne-condrieu');
    assert.equal(typeof entry?.['ms'], 'number');
  });

  test('an incoming request id that is not a short plain token is replaced by a fresh one', async () => {
    for (const incoming of ['x" "level":"error', 'a'.repeat(65), '<script>']) {
      const response = await app.request('/api/health', { headers: { 'x-request-id': incoming } });
      assert.match(response.headers.get('x-request-id') ?? '', /^[\w-]{16}$/, incoming);
    }
  });
});

function login(target: TestApp) {
  return target.request(LOGIN, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(DEMO) });
}

test('the log of an unexpected database error keeps the query but withholds its parameters (what a parent typed)', () => {
  const message = 'Failed query: select * from accounts where identifiant_key = $1\nparams: parent.demo,Mot de\npasse secret';
  const stack = `DrizzleQueryError: ${message}\n    at PgSession.query (file:///x.js:1:1)\n    at login (file:///y.js:2:2)`;
  assert.equal(withoutQueryParams(message), 'Failed query: select * from accounts where identifiant_key = $1\nparams: (withheld)');
  const cleaned = withoutQueryParams(stack);
  assert.ok(!cleaned.includes('parent.demo') && !cleaned.includes('secret'), cleaned);
  assert.match(cleaned, /\n {4}at PgSession\.query/);
});

describe('request ids', () => {
  test('are 16 base64url characters, all different, cut from one CSPRNG draw per 341 requests', async () => {
    const { requestIds } = await import('../../../packages/server/src/http/request-log.ts');
    const draws: number[] = [];
    const next = requestIds((length) => {
      draws.push(length);
      return crypto.getRandomValues(new Uint8Array(length));
    });
    const ids = Array.from({ length: 700 }, next);
    assert.ok(ids.every((id) => /^[\w-]{16}$/.test(id)));
    assert.equal(new Set(ids).size, 700);
    assert.deepEqual(draws, [4092, 4092, 4092]);
  });
});

test('a problem thrown on purpose takes no stack trace, and leaves the limit of other errors as it was', () => {
  const limit = Error.stackTraceLimit;
  const problem = new ProblemError('server_busy', { retryAfterSeconds: 1 });
  assert.doesNotMatch(problem.stack ?? '', /\n\s+at /);
  assert.equal(problem.code, 'server_busy');
  assert.equal(Error.stackTraceLimit, limit);
  assert.match(new Error('a fault').stack ?? '', /\n\s+at /);
});
