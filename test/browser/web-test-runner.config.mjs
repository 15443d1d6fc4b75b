// Browser tests in Debian's Chromium: the stories are the fixtures, the mock server is
// the reference server's own app running in the page (see mock-server/).
import { createReadStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
// Chromium writes crash reports and profile data under XDG_CONFIG_HOME.
process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'famille-chromium-'));

const mswWorker = readFileSync(join(rootDir, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development', 'source'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  // The first page seeds PGlite (a few seconds on 2 cores).
  testsStartTimeout: 120_000,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 60_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  middleware: [
    // PGlite's wasm and data bundles must reach the page byte for byte.
    function rawBinaries(context, next) {
      const path = context.path;
      if (!path.endsWith('.wasm') && !path.endsWith('.data')) return next();
      const file = join(rootDir, decodeURIComponent(path));
      if (!existsSync(file)) return next();
      context.type = path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
      context.body = createReadStream(file);
      return undefined;
    },
  ],
  plugins: [
    {
      name: 'msw-worker',
      serve(context) {
        if (context.path === '/mockServiceWorker.js') return { body: mswWorker, type: 'js' };
        return undefined;
      },
    },
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(rootDir, 'test/browser/tsconfig.json') }),
  ],
};
