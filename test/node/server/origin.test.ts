// Per-tenant allowed origins (CORS) and CSRF protection of cookie-authenticated writes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, DEMO, PAGE_ORIGIN, login, loginAs, testApp, type TestApp } from './support/app.ts';

let database: TestDatabase;
let app: TestApp;
before(async () => {
  database = await openTestDatabase();
  ({ app } = await testApp(database.db));
});
after(() => database?.close());

const code = async (response: Response) => ((await response.json()) as { code: string }).code;

describe('allowed origins (CORS)', () => {
  test('refuse an origin that the tenant does not list, without any CORS header', async () => {
    for (const origin of ['https://evil.example', 'null', 'https://www.ville.test.evil.example', 'http://www.ville.test']) {
      const response = await app.request(`${BASE}/config`, { headers: { origin } });
      assert.equal(response.status, 403, origin);
      assert.equal(await code(response), 'origin_not_allowed');
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    }
  });

  test("an origin allowed for one tenant is refused by another", async () => {
    const response = await app.request('/api/tenants/ville-exemple/config', { headers: { origin: 'https://vienne-condrieu.example.fr' } });
    assert.equal(response.status, 403);
  });

  test('grant a listed origin, with credentials, Vary: Origin and Retry-After exposed', async () => {
    const response = await app.request(`${BASE}/config`, { headers: { origin: PAGE_ORIGIN } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
  });

  test('problem answers to a listed origin carry the CORS headers too, so the page can read them', async () => {
    const response = await login(app, { identifiant: 'nobody', password: 'x' }, { origin: PAGE_ORIGIN });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
  });

  test('answer the preflight of a listed origin with methods, headers and max-age', async () => {
    const response = await app.request(`${BASE}/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: PAGE_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Content-Type.*Content-Disposition.*Authorization.*Accept-Language/);
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
  });

  test('refuse the preflight of an unlisted origin', async () => {
    const response = await app.request(`${BASE}/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test("accept the API's own origin", async () => {
    const response = await app.request('http://api.test/api/tenants/vienne-condrieu/config', { headers: { origin: 'http://api.test' } });
    assert.equal(response.status, 200);
  });

  test('an unknown tenant is 404 tenant_not_found', async () => {
    const response = await app.request('/api/tenants/atlantis/config');
    assert.equal(response.status, 404);
    assert.equal(await code(response), 'tenant_not_found');
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  test('refuses a cookie-authenticated logout without an Origin, and the session survives', async () => {
    const credentials = await loginAs(app, 'cookie');
    const refused = await app.request(`${BASE}/auth/logout`, { method: 'POST', headers: credentials });
    assert.equal(refused.status, 403);
    assert.equal(await code(refused), 'origin_not_allowed');
    assert.equal((await app.request(`${BASE}/auth/session`, { headers: credentials })).status, 200);
  });

  test('refuses one from a foreign origin, and accepts one from an allowed origin', async () => {
    const credentials = await loginAs(app, 'cookie');
    const foreign = await app.request(`${BASE}/auth/logout`, { method: 'POST', headers: { ...credentials, origin: 'https://evil.example' } });
    assert.equal(foreign.status, 403);
    const allowed = await app.request(`${BASE}/auth/logout`, { method: 'POST', headers: { ...credentials, origin: PAGE_ORIGIN } });
    assert.equal(allowed.status, 204);
  });

  test('reads authenticated by cookie need no Origin', async () => {
    const credentials = await loginAs(app, 'cookie');
    assert.equal((await app.request(`${BASE}/auth/session`, { headers: credentials })).status, 200);
  });

  test('bearer-authenticated writes need no Origin (Node SDK, server to server)', async () => {
    const credentials = await loginAs(app, 'token');
    const response = await app.request(`${BASE}/auth/logout`, { method: 'POST', headers: credentials });
    assert.equal(response.status, 204);
  });

  test('a login without Origin (not a browser) is accepted', async () => {
    assert.equal((await login(app, { ...DEMO, transport: 'token' })).status, 200);
  });
});
