import type { LoginInput, SessionTransport } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { findAccountByIdentifiantKey, recordLogin, toContractAccount, upgradePasswordHash } from '../db/accounts.ts';
import { HashingBusy } from './hashing-limit.ts';
import { deleteExpiredSessionsOf, insertSession } from '../db/sessions.ts';
import { clearThrottleCounter, recordThrottleFailures, throttleWaitSeconds } from '../db/throttle.ts';
import { normalizeIdentifiant } from '../domain/identifiant.ts';
import { openSession } from '../domain/session.ts';
import { retryAfterSeconds } from '../domain/throttle.ts';
import { sha256Hex, toBase64Url } from './encoding.ts';
import type { PasswordHasher } from './password-hash.ts';
import { newSessionToken } from './session-token.ts';
import type { AuthenticatedSession } from './authenticate.ts';

// One hash per hasher, of a password nobody knows: unknown identifiants are checked
// against it, so they cost the same time as known ones.
const dummyHashes = new WeakMap<PasswordHasher, Promise<string>>();
export function dummyHashFor(hasher: PasswordHasher, randomBytes: (n: number) => Uint8Array): Promise<string> {
  let hash = dummyHashes.get(hasher);
  if (!hash) {
    hash = hasher.hash(toBase64Url(randomBytes(24)));
    dummyHashes.set(hasher, hash);
  }
  return hash;
}

/**
 * The login throttle's counters: one per account AND client (failures slow down the client
 * that makes them, with growing delays, and never lock the owner out on another device),
 * and one per client over every attempt, successful ones included (a cap on guessing
 * across many identifiants). Hashed: people type their password in the identifiant field.
 */
export function loginThrottleKeys(app: AppContext, kind: 'id' | 'agent-id', identifiantKey: string, ip: string | undefined) {
  const account = { key: `${kind}:${sha256Hex(`${identifiantKey}\n${ip ?? ''}`)}`, rule: app.config.throttle.identifiant };
  const client = ip === undefined ? undefined : { key: `ip:${sha256Hex(ip)}`, rule: app.config.throttle.ip };
  return { account, client, all: client ? [account, client] : [account] };
}

function tooManyAttempts(seconds: number): ProblemError {
  const minutes = Math.ceil(seconds / 60);
  return new ProblemError('too_many_attempts', {
    retryAfterSeconds: seconds,
    detail: `Too many failed attempts. Try again in ${minutes} minute${minutes > 1 ? 's' : ''}.`,
  });
}

const invalidCredentials = () => new ProblemError('invalid_credentials', { detail: 'The identifiant or the password is wrong.' });

/**
 * A hash of an older scheme or cost (scrypt before argon2id) is replaced now that the
 * password is known; skipped when hashing is saturated (next time, then).
 */
async function upgradeHash(app: AppContext, tenantId: string, accountId: string, hash: string, password: string): Promise<void> {
  if (!app.hasher.needsRehash?.(hash)) return;
  const upgraded = await app.hasher.hash(password).catch((error: unknown) => {
    if (error instanceof HashingBusy) return undefined;
    throw error;
  });
  if (upgraded) await upgradePasswordHash(app.db, tenantId, accountId, hash, upgraded);
}

export interface LoginOutcome {
  readonly token: string;
  readonly session: AuthenticatedSession;
}

/** What a login attempt presents: whose login (a parent's or an agent's), the credentials, the client's address. */
interface Attempt {
  readonly kind: 'id' | 'agent-id';
  readonly identifiant: string;
  readonly password: string;
  readonly ip: string | undefined;
}

/**
 * What a parent's and an agent's login share. A saturated hasher refuses first, before any
 * query (a rush's 503s leave the database to the other routes); then the throttle; then
 * one hash verification, against a dummy hash for an unknown identifiant; failures are
 * counted (and may throttle) with one answer for unknown and wrong. With the right
 * password, this client's failures on this identifiant are forgiven; the attempt still
 * counts towards the client's overall cap. `find` reads the holder by the normalised
 * identifiant; returns the holder of the password, `usable`.
 */
export async function checkCredentials<Holder extends { passwordHash: string }>(
  app: AppContext,
  tenantId: string,
  { kind, identifiant, password, ip }: Attempt,
  find: (db: Database, tenantId: string, identifiantKey: string) => Promise<Holder | undefined>,
  usable: (holder: Holder) => boolean,
): Promise<Holder> {
  const busy = app.hasher.busy?.();
  if (busy) throw busy;
  const identifiantKey = normalizeIdentifiant(identifiant);
  const keys = loginThrottleKeys(app, kind, identifiantKey, ip);
  const wait = await throttleWaitSeconds(
    app.db,
    tenantId,
    keys.all.map((k) => k.key),
    app.clock.now(),
  );
  if (wait > 0) throw tooManyAttempts(wait);

  const holder = await find(app.db, tenantId, identifiantKey);
  const hash = holder?.passwordHash ?? (await dummyHashFor(app.hasher, app.randomBytes));
  const matches = await app.hasher.verify(hash, password);
  if (!holder || !matches || !usable(holder)) {
    const after = await recordThrottleFailures(app.db, tenantId, keys.all, app.clock.now());
    const locked = retryAfterSeconds([...after.values()], app.clock.now());
    if (locked > 0) {
      app.logger.warn({ msg: 'login throttled', tenant: tenantId, lockedSeconds: locked });
      throw tooManyAttempts(locked);
    }
    throw invalidCredentials();
  }
  await clearThrottleCounter(app.db, tenantId, keys.account.key);
  if (keys.client) await recordThrottleFailures(app.db, tenantId, [keys.client], app.clock.now());
  return holder;
}

/**
 * Checks the credentials and opens a session. Every answer that could reveal whether an
 * identifiant exists is the same for both cases: the throttle counts unknown identifiants
 * too, an unknown identifiant costs one hash verification like a known one, and
 * "not activated" is only said to someone who proved they know the password.
 */
export async function logIn(app: AppContext, tenant: Tenant, input: z.output<typeof LoginInput>, ip: string | undefined): Promise<LoginOutcome> {
  const tenantId = tenant.config.id;
  const account = await checkCredentials(app, tenantId, { kind: 'id', ...input, ip }, findAccountByIdentifiantKey, (found) => found.status !== 'disabled');
  await upgradeHash(app, tenantId, account.id, account.passwordHash, input.password);
  if (account.status === 'pending_activation') {
    throw new ProblemError('account_not_activated', { detail: 'Open the activation link sent by e-mail first.' });
  }

  const now = app.clock.now();
  const transport: SessionTransport = input.transport ?? 'cookie';
  const { token, tokenHash } = newSessionToken(app.randomBytes);
  const times = openSession(now, app.config.session);
  await app.db.transaction(async (tx) => {
    await deleteExpiredSessionsOf(tx, tenantId, account.id, now);
    await insertSession(tx, { tenantId, tokenHash, accountId: account.id, transport, ...times });
    await recordLogin(tx, tenantId, account.id, now);
  });
  return {
    token,
    session: {
      tokenHash,
      via: transport === 'cookie' ? 'cookie' : 'bearer',
      transport,
      times,
      account: toContractAccount(account),
      familyId: account.familyId,
    },
  };
}
