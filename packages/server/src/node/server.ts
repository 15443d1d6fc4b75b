import { mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { PGlite } from '@electric-sql/pglite';
import { createApp, type App } from '../app.ts';
import type { AppConfigInput } from '../deps.ts';
import { createPgliteDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { deleteExpiredSessions } from '../db/sessions.ts';
import { deleteStaleThrottleCounters } from '../db/throttle.ts';
import { createDatabaseFileStorage, type DatabaseFileStorage } from './database-file-storage.ts';
import { newInstanceId, startPeriodicJobs, type PeriodicJob } from './jobs.ts';
import { seedDemo } from '../demo/seed.ts';
import { seedDemoInvoices } from '../demo/invoices.ts';
import type { PasswordHasher } from '../auth/password-hash.ts';
import { createJsonLogger, isLogLevel, type Logger, type LogLevel } from '../logging.ts';
import { billingOf, createTenantRegistry, type PaymentSettings, type Tenant, type TenantRegistry } from '../tenants/registry.ts';
import { demoTenants } from '../tenants/demo.ts';
import { nodeClientIp } from './client-ip.ts';
import { createPostgresDatabase } from './postgres.ts';
import { availableParallelism } from 'node:os';
import { createNodePasswordHasher } from './password-hasher.ts';
import { createSmtpTransport } from './smtp.ts';
import { createOutboxDispatcher, type MailTransport, type OutboxDispatcher } from '../mail/outbox.ts';
import type { Mailer } from '../deps.ts';
import type { FileStorage } from '../files/storage.ts';
import { createDiskFileStorage } from './file-storage.ts';
import type { PaymentProviders } from '../deps.ts';
import { createPaymentPoller } from '../payments/transactions.ts';
import { createDemoProvider } from '../payments/provider.ts';
import { createPayfipProvider } from '../payments/payfip.ts';
import { isPayfipSaisie, type PayfipSaisie } from '../payments/payfip-formats.ts';
import { startFakePayfip, type RunningFakePayfip } from './payfip-fake-server.ts';
import { loadKitDirectory } from './kit-directory.ts';
import type { KitAssets } from '../kit/assets.ts';

/** The demo tenant's online payment (`vienne-condrieu`; ignored when `tenants` are given). */
export type DemoPaymentOptions =
  | { readonly provider: 'demo' }
  | {
      readonly provider: 'payfip';
      /** The régie's 6 digits (default with the fake: `012345`). */
      readonly numcli?: string;
      /** Default T. */
      readonly saisie?: PayfipSaisie;
      /** SOAP endpoint (default: PayFiP's, or the fake's). */
      readonly soapUrl?: string;
      /** `paiementws.web` (default: PayFiP's, or the fake's). */
      readonly pageUrl?: string;
    };

export interface ServerOptions {
  /** Default 8787; 0 picks a free port. */
  readonly port?: number;
  /** Interface to listen on; default all of them. */
  readonly host?: string;
  /** PGlite data folder (default `.data/pglite` under the working directory). */
  readonly dataDir?: string;
  /** Folder of uploaded files (default `.data/files` under the working directory), with `filesStorage: 'disk'`. */
  readonly filesDir?: string;
  /**
   * Where uploaded files go: `database` (tables `file_blobs`, `file_blob_chunks`: shared by
   * every instance) or `disk` (`filesDir`). Default: `database` with `databaseUrl`, else `disk`.
   */
  readonly filesStorage?: 'database' | 'disk';
  /** Replaces the storage of uploaded files. */
  readonly files?: FileStorage;
  /** A PostgreSQL server instead of PGlite, e.g. `postgres://user:pw@host/db`. */
  readonly databaseUrl?: string;
  /** Added to the demo tenants' allowed origins (the host pages live elsewhere). */
  readonly allowedOrigins?: readonly string[];
  /** Replaces the demo tenants. */
  readonly tenants?: readonly Tenant[];
  /** Default true; false only for plain-http deployments other than localhost. */
  readonly cookieSecure?: boolean;
  /** How many reverse proxies in front append to X-Forwarded-For (0: use the socket address). */
  readonly trustProxy?: number;
  /** Create the demo parents if missing (default true). */
  readonly seedDemo?: boolean;
  /** Give the demo parent sample invoices while their family has none (default false; `npm start` turns it on). */
  readonly demoInvoices?: boolean;
  readonly logLevel?: LogLevel;
  readonly logger?: Logger;
  readonly hasher?: PasswordHasher;
  readonly config?: AppConfigInput;
  /** The page embedding the elements, where e-mail links lead (demo tenants). */
  readonly accountPageUrl?: string;
  /** e.g. `smtp://user:pass@host:587`: e-mails are sent. Without it they stay in the outbox (and the log). */
  readonly smtpUrl?: string;
  /** Sender address, e.g. `espace-famille@ville.fr` (default `no-reply@localhost`). */
  readonly mailFrom?: string;
  /** Replaces the SMTP transport (tests). */
  readonly mailTransport?: MailTransport;
  /**
   * Serve `GET …/dev/outbox` (every activation and reset link, to anyone): only when asked
   * for (`DEV_OUTBOX=1`, which `npm start` sets), never by omission. Refused with SMTP.
   */
  readonly devOutbox?: boolean;
  /** How often the dispatcher looks for due e-mails besides being woken by requests (default 30 s). */
  readonly mailIntervalMs?: number;
  /** How often pending payments are asked about (notifications can be missing; default 60 s), by one instance of all. */
  readonly pollIntervalMs?: number;
  /** How often expired sessions, stale throttle counters and unfinished uploads are deleted (default 10 min), by one instance of all. */
  readonly purgeIntervalMs?: number;
  /** A pending transaction is asked about once it (and its last check) is this old (default 60 s). */
  readonly pollMinAgeSeconds?: number;
  /** Replaces the payment providers (default: the demo provider only). */
  readonly paymentProviders?: PaymentProviders;
  /** An open, caller-owned database instead of `databaseUrl`/`dataDir` (migrated here, not closed by `close()`). */
  readonly database?: Database;
  /** The demo tenant's payment provider (default: demo; `payfip` when `fakePayfip`). */
  readonly payment?: DemoPaymentOptions;
  /** Start the local fake PayFiP on 127.0.0.1 and point the PayFiP provider at it (never in production). */
  readonly fakePayfip?: boolean;
  /** The fake's port (default: a free one). */
  readonly fakePayfipPort?: number;
  /**
   * The built kit (`famille.js`, `kit/…`), read into memory at start and served at
   * `/famille.js` and `/kit/*`. Default: none (those paths are 404). Missing: start fails.
   */
  readonly kitDir?: string;
  /** The kit's files, injected (instead of `kitDir`): e.g. a kit still being built when the server starts. */
  readonly kit?: KitAssets;
}

export interface RunningServer {
  /** e.g. `http://localhost:8787` (the API is under `/api`). */
  readonly url: string;
  readonly app: App;
  /** The demo tenant's online payment provider (`payment`, `fakePayfip`: from the options or the environment). */
  readonly payment: 'demo' | 'payfip';
  close(): Promise<void>;
}

const flag = (value: string | undefined) => (value === undefined || value === '' ? undefined : !/^(0|false|no|off)$/i.test(value));

/** Reads the options from the environment variables documented in the README. */
export function serverOptionsFromEnv(env: Record<string, string | undefined>): ServerOptions {
  const trust = env['TRUST_PROXY'];
  const level = env['LOG_LEVEL'];
  return {
    ...(env['PORT'] && { port: Number(env['PORT']) }),
    ...(env['HOST'] && { host: env['HOST'] }),
    ...(env['DATA_DIR'] && { dataDir: env['DATA_DIR'] }),
    ...(env['FILES_DIR'] && { filesDir: env['FILES_DIR'] }),
    ...filesStorageFromEnv(env['FILES_STORAGE']),
    ...(env['DATABASE_URL'] && { databaseUrl: env['DATABASE_URL'] }),
    ...(env['ALLOWED_ORIGINS'] && {
      allowedOrigins: env['ALLOWED_ORIGINS']
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    }),
    ...(flag(env['COOKIE_SECURE']) !== undefined && { cookieSecure: flag(env['COOKIE_SECURE'])! }),
    ...(trust && { trustProxy: /^\d+$/.test(trust) ? Number(trust) : flag(trust) ? 1 : 0 }),
    ...(flag(env['SEED_DEMO']) !== undefined && { seedDemo: flag(env['SEED_DEMO'])! }),
    ...(flag(env['DEMO_INVOICES']) !== undefined && { demoInvoices: flag(env['DEMO_INVOICES'])! }),
    ...(level && isLogLevel(level) && { logLevel: level }),
    ...(env['ACCOUNT_PAGE_URL'] && { accountPageUrl: env['ACCOUNT_PAGE_URL'] }),
    ...(env['SMTP_URL'] && { smtpUrl: env['SMTP_URL'] }),
    ...(env['MAIL_FROM'] && { mailFrom: env['MAIL_FROM'] }),
    // The API's public base URL behind a proxy (e.g. `https://api.ville.fr/api`): urlnotif and urlredirect derive from it.
    ...(env['PUBLIC_URL'] && { config: { publicUrl: env['PUBLIC_URL'] } }),
    ...(env['PAYMENT_POLL_INTERVAL_MS'] &&
      /^\d+$/.test(env['PAYMENT_POLL_INTERVAL_MS']) &&
      Number(env['PAYMENT_POLL_INTERVAL_MS']) > 0 && { pollIntervalMs: Number(env['PAYMENT_POLL_INTERVAL_MS']) }),
    ...paymentFromEnv(env),
    ...(flag(env['FAKE_PAYFIP']) !== undefined && { fakePayfip: flag(env['FAKE_PAYFIP'])! }),
    ...(env['FAKE_PAYFIP_PORT'] && /^\d+$/.test(env['FAKE_PAYFIP_PORT']) && { fakePayfipPort: Number(env['FAKE_PAYFIP_PORT']) }),
    ...(env['KIT_DIR'] && { kitDir: env['KIT_DIR'] }),
    ...(flag(env['DEV_OUTBOX']) !== undefined && { devOutbox: flag(env['DEV_OUTBOX'])! }),
  };
}

function filesStorageFromEnv(value: string | undefined): { filesStorage?: 'database' | 'disk' } {
  if (value === undefined || value === '') return {};
  if (value !== 'database' && value !== 'disk') throw new TypeError('FILES_STORAGE must be database or disk');
  return { filesStorage: value };
}

function paymentFromEnv(env: Record<string, string | undefined>): { payment?: DemoPaymentOptions } {
  const provider = env['PAYMENT_PROVIDER'];
  if (provider === 'demo') return { payment: { provider: 'demo' } };
  if (provider !== 'payfip') return {};
  const saisie = env['PAYFIP_SAISIE'];
  if (saisie && !isPayfipSaisie(saisie)) throw new TypeError('PAYFIP_SAISIE must be T, X or W');
  return {
    payment: {
      provider: 'payfip',
      ...(env['PAYFIP_NUMCLI'] && { numcli: env['PAYFIP_NUMCLI'] }),
      ...(saisie && { saisie: saisie as PayfipSaisie }),
      ...(env['PAYFIP_SOAP_URL'] && { soapUrl: env['PAYFIP_SOAP_URL'] }),
      ...(env['PAYFIP_PAGE_URL'] && { pageUrl: env['PAYFIP_PAGE_URL'] }),
    },
  };
}

/**
 * The tenants the options name, checked: `tenants`, or else the demo tenants (with
 * `allowedOrigins` and `accountPageUrl`), the demo tenant `vienne-condrieu` taking
 * `demoPayment` when given.
 */
export function serverTenants(options: Pick<ServerOptions, 'tenants' | 'allowedOrigins' | 'accountPageUrl'>, demoPayment?: PaymentSettings): TenantRegistry {
  return createTenantRegistry(
    options.tenants ??
      demoTenants({ allowedOrigins: options.allowedOrigins ?? [], ...(options.accountPageUrl && { accountPageUrl: options.accountPageUrl }) }).map((t) =>
        t.config.id === 'vienne-condrieu' && demoPayment ? { ...t, billing: { ...billingOf(t), payment: demoPayment } } : t,
      ),
  );
}

/** The database the options name: injected, PostgreSQL (`databaseUrl`), or PGlite in `dataDir` (default `.data/pglite`). Not migrated. */
export async function openDatabase(
  options: Pick<ServerOptions, 'database' | 'databaseUrl' | 'dataDir'>,
): Promise<{ db: Database; close(): Promise<void>; description: string }> {
  if (options.database) return { db: options.database, close: async () => undefined, description: 'injected' };
  if (options.databaseUrl) {
    const { db, close } = createPostgresDatabase(options.databaseUrl);
    return { db, close, description: 'postgresql' };
  }
  const dataDir = resolve(options.dataDir ?? '.data/pglite');
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  return { db: createPgliteDatabase(pglite), close: () => pglite.close(), description: `pglite:${dataDir}` };
}

/**
 * Starts the reference server: opens the database, runs the migrations, seeds the demo
 * parents, and listens. Options not given are read from the environment.
 */
export async function startServer(given: ServerOptions = {}): Promise<RunningServer> {
  const env = serverOptionsFromEnv(process.env);
  const options: ServerOptions = {
    ...env,
    ...given,
    allowedOrigins: [...(env.allowedOrigins ?? []), ...(given.allowedOrigins ?? [])],
    config: { ...env.config, ...given.config },
  };
  const logger = options.logger ?? createJsonLogger({ level: options.logLevel ?? 'info', write: (line) => process.stdout.write(`${line}\n`) });

  // First: a wrong KIT_DIR stops the start before anything is opened.
  const kit: KitAssets | undefined = options.kit ?? (options.kitDir === undefined ? undefined : loadKitDirectory(options.kitDir));
  const payment: DemoPaymentOptions = options.payment ?? (options.fakePayfip ? { provider: 'payfip' } : { provider: 'demo' });
  const fakePayfip: RunningFakePayfip | undefined = options.fakePayfip
    ? await startFakePayfip({ ...(options.fakePayfipPort !== undefined && { port: options.fakePayfipPort }) })
    : undefined;
  const database = await openDatabase(options).catch(async (error: unknown) => {
    await fakePayfip?.close();
    throw error;
  });
  try {
    const version = await migrate(database.db);
    const tenants = serverTenants(
      options,
      payment.provider === 'payfip' ? { provider: 'payfip', numcli: payment.numcli ?? (fakePayfip ? '012345' : ''), saisie: payment.saisie ?? 'T' } : undefined,
    );
    const soapUrl = payment.provider === 'payfip' ? (payment.soapUrl ?? fakePayfip?.serviceUrl) : undefined;
    const pageUrl = payment.provider === 'payfip' ? (payment.pageUrl ?? fakePayfip?.paymentPageUrl) : undefined;
    const paymentProviders: PaymentProviders | undefined =
      options.paymentProviders ??
      (payment.provider === 'payfip' || fakePayfip
        ? { demo: createDemoProvider(), payfip: createPayfipProvider({ ...(soapUrl && { serviceUrl: soapUrl }), ...(pageUrl && { paymentPageUrl: pageUrl }) }) }
        : undefined);
    const transport =
      options.mailTransport ?? (options.smtpUrl ? createSmtpTransport({ url: options.smtpUrl, from: options.mailFrom ?? 'no-reply@localhost' }) : undefined);
    const dispatcher: OutboxDispatcher | undefined = transport && createOutboxDispatcher({ db: database.db, transport, logger });
    const mailer: Mailer | undefined = dispatcher && { queued: () => dispatcher.kick() };
    if (options.devOutbox && transport) throw new TypeError('DEV_OUTBOX lists the e-mails kept instead of sent: it cannot be on with SMTP_URL');
    const devOutbox = options.devOutbox ?? false;
    // Shared by every instance with a PostgreSQL server; a folder beside PGlite (one process).
    const filesStorage = options.filesStorage ?? (database.description === 'postgresql' ? 'database' : 'disk');
    const databaseFiles: DatabaseFileStorage | undefined = !options.files && filesStorage === 'database' ? createDatabaseFileStorage(database.db) : undefined;
    const deps = {
      db: database.db,
      tenants,
      hasher: options.hasher ?? createNodePasswordHasher(),
      files: options.files ?? databaseFiles ?? createDiskFileStorage(options.filesDir ?? '.data/files'),
      logger,
      clientIp: nodeClientIp(options.trustProxy ?? 0),
      ...(mailer && { mailer }),
      ...(paymentProviders && { paymentProviders }),
      ...(kit && { kit }),
      // Level 4: most of level 9's gain on JSON for a fraction of its time, at every request.
      gzip: (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes, { level: 4 })),
      config: {
        devOutbox,
        ...options.config,
        // One hash per core but one, which keeps answering the other requests during a login rush (maxWaitMs: the default).
        hashing: { concurrency: Math.max(1, availableParallelism() - 1), ...options.config?.hashing },
        cookie: { secure: options.cookieSecure ?? true, ...options.config?.cookie },
      },
    };
    if (options.seedDemo ?? true) {
      await seedDemo(deps);
      if (options.demoInvoices) await seedDemoInvoices(deps);
    }
    const app = createApp(deps);

    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, ...(options.host && { hostname: options.host }) });
    await new Promise<void>((done, fail) => {
      server.once('listening', done);
      server.once('error', fail);
    });
    const { address, port } = server.address() as AddressInfo;
    const wildcard = address === '::' || address === '0.0.0.0';
    const url = `http://${wildcard ? 'localhost' : address.includes(':') ? `[${address}]` : address}:${port}`;
    const instance = newInstanceId();
    logger.info({
      msg: 'listening',
      url,
      database: database.description,
      files: options.files ? 'injected' : databaseFiles ? 'database' : resolve(options.filesDir ?? '.data/files'),
      migration: version,
      instance,
      tenants: tenants.list().map((t) => t.config.id),
      mail: transport ? 'smtp' : 'outbox only (printed to this log)',
      devOutbox,
      payment: payment.provider,
      kit: options.kit ? 'injected' : options.kitDir === undefined ? 'none' : resolve(options.kitDir),
      ...(payment.provider === 'payfip' && { payfip: soapUrl ?? 'https://www.payfip.gouv.fr', ...(fakePayfip && { fakePayfip: fakePayfip.url }) }),
    });
    // Messages left by an earlier run or another instance, then every interval (retries).
    dispatcher?.start(options.mailIntervalMs ?? 30_000);
    dispatcher?.kick();

    // Periodic jobs, each run by one instance of all (a lease in the database).
    const poller = createPaymentPoller(deps, { minAgeSeconds: options.pollMinAgeSeconds ?? 60 });
    const jobs: PeriodicJob[] = [
      // Pending payments whose notification never came: asked about again.
      {
        name: 'payment-poll',
        intervalMs: options.pollIntervalMs ?? 60_000,
        run: () => poller.pollOnce(),
        failure: { msg: 'payment poll failed', level: 'error' },
      },
      // Dead sessions and counters are refused anyway; this only keeps the tables small.
      {
        name: 'purge',
        intervalMs: options.purgeIntervalMs ?? 10 * 60_000,
        run: () => {
          const now = new Date();
          return Promise.all([deleteExpiredSessions(database.db, now), deleteStaleThrottleCounters(database.db, now), databaseFiles?.purgeIncomplete()]);
        },
        failure: { msg: 'purge failed', level: 'warn' },
      },
    ];
    const periodic = startPeriodicJobs({ db: database.db, instance, logger, jobs });

    let closing: Promise<void> | undefined;
    return {
      url,
      app,
      payment: payment.provider,
      close: () =>
        (closing ??= (async () => {
          await periodic.stop();
          await dispatcher?.stop();
          transport?.close?.();
          await new Promise<void>((done) => {
            server.close(() => done());
            // Keep-alive sockets would hold close() open until they time out.
            if ('closeIdleConnections' in server) server.closeIdleConnections();
          });
          await database.close();
          await fakePayfip?.close();
          logger.info({ msg: 'stopped' });
        })()),
    };
  } catch (error) {
    await database.close();
    await fakePayfip?.close();
    throw error;
  }
}
