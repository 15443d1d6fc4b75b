// Browser tests in Debian's Chromium: the stories are the fixtures, the mock server is
// the reference server's own app running in the page (see mock-server/).
import { createReadStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
// Chromium writes crash reports and profile data under XDG_CONFIG_HOME.
process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'famille-chromium-'));

/** @type {Promise<string> | undefined} */
let fileTypeBundle;
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
      // file-type (the server's upload check, run in the page by the mock server) pulls
      // CommonJS packages (debug, ieee754) the test server does not convert: it is
      // served as one ESM bundle made by esbuild, as Vite's dependency optimiser does.
      name: 'file-type-bundle',
      resolveImport({ source }) {
        return source === 'file-type' ? '/__bundled/file-type.js' : undefined;
      },
      async serve(context) {
        if (context.path !== '/__bundled/file-type.js') return undefined;
        fileTypeBundle ??= build({
          entryPoints: [join(rootDir, 'node_modules/file-type/source/index.js')],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          logLevel: 'silent',
        }).then((result) => result.outputFiles[0].text);
        return { body: await fileTypeBundle, type: 'js' };
      },
    },
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
