// Failed-login throttling: stored in the database, so every instance sees the same counts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Problem } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { DEMO, TestClock, login, problemWithoutRequestId, testApp } from './support/app.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database?.close());

const fiveMinutes = 5 * 60;
const config = { throttle: { identifiant: { maxFailures: 3, windowSeconds: fiveMinutes } } };

async function failures(app: Parameters<typeof login>[0], identifiant: string, count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await login(app, { identifiant, password: `wrong-${i}` })).status);
  return statuses;
}

// The tests share one database: each starts a day after the previous one, when the
// counters the previous one left are long over.
let day = 0;
const nextDayClock = () => new TestClock(new Date(Date.UTC(2026, 2, 2 + day++, 8)).toISOString());

describe('failed-login throttling', () => {
  test('engages on the configured failure, with Retry-After, and refuses even the right password', async () => {
    const { app } = await testApp(database.db, { config, clock: nextDayClock() });
    assert.deepEqual(await failures(app, 'parent.demo', 3), [401, 401, 429]);
    const locked = await login(app, DEMO);
    assert.equal(locked.status, 429);
    assert.equal(locked.headers.get('retry-after'), String(fiveMinutes));
    const problem = Problem.parse(await locked.json());
    assert.equal(problem.code, 'too_many_attempts');
    assert.equal(problem.retryAfterSeconds, fiveMinutes);
    assert.match(problem.detail ?? '', /5 minutes/);
  });

  test('gives the same answer for an unknown identifiant as for an existing one', async () => {
    const clock = nextDayClock();
    const { app } = await testApp(database.db, { config, clock, seed: false });
    await failures(app, 'parent.demo', 3);
    await failures(app, 'ghost.parent', 3);
    const existing = await login(app, { identifiant: 'parent.demo', password: 'x' });
    const unknown = await login(app, { identifiant: 'ghost.parent', password: 'x' });
    assert.equal(existing.status, 429);
    assert.equal(existing.headers.get('retry-after'), unknown.headers.get('retry-after'));
    assert.equal(await problemWithoutRequestId(existing), await problemWithoutRequestId(unknown));
  });

  test('releases after the window (injected clock), counting afresh', async () => {
    const clock = nextDayClock();
    const { app } = await testApp(database.db, { config, clock });
    assert.deepEqual(await failures(app, 'Parent.Demo', 3), [401, 401, 429]);
    clock.advance(fiveMinutes - 1);
    const stillLocked = await login(app, DEMO);
    assert.equal(stillLocked.status, 429);
    assert.equal(stillLocked.headers.get('retry-after'), '1');
    clock.advance(1);
    assert.equal((await login(app, DEMO)).status, 200);
  });

  test('a successful login forgives earlier failures of that identifiant', async () => {
    const clock = nextDayClock();
    const { app } = await testApp(database.db, { config, clock });
    assert.deepEqual(await failures(app, 'parent.demo', 2), [401, 401]);
    assert.equal((await login(app, DEMO)).status, 200);
    assert.deepEqual(await failures(app, 'parent.demo', 2), [401, 401], 'two more failures are allowed again');
  });

  test('is shared by two app instances over the same database', async () => {
    const clock = nextDayClock();
    const first = await testApp(database.db, { config, clock });
    const second = await testApp(database.db, { config, clock, seed: false });
    assert.deepEqual(await failures(first.app, 'parent.demo', 1), [401]);
    assert.deepEqual(await failures(second.app, 'parent.demo', 1), [401]);
    assert.deepEqual(await failures(first.app, 'parent.demo', 1), [429]);
    assert.equal((await login(second.app, DEMO)).status, 429, 'the other instance refuses too');
  });

  test('counts per client address too, with its own higher limit, across identifiants', async () => {
    const clock = nextDayClock();
    const ipConfig = { throttle: { identifiant: { maxFailures: 100, windowSeconds: 900 }, ip: { maxFailures: 4, windowSeconds: 900 } } };
    const { app } = await testApp(database.db, { config: ipConfig, clock, clientIp: '203.0.113.7' });
    const statuses = [];
    for (const identifiant of ['a.one', 'b.two', 'c.three', 'd.four']) statuses.push(...(await failures(app, identifiant, 1)));
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    assert.equal((await login(app, DEMO)).status, 429, 'the address is locked whatever the identifiant');
    const elsewhere = await testApp(database.db, { config: ipConfig, clock, clientIp: '198.51.100.2', seed: false });
    assert.equal((await login(elsewhere.app, DEMO)).status, 200, 'another address is not affected');
  });

  test('keeps tenants apart: failures in one tenant do not lock the same identifiant in another', async () => {
    const clock = nextDayClock();
    const { app } = await testApp(database.db, { config, clock });
    await failures(app, 'parent.demo', 3);
    assert.equal((await login(app, DEMO, {}, '/api/tenants/ville-exemple')).status, 200);
  });
});
