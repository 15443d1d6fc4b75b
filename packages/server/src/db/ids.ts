import { bytesToHex } from '@noble/hashes/utils.js';
import type { RandomBytes } from '../auth/password-hash.ts';

/** A random (v4) UUID from the injected CSPRNG (crypto.randomUUID needs a secure context). */
export function newUuid(randomBytes: RandomBytes): string {
  const bytes = randomBytes(16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytesToHex(bytes);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
