import type { PasswordHasher } from './password-hash.ts';
import { ProblemError } from '../http/problem.ts';

/** Password hashing is saturated: answered as any problem, 503 `server_busy` with `Retry-After`. */
export class HashingBusy extends ProblemError {
  override readonly name = 'HashingBusy';
  constructor(retryAfterSeconds: number) {
    super('server_busy', { retryAfterSeconds });
  }

  get retryAfterSeconds(): number {
    return this.details.retryAfterSeconds!;
  }
}

export interface HashingLimit {
  /** Hashes computed at once (about one per core, one core left for the other requests). */
  readonly concurrency: number;
  /** A request that would wait longer than this for its turn is refused at once. */
  readonly maxWaitMs: number;
}

/**
 * A hasher that computes at most `concurrency` hashes at once and queues the others, in
 * order, as long as their expected wait (from the recent hashes' duration) stays under
 * `maxWaitMs`; beyond, it throws `HashingBusy` at once. A login rush then gets quick 503s
 * instead of time-outs, and the CPU left keeps the other routes answering.
 */
export function limitHashing(hasher: PasswordHasher, limit: HashingLimit, now: () => number = () => performance.now()): PasswordHasher {
  let running = 0;
  const waiting: (() => void)[] = [];
  // Milliseconds per hash, moving average; a first guess until the first one is measured.
  let average = 100;

  /** The refusal a hash asked for now would get, if any. */
  function busy(): HashingBusy | undefined {
    if (running < limit.concurrency) return undefined;
    const expectedWait = ((waiting.length + 1) / limit.concurrency) * average;
    return expectedWait > limit.maxWaitMs ? new HashingBusy(Math.max(1, Math.ceil((expectedWait + average) / 1000))) : undefined;
  }

  async function run<T>(work: () => Promise<T>): Promise<T> {
    if (running >= limit.concurrency) {
      const refusal = busy();
      if (refusal) throw refusal;
      // The slot is handed over by the hash that ends (see finally): order is kept.
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else running++;
    const started = now();
    try {
      return await work();
    } finally {
      average = average * 0.7 + (now() - started) * 0.3;
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  }

  return {
    hash: (password) => run(() => hasher.hash(password)),
    verify: (hash, password) => run(() => hasher.verify(hash, password)),
    busy,
    ...(hasher.needsRehash && { needsRehash: hasher.needsRehash.bind(hasher) }),
  };
}
