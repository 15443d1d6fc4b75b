import { sha256Hex, toBase64Url } from './encoding.ts';
import type { RandomBytes } from './password-hash.ts';

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new session token (256 bits from the CSPRNG) and the hash under which it is stored. */
export function newSessionToken(randomBytes: RandomBytes): { token: string; tokenHash: string } {
  const token = toBase64Url(randomBytes(TOKEN_BYTES));
  return { token, tokenHash: hashSessionToken(token) };
}

/** Only the hash reaches the database: reading the sessions table gives no usable token. */
export function hashSessionToken(token: string): string {
  return sha256Hex(token);
}

/** Rejects malformed tokens before any database work. */
export function isWellFormedToken(token: string): boolean {
  return TOKEN_PATTERN.test(token);
}
