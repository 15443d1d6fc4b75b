import { randomBytes } from 'node:crypto';
import { constantTimeEqual } from '../auth/encoding.ts';
import { formatScryptHash, parseScryptHash, passwordBytes, serverScryptParams, type PasswordHasher, type ScryptParams } from '../auth/password-hash.ts';
import { sharedHashThreads, type HashThreads } from './hash-threads.ts';

const SALT_BYTES = 16;
const KEY_BYTES = 32;

function derive(password: string, salt: Uint8Array, { N, r, p }: ScryptParams, threads: HashThreads): Promise<Uint8Array> {
  return threads.derive({ kind: 'scrypt', password: passwordBytes(password), salt, keyLength: KEY_BYTES, N, r, p });
}

/** node:crypto's native scrypt: several times faster than the portable one, same format. */
export function createNodeScryptHasher(options: { params?: Partial<ScryptParams>; threads?: HashThreads } = {}): PasswordHasher {
  const params = { ...serverScryptParams, ...options.params };
  const threads = options.threads ?? sharedHashThreads();
  return {
    async hash(password) {
      const salt = new Uint8Array(randomBytes(SALT_BYTES));
      return formatScryptHash({ params, salt, key: await derive(password, salt, params, threads) });
    },
    async verify(hash, password) {
      const parsed = parseScryptHash(hash);
      if (!parsed) return false;
      return constantTimeEqual(await derive(password, parsed.salt, parsed.params, threads), parsed.key);
    },
  };
}
