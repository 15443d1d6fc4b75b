// Per-tenant allowed origins (CORS) and CSRF protection of cookie-authenticated writes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiVersion, apiVersionHeader } from '@famille/contract';
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
  test('refuse an origin that the tenant does not list with a 403 the page can read (*, no credentials)', async () => {
    for (const origin of ['https://evil.example', 'null', 'https://www.ville.test.evil.example', 'http://www.ville.test']) {
      const response = await app.request(`${BASE}/config`, { headers: { origin } });
      assert.equal(response.status, 403, origin);
      assert.equal(await code(response), 'origin_not_allowed');
      assert.equal(response.headers.get('access-control-allow-origin'), '*', origin);
      assert.equal(response.headers.get('access-control-allow-credentials'), null, origin);
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /Famille-Api-Version/);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
      assert.equal(response.headers.get(apiVersionHeader), apiVersion);
    }
  });

  test('the refused origin learns nothing of the tenant: the same 403 on every path and method', async () => {
    const credentials = await loginAs(app, 'cookie');
    for (const [method, path] of [
      ['GET', '/auth/session'],
      ['POST', '/auth/logout'],
      ['GET', '/invoices'],
      ['GET', '/no-such-route'],
    ] as const) {
      const response = await app.request(`${BASE}${path}`, { method, headers: { ...credentials, origin: 'https://evil.example' } });
      assert.equal(response.status, 403, path);
      assert.equal(await code(response), 'origin_not_allowed', path);
      assert.equal(response.headers.get('set-cookie'), null, path);
    }
    assert.equal((await app.request(`${BASE}/auth/session`, { headers: credentials })).status, 200, 'the refused logout did not end the session');
  });

  test('an origin allowed for one tenant is refused by another', async () => {
    const response = await app.request('/api/tenants/ville-exemple/config', { headers: { origin: 'https://vienne-condrieu.example.fr' } });
    assert.equal(response.status, 403);
  });

  test('grant a listed origin, with credentials, Vary: Origin and Retry-After and the API version exposed', async () => {
    // Also what an uncredentialed fetch (the SDK's public GETs) needs: the Fetch standard's
    // CORS check accepts an Allow-Origin equal to the page's origin; Allow-Credentials only
    // matters to credentialed requests.
    const response = await app.request(`${BASE}/config`, { headers: { origin: PAGE_ORIGIN } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
    assert.match(response.headers.get('access-control-expose-headers') ?? '', /Famille-Api-Version/);
    assert.equal(response.headers.get(apiVersionHeader), apiVersion);
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

  test('refuse the preflight of an unlisted origin: no CORS header, so the browser never sends the request', async () => {
    for (const path of ['/auth/login', '/config']) {
      const response = await app.request(`${BASE}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': path === '/config' ? 'GET' : 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.equal(response.status, 403, path);
      for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers']) {
        assert.equal(response.headers.get(name), null, `${path}: ${name}`);
      }
    }
  });

  test('the preflight of an unknown tenant fails too (not a 2xx)', async () => {
    const response = await app.request('/api/tenants/atlantis/auth/login', {
      method: 'OPTIONS',
      headers: { origin: PAGE_ORIGIN, 'access-control-request-method': 'POST' },
    });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('access-control-allow-methods'), null);
  });

  test("accept the API's own origin", async () => {
    const response = await app.request('http://api.test/api/tenants/vienne-condrieu/config', { headers: { origin: 'http://api.test' } });
    assert.equal(response.status, 200);
  });

  test('an unknown tenant is 404 tenant_not_found, readable by a page of any origin', async () => {
    for (const headers of [{}, { origin: 'https://www.somewhere.example' }, { origin: PAGE_ORIGIN }, { origin: 'null' }] as Record<string, string>[]) {
      const response = await app.request('/api/tenants/atlantis/config', { headers });
      assert.equal(response.status, 404);
      assert.equal(await code(response), 'tenant_not_found');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /Famille-Api-Version/);
      assert.equal(response.headers.get(apiVersionHeader), apiVersion);
    }
  });

  test('an unknown API path (a wrong `api` attribute) is a readable 404, a wrong method a readable 405', async () => {
    const origin = 'https://www.somewhere.example';
    const missing = await app.request('/api/no-such-thing', { headers: { origin } });
    assert.equal(missing.status, 404);
    assert.equal(await code(missing), 'not_found');
    assert.equal(missing.headers.get('access-control-allow-origin'), '*');
    assert.equal(missing.headers.get('access-control-allow-credentials'), null);
    const wrongMethod = await app.request('/api/health', { method: 'DELETE', headers: { origin } });
    assert.equal(wrongMethod.status, 405);
    assert.equal(await code(wrongMethod), 'method_not_allowed');
    assert.equal(wrongMethod.headers.get('access-control-allow-origin'), '*');
    assert.match(wrongMethod.headers.get('allow') ?? '', /GET/);
  });

  test('an unknown path of a tenant, from a listed origin, keeps the credentialed CORS headers', async () => {
    const response = await app.request(`${BASE}/no-such-thing`, { headers: { origin: PAGE_ORIGIN } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
  });

  test('outside the API (an `api` attribute without `/api`), an unknown path is a readable 404 without the version header', async () => {
    const response = await app.request('/tenants/vienne-condrieu/config', { headers: { origin: 'https://www.somewhere.example' } });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    // Without it, the kit tells "not an Espace Famille API" from the API's own answers.
    assert.equal(response.headers.get(apiVersionHeader), null);
  });
});

describe('API version', () => {
  test('every answer under the API carries Famille-Api-Version: answers, problems, preflights, docs', async () => {
    const answers = [
      await app.request('/api/health'),
      await app.request(`${BASE}/config`),
      await app.request(`${BASE}/auth/session`),
      await login(app, { identifiant: 'nobody', password: 'x' }, { origin: PAGE_ORIGIN }),
      await app.request(`${BASE}/auth/login`, { method: 'OPTIONS', headers: { origin: PAGE_ORIGIN, 'access-control-request-method': 'POST' } }),
      await app.request('/api/openapi.json'),
    ];
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 401, 401, 204, 200],
    );
    for (const response of answers) assert.equal(response.headers.get(apiVersionHeader), apiVersion, String(response.status));
    assert.match(apiVersion, /^\d+\.\d+$/);
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
