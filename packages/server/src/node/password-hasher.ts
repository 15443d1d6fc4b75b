import { randomBytes } from 'node:crypto';
import { constantTimeEqual } from '../auth/encoding.ts';
import { parseScryptHash, passwordBytes, type PasswordHasher } from '../auth/password-hash.ts';
import { createNodeScryptHasher } from './scrypt-hasher.ts';
import { sharedHashThreads, type HashThreads } from './hash-threads.ts';

/** argon2id's cost: OWASP's first recommendation (19 MiB, 2 passes, 1 lane). */
export interface Argon2Params {
  /** Memory in KiB. */
  readonly m: number;
  readonly t: number;
  readonly p: number;
}
export const argon2Params: Argon2Params = { m: 19 * 1024, t: 2, p: 1 };

const SALT_BYTES = 16;
const TAG_BYTES = 32;
// PHC strings carry unpadded standard base64.
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');
const unb64 = (text: string) => (/^[A-Za-z0-9+/]+$/.test(text) ? new Uint8Array(Buffer.from(text, 'base64')) : undefined);

function derive(password: string, salt: Uint8Array, { m, t, p }: Argon2Params, threads: HashThreads): Promise<Uint8Array> {
  return threads.derive({ kind: 'argon2id', message: passwordBytes(password), nonce: salt, memory: m, passes: t, parallelism: p, tagLength: TAG_BYTES });
}

/** `$argon2id$v=19$m=…,t=…,p=…$salt$hash`; costs bounded so that a corrupted row cannot exhaust memory. */
function parseArgon2Hash(text: string): { params: Argon2Params; salt: Uint8Array; key: Uint8Array } | undefined {
  const match = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([^$]+)\$([^$]+)$/.exec(text);
  if (!match) return undefined;
  const [m, t, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const salt = unb64(match[4]!);
  const key = unb64(match[5]!);
  if (m < 8 * 1024 || m > 256 * 1024 || t < 1 || t > 10 || p < 1 || p > 4 || !salt || salt.length < 8 || !key || key.length < 16) return undefined;
  return { params: { m, t, p }, salt, key };
}

/**
 * The Node server's hasher: new hashes in argon2id through node:crypto (Node 24; several
 * times cheaper than the scrypt cost it replaces, for the same resistance by OWASP's
 * measure), older scrypt hashes still verified and, with `needsRehash`, replaced at the
 * owner's next login.
 */
export function createNodePasswordHasher(params: Argon2Params = argon2Params, threads: HashThreads = sharedHashThreads()): PasswordHasher {
  const scrypt = createNodeScryptHasher({ threads });
  return {
    async hash(password) {
      const salt = new Uint8Array(randomBytes(SALT_BYTES));
      return `$argon2id$v=19$m=${params.m},t=${params.t},p=${params.p}$${b64(salt)}$${b64(await derive(password, salt, params, threads))}`;
    },
    async verify(hash, password) {
      if (parseScryptHash(hash)) return scrypt.verify(hash, password);
      const parsed = parseArgon2Hash(hash);
      if (!parsed) return false;
      return constantTimeEqual(await derive(password, parsed.salt, parsed.params, threads), parsed.key);
    },
    needsRehash(hash) {
      const parsed = parseArgon2Hash(hash);
      return !parsed || parsed.params.m !== params.m || parsed.params.t !== params.t || parsed.params.p !== params.p;
    },
  };
}
