// What several instances share through the database: uploaded files (file_blobs) and the
// leases that make one instance of all run each periodic job (job_leases). On PGlite and,
// in the second pass, on PostgreSQL (test/node/server-pg/ starts real processes there).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DocumentInfo } from '@famille/contract';
import { createJsonLogger, type Database, type LogEntry } from '@famille/server';
import { claimJobLease, createDatabaseFileStorage, releaseJobLease, serverOptionsFromEnv, startPeriodicJobs, type PeriodicJob } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, PAGE_ORIGIN, testApp } from './support/app.ts';
import { startTestServer } from './support/node-server.ts';
import { files, newFamily, send, upload, uploadInit } from './support/family.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(async () => {
  await database?.close();
});

const rows = async <T>(db: Database, query: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
const blobCount = async (db: Database) =>
  (
    await rows<{ blobs: number; chunks: number }>(
      db,
      sql`select (select count(*)::int from file_blobs) as blobs, (select count(*)::int from file_blob_chunks) as chunks`,
    )
  )[0]!;
const key = () => crypto.randomUUID();

/** A stream of `bytes` cut in pieces of `piece` bytes (none aligned with the storage's rows). */
function streamOf(bytes: Uint8Array, piece: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, (offset += piece)));
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ bytes: Uint8Array; pieces: number }> {
  const parts: Uint8Array[] = [];
  for await (const part of stream as unknown as AsyncIterable<Uint8Array>) parts.push(part);
  return { bytes: new Uint8Array(Buffer.concat(parts)), pieces: parts.length };
}

const randomData = (n: number) => new Uint8Array(randomBytes(n));

describe('createDatabaseFileStorage', () => {
  test('streams a file into rows of chunkBytes and back, readable by another instance; delete removes every row', async () => {
    const one = createDatabaseFileStorage(database.db, { chunkBytes: 1000 });
    const other = createDatabaseFileStorage(database.db, { chunkBytes: 1000 });
    const bytes = randomData(3500);
    const k = key();
    const before = await blobCount(database.db);
    await one.write(k, streamOf(bytes, 333));
    assert.deepEqual(await blobCount(database.db), { blobs: before.blobs + 1, chunks: before.chunks + 4 });
    const read = await readAll((await other.read(k))!);
    assert.deepEqual(read.bytes, bytes);
    assert.equal(read.pieces, 4, 'one row at a time');
    await other.delete(k);
    assert.equal(await other.read(k), undefined);
    assert.deepEqual(await blobCount(database.db), before);
    await other.delete(k); // absent: no error
  });

  test('an empty file, a file of exactly one row, the default row size', async () => {
    const storage = createDatabaseFileStorage(database.db, { chunkBytes: 64 });
    const empty = key();
    await storage.write(empty, streamOf(new Uint8Array(0), 1));
    assert.deepEqual((await readAll((await storage.read(empty))!)).bytes, new Uint8Array(0));
    const exact = key();
    const bytes = randomData(64);
    await storage.write(exact, streamOf(bytes, 64));
    assert.deepEqual(await readAll((await storage.read(exact))!), { bytes, pieces: 1 });
    const large = key();
    const big = randomData(600 * 1024);
    await createDatabaseFileStorage(database.db).write(large, streamOf(big, 64 * 1024));
    const back = await readAll((await storage.read(large))!);
    assert.deepEqual(back.bytes, big);
    assert.equal(back.pieces, 3, '256 KB rows by default');
  });

  test('a stream that fails midway leaves nothing; a file is invisible until its last row is in', async () => {
    const storage = createDatabaseFileStorage(database.db, { chunkBytes: 100 });
    const before = await blobCount(database.db);
    const failing = key();
    let sent = 0;
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 450) return controller.error(new Error('client gone'));
        sent += 150;
        controller.enqueue(randomData(150));
      },
    });
    await assert.rejects(storage.write(failing, broken), /client gone/);
    assert.equal(await storage.read(failing), undefined);
    assert.deepEqual(await blobCount(database.db), before);

    // Writing: two rows are in, the third piece is held back.
    const slow = key();
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    let step = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        step++;
        if (step === 3) await held;
        if (step > 3) return controller.close();
        controller.enqueue(new Uint8Array(100).fill(step));
      },
    });
    const writing = storage.write(slow, body);
    while ((await rows<{ n: number }>(database.db, sql`select count(*)::int as n from file_blob_chunks where key = ${slow}`))[0]!.n < 2)
      await new Promise((done) => setTimeout(done, 5));
    assert.equal(await storage.read(slow), undefined, 'not readable while being written');
    assert.equal(await storage.purgeIncomplete(3600), 0, 'a recent unfinished upload is left alone');
    release();
    await writing;
    assert.deepEqual(
      (await readAll((await storage.read(slow))!)).bytes,
      new Uint8Array(300).map((_, i) => Math.floor(i / 100) + 1),
    );
  });

  test('an existing key is refused and keeps its bytes; purgeIncomplete removes only unfinished files past their age', async () => {
    const storage = createDatabaseFileStorage(database.db, { chunkBytes: 100 });
    const k = key();
    const bytes = randomData(250);
    await storage.write(k, streamOf(bytes, 250));
    await assert.rejects(storage.write(k, streamOf(randomData(10), 10)));
    assert.deepEqual((await readAll((await storage.read(k))!)).bytes, bytes);
    // A process stopped mid-upload: the header and a row, never completed.
    const orphan = key();
    await database.db.execute(sql`insert into file_blobs (key, created_at) values (${orphan}, now() - interval '2 hours')`);
    await database.db.execute(sql`insert into file_blob_chunks (key, seq, data) values (${orphan}, 0, '\\x00ff'::bytea)`);
    assert.equal(await storage.read(orphan), undefined);
    assert.equal(await storage.purgeIncomplete(), 1);
    assert.equal((await rows<{ n: number }>(database.db, sql`select count(*)::int as n from file_blob_chunks where key = ${orphan}`))[0]!.n, 0);
    assert.ok(await storage.read(k), 'completed files stay');
    await assert.rejects(storage.read('../etc/passwd'), TypeError);
  });

  test('through the API: uploaded through one app, downloaded and deleted through another', async () => {
    const first = await testApp(database.db, { deps: { files: createDatabaseFileStorage(database.db) } });
    const second = await testApp(database.db, { seed: false, deps: { files: createDatabaseFileStorage(database.db) } });
    const parent = (await newFamily(first.app)).auth;
    const pdf = files.pdf();
    const document = await upload(first.app, parent, pdf, 'application/pdf', 'attestation.pdf');
    const response = await send(second.app, `${BASE}/documents/${document.id}`, 'GET', parent);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), pdf);
    assert.equal((await send(second.app, `${BASE}/documents/${document.id}`, 'DELETE', parent)).status, 204);
    assert.equal((await send(first.app, `${BASE}/documents/${document.id}`, 'GET', parent)).status, 404);
    // Too large while streaming (no Content-Length): 413, and no row stays behind.
    const before = await blobCount(database.db);
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(files.png());
    const tooLarge = await first.app.request(`${BASE}/documents`, uploadInit(parent, streamOf(big, 64 * 1024), 'image/png', 'gros.png'));
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(await blobCount(database.db), before);
    DocumentInfo.parse(document);
  });
});

describe('job leases', () => {
  test('of instances claiming at once exactly one gets the lease; it renews, others wait for its release or expiry', async () => {
    const job = `test-${key()}`;
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimJobLease(database.db, job, `instance-${i}`, 60)));
    assert.equal(claims.filter(Boolean).length, 1);
    const holder = `instance-${claims.indexOf(true)}`;
    const other = holder === 'instance-0' ? 'instance-1' : 'instance-0';
    assert.equal(await claimJobLease(database.db, job, holder, 60), true, 'the holder renews');
    assert.equal(await claimJobLease(database.db, job, other, 60), false);
    await releaseJobLease(database.db, job, other); // not the holder: nothing happens
    assert.equal(await claimJobLease(database.db, job, other, 60), false);
    await releaseJobLease(database.db, job, holder);
    assert.equal(await claimJobLease(database.db, job, other, 0.2), true, 'released: another instance takes it');
    assert.equal(await claimJobLease(database.db, job, holder, 60), false);
    await new Promise((done) => setTimeout(done, 300));
    assert.equal(await claimJobLease(database.db, job, holder, 60), true, 'expired: another instance takes it');
    const [lease] = await rows<{ holder: string; acquired: boolean }>(
      database.db,
      sql`select holder, acquired_at <= now() as acquired from job_leases where job = ${job}`,
    );
    assert.deepEqual(lease, { holder, acquired: true });
  });

  test('startPeriodicJobs: of two instances one runs the job; when it stops, the other takes over', async () => {
    const name = `test-${key()}`;
    const runs = { a: 0, b: 0 };
    const lines: LogEntry[] = [];
    const logger = createJsonLogger({ write: (line) => void lines.push(JSON.parse(line) as LogEntry) });
    const jobOf = (who: 'a' | 'b'): PeriodicJob => ({
      name,
      intervalMs: 15,
      run: async () => void runs[who]++,
      failure: { msg: 'test job failed', level: 'error' },
    });
    const a = startPeriodicJobs({ db: database.db, instance: 'a', logger, jobs: [jobOf('a')] });
    const b = startPeriodicJobs({ db: database.db, instance: 'b', logger, jobs: [jobOf('b')] });
    try {
      const deadline = Date.now() + 10_000;
      while (runs.a + runs.b < 8 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
      const [leader, follower] = runs.a > 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
      assert.ok(runs[leader] >= 8, JSON.stringify(runs));
      assert.equal(runs[follower], 0, JSON.stringify(runs));
      assert.deepEqual(
        lines.filter((l) => l.msg === 'job lease taken').map((l) => [l['job'], l['instance']]),
        [[name, leader]],
      );
      await (leader === 'a' ? a : b).stop();
      const before = runs[follower];
      while (runs[follower] < before + 3 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 10));
      assert.ok(runs[follower] >= before + 3, `the other instance took over: ${JSON.stringify(runs)}`);
      assert.ok(!lines.some((l) => l.msg === 'test job failed'));
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('the Node entry', () => {
  test('FILES_STORAGE chooses the storage of uploads (database or disk); anything else stops the start', () => {
    assert.deepEqual(serverOptionsFromEnv({ FILES_STORAGE: 'database' }), { filesStorage: 'database' });
    assert.deepEqual(serverOptionsFromEnv({ FILES_STORAGE: 'disk', FILES_DIR: '/srv/files' }), { filesStorage: 'disk', filesDir: '/srv/files' });
    assert.throws(() => serverOptionsFromEnv({ FILES_STORAGE: 's3' }), /FILES_STORAGE must be database or disk/);
  });

  test("filesStorage: 'database' keeps uploads in the database; two servers on one database run the jobs in one", async () => {
    const first = await startTestServer({
      database: database.db,
      allowedOrigins: [PAGE_ORIGIN],
      filesStorage: 'database',
      pollIntervalMs: 15,
      purgeIntervalMs: 15,
    });
    const second = await startTestServer({
      database: database.db,
      allowedOrigins: [PAGE_ORIGIN],
      filesStorage: 'database',
      pollIntervalMs: 15,
      purgeIntervalMs: 15,
      seedDemo: false,
    });
    try {
      const listening = (lines: LogEntry[]) => lines.find((l) => l.msg === 'listening')!;
      assert.equal(listening(first.lines)['files'], 'database');
      assert.notEqual(listening(first.lines)['instance'], listening(second.lines)['instance']);
      const parent = (await newFamily(first.server.app)).auth;
      const before = await blobCount(database.db);
      const document = await upload(first.server.app, parent);
      assert.equal((await blobCount(database.db)).blobs, before.blobs + 1);
      const response = await fetch(`${second.server.url}${BASE}/documents/${document.id}`, { headers: parent });
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), files.pdf());
      // Both jobs had time for many runs: each lease was taken once, by one server.
      await new Promise((done) => setTimeout(done, 300));
      const taken = [...first.lines, ...second.lines].filter((l) => l.msg === 'job lease taken');
      assert.deepEqual(taken.map((l) => String(l['job'])).sort(), ['payment-poll', 'purge']);
      assert.ok(![...first.lines, ...second.lines].some((l) => l.level !== 'info'), 'no failed run');
    } finally {
      await first.server.close();
      await second.server.close();
    }
    assert.deepEqual(
      await rows(database.db, sql`select job from job_leases where expires_at > now() and job in ('payment-poll', 'purge')`),
      [],
      'close() released the leases',
    );
  });
});
