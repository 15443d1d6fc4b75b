import { randomBytes, scrypt } from 'node:crypto';
import { constantTimeEqual } from '../auth/encoding.ts';
import { formatScryptHash, parseScryptHash, passwordBytes, serverScryptParams, type PasswordHasher, type ScryptParams } from '../auth/password-hash.ts';

const SALT_BYTES = 16;
const KEY_BYTES = 32;

function derive(password: string, salt: Uint8Array, { N, r, p }: ScryptParams): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // libuv's thread pool: hashing never blocks the event loop.
    scrypt(passwordBytes(password), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.length)),
    );
  });
}

/** node:crypto's native scrypt: several times faster than the portable one, same format. */
export function createNodeScryptHasher(options: { params?: Partial<ScryptParams> } = {}): PasswordHasher {
  const params = { ...serverScryptParams, ...options.params };
  return {
    async hash(password) {
      const salt = new Uint8Array(randomBytes(SALT_BYTES));
      return formatScryptHash({ params, salt, key: await derive(password, salt, params) });
    },
    async verify(hash, password) {
      const parsed = parseScryptHash(hash);
      if (!parsed) return false;
      return constantTimeEqual(await derive(password, parsed.salt, parsed.params), parsed.key);
    },
  };
}
