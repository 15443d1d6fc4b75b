import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';
import { PGlite } from '@electric-sql/pglite';
import { createApp, createDemoDeps, createPgliteDatabase, migrate, seedDemo } from '@famille/server';

export interface MockServerOptions {
  /** Delay before each answer, in ms (default 0). */
  latencyMs?: number;
  /** Origins the demo tenants accept (default: the page's own origin). */
  allowedOrigins?: string[];
  /** Where the msw worker script is served (default `./mockServiceWorker.js`). */
  workerUrl?: string;
}

type App = ReturnType<typeof createApp>;

export interface MockServer {
  /** The reference server's own Hono app, currently answering. */
  readonly app: App;
  /** Delay every answer by `ms`, or never answer (to show pending states). */
  setLatency(ms: number | 'never'): void;
  /**
   * Moves the server's clock forward (e.g. past an activation link's 48 h) without
   * waiting: tokens, sessions and throttling windows all read this clock.
   */
  advanceTime(ms: number): void;
  /** Make every request fail as if the network were down (fetch rejects). */
  setOffline(offline: boolean): void;
  /** A fresh copy of the seeded demo database, the default latency, back online, the real time. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Creating and seeding PGlite takes seconds; reopening a dumped data dir a few hundred
 * ms. So the first start of the page seeds once and keeps a snapshot for every reset.
 */
let snapshot: Promise<Blob> | undefined;

/** The server's clock: the real time, plus what `advanceTime` added. */
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };

async function freshApp(allowedOrigins: string[]): Promise<{ app: App; pg: PGlite }> {
  const seeded = snapshot;
  const pg = seeded ? new PGlite({ loadDataDir: await seeded }) : new PGlite();
  const db = createPgliteDatabase(pg);
  const deps = createDemoDeps({ db, allowedOrigins, clock });
  if (!seeded) {
    await migrate(db);
    await seedDemo(deps);
    snapshot = pg.dumpDataDir('none');
    await snapshot;
  }
  return { app: createApp(deps), pg };
}

let running: Promise<MockServer> | undefined;

/**
 * Runs the reference server in the page, behind msw: every `…/api/…` request is
 * answered by the server's own `createApp()` over an in-memory PGlite seeded with the
 * demo data. No hand-written handler can drift from the real API.
 *
 * One instance per page: later calls return the running one.
 */
export function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  running ??= start(options).catch((error: unknown) => {
    running = undefined;
    throw error;
  });
  return running;
}

async function start(options: MockServerOptions): Promise<MockServer> {
  const allowedOrigins = options.allowedOrigins ?? [location.origin];
  const defaultLatency = options.latencyMs ?? 0;
  let latency: number | 'never' = defaultLatency;
  let offline = false;
  let current = await freshApp(allowedOrigins);

  const worker = setupWorker(
    http.all('*/api/*', async ({ request }) => {
      const wait = latency;
      if (wait === 'never') await new Promise(() => {});
      else if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (offline) return HttpResponse.error();
      return current.app.fetch(request);
    }),
  );
  await worker.start({
    quiet: true,
    onUnhandledFrame: 'bypass',
    serviceWorker: { url: options.workerUrl ?? './mockServiceWorker.js' },
  });

  return {
    get app() {
      return current.app;
    },
    setLatency: (ms) => void (latency = ms),
    setOffline: (value) => void (offline = value),
    advanceTime: (ms) => void (offsetMs += ms),
    async reset() {
      latency = defaultLatency;
      offsetMs = 0;
      offline = false;
      const previous = current;
      current = await freshApp(allowedOrigins);
      await previous.pg.close();
    },
    async stop() {
      await worker.stop();
      await current.pg.close();
      running = undefined;
    },
  };
}
