import type { EmailTokenRow } from '../db/email-tokens.ts';
import { hashSessionToken, isWellFormedToken, newSessionToken } from './session-token.ts';
import type { RandomBytes } from './password-hash.ts';

/** 32 bytes from the CSPRNG, base64url (43 characters); only its SHA-256 is stored. */
export const newEmailToken = (randomBytes: RandomBytes) => newSessionToken(randomBytes);
export const hashEmailToken = hashSessionToken;
export const isWellFormedEmailToken = isWellFormedToken;

export type EmailTokenState = 'usable' | 'token_invalid' | 'token_expired' | 'token_used';

/** Why a token cannot be used (or that it can), from its row. Used wins over expired. */
export function emailTokenState(row: Pick<EmailTokenRow, 'usedAt' | 'expiresAt'> | undefined, now: Date): EmailTokenState {
  if (!row) return 'token_invalid';
  if (row.usedAt) return 'token_used';
  if (row.expiresAt.getTime() <= now.getTime()) return 'token_expired';
  return 'usable';
}
