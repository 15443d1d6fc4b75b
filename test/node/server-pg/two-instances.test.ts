// Two server processes on one PostgreSQL database, as behind a load balancer (issue 14):
// they migrate once when started together on an empty database, share uploaded files,
// settle payments wherever the provider's calls land, credit them once, and run the
// periodic jobs (the payment poller) in one of them. Real processes (test/node/server-pg/
// support/instance.ts calls startServer), a real PostgreSQL: this file runs only with
// TEST_DATABASE_URL (the suite's PostgreSQL pass; PGlite is one process), and registers no
// test without it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createApp, createTenantRegistry, migrate, migrations, type Database, type LogEntry, type Tenant } from '@famille/server';
import { createDatabaseFileStorage, createFakePayfip, createPostgresDatabase } from '@famille/server/node';
import { testDatabaseUrl } from '../server/support/database.ts';
import { BASE, PAGE_ORIGIN, testApp, type TestApp } from '../server/support/app.ts';
import { count } from '../server/support/accounts.ts';
import { agentLogin, files, newFamily, send, uploadInit } from '../server/support/family.ts';
import { invoiceBody, invoiceOf, issue, line, newBillingFamily, paymentsOfTransaction, started } from '../server/support/invoices.ts';

const rows = async <T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits for `check` to hold, polling; fails after `ms`. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in time: ${what}`);
    await sleep(20);
  }
}

/** An empty database of its own on the test server (dropped by `drop()`), and its URL. */
async function emptyDatabase(url: string) {
  const name = `famille_test_${randomBytes(6).toString('hex')}`;
  const admin = createPostgresDatabase(url, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}

interface Instance {
  readonly name: string;
  readonly child: ChildProcessWithoutNullStreams;
  readonly lines: LogEntry[];
  readonly ready: Promise<void>;
  readonly exited: Promise<number | null>;
  readonly stderr: () => string;
  url: string;
  /** The server as the test helpers' `TestApp`, over real HTTP. */
  app: TestApp;
}

const instanceScript = new URL('./support/instance.ts', import.meta.url).pathname;

/** A server process on `databaseUrl`: loaded, waiting for `go()`. */
function spawnInstance(name: string, env: Record<string, string>): Instance {
  const base = { ...process.env };
  delete base['TEST_DATABASE_URL'];
  const child = spawn(process.execPath, ['--conditions=source', instanceScript], { env: { ...base, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: LogEntry[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const ready = new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let end: number;
      while ((end = buffered.indexOf('\n')) >= 0) {
        const text = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        try {
          lines.push(JSON.parse(text) as LogEntry);
        } catch {
          lines.push({ msg: 'not json', text });
        }
        if (lines.at(-1)!.msg === 'ready') done();
      }
    });
    void exited.then((code) => fail(new Error(`${name} exited (${code}) before being ready:\n${stderr}`)));
  });
  return { name, child, lines, ready, exited, stderr: () => stderr, url: '', app: undefined as unknown as TestApp };
}

/** Starts the loaded instances at the same moment; resolves once each listens. */
async function go(instances: readonly Instance[]): Promise<void> {
  await Promise.all(instances.map((i) => i.ready));
  for (const instance of instances) instance.child.stdin.write('go\n');
  await Promise.all(
    instances.map((instance) =>
      Promise.race([
        until(`${instance.name} listening`, () => instance.lines.some((l) => l.msg === 'listening'), 60_000),
        instance.exited.then((code) => Promise.reject(new Error(`${instance.name} exited (${code}) at start:\n${instance.stderr()}`))),
      ]),
    ),
  );
  for (const instance of instances) {
    instance.url = String(instance.lines.find((l) => l.msg === 'listening')!['url']);
    instance.app = { request: (path: string, init?: RequestInit) => fetch(`${instance.url}${path}`, init) } as unknown as TestApp;
  }
}

async function stop(instance: Instance): Promise<number | null> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return instance.child.exitCode;
  instance.child.kill('SIGTERM');
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), 15_000);
  const code = await instance.exited;
  clearTimeout(timer);
  return code;
}

/**
 * One fake PayFiP, reached by each instance at its own port: what the fake's calls came
 * from is known. Counts the `recupererDetailPaiementSecurise` calls (the questions a
 * poll, a notification or a return asks) per instance.
 */
async function fakePayfipPorts(names: readonly string[]) {
  const fake = createFakePayfip();
  const detailCalls = Object.fromEntries(names.map((n) => [n, 0])) as Record<string, number>;
  const servers = await Promise.all(
    names.map(async (name) => {
      const server = serve({
        hostname: '127.0.0.1',
        port: 0,
        fetch: async (request: Request) => {
          if ((await request.clone().text()).includes('recupererDetailPaiementSecurise')) detailCalls[name]!++;
          return fake.fetch(request);
        },
      });
      await new Promise<void>((done) => server.once('listening', () => done()));
      return { name, server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    }),
  );
  return {
    fake,
    detailCalls,
    urlOf: (name: string) => servers.find((s) => s.name === name)!.url,
    close: () => Promise.all(servers.map(({ server }) => new Promise<void>((done) => server.close(() => done())))),
  };
}

const idOpOf = (redirectUrl: string) => new URL(redirectUrl).searchParams.get('idop')!;
const notify = (instance: Instance, idOp: string) =>
  fetch(`${instance.url}/api/payment-providers/vienne-condrieu/payfip/notification`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ idOp }).toString(),
  });

if (testDatabaseUrl) {
  const serverUrl = testDatabaseUrl;

  describe('two server processes on one PostgreSQL database', () => {
    let database: Awaited<ReturnType<typeof emptyDatabase>>;
    let db: Database;
    let closeDb: () => Promise<void>;
    let payfip: Awaited<ReturnType<typeof fakePayfipPorts>>;
    const instances: Instance[] = [];
    const [a, b] = [() => instances[0]!, () => instances[1]!];

    before(async () => {
      database = await emptyDatabase(serverUrl);
      ({ db, close: closeDb } = createPostgresDatabase(database.url, { max: 2 }));
      payfip = await fakePayfipPorts(['a', 'b']);
      for (const name of ['a', 'b']) {
        instances.push(
          spawnInstance(name, {
            DATABASE_URL: database.url,
            ALLOWED_ORIGINS: PAGE_ORIGIN,
            DEV_OUTBOX: '1',
            LOG_LEVEL: 'info',
            PAYMENT_PROVIDER: 'payfip',
            PAYFIP_NUMCLI: '012345',
            PAYFIP_SAISIE: 'T',
            PAYFIP_SOAP_URL: `${payfip.urlOf(name)}/tpa/services/securite`,
            PAYFIP_PAGE_URL: `${payfip.urlOf(name)}/tpa/paiementws.web`,
            PAYMENT_POLL_INTERVAL_MS: '100',
          }),
        );
      }
    });
    after(async () => {
      await Promise.all(instances.map(stop));
      await payfip?.close();
      await closeDb?.();
      await database?.drop();
    });

    test('started at the same moment on an empty database, they migrate once and both serve', async () => {
      assert.deepEqual(await rows(db, sql`select table_name from information_schema.tables where table_schema = 'public'`), [], 'empty');
      await go(instances);
      for (const instance of instances) {
        const listening = instance.lines.find((l) => l.msg === 'listening')!;
        assert.equal(listening['migration'], migrations.length);
        assert.equal(listening['database'], 'postgresql');
        assert.equal(listening['files'], 'database', 'with DATABASE_URL, uploads go to the database');
        const health = await fetch(`${instance.url}/api/health/ready`);
        assert.equal(health.status, 200);
      }
      // Every migration once, all in one transaction (now() is the transaction's start).
      const [applied] = await rows<{ n: number; moments: number; versions: number }>(
        db,
        sql`select count(*)::int as n, count(distinct applied_at)::int as moments, count(distinct version)::int as versions from schema_migrations`,
      );
      assert.deepEqual(applied, { n: migrations.length, moments: 1, versions: migrations.length });
      // Both seeded the demo: one parent and one agent per tenant.
      assert.deepEqual(
        await rows(db, sql`select tenant_id, count(*)::int as n from accounts where identifiant = 'parent.demo' group by tenant_id order by tenant_id`),
        [
          { tenant_id: 'vienne-condrieu', n: 1 },
          { tenant_id: 'ville-exemple', n: 1 },
        ],
      );
      assert.equal((await rows<{ n: number }>(db, sql`select count(*)::int as n from agents where identifiant = 'agent.demo'`))[0]!.n, 2);
    });

    test('a document uploaded through one is read through the other, and deleted there', async () => {
      const parent = (await newFamily(a().app)).auth;
      // 1.5 MB: several rows of the database storage.
      const bytes = new Uint8Array(randomBytes(1536 * 1024));
      bytes.set(files.png());
      const uploaded = await a().app.request(`${BASE}/documents`, uploadInit(parent, bytes as BodyInit, 'image/png', 'justificatif.png'));
      assert.equal(uploaded.status, 201, await uploaded.clone().text());
      const { id } = (await uploaded.json()) as { id: string };
      const download = await send(b().app, `${BASE}/documents/${id}`, 'GET', parent);
      assert.equal(download.status, 200);
      assert.equal(download.headers.get('content-type'), 'image/png');
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), bytes);
      const [stored] = await rows<{ size: number; chunks: number }>(
        db,
        sql`select b.size::int, b.chunk_count as chunks from file_blobs b join documents d on d.storage_key = b.key where d.id = ${id}`,
      );
      assert.deepEqual(stored, { size: bytes.length, chunks: 6 });
      assert.equal((await send(b().app, `${BASE}/documents/${id}`, 'DELETE', parent)).status, 204);
      assert.equal((await send(a().app, `${BASE}/documents/${id}`, 'GET', parent)).status, 404);
      assert.equal((await rows<{ n: number }>(db, sql`select count(*)::int as n from file_blobs`))[0]!.n, 0);
    });

    test('the payment poller runs in one process: a payment left pending is asked about by that one only, and credited once', async () => {
      const agent = await agentLogin(a().app);
      const family = await newBillingFamily(a().app, db);
      const invoice = await issue(a().app, agent, invoiceBody(family.familyId, { lines: [line({ quantity: 1, unitPriceCents: 1990 })] }));
      const { transaction, redirectUrl } = await started(a().app, family.auth, [invoice.id]);
      // No result at PayFiP yet (P5), no notification: only polls ask about it, every 100 ms.
      const before = { ...payfip.detailCalls };
      await sleep(1500);
      const asked = { a: payfip.detailCalls['a']! - before['a']!, b: payfip.detailCalls['b']! - before['b']! };
      const poller = asked.a > 0 ? 'a' : 'b';
      const other = poller === 'a' ? 'b' : 'a';
      assert.ok(asked[poller] >= 3, `the poller asked ${JSON.stringify(asked)}`);
      assert.equal(asked[other], 0, `the other process never polls: ${JSON.stringify(asked)}`);
      const taken = instances.flatMap((i) => i.lines.filter((l) => l.msg === 'job lease taken').map((l) => `${i.name}:${String(l['job'])}`));
      assert.ok(taken.includes(`${poller}:payment-poll`), taken.join());
      assert.equal(taken.filter((t) => t.endsWith(':payment-poll')).length, 1, taken.join());
      // Paid at PayFiP; the notification never comes: the poller credits it, once.
      payfip.fake.settle(idOpOf(redirectUrl), 'P');
      await until('credited by the poller', async () => (await paymentsOfTransaction(db, transaction.id)) > 0);
      await sleep(300); // more poll rounds
      assert.equal(await paymentsOfTransaction(db, transaction.id), 1);
      const settled = await invoiceOf(b().app, family.auth, invoice.id);
      assert.deepEqual([settled.status, settled.balanceCents], ['reglee', 0]);
    });

    test('a payment started on one is notified on the other and returned on the first; 20 concurrent notifications over both credit once', async () => {
      const agent = await agentLogin(b().app);
      const family = await newBillingFamily(b().app, db);
      const [first, second] = [
        await issue(b().app, agent, invoiceBody(family.familyId, { lines: [line({ quantity: 2, unitPriceCents: 1250 })] })),
        await issue(b().app, agent, invoiceBody(family.familyId, { lines: [line({ quantity: 1, unitPriceCents: 4200 })] })),
      ];
      // Started on A (its urlnotif and urlredirect name A), paid, notified on B.
      const one = await started(a().app, family.auth, [first.id]);
      assert.match(one.redirectUrl, new RegExp(`^${payfip.urlOf('a')}/tpa/paiementws.web\\?idop=`));
      payfip.fake.settle(idOpOf(one.redirectUrl), 'P');
      const notified = await notify(b(), idOpOf(one.redirectUrl));
      assert.equal(notified.status, 200);
      assert.equal(await paymentsOfTransaction(db, one.transaction.id), 1, 'credited when B answered');
      const back = await fetch(`${a().url}/api/payment-providers/vienne-condrieu/payfip/return/${one.transaction.id}`, { redirect: 'manual' });
      assert.equal(back.status, 303);
      assert.equal(back.headers.get('location'), `https://vienne-condrieu.example.fr/espace-famille#famille-payment=${one.transaction.id}`);
      assert.equal(await paymentsOfTransaction(db, one.transaction.id), 1);

      // Another payment, 20 notifications at once, spread over both (the poller may join in).
      const mails = () => count(db, 'outbox_messages', sql`to_address = ${family.email}`);
      const mailsBefore = await mails();
      const two = await started(b().app, family.auth, [second.id]);
      payfip.fake.settle(idOpOf(two.redirectUrl), 'P');
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => notify(i % 2 === 0 ? a() : b(), idOpOf(two.redirectUrl))));
      assert.deepEqual(
        answers.map((r) => r.status),
        Array(20).fill(200),
      );
      assert.equal(await paymentsOfTransaction(db, two.transaction.id), 1);
      const [credited] = await rows<{ amount: number; allocated: number }>(
        db,
        sql`select p.amount_cents::int as amount, (select sum(amount_cents)::int from payment_allocations where payment_id = p.id) as allocated from payments p where p.transaction_id = ${two.transaction.id}`,
      );
      assert.deepEqual(credited, { amount: 4200, allocated: 4200 });
      assert.equal(await mails(), mailsBefore + 1, 'one confirmation e-mail');
      for (const invoice of [first, second]) {
        const settled = await invoiceOf(a().app, family.auth, invoice.id);
        assert.deepEqual([settled.status, settled.balanceCents], ['reglee', 0]);
      }
    });

    test('when the polling process stops, the other takes the poller over', async () => {
      const poller = instances.find((i) => i.lines.some((l) => l.msg === 'job lease taken' && l['job'] === 'payment-poll'))!;
      const other = instances.find((i) => i !== poller)!;
      assert.equal(await stop(poller), 0);
      assert.ok(poller.lines.some((l) => l.msg === 'stopped'));
      // close() released the lease: the other takes it at its next run, not 30 s later.
      await until('the other takes the lease', () => other.lines.some((l) => l.msg === 'job lease taken' && l['job'] === 'payment-poll'), 5_000);
      const agent = await agentLogin(other.app);
      const family = await newBillingFamily(other.app, db);
      const invoice = await issue(other.app, agent, invoiceBody(family.familyId, { lines: [line({ quantity: 1, unitPriceCents: 990 })] }));
      const { transaction, redirectUrl } = await started(other.app, family.auth, [invoice.id]);
      payfip.fake.settle(idOpOf(redirectUrl), 'P');
      await until('credited by the new poller', async () => (await paymentsOfTransaction(db, transaction.id)) > 0);
      assert.ok(!instances.some((i) => i.lines.some((l) => l.level === 'error' || l.level === 'warn')), 'nothing failed');
    });
  });

  describe('migrations started together', () => {
    test('four connections migrating an empty database at once: each gets the same version, every migration applied once', async () => {
      const database = await emptyDatabase(serverUrl);
      const pools = Array.from({ length: 4 }, () => createPostgresDatabase(database.url, { max: 1 }));
      try {
        const versions = await Promise.all(pools.map(({ db }) => migrate(db)));
        assert.deepEqual(versions, Array(4).fill(migrations.length));
        const [applied] = await rows<{ n: number; moments: number }>(
          pools[0]!.db,
          sql`select count(*)::int as n, count(distinct applied_at)::int as moments from schema_migrations`,
        );
        assert.deepEqual(applied, { n: migrations.length, moments: 1 });
      } finally {
        await Promise.all(pools.map((p) => p.close()));
        await database.drop();
      }
    });
  });

  describe('uploads into PostgreSQL', () => {
    test('a 10 MB image (tenant limit raised) does not raise the memory by 10 MB: it is streamed into rows', async () => {
      const database = await emptyDatabase(serverUrl);
      const { db, close } = createPostgresDatabase(database.url, { max: 2 });
      try {
        await migrate(db);
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as () => void;
        const { deps } = await testApp(db);
        const big: Tenant[] = deps.tenants.list().map((t) => ({ ...t, config: { ...t.config, uploads: { ...t.config.uploads, maxBytes: 20 * 1024 * 1024 } } }));
        const app = createApp({ ...deps, tenants: createTenantRegistry(big), files: createDatabaseFileStorage(db) });
        const parent = (await newFamily(app)).auth;
        const size = 10 * 1024 * 1024;
        const used = () => {
          gc();
          const m = process.memoryUsage();
          return m.heapUsed + m.arrayBuffers;
        };
        const samples: number[] = [];
        const baseline = used();
        let sent = 0;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= size) return controller.close();
            if (sent > 0 && sent % (1024 * 1024) === 0) samples.push(used() - baseline);
            const chunk = new Uint8Array(64 * 1024);
            if (sent === 0) chunk.set(files.png());
            sent += chunk.length;
            controller.enqueue(chunk);
          },
        });
        const response = await app.request(`${BASE}/documents`, uploadInit(parent, body, 'image/png', 'gros.png'));
        assert.equal(response.status, 201, await response.clone().text());
        const { id } = (await response.json()) as { id: string };
        assert.ok(samples.length >= 9);
        const peak = Math.max(...samples);
        assert.ok(peak < 4 * 1024 * 1024, `live memory rose by ${(peak / 1024 / 1024).toFixed(1)} MB during the upload`);
        const download = await send(app, `${BASE}/documents/${id}`, 'GET', parent);
        let received = 0;
        for await (const part of download.body as unknown as AsyncIterable<Uint8Array>) received += part.length;
        assert.equal(received, size);
      } finally {
        await close();
        await database.drop();
      }
    });
  });
} else {
  console.log("# two server processes need a PostgreSQL server: set TEST_DATABASE_URL (the suite's PostgreSQL pass does)");
}
