// A login rush: password hashing runs a bounded number at once, queues a few, and answers
// the rest at once with 503 server_busy and Retry-After, while the other routes keep
// answering. New hashes are argon2id; a scrypt hash is replaced at its owner's next login.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createApp, HashingBusy, limitHashing, type PasswordHasher } from '@famille/server';
import { createNodePasswordHasher, createNodeScryptHasher } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, DEMO, PAGE_ORIGIN, json, testApp } from './support/app.ts';

/** A hasher whose every hash waits until released, to see what the limiter lets through. */
function heldHasher() {
  const pending: (() => void)[] = [];
  const hasher: PasswordHasher = {
    hash: () => new Promise((resolve) => pending.push(() => resolve('h'))),
    verify: () => new Promise((resolve) => pending.push(() => resolve(true))),
  };
  return { hasher, pending, releaseOne: () => pending.shift()?.() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('bounded password hashing', () => {
  test('runs at most `concurrency` hashes at once, the others in arrival order', async () => {
    const held = heldHasher();
    let clock = 0;
    const limited = limitHashing(held.hasher, { concurrency: 2, maxWaitMs: 10_000 }, () => clock);
    const order: number[] = [];
    const calls = [0, 1, 2, 3].map((n) => limited.verify('h', 'pw').then(() => order.push(n)));
    await tick();
    assert.equal(held.pending.length, 2, 'two running, two waiting');
    clock += 50;
    held.releaseOne();
    await tick();
    assert.equal(held.pending.length, 2, 'a slot freed is taken by the next in line');
    while (held.pending.length) {
      held.releaseOne();
      await tick();
    }
    await Promise.all(calls);
    assert.deepEqual(order, [0, 1, 2, 3]);
  });

  test('beyond the longest wait, refuses at once with the time to come back', async () => {
    const held = heldHasher();
    let clock = 0;
    const limited = limitHashing(held.hasher, { concurrency: 1, maxWaitMs: 1000 }, () => clock);
    // Teach it that a hash takes 400 ms.
    for (let i = 0; i < 5; i++) {
      const done = limited.hash('pw');
      await tick();
      clock += 400;
      held.releaseOne();
      await done;
    }
    const running = limited.hash('pw');
    const queued = [limited.hash('pw'), limited.hash('pw')];
    await assert.rejects(limited.hash('pw'), (error: unknown) => error instanceof HashingBusy && error.retryAfterSeconds >= 1 && error.retryAfterSeconds <= 3);
    while (held.pending.length) {
      held.releaseOne();
      await tick();
    }
    await Promise.all([running, ...queued]);
  });
});

describe('argon2id password hashes (the Node server)', () => {
  const cheap = { m: 8 * 1024, t: 1, p: 1 };
  const hasher = createNodePasswordHasher(cheap);

  test('are written in the PHC format, verify, refuse a wrong password, and read scrypt hashes too', async () => {
    const hash = await hasher.hash('Père Noël 2026!');
    assert.match(hash, /^\$argon2id\$v=19\$m=8192,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    assert.notEqual(hash, await hasher.hash('Père Noël 2026!'));
    assert.equal(await hasher.verify(hash, 'Père Noël 2026!'), true);
    assert.equal(await hasher.verify(hash, 'Pere Noel 2026!'), false);
    const scrypt = await createNodeScryptHasher({ params: { N: 2 ** 10, r: 8, p: 1 } }).hash('Famille-Demo-2026');
    assert.equal(await hasher.verify(scrypt, 'Famille-Demo-2026'), true);
    assert.equal(hasher.needsRehash!(scrypt), true);
    assert.equal(hasher.needsRehash!(hash), false);
    assert.equal(createNodePasswordHasher().needsRehash!(hash), true, 'another cost: rehashed too');
  });

  test('an unreadable or absurdly costly stored hash verifies as false instead of throwing', async () => {
    for (const stored of [
      '',
      '$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '$argon2i$v=19$m=8192,t=1,p=1$x$y',
    ]) {
      assert.equal(await hasher.verify(stored, 'pw'), false, stored);
    }
  });
});

describe('a login rush against the app', () => {
  let database: TestDatabase;
  before(async () => {
    database = await openTestDatabase();
  });
  after(() => database?.close());

  test('50 concurrent correct logins each get 200 or a quick 503 with Retry-After within 5 s, and a parent’s invoice list answers meanwhile', async () => {
    // The real hasher at the production cost, one hash at a time as on a 2-core server.
    const { app } = await testApp(database.db, { deps: { hasher: createNodePasswordHasher() }, config: { hashing: { concurrency: 1 } } });
    const login = () => app.request(`${BASE}/auth/login`, json({ ...DEMO, transport: 'token' }));
    const token = ((await (await login()).json()) as { token: string }).token;

    const started = performance.now();
    const rush = Array.from({ length: 50 }, async () => {
      const response = await login();
      return { status: response.status, retryAfter: response.headers.get('retry-after'), ms: performance.now() - started };
    });
    // While the rush runs: the logged-in parent reads their invoices.
    const list = await app.request(`${BASE}/invoices`, { headers: { authorization: `Bearer ${token}` } });
    const listedAt = performance.now() - started;
    const answers = await Promise.all(rush);
    const rushEnd = Math.max(...answers.map((a) => a.ms));

    assert.equal(list.status, 200);
    assert.ok(listedAt < rushEnd, `the list (${listedAt.toFixed(0)} ms) did not wait for the rush (${rushEnd.toFixed(0)} ms)`);
    for (const answer of answers) {
      assert.ok(answer.status === 200 || (answer.status === 503 && Number(answer.retryAfter) >= 1), JSON.stringify(answer));
      assert.ok(answer.ms < 5000, `answered in ${answer.ms.toFixed(0)} ms`);
    }
    assert.ok(
      answers.some((a) => a.status === 200),
      'some logins got through',
    );
  });

  test('while hashing is saturated, a login is refused (503, Retry-After) before any database query, a parent’s or an agent’s', async () => {
    // Hashes (the seed's) at once; verifications held: the first login keeps the one slot.
    const held = heldHasher();
    const hasher: PasswordHasher = { hash: () => Promise.resolve('h'), verify: (hash, password) => held.hasher.verify(hash, password) };
    const { app } = await testApp(database.db, { deps: { hasher }, config: { hashing: { concurrency: 1, maxWaitMs: 0 } } });
    const first = app.request(`${BASE}/auth/login`, json({ ...DEMO, transport: 'token' }));
    while (held.pending.length === 0) await tick();
    for (const [path, body] of [
      ['/auth/login', { ...DEMO, transport: 'token' }],
      ['/agent/auth/login', { identifiant: 'agent.demo', password: 'Agent-Demo-2026' }],
    ] as const) {
      const before = database.queries();
      const refused = await app.request(`${BASE}${path}`, json(body));
      assert.equal(refused.status, 503, path);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1, path);
      assert.equal(((await refused.json()) as { code: string }).code, 'server_busy');
      assert.equal(database.queries() - before, 0, `${path}: no query`);
    }
    // Refused before its body is read: a body that is not even JSON gets the 503, and a
    // listed page can read it (CORS).
    const unread = await app.request(`${BASE}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PAGE_ORIGIN },
      body: '{not json',
    });
    assert.equal(unread.status, 503);
    assert.equal(unread.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
    held.releaseOne();
    await first;
  });

  test('a parent whose hash is still scrypt logs in, and their hash becomes argon2id', async () => {
    // Seeded with scrypt (as before argon2id), then served by the argon2id hasher.
    const fresh = await openTestDatabase();
    after(() => fresh.close());
    const { deps } = await testApp(fresh.db, { deps: { hasher: createNodeScryptHasher({ params: { N: 2 ** 10, r: 8, p: 1 } }) } });
    const upgraded = createApp({ ...deps, hasher: createNodePasswordHasher({ m: 8 * 1024, t: 1, p: 1 }) });
    const stored = async () =>
      (
        (await deps.db.execute(`select password_hash from accounts where identifiant_key = 'parent.demo' and tenant_id = 'vienne-condrieu'`)) as unknown as {
          rows: { password_hash: string }[];
        }
      ).rows[0]!.password_hash;
    assert.match(await stored(), /^scrypt\$/);
    const response = await upgraded.request(`${BASE}/auth/login`, json({ ...DEMO, transport: 'token' }));
    assert.equal(response.status, 200);
    assert.match(await stored(), /^\$argon2id\$/);
    assert.equal((await upgraded.request(`${BASE}/auth/login`, json({ ...DEMO, transport: 'token' }))).status, 200, 'and logs in with it');
  });
});
