// Login, session and logout through app.request(), on PGlite or PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { LoginResult, Session } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, DEMO, PAGE_ORIGIN, TestClock, login, loginAs, problemWithoutRequestId, testApp } from './support/app.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database?.close());

const rows = async (query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

describe('login', () => {
  test('with the cookie transport sets an HttpOnly, SameSite=Lax session cookie scoped to the tenant API', async () => {
    const { app } = await testApp(database.db, { config: { cookie: { secure: true } } });
    const response = await login(app, DEMO, { origin: PAGE_ORIGIN });
    assert.equal(response.status, 200);
    const body = LoginResult.parse(await response.json());
    assert.equal(body.token, undefined, 'no token in the body in cookie mode');
    assert.equal(body.session.account.identifiant, 'parent.demo');
    assert.equal(body.session.account.prenoms, 'Camille');
    assert.equal(body.session.transport, 'cookie');
    const cookie = response.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^famille_session=[\w-]{43};/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; Secure/);
    assert.match(cookie, /; SameSite=Lax/);
    assert.match(cookie, /; Path=\/api\/tenants\/vienne-condrieu(;|$)/);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('with the token transport returns a bearer token and sets no cookie', async () => {
    const { app } = await testApp(database.db);
    const response = await login(app, { ...DEMO, transport: 'token' });
    const body = LoginResult.parse(await response.json());
    assert.match(body.token ?? '', /^[\w-]{43}$/);
    assert.equal(body.session.transport, 'token');
    assert.equal(response.headers.get('set-cookie'), null);
  });

  test('accepts the identifiant in another case and with surrounding spaces', async () => {
    const { app } = await testApp(database.db);
    assert.equal((await login(app, { identifiant: '  Parent.Demo ', password: DEMO.password })).status, 200);
  });

  test('a wrong password and an unknown identifiant get byte-identical answers', async () => {
    const { app } = await testApp(database.db);
    const wrong = await login(app, { identifiant: 'parent.demo', password: 'Famille-Demo-2025' });
    const unknown = await login(app, { identifiant: 'nobody.here', password: 'Famille-Demo-2025' });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(
      [...wrong.headers].filter(([n]) => n !== 'x-request-id'),
      [...unknown.headers].filter(([n]) => n !== 'x-request-id'),
    );
    const [a, b] = [await problemWithoutRequestId(wrong), await problemWithoutRequestId(unknown)];
    assert.equal(a, b);
    assert.equal((JSON.parse(a) as { code: string }).code, 'invalid_credentials');
  });

  test('a not-yet-activated account is told so, but only with the right password', async () => {
    const { app } = await testApp(database.db);
    const right = await login(app, { identifiant: 'parent.attente', password: DEMO.password });
    assert.equal(right.status, 403);
    assert.equal(((await right.json()) as { code: string }).code, 'account_not_activated');
    const wrong = await login(app, { identifiant: 'parent.attente', password: 'not-it' });
    assert.equal(wrong.status, 401);
    assert.equal(((await wrong.json()) as { code: string }).code, 'invalid_credentials');
  });

  test('stores passwords as scrypt strings and session tokens only as their SHA-256', async () => {
    const { app } = await testApp(database.db);
    const response = await login(app, { ...DEMO, transport: 'token' });
    const { token } = LoginResult.parse(await response.json());
    const accounts = await rows(sql`select password_hash from accounts where identifiant = 'parent.demo'`);
    assert.ok(accounts.length > 0);
    for (const { password_hash } of accounts) assert.match(String(password_hash), /^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    const dump = JSON.stringify(await rows(sql`select * from sessions`));
    assert.ok(!dump.includes(token!), 'the raw token is nowhere in the sessions table');
    const hash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token))), (b) =>
      b.toString(16).padStart(2, '0'),
    ).join('');
    assert.equal((await rows(sql`select 1 from sessions where token_hash = ${hash}`)).length, 1);
  });
});

describe('session', () => {
  test('is read with the cookie or with the bearer token', async () => {
    const { app } = await testApp(database.db);
    for (const transport of ['cookie', 'token'] as const) {
      const credentials = await loginAs(app, transport);
      const response = await app.request(`${BASE}/auth/session`, { headers: credentials });
      assert.equal(response.status, 200, transport);
      const session = Session.parse(await response.json());
      assert.equal(session.account.email, 'parent.demo@example.fr');
      assert.equal(session.transport, transport);
    }
  });

  test('without credentials, or with an unknown or malformed token, is 401 unauthenticated', async () => {
    const { app } = await testApp(database.db);
    for (const headers of [
      {},
      { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: 'Bearer short' },
      { authorization: 'Basic cGFyZW50OnB3' },
      { cookie: 'famille_session=nope' },
    ] as Record<string, string>[]) {
      const response = await app.request(`${BASE}/auth/session`, { headers });
      assert.equal(response.status, 401, JSON.stringify(headers));
      assert.equal(((await response.json()) as { code: string }).code, 'unauthenticated');
    }
  });

  // The invoice list reads its data in the session's own query: the same checks apply.
  for (const route of ['/auth/session', '/invoices']) {
    test(`after 30 idle minutes is refused as expired, and its row is gone (${route})`, async () => {
      const clock = new TestClock();
      const { app } = await testApp(database.db, { clock });
      const credentials = await loginAs(app, 'token');
      clock.advance(29 * 60);
      assert.equal((await app.request(`${BASE}${route}`, { headers: credentials })).status, 200, 'still alive after 29 minutes');
      clock.advance(30 * 60);
      const expired = await app.request(`${BASE}${route}`, { headers: credentials });
      assert.equal(expired.status, 401);
      const problem = (await expired.json()) as { code: string; invoices?: unknown };
      assert.equal(problem.code, 'session_expired');
      assert.equal(problem.invoices, undefined, 'nothing of the list');
      const again = await app.request(`${BASE}${route}`, { headers: credentials });
      assert.equal(((await again.json()) as { code: string }).code, 'unauthenticated', 'the expired row was deleted');
    });
  }

  test('stays alive with activity, but never past 12 hours', async () => {
    const clock = new TestClock();
    const { app } = await testApp(database.db, { clock });
    const credentials = await loginAs(app, 'cookie');
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.advance(20 * 60);
      assert.equal((await app.request(`${BASE}/auth/session`, { headers: credentials })).status, 200, `at ${minutes} min`);
    }
    clock.advance(20 * 60);
    const expired = await app.request(`${BASE}/auth/session`, { headers: credentials });
    assert.equal(expired.status, 401);
    assert.equal(((await expired.json()) as { code: string }).code, 'session_expired');
    assert.match(expired.headers.get('set-cookie') ?? '', /famille_session=; Max-Age=0/, 'the dead cookie is cleared');
  });

  test('an authenticated read costs one query, plus one write at most once a minute', async () => {
    const clock = new TestClock();
    const { app } = await testApp(database.db, { clock });
    const credentials = await loginAs(app, 'token');
    clock.advance(10);
    let before = database.queries();
    assert.equal((await app.request(`${BASE}/auth/session`, { headers: credentials })).status, 200);
    assert.equal(database.queries() - before, 1);
    clock.advance(61);
    before = database.queries();
    const response = await app.request(`${BASE}/auth/session`, { headers: credentials });
    assert.equal(database.queries() - before, 2, 'one read and one activity write');
    assert.equal(Session.parse(await response.json()).idleExpiresAt, new Date(clock.now().getTime() + 30 * 60_000).toISOString());
  });

  test('of one tenant is worthless on another tenant', async () => {
    const { app } = await testApp(database.db);
    const credentials = await loginAs(app, 'token');
    const response = await app.request('/api/tenants/ville-exemple/auth/session', { headers: credentials });
    assert.equal(response.status, 401);
  });
});

describe('logout', () => {
  test('ends a bearer session on the server: the same token is refused afterwards', async () => {
    const { app } = await testApp(database.db);
    const credentials = await loginAs(app, 'token');
    const response = await app.request(`${BASE}/auth/logout`, { method: 'POST', headers: credentials });
    assert.equal(response.status, 204);
    assert.equal(await response.text(), '');
    const after = await app.request(`${BASE}/auth/session`, { headers: credentials });
    assert.equal(after.status, 401);
  });

  test('ends a cookie session on the server and clears the cookie', async () => {
    const { app } = await testApp(database.db);
    const credentials = await loginAs(app, 'cookie');
    const response = await app.request(`${BASE}/auth/logout`, { method: 'POST', headers: { ...credentials, origin: PAGE_ORIGIN } });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('set-cookie') ?? '', /^famille_session=; Max-Age=0; Path=\/api\/tenants\/vienne-condrieu/);
    // A copy of the cookie kept by an attacker is now worthless.
    assert.equal((await app.request(`${BASE}/auth/session`, { headers: credentials })).status, 401);
  });

  test('without a session is 401', async () => {
    const { app } = await testApp(database.db);
    assert.equal((await app.request(`${BASE}/auth/logout`, { method: 'POST' })).status, 401);
  });
});
