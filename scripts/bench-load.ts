// Time to the first login form on the demo page, in Debian's Chromium with CPU ×4 and Fast 3G
// emulation, beside the previous delivery (the one-file drop-in) built from git in the same
// run. The last part of `npm run bench`; alone: `npm run bench:load`.
//
// Three variants of demo/index.html on a page server of their own (another origin than the
// API, as a town's page), all talking to one reference server (PGlite in a temp folder):
//   new       the kit from the API server: its loader, then the chunks of the page's tags
//             (precompressed, br or gzip as the browser asks);
//   old       the drop-in of commit `previousCommit` (every element, French + English, one
//             file) served as the old demo served it: uncompressed, text/javascript;
//   old-gzip  the same file gzip -9, so that compression alone is not the difference.
// What is timed: performance.now() (ms since the navigation started) in the callback of a
// MutationObserver, installed before the page's first byte, that first sees the login form's
// identifiant input — the form is in the document, before paint; and, since the previous
// drop-in showed that form before it knew whether the parent was logged in (the kit waits),
// the later of that and the arrival of the session's answer (DevTools' network events). Each load runs in a fresh
// incognito context (cold HTTP cache); 1 warm-up round, then BENCH_LOAD_RUNS (5) rounds, the
// variants interleaved in each round so that machine noise hits them all alike. The script
// bytes are what the network carried for every script of the page (headers included), counted
// once the page's network has been idle for a second.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PredefinedNetworkConditions, type Browser } from 'puppeteer-core';
import { rollup, type Plugin } from 'rollup';
import { startServer } from '@famille/server/node';
import { freePort, launchChromium } from '../test/e2e/harness.ts';
import { ensureKit, kitDir } from './kit.ts';

/** The last commit that delivered the kit as one drop-in file (rollup.config.mjs `dropInPlugins()`). */
const previousCommit = '2730569';
const runs = Number(process.env.BENCH_LOAD_RUNS ?? 5);
const cpuSlowdown = 4;
const network = 'Fast 3G';
const tenant = 'vienne-condrieu';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * The previous drop-in, bundled from that commit's own sources and build config: its
 * packages/ in a temp folder whose node_modules links to today's dependencies, except the
 * workspace packages, which are the old ones.
 */
export async function buildPreviousDropIn(root = process.cwd()): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'famille-previous-'));
  try {
    let archive: Buffer;
    try {
      archive = execFileSync(
        'git',
        ['archive', '--format=tar', previousCommit, 'packages', 'scripts/minify-templates.ts', 'rollup.config.mjs', 'tsconfig.json', 'package.json'],
        { cwd: root, maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      throw new Error(`the previous drop-in is built from commit ${previousCommit}, which this clone does not hold (a shallow clone?)`, { cause: error });
    }
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    mkdirSync(join(dir, 'node_modules', '@famille'), { recursive: true });
    for (const entry of readdirSync(join(root, 'node_modules'))) {
      if (entry !== '@famille') symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
    }
    for (const name of ['contract', 'sdk', 'elements', 'server']) symlinkSync(join(dir, 'packages', name), join(dir, 'node_modules', '@famille', name));
    // The old config resolves its paths (contract entry, tsconfig, inputs) against the
    // working directory, when it is loaded and while rollup runs: nothing else runs meanwhile.
    process.chdir(dir);
    try {
      const { dropInPlugins } = (await import(pathToFileURL(join(dir, 'rollup.config.mjs')).href)) as { dropInPlugins: () => Plugin[] };
      const bundle = await rollup({ input: 'packages/elements/src/define-all.ts', plugins: dropInPlugins(), logLevel: 'silent' });
      const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
      await bundle.close();
      return output[0].code;
    } finally {
      process.chdir(root);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Variant {
  name: 'new' | 'old' | 'old-gzip';
  label: string;
}
const variants: Variant[] = [
  { name: 'new', label: 'kit from the API server (loader + chunks)' },
  { name: 'old', label: 'previous drop-in, as the old demo served it (raw)' },
  { name: 'old-gzip', label: 'previous drop-in, gzip -9' },
];

interface Load {
  ms: number;
  /** When the session's answer had arrived (ms since the navigation started, as `ms`). */
  sessionMs: number;
  scriptBytes: number;
  scripts: number;
  encodings: string[];
}
export interface LoadResult extends Variant {
  loads: Load[];
}
export interface PageLoadBench {
  results: LoadResult[];
  version: string;
  previous: { raw: number; gzip: number };
  seconds: number;
}

/** Records, in the page, when the login form's identifiant input first appears. */
function watchForLoginForm(): void {
  const found = () => document.querySelector('famille-login input[autocomplete="username"]');
  new MutationObserver((_, observer) => {
    if (!found()) return;
    (window as unknown as { firstLoginForm: number }).firstLoginForm = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['autocomplete'] });
}

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.emulateCPUThrottling(cpuSlowdown);
    await page.emulateNetworkConditions(PredefinedNetworkConditions[network]);
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    const scripts = new Map<string, string>(); // request → content coding
    let scriptBytes = 0;
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      if (!response.mimeType.includes('javascript')) return;
      const coding = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-encoding')?.[1];
      scripts.set(requestId, coding ?? 'identity');
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      if (scripts.has(requestId)) scriptBytes += encodedDataLength;
    });
    // The session's answer: the previous drop-in showed its form before it (a parent still
    // logged in saw the form flash by), the kit only once it is known.
    let navigationStart: number | undefined;
    let sessionRequest: string | undefined;
    let sessionMs = NaN;
    cdp.on('Network.requestWillBeSent', ({ requestId, request, timestamp, type }) => {
      if (type === 'Document' && navigationStart === undefined) navigationStart = timestamp;
      if (request.method === 'GET' && request.url.endsWith(`/tenants/${tenant}/auth/session`)) sessionRequest ??= requestId;
    });
    cdp.on('Network.loadingFinished', ({ requestId, timestamp }) => {
      if (requestId === sessionRequest && navigationStart !== undefined && Number.isNaN(sessionMs)) sessionMs = (timestamp - navigationStart) * 1000;
    });
    await page.evaluateOnNewDocument(watchForLoginForm);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const ms = await page.waitForFunction(() => (window as unknown as { firstLoginForm?: number }).firstLoginForm, { timeout: 60_000 });
    // The other tags' chunks may still be on their way: they count in the page's script bytes.
    await page.waitForNetworkIdle({ idleTime: 1000, timeout: 60_000 });
    return { ms: (await ms.jsonValue()) as number, sessionMs, scriptBytes, scripts: scripts.size, encodings: [...new Set(scripts.values())] };
  } finally {
    await context.close();
  }
}

export async function measurePageLoad(log: (line: string) => void = () => {}): Promise<PageLoadBench> {
  const started = performance.now();
  const cleanups: (() => unknown)[] = [];
  try {
    log(`building the previous drop-in (commit ${previousCommit}) from git`);
    const previous = await buildPreviousDropIn();
    const previousGzip = gzipSync(previous, { level: 9 });
    log(`previous drop-in: ${kb(Buffer.byteLength(previous))} raw, ${kb(previousGzip.length)} gzip`);
    log('checking the kit (loader + chunks) against its sources');
    log((await ensureKit()).built ? `kit built into ${kitDir}` : 'kit up to date: reused');

    const [apiPort, pagePort] = [await freePort(), await freePort()];
    const apiOrigin = `http://localhost:${apiPort}`;
    const pageOrigin = `http://localhost:${pagePort}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'famille-bench-load-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const api = await startServer({
      kitDir,
      port: apiPort,
      dataDir: join(dataDir, 'pglite'),
      filesDir: join(dataDir, 'files'),
      allowedOrigins: [pageOrigin],
      accountPageUrl: `${pageOrigin}/new`,
      demoInvoices: false,
      logLevel: 'warn',
    });
    cleanups.push(() => api.close());

    // The demo page three ways: `%KIT%/famille.js` from the API server or from the page's own.
    const template = readFileSync(new URL('../demo/index.html', import.meta.url), 'utf8')
      .replaceAll('%API%', `${apiOrigin}/api`)
      .replaceAll('%TENANT%', tenant);
    const html = {
      new: template.replaceAll('%KIT%', apiOrigin),
      old: template.replaceAll('%KIT%', '/old'),
      'old-gzip': template.replaceAll('%KIT%', '/old-gzip'),
    };
    const noStore = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };
    const script = { ...noStore, 'Content-Type': 'text/javascript; charset=utf-8' };
    const site: Server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', pageOrigin).pathname.slice(1);
      if (path in html) response.writeHead(200, { ...noStore, 'Content-Type': 'text/html; charset=utf-8' }).end(html[path as keyof typeof html]);
      else if (path === 'old/famille.js') response.writeHead(200, script).end(previous);
      else if (path === 'old-gzip/famille.js') response.writeHead(200, { ...script, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }).end(previousGzip);
      else response.writeHead(404, noStore).end();
    });
    await new Promise<void>((resolve) => site.listen(pagePort, resolve));
    cleanups.push(() => new Promise((resolve) => site.close(resolve)));

    // Its profile folder goes with it (launchChromium).
    const browser = await launchChromium();
    cleanups.push(() => browser.close());
    const version = await browser.version();

    const results: LoadResult[] = variants.map((variant) => ({ ...variant, loads: [] }));
    for (let round = 0; round <= runs; round++) {
      for (const result of results) {
        const load = await loadOnce(browser, `${pageOrigin}/${result.name}`);
        if (round > 0) result.loads.push(load);
        log(
          `${round ? `run ${round}/${runs}` : 'warm-up'} ${result.name.padEnd(8)} ${load.ms.toFixed(0).padStart(6)} ms (session at ${load.sessionMs.toFixed(0)} ms)   ${kb(load.scriptBytes)} of script in ${load.scripts} (${load.encodings.join(', ')})`,
        );
      }
    }
    return { results, version, previous: { raw: Buffer.byteLength(previous), gzip: previousGzip.length }, seconds: (performance.now() - started) / 1000 };
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('bench-load: cleanup failed:', error);
      }
    }
  }
}

export function printLoadResults({ results, version, previous, seconds }: PageLoadBench): void {
  const runCount = results[0]?.loads.length ?? 0;
  console.log(
    `\ntime to the first login form (demo page, CPU ×${cpuSlowdown}, ${network}), median of ${runCount}, ${version}, headless, cold cache each load:`,
  );
  const medians = Object.fromEntries(results.map((r) => [r.name, median(r.loads.map((l) => l.ms))])) as Record<Variant['name'], number>;
  for (const r of results) {
    const last = r.loads.at(-1)!;
    const what = `${kb(median(r.loads.map((l) => l.scriptBytes)))} in ${last.scripts} file${last.scripts === 1 ? '' : 's'}, ${last.encodings.join(', ')}`;
    console.log(
      `  ${r.label.padEnd(52)} ${medians[r.name].toFixed(0).padStart(6)} ms   script ${what.padEnd(30)} runs: ${r.loads.map((l) => l.ms.toFixed(0)).join(' ')}`,
    );
  }
  console.log(
    `  ratio new / previous (raw): ${(medians.new / medians.old).toFixed(2)}   new / previous (gzip): ${(medians.new / medians['old-gzip']).toFixed(2)}`,
  );
  // The form as the parent may rely on it: shown, and the session known (no flash of a form
  // that a logged-in parent's greeting replaces).
  const settled = (l: Load) => Math.max(l.ms, l.sessionMs);
  const settledMedians = Object.fromEntries(results.map((r) => [r.name, median(r.loads.map(settled))])) as Record<Variant['name'], number>;
  console.log('the same, once the session has answered too (the previous drop-in showed its form before):');
  for (const r of results) {
    console.log(
      `  ${r.label.padEnd(52)} ${settledMedians[r.name].toFixed(0).padStart(6)} ms   session answered at ${median(r.loads.map((l) => l.sessionMs)).toFixed(0)} ms (median)`,
    );
  }
  console.log(
    `  ratio new / previous (raw): ${(settledMedians.new / settledMedians.old).toFixed(2)}   new / previous (gzip): ${(settledMedians.new / settledMedians['old-gzip']).toFixed(2)}`,
  );
  console.log(
    `  (previous drop-in: commit ${previousCommit}, ${kb(previous.raw)} raw, ${kb(previous.gzip)} gzip -9; script bytes as transferred, headers included; ${seconds.toFixed(0)} s in all)`,
  );
}

if (import.meta.main) {
  const started = performance.now();
  printLoadResults(await measurePageLoad((line) => console.log(`  [${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`)));
}
