import type { HashingBusy } from './hashing-limit.ts';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { constantTimeEqual, fromBase64Url, toBase64Url } from './encoding.ts';

/**
 * Hashes and checks passwords. The portable hasher writes `scrypt$N$r$p$salt$hash`; the
 * Node server's writes argon2id (PHC format) and still reads scrypt hashes.
 */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** `false` for a wrong password and for a stored hash it cannot read. */
  verify(hash: string, password: string): Promise<boolean>;
  /** Whether a stored hash should be replaced at the next successful login (older scheme or cost). */
  needsRehash?(hash: string): boolean;
  /**
   * When hashing is saturated (see `limitHashing`), the refusal a hash asked for now would
   * get: a login checks it first, so that a rush's refusals cost no database query.
   */
  busy?(): HashingBusy | undefined;
}

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** 64 MiB, ~0.1–0.2 s per hash on a server core (OWASP's scrypt floor is 2^17 with r=8 at 128 MiB, or 2^16 r=8 p=2). */
export const serverScryptParams: ScryptParams = { N: 2 ** 16, r: 8, p: 2 };
/** For the in-browser demo and tests, where the hash protects nothing real. */
export const lowScryptParams: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;

export interface ParsedScryptHash {
  readonly params: ScryptParams;
  readonly salt: Uint8Array;
  readonly key: Uint8Array;
}

export function formatScryptHash({ params, salt, key }: ParsedScryptHash): string {
  return `scrypt$${params.N}$${params.r}$${params.p}$${toBase64Url(salt)}$${toBase64Url(key)}`;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;

/** Reads a stored hash; bounds the costs so a corrupted row cannot exhaust memory. */
export function parseScryptHash(text: string): ParsedScryptHash | undefined {
  const parts = text.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map((part) => (/^\d{1,8}$/.test(part) ? Number(part) : NaN)) as [number, number, number];
  if (!isPowerOfTwo(N) || N > 2 ** 20 || !(r >= 1 && r <= 32) || !(p >= 1 && p <= 16)) return undefined;
  const salt = fromBase64Url(parts[4]!);
  const key = fromBase64Url(parts[5]!);
  if (!salt || !key || salt.length < 8 || key.length < 16) return undefined;
  return { params: { N, r, p }, salt, key };
}

/** NFC first: the same password typed on macOS (NFD) and on Windows must match. */
export function passwordBytes(password: string): Uint8Array {
  return utf8ToBytes(password.normalize('NFC'));
}

export type RandomBytes = (length: number) => Uint8Array;

export const webRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/**
 * scrypt from @noble/hashes: pure JavaScript, so it runs in the browser (mock server)
 * as well as on the server. It yields to the event loop while it works.
 */
export function createPortableScryptHasher(options: { params?: Partial<ScryptParams>; randomBytes?: RandomBytes } = {}): PasswordHasher {
  const params = { ...serverScryptParams, ...options.params };
  const randomBytes = options.randomBytes ?? webRandomBytes;
  const derive = (password: string, salt: Uint8Array, p: ScryptParams) =>
    scryptAsync(passwordBytes(password), salt, { ...p, dkLen: KEY_BYTES, maxmem: 256 * p.N * p.r * p.p + 1024 });
  return {
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      return formatScryptHash({ params, salt, key: await derive(password, salt, params) });
    },
    async verify(hash, password) {
      const parsed = parseScryptHash(hash);
      if (!parsed) return false;
      return constantTimeEqual(await derive(password, parsed.salt, parsed.params), parsed.key);
    },
  };
}
