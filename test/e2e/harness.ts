// Starts the real demo (`scripts/start-demo.ts`: Node server on PGlite in a temp folder +
// the town's demo site) as a child process, and Debian's Chromium through puppeteer-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../chromium.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Demo {
  apiPort: number;
  demoPort: number;
  /** The API as the page sees it (http://localhost:PORT/api). */
  api: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function startDemo(env: Record<string, string> = {}): Promise<Demo> {
  const [apiPort, demoPort] = [await freePort(), await freePort()];
  const dataDir = mkdtempSync(join(tmpdir(), 'famille-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--conditions=source', 'scripts/start-demo.ts'], {
    // Without the sample invoices unless a test asks: each test issues the invoices it counts on.
    env: {
      ...process.env,
      PORT: String(apiPort),
      DEMO_PORT: String(demoPort),
      DATA_DIR: join(dataDir, 'pglite'),
      LOG_LEVEL: 'warn',
      DEMO_INVOICES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`demo did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('demo ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo exited with ${code}:\n${output}`));
    });
  });
  return {
    apiPort,
    demoPort,
    api: `http://localhost:${apiPort}/api`,
    output: () => output,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON calls to a tenant's API (a bearer `token` when given), asserting success: `api('/invoices', { token })`. */
export function tenantApi(demo: () => Demo, tenant = 'vienne-condrieu') {
  return async <T = unknown>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> => {
    const response = await fetch(`${demo().api}/tenants/${tenant}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.token && { authorization: `Bearer ${init.token}` }) },
    });
    assert.ok(response.ok, `${init.method ?? 'GET'} ${path}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as T;
  };
}

/** A bearer token of a parent (the demo parent by default), logged in through `api` (see `tenantApi`). */
export async function parentToken(api: ReturnType<typeof tenantApi>, identifiant = 'parent.demo', password = 'Famille-Demo-2026'): Promise<string> {
  return (await api<{ token: string }>('/auth/login', { method: 'POST', body: JSON.stringify({ identifiant, password, transport: 'token' }) })).token;
}

/** A bearer token of the demo agent, logged in through `api` (see `tenantApi`). */
export async function agentToken(api: ReturnType<typeof tenantApi>): Promise<string> {
  return (
    await api<{ token: string }>('/agent/auth/login', { method: 'POST', body: JSON.stringify({ identifiant: 'agent.demo', password: 'Agent-Demo-2026' }) })
  ).token;
}

/** Chromium; `extraArgs` e.g. `--host-resolver-rules=MAP *.co.uk 127.0.0.1` to give loopback pages other sites' names. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'famille-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir: profile,
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    args: [...chromiumArgs, '--disable-quic', ...extraArgs],
  });
  // The profile goes with the browser, once its process has exited: on 'disconnected' its
  // helper processes may still be writing there (ENOTEMPTY). A profile that cannot be
  // removed is left in tmp rather than failing the test file.
  const removeProfile = () => void rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
  const child = browser.process();
  if (child && child.exitCode === null) child.once('exit', removeProfile);
  else browser.once('disconnected', removeProfile);
  return browser;
}

/** Logs in with `<famille-login>` on the page as a parent types it (the demo parent by default). */
export async function logInOnPage(page: Page, identifiant = 'parent.demo', password = 'Famille-Demo-2026'): Promise<void> {
  const input = 'famille-login input[autocomplete="username"]';
  await page.waitForSelector(input);
  // Replace whatever is there (the element may have filled the identifiant in).
  await page.click(input, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(input, identifiant);
  await page.type('famille-login input[autocomplete="current-password"]', password);
  await page.keyboard.press('Enter');
  await page.waitForSelector('famille-login ::-p-text(Se déconnecter)', { timeout: 20_000 });
}

/**
 * A town's own page on its own little server (another origin than the API): `html(host,
 * url)` is served at `/`, given the Host header and the request's path and query.
 * Answers its port and `close()`.
 */
export async function startHostPage(html: (host: string, url: string) => string, port?: number): Promise<{ port: number; close(): Promise<void> }> {
  port ??= await freePort();
  const server = createHttpServer((request, response) => {
    const host = request.headers.host ?? 'localhost';
    if (new URL(request.url ?? '/', `http://${host}`).pathname !== '/') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(html(host, request.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
