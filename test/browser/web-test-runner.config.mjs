// Browser tests in Debian's Chromium: the stories are the fixtures, the mock server is
// the reference server's own app running in the page (see mock-server/).
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromiumArgs, chromiumPath } from '../chromium.ts';

const rootDir = fileURLToPath(new URL('../..', import.meta.url));
// Chromium writes crash reports and profile data under XDG_CONFIG_HOME.
process.env.XDG_CONFIG_HOME = mkdtempSync(join(tmpdir(), 'famille-chromium-'));

/**
 * Server dependencies the mock server runs in the page whose published ESM the test server
 * cannot serve as is (CommonJS dependencies, extensionless imports): served as one ESM
 * bundle each, made by esbuild, as Vite's dependency optimiser does for Storybook.
 */
const bundledPackages = {
  // The upload check pulls debug and ieee754 (CommonJS).
  'file-type': 'node_modules/file-type/source/index.js',
  // Invoice PDFs: extensionless imports, pako and tslib.
  'pdf-lib': 'node_modules/pdf-lib/es/index.js',
};
/** @type {Map<string, Promise<string>>} */
const bundles = new Map();
/**
 * Each element's stories run in a test file of their own, test/browser/stories/<name>.stories.test.ts
 * (one time budget each; a failure names the element): a stories module without its file
 * would have no story rendered nor checked by axe, so the run refuses to start.
 */
const untestedStories = readdirSync(join(rootDir, 'stories'))
  .filter((file) => file.endsWith('.stories.ts'))
  .filter((file) => !existsSync(join(rootDir, 'test/browser/stories', file.replace(/\.ts$/, '.test.ts'))));
if (untestedStories.length) {
  throw new Error(`stories without a test file in test/browser/stories/ (see describeStories in test/browser/stories.ts): ${untestedStories.join(', ')}`);
}

const mswWorker = readFileSync(join(rootDir, 'node_modules/msw/lib/mockServiceWorker.js'), 'utf8');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir,
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { browser: true, exportConditions: ['browser', 'development', 'source'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  // Each test file's page seeds PGlite first (a few seconds on 2 cores, more on a loaded machine).
  testsStartTimeout: 120_000,
  // Per test file (test/browser/stories/ splits the stories by element so that none comes near it).
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 60_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
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
      name: 'bundled-packages',
      resolveImport({ source }) {
        return source in bundledPackages ? `/__bundled/${source}.js` : undefined;
      },
      async serve(context) {
        const name = /^\/__bundled\/(.+)\.js$/.exec(context.path)?.[1];
        if (!name || !(name in bundledPackages)) return undefined;
        if (!bundles.has(name)) {
          const entry = join(rootDir, bundledPackages[name]);
          bundles.set(
            name,
            build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' }).then(
              (r) => r.outputFiles[0].text,
            ),
          );
        }
        return { body: await bundles.get(name), type: 'js' };
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
