// Failed-login throttling: stored in the database, so every instance sees the same counts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Problem } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { DEMO, TestClock, login, problemWithoutRequestId, testApp } from './support/app.ts';
import type { AppConfigInput } from '@famille/server';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from './support/node-server.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database?.close());

const fiveMinutes = 5 * 60;
/** From the 3rd failure of one client on one identifiant: locked 30 s, then 60, 120… (5 min at most). */
const config = { throttle: { identifiant: { maxFailures: 3, windowSeconds: fiveMinutes, firstLockSeconds: 30 } } };
const attacker = '203.0.113.66';
const owner = '198.51.100.7';

async function failures(app: Parameters<typeof login>[0], identifiant: string, count: number) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await login(app, { identifiant, password: `wrong-${i}` })).status);
  return statuses;
}

// The tests share one database: each starts a day after the previous one, when the
// counters the previous one left are long over.
let day = 0;
const nextDayClock = () => new TestClock(new Date(Date.UTC(2026, 2, 2 + day++, 8)).toISOString());

/** The same server, seen from two clients (their addresses). */
async function twoClients(options: { config?: AppConfigInput; clock: TestClock }) {
  const fromAttacker = await testApp(database.db, { ...options, clientIp: attacker });
  const fromOwner = await testApp(database.db, { ...options, clientIp: owner, seed: false });
  return { attackerApp: fromAttacker.app, ownerApp: fromOwner.app };
}

describe('failed-login throttling', () => {
  test('slows down the client that fails, with Retry-After, even for the right password from that client', async () => {
    const { attackerApp } = await twoClients({ config, clock: nextDayClock() });
    assert.deepEqual(await failures(attackerApp, 'parent.demo', 3), [401, 401, 429]);
    const locked = await login(attackerApp, DEMO);
    assert.equal(locked.status, 429);
    assert.equal(locked.headers.get('retry-after'), '30');
    const problem = Problem.parse(await locked.json());
    assert.equal(problem.code, 'too_many_attempts');
    assert.equal(problem.retryAfterSeconds, 30);
  });

  for (const count of [5, 50]) {
    test(`after ${count} failures from one client on an identifiant, its owner logs in from another client at once`, async () => {
      const clock = nextDayClock();
      const { attackerApp, ownerApp } = await twoClients({
        config: { throttle: { ...config.throttle, ip: { maxFailures: 1000, windowSeconds: 900 } } },
        clock,
      });
      for (let i = 0; i < count; i++) {
        const answer = await login(attackerApp, { identifiant: 'parent.demo', password: `wrong-${i}` });
        // The attacker waits out each delay and tries again.
        if (answer.status === 429) clock.advance(Number(answer.headers.get('retry-after')));
      }
      assert.equal((await login(ownerApp, DEMO)).status, 200, 'the owner is not locked out');
      assert.equal((await login(attackerApp, { identifiant: 'parent.demo', password: 'wrong-again' })).status, 429, 'the attacker still is');
    });
  }

  test('the delays grow at each further failure, up to the window', async () => {
    const clock = nextDayClock();
    const { attackerApp } = await twoClients({ config, clock });
    const waits: string[] = [];
    await failures(attackerApp, 'parent.demo', 2);
    for (let i = 0; i < 5; i++) {
      const answer = await login(attackerApp, { identifiant: 'parent.demo', password: `wrong-${i}` });
      waits.push(answer.headers.get('retry-after') ?? '');
      clock.advance(Number(answer.headers.get('retry-after')));
    }
    assert.deepEqual(waits, ['30', '60', '120', '240', '300']);
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

  test('releases after the delay (injected clock)', async () => {
    const clock = nextDayClock();
    const { app } = await testApp(database.db, { config, clock });
    assert.deepEqual(await failures(app, 'Parent.Demo', 3), [401, 401, 429]);
    clock.advance(29);
    const stillLocked = await login(app, DEMO);
    assert.equal(stillLocked.status, 429);
    assert.equal(stillLocked.headers.get('retry-after'), '1');
    clock.advance(1);
    assert.equal((await login(app, DEMO)).status, 200);
  });

  test('a successful login forgives that client’s earlier failures on the identifiant', async () => {
    const clock = nextDayClock();
    const { app } = await testApp(database.db, { config, clock });
    assert.deepEqual(await failures(app, 'parent.demo', 2), [401, 401]);
    assert.equal((await login(app, DEMO)).status, 200);
    assert.deepEqual(await failures(app, 'parent.demo', 2), [401, 401], 'two more failures are allowed again');
  });

  test('is shared by two app instances over the same database', async () => {
    const clock = nextDayClock();
    const first = await testApp(database.db, { config, clock, clientIp: attacker });
    const second = await testApp(database.db, { config, clock, clientIp: attacker, seed: false });
    assert.deepEqual(await failures(first.app, 'parent.demo', 1), [401]);
    assert.deepEqual(await failures(second.app, 'parent.demo', 1), [401]);
    assert.deepEqual(await failures(first.app, 'parent.demo', 1), [429]);
    assert.equal((await login(second.app, DEMO)).status, 429, 'the other instance refuses that client too');
  });

  test('caps every attempt of a client, successful logins included, across identifiants', async () => {
    const clock = nextDayClock();
    const ipConfig = { throttle: { identifiant: { maxFailures: 100, windowSeconds: 900 }, ip: { maxFailures: 4, windowSeconds: 900 } } };
    const { app } = await testApp(database.db, { config: ipConfig, clock, clientIp: '203.0.113.7' });
    const statuses = [(await login(app, DEMO)).status, (await login(app, DEMO)).status];
    for (const identifiant of ['a.one', 'b.two']) statuses.push(...(await failures(app, identifiant, 1)));
    assert.deepEqual(statuses, [200, 200, 401, 429]);
    assert.equal((await login(app, DEMO)).status, 429, 'the address is capped whatever the identifiant');
    const elsewhere = await testApp(database.db, { config: ipConfig, clock, clientIp: '198.51.100.2', seed: false });
    assert.equal((await login(elsewhere.app, DEMO)).status, 200, 'another address is not affected');
  });

  test('keeps tenants apart: failures in one tenant do not slow the same identifiant in another', async () => {
    const clock = nextDayClock();
    const { app } = await testApp(database.db, { config, clock });
    await failures(app, 'parent.demo', 3);
    assert.equal((await login(app, DEMO, {}, '/api/tenants/ville-exemple')).status, 200);
  });
});

describe('the client address behind no proxy', () => {
  test('a spoofed X-Forwarded-For (TRUST_PROXY=0) changes nothing: the failing client is still slowed down', async () => {
    const files = mkdtempSync(join(tmpdir(), 'famille-throttle-files-'));
    const { server } = await startTestServer({ database: database.db, seedDemo: true, filesDir: files, trustProxy: 0, config });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${server.url}/api/tenants/vienne-condrieu/auth/login`, {
          method: 'POST',
          // A new made-up address each time, as a client dodging the throttle would send.
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${i + 1}` },
          body: JSON.stringify({ identifiant: 'parent.demo', password: `wrong-${i}`, transport: 'token' }),
        });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [401, 401, 429, 429]);
    } finally {
      await server.close();
      rmSync(files, { recursive: true, force: true });
    }
  });
});
