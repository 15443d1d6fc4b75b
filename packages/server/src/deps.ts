import type { Context } from 'hono';
import type { Database } from './db/database.ts';
import type { Gzip } from './http/json-compression.ts';
import type { TenantRegistry } from './tenants/registry.ts';
import type { PasswordHasher, RandomBytes } from './auth/password-hash.ts';
import { webRandomBytes } from './auth/password-hash.ts';
import type { SessionPolicy } from './domain/session.ts';
import type { ThrottleRule } from './domain/throttle.ts';
import { limitHashing, type HashingLimit } from './auth/hashing-limit.ts';
import { createJsonLogger, type Logger } from './logging.ts';
import { zxcvbnCommonPasswords, type CommonPasswordLoader } from './domain/common-passwords.ts';
import type { QueuedMail } from './mail/outbox.ts';
import { createMemoryFileStorage, type FileStorage } from './files/storage.ts';
import { createDemoProvider, type PaymentProvider } from './payments/provider.ts';
import type { KitAssets } from './kit/assets.ts';

export type PaymentProviders = { readonly demo?: PaymentProvider; readonly payfip?: PaymentProvider };

/**
 * Hears of e-mails once the transaction that wrote them to the outbox committed. The
 * Node entry with SMTP wakes its dispatcher; without SMTP, the default prints each one
 * (with its link) to the log and the messages stay in the outbox.
 */
export interface Mailer {
  queued(messages: readonly QueuedMail[]): void;
}

export function logOnlyMailer(logger: Logger): Mailer {
  return {
    queued(messages) {
      for (const m of messages)
        logger.info({ msg: 'e-mail kept in the outbox (no SMTP)', tenant: m.tenantId, id: m.id, to: m.to, subject: m.subject, link: m.link });
    },
  };
}

export interface Clock {
  now(): Date;
}

export interface AppConfig {
  /** Where the API is mounted, e.g. `/api`. */
  readonly basePath: string;
  /** Reported by `/health` and in the OpenAPI document. */
  readonly version: string;
  readonly bodyLimitBytes: number;
  readonly session: SessionPolicy;
  readonly throttle: {
    /** Failed logins per identifiant and client address (growing delays, see `ThrottleRule`). */
    readonly identifiant: ThrottleRule;
    /** Every login attempt per client address, successful ones included. */
    readonly ip: ThrottleRule;
    /** Requests that send an e-mail (register, resend, reset), per target address or identifiant and operation. */
    readonly mailTarget: ThrottleRule;
    /** The same requests per client address, all operations together. */
    readonly mailIp: ThrottleRule;
  };
  /** Password hashes computed at once, and the longest wait for one before a quick 503 (see `limitHashing`). */
  readonly hashing: HashingLimit;
  /** Lifetime of a password reset link (activation: the tenant's `activationTtlHours`). */
  readonly resetTtlSeconds: number;
  /** Mount `GET …/dev/outbox` (development without SMTP only); otherwise it answers 404. */
  readonly devOutbox: boolean;
  /**
   * The API's public base URL (e.g. `https://api.ville.fr/api`), for the URLs given to
   * payment providers. Default: the request's own origin and `basePath`.
   */
  readonly publicUrl?: string | undefined;
  readonly cookie: {
    readonly name: string;
    /** Off only for plain-http development: browsers drop Secure cookies on http (except localhost). */
    readonly secure: boolean;
  };
}

export type AppConfigInput = { readonly [K in keyof AppConfig]?: AppConfig[K] extends object ? Partial<AppConfig[K]> : AppConfig[K] };

export const defaultConfig: AppConfig = {
  basePath: '/api',
  version: '0.1.0',
  bodyLimitBytes: 64 * 1024,
  session: { idleTtlSeconds: 30 * 60, absoluteTtlSeconds: 12 * 3600, touchIntervalSeconds: 60 },
  throttle: {
    // Per identifiant and client: from the 5th failure, 30 s, then 1, 2, 4… minutes (15 at most).
    identifiant: { maxFailures: 5, windowSeconds: 15 * 60, firstLockSeconds: 30 },
    // Every login attempt of a client, successful ones too. Higher: a whole town hall,
    // school or mobile carrier may share one address.
    ip: { maxFailures: 100, windowSeconds: 15 * 60 },
    mailTarget: { maxFailures: 5, windowSeconds: 3600 },
    mailIp: { maxFailures: 30, windowSeconds: 3600 },
  },
  // One at a time: in a browser (mock server) and in tests; the Node entry sets one per core but one.
  hashing: { concurrency: 1, maxWaitMs: 2000 },
  resetTtlSeconds: 3600,
  devOutbox: false,
  cookie: { name: 'famille_session', secure: true },
};

/** Everything the app needs from the outside world; the app itself uses web standards only. */
export interface AppDeps {
  readonly db: Database;
  readonly tenants: TenantRegistry;
  readonly hasher: PasswordHasher;
  readonly clock?: Clock;
  /** CSPRNG; default `crypto.getRandomValues`. */
  readonly randomBytes?: RandomBytes;
  readonly logger?: Logger;
  /** The client's address for throttling; `undefined` when unknown (no per-address limit then). */
  readonly clientIp?: (c: Context) => string | undefined;
  /** Default: logs each queued e-mail (see `Mailer`). */
  readonly mailer?: Mailer;
  /** Loads the common-password list, once, at the first password check. Default: @zxcvbn-ts/language-common, imported lazily. */
  readonly commonPasswords?: CommonPasswordLoader;
  /** Where uploaded files' bytes go. Default: in memory (the Node entry uses the disk, `FILES_DIR`). */
  readonly files?: FileStorage;
  /** Default: the demo provider only (PayFiP needs `createPayfipProvider`). */
  readonly paymentProviders?: PaymentProviders;
  /** The embeddable kit, served at `/famille.js` and `/kit/*` (the Node entry: `loadKitDirectory`). Default: none, those paths are 404. */
  readonly kit?: KitAssets;
  /**
   * Gzip for JSON answers of 1 KB and more to clients that accept it (the Node entry: zlib's).
   * Default: none, every answer as it is (the in-page server: a mocked body is never decoded).
   */
  readonly gzip?: Gzip;
  readonly config?: AppConfigInput;
}

/** AppDeps with every default filled in. */
export interface AppContext {
  readonly db: Database;
  readonly tenants: TenantRegistry;
  readonly hasher: PasswordHasher;
  readonly clock: Clock;
  readonly randomBytes: RandomBytes;
  readonly logger: Logger;
  readonly clientIp: (c: Context) => string | undefined;
  readonly mailer: Mailer;
  readonly commonPasswords: CommonPasswordLoader;
  readonly files: FileStorage;
  readonly paymentProviders: PaymentProviders;
  readonly kit: KitAssets | undefined;
  readonly gzip: Gzip | undefined;
  readonly config: AppConfig;
}

export const systemClock: Clock = { now: () => new Date() };

export function resolveConfig(input: AppConfigInput = {}): AppConfig {
  return {
    basePath: (input.basePath ?? defaultConfig.basePath).replace(/\/+$/, ''),
    version: input.version ?? defaultConfig.version,
    bodyLimitBytes: input.bodyLimitBytes ?? defaultConfig.bodyLimitBytes,
    session: { ...defaultConfig.session, ...input.session },
    throttle: { ...defaultConfig.throttle, ...input.throttle },
    cookie: { ...defaultConfig.cookie, ...input.cookie },
    hashing: { ...defaultConfig.hashing, ...input.hashing },
    resetTtlSeconds: input.resetTtlSeconds ?? defaultConfig.resetTtlSeconds,
    devOutbox: input.devOutbox ?? defaultConfig.devOutbox,
    publicUrl: input.publicUrl?.replace(/\/+$/, ''),
  };
}

export function resolveDeps(deps: AppDeps): AppContext {
  const logger = deps.logger ?? createJsonLogger();
  const config = resolveConfig(deps.config);
  return {
    db: deps.db,
    tenants: deps.tenants,
    hasher: limitHashing(deps.hasher, config.hashing),
    clock: deps.clock ?? systemClock,
    randomBytes: deps.randomBytes ?? webRandomBytes,
    logger,
    clientIp: deps.clientIp ?? (() => undefined),
    mailer: deps.mailer ?? logOnlyMailer(logger),
    commonPasswords: deps.commonPasswords ?? zxcvbnCommonPasswords,
    files: deps.files ?? createMemoryFileStorage(),
    paymentProviders: deps.paymentProviders ?? { demo: createDemoProvider() },
    kit: deps.kit,
    gzip: deps.gzip,
    config,
  };
}
