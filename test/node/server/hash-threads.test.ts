import { test } from 'node:test';
import assert from 'node:assert/strict';
import { argon2Sync, scryptSync } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { createHashThreads } from '../../../packages/server/src/node/hash-threads.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const argon2Job = {
  kind: 'argon2id',
  message: bytes('Famille-Demo-2026'),
  nonce: bytes('sixteen-byte-salt'),
  memory: 8 * 1024,
  passes: 1,
  parallelism: 1,
  tagLength: 32,
} as const;

/** This process's threads and their nice values (Linux: field 19 of /proc/self/task/<tid>/stat). */
function threadNiceValues(): Map<string, number> {
  return new Map(
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    }),
  );
}

test('the threads derive the same keys as node:crypto', async () => {
  const threads = createHashThreads(2);
  try {
    const [argon2, scrypt] = await Promise.all([
      threads.derive(argon2Job),
      threads.derive({ kind: 'scrypt', password: bytes('pw'), salt: bytes('salt'), keyLength: 32, N: 2 ** 10, r: 8, p: 1 }),
    ]);
    const { kind, ...parameters } = argon2Job;
    assert.deepEqual(Buffer.from(argon2), argon2Sync(kind, parameters));
    assert.deepEqual(Buffer.from(scrypt), scryptSync(bytes('pw'), bytes('salt'), 32, { N: 2 ** 10, r: 8, p: 1 }));
  } finally {
    await threads.close();
  }
});

test(
  'hashing runs at the lowest scheduling priority, the rest of the process at its own',
  { skip: process.platform !== 'linux' && 'Linux threads' },
  async () => {
    const threads = createHashThreads(1);
    try {
      const before = threadNiceValues();
      await threads.derive(argon2Job);
      const after = threadNiceValues();
      // Whatever niceness the test runs at (a CI may start it niced): one new thread at 19.
      const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === 19 && nice !== getPriority());
      assert.equal(lowered.length, 1, `one hashing thread lowered to 19: ${[...after.values()].join(' ')}`);
      for (const [tid, nice] of before) if (after.has(tid)) assert.equal(after.get(tid), nice, `thread ${tid} unchanged`);
    } finally {
      await threads.close();
    }
  },
);

test('a failed derivation rejects with the cause and the thread goes on', async () => {
  const threads = createHashThreads(1);
  try {
    await assert.rejects(threads.derive({ ...argon2Job, memory: 1 }), /key derivation failed/);
    assert.equal((await threads.derive(argon2Job)).length, 32);
  } finally {
    await threads.close();
  }
});

test('closing rejects what was still being computed', async () => {
  const threads = createHashThreads(1);
  const running = assert.rejects(threads.derive({ ...argon2Job, memory: 64 * 1024, passes: 3 }), /closed/);
  await threads.close();
  await running;
});
