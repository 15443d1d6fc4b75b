import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** One key derivation, computed in a hashing thread. */
export type KeyDerivation =
  | { kind: 'argon2id'; message: Uint8Array; nonce: Uint8Array; memory: number; passes: number; parallelism: number; tagLength: number }
  | { kind: 'scrypt'; password: Uint8Array; salt: Uint8Array; keyLength: number; N: number; r: number; p: number };

export interface HashThreads {
  derive(job: KeyDerivation): Promise<Uint8Array>;
  /** Stops the threads (the pool starts new ones if asked again). */
  close(): Promise<void>;
}

// The thread lowers its own scheduling priority first (Linux: a thread id is accepted
// where a process id is, and only that thread changes): during a login rush the hashes
// take the CPU the other requests leave, instead of sharing it equally with them.
// Plain CommonJS evaluated in the worker, so that the same code runs from the sources
// and from the published package without a file to locate.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { argon2Sync, scryptSync } = require('node:crypto');
try {
  const threadId = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop());
  require('node:os').setPriority(threadId, 19);
} catch {}
parentPort.on('message', ({ id, job }) => {
  try {
    const key =
      job.kind === 'argon2id'
        ? argon2Sync('argon2id', { message: job.message, nonce: job.nonce, memory: job.memory, passes: job.passes, parallelism: job.parallelism, tagLength: job.tagLength })
        : scryptSync(job.password, job.salt, job.keyLength, { N: job.N, r: job.r, p: job.p, maxmem: 256 * job.N * job.r + 1024 * 1024 });
    parentPort.postMessage({ id, key: new Uint8Array(key) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

interface Pending {
  resolve(key: Uint8Array): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Up to `size` threads that derive password keys at the lowest scheduling priority, one
 * job at a time each (callers bound how many run at once: see `limitHashing`). Threads
 * start on first use and do not keep the process alive while idle.
 */
export function createHashThreads(size: number): HashThreads {
  const slots: Slot[] = [];
  let nextId = 0;

  function start(): Slot {
    const slot: Slot = { worker: new Worker(workerSource, { eval: true }), pending: new Map() };
    const fail = (error: Error) => {
      slots.splice(slots.indexOf(slot), 1);
      for (const pending of slot.pending.values()) pending.reject(error);
      slot.pending.clear();
    };
    slot.worker.on('message', ({ id, key, error }: { id: number; key?: Uint8Array; error?: string }) => {
      const pending = slot.pending.get(id);
      slot.pending.delete(id);
      if (slot.pending.size === 0) slot.worker.unref();
      if (key) pending?.resolve(key);
      else pending?.reject(new Error(`key derivation failed: ${error}`));
    });
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => slots.includes(slot) && fail(new Error(`hashing thread exited (${code})`)));
    slots.push(slot);
    return slot;
  }

  /** An idle thread, a new one while under `size`, else the least busy. */
  function pick(): Slot {
    const idle = slots.find((slot) => slot.pending.size === 0);
    if (idle) return idle;
    if (slots.length < size) return start();
    return slots.reduce((least, slot) => (slot.pending.size < least.pending.size ? slot : least));
  }

  return {
    derive(job) {
      const slot = pick();
      const id = nextId++;
      return new Promise<Uint8Array>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.ref();
        slot.worker.postMessage({ id, job });
      });
    },
    async close() {
      const stopping = slots.splice(0);
      for (const slot of stopping) for (const pending of slot.pending.values()) pending.reject(new Error('hashing threads closed'));
      await Promise.all(stopping.map((slot) => slot.worker.terminate()));
    },
  };
}

let shared: HashThreads | undefined;

/** The process's hashing threads (at most one per core). */
export function sharedHashThreads(): HashThreads {
  return (shared ??= createHashThreads(availableParallelism()));
}
