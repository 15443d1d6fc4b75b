// Builds apps for tests: the demo tenants, a cheap hasher, a controllable clock, captured logs.
import { createApp, createDemoDeps, seedDemo, type AppConfigInput, type AppDeps, type LogEntry } from '@famille/server';
import type { Database } from '@famille/server';

export const BASE = '/api/tenants/vienne-condrieu';
/** The other demo tenant, for the tests that keep tenants apart. */
export const OTHER_BASE = '/api/tenants/ville-exemple';
export const PAGE_ORIGIN = 'https://www.ville.test';
export const DEMO = { identifiant: 'parent.demo', password: 'Famille-Demo-2026' } as const;

/** A clock that only moves when told to. */
export class TestClock {
  current: Date;
  constructor(start = '2026-03-02T08:00:00.000Z') {
    this.current = new Date(start);
  }
  now = (): Date => new Date(this.current);
  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

export interface TestAppOptions {
  readonly clock?: TestClock;
  readonly config?: AppConfigInput;
  readonly clientIp?: string;
  readonly seed?: boolean;
  readonly deps?: Partial<AppDeps>;
}

/** N=2^10: the format and the code path are the real ones, the cost is not. */
export const testHasherCost = { N: 2 ** 10, r: 8, p: 1 };

export async function testApp(db: Database, options: TestAppOptions = {}) {
  const clock = options.clock ?? new TestClock();
  const logs: (LogEntry & { level: string })[] = [];
  const deps: AppDeps = {
    ...createDemoDeps({
      db,
      allowedOrigins: [PAGE_ORIGIN],
      clock,
      hasherCost: testHasherCost,
      logger: {
        info: (entry) => void logs.push({ level: 'info', ...entry }),
        warn: (entry) => void logs.push({ level: 'warn', ...entry }),
        error: (entry) => void logs.push({ level: 'error', ...entry }),
      },
      ...(options.config && { config: options.config }),
    }),
    ...(options.clientIp && { clientIp: () => options.clientIp }),
    ...options.deps,
  };
  if (options.seed ?? true) await seedDemo(deps);
  return { app: createApp(deps), deps, clock, logs };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>['app'];

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function login(app: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}, tenantBase = BASE) {
  return app.request(`${tenantBase}/auth/login`, json(body, headers));
}

/** Logs the demo parent in and returns what authenticates the next requests. */
export async function loginAs(
  app: TestApp,
  transport: 'cookie' | 'token',
  credentials: { identifiant: string; password: string } = DEMO,
): Promise<Record<string, string>> {
  const response = await login(app, { ...credentials, transport }, { origin: PAGE_ORIGIN });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token?: string };
  if (transport === 'token') return { authorization: `Bearer ${body.token}` };
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie };
}

/** A problem body without its per-request id, to compare two answers byte for byte. */
export async function problemWithoutRequestId(response: Response): Promise<string> {
  const body = (await response.json()) as Record<string, unknown>;
  delete body['requestId'];
  return JSON.stringify(body);
}
