// Runs every suite (typecheck, lint, Node tests on PGlite, the server tests again on PostgreSQL
// when TEST_DATABASE_URL is set, browser tests in Chromium, end-to-end tests, the packages
// installed from their tarballs) and ends
// with one line of totals: "N passed, N failed[, N skipped]". Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
interface Suite {
  name: string;
  command: string[];
  env?: Record<string, string>;
  counts: (output: string) => Counts | undefined;
  /**
   * Runs at the same time as the suite after it, its output held back until it ends:
   * the server suite on PostgreSQL (Node and a database server) beside the browser suite
   * (Chromium, often waiting), which saves about 80 s of CI on two cores.
   */
  beside?: boolean;
}

const node = process.execPath;
const tapDir = mkdtempSync(join(tmpdir(), 'famille-tap-'));

function nodeTestSuite(name: string, globs: string[], env: Record<string, string> = {}): Suite {
  const tapFile = join(tapDir, `${name.replace(/\W+/g, '-')}.tap`);
  return {
    name,
    env,
    command: [
      node,
      '--conditions=source',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...globs,
    ],
    counts: () => {
      let tap: string;
      try {
        tap = readFileSync(tapFile, 'utf8');
      } catch {
        return undefined;
      }
      const read = (key: string) => Number(new RegExp(`^# ${key} (\\d+)$`, 'm').exec(tap)?.[1] ?? NaN);
      const counts = { passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped') + read('todo') };
      return Number.isNaN(counts.passed + counts.failed + counts.skipped) ? undefined : counts;
    },
  };
}

const suites: Suite[] = [
  {
    name: 'typecheck',
    command: [node, 'node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit'],
    counts: () => undefined, // judged by exit code: 1 check
  },
  {
    // ESLint and lit-analyzer (tools/lint), zero warnings, then Prettier's check: `npm run lint`.
    name: 'lint',
    command: ['npm', 'run', '--silent', 'lint'],
    counts: () => undefined, // judged by exit code: 1 check
  },
  {
    // The elements' manifest, then every story and a docs page per element (as CI builds it).
    name: 'storybook build',
    command: ['npm', 'run', '--silent', 'build-storybook'],
    counts: () => undefined, // judged by exit code: 1 check
  },
  nodeTestSuite('node (PGlite)', ['test/node/**/*.test.ts']),
];
if (process.env.TEST_DATABASE_URL) {
  suites.push({
    ...nodeTestSuite('server on PostgreSQL', ['test/node/server/**/*.test.ts', 'test/node/server-pg/**/*.test.ts'], {
      TEST_DATABASE_URL: process.env.TEST_DATABASE_URL,
    }),
    beside: true,
  });
}
suites.push(
  {
    name: 'browser (Chromium)',
    command: [node, 'node_modules/@web/test-runner/dist/bin.js', '--config', 'test/browser/web-test-runner.config.mjs'],
    counts: (output) => {
      // web-test-runner prints its totals mid-line: "… | 12 passed, 0 failed" (+ ", N skipped").
      const matches = [...output.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
      const last = matches.at(-1);
      return last ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) } : undefined;
    },
  },
  nodeTestSuite('end-to-end', ['test/e2e/**/*.test.ts']),
  // Builds, packs, and installs the tarballs into a project outside the repository (test/packages).
  nodeTestSuite('packages', ['test/packages/**/*.test.ts']),
);

// Other suites must not inherit the PostgreSQL URL meant for the second server pass.
const baseEnv = { ...process.env };
delete baseEnv.TEST_DATABASE_URL;

interface Ran {
  code: number;
  output: string;
  seconds: number;
}

function run(suite: Suite, echo = true): Promise<Ran> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(suite.command[0]!, suite.command.slice(1), {
      env: { ...baseEnv, FORCE_COLOR: '0', ...suite.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const tee = (chunk: Buffer, stream: NodeJS.WriteStream) => {
      output += chunk.toString();
      if (echo) stream.write(chunk);
    };
    child.stdout.on('data', (c: Buffer) => tee(c, process.stdout));
    child.stderr.on('data', (c: Buffer) => tee(c, process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
let anyFailure = false;

/** A suite's counts and its line in the totals, from its exit code and output. */
function record(suite: Suite, { code, output, seconds }: Ran): string {
  // eslint-disable-next-line no-control-regex -- ESC starts the terminal's colour codes
  const plain = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  let counts = suite.counts(plain);
  if (!counts) counts = code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  else if (code !== 0 && counts.failed === 0) counts.failed = 1; // the runner itself failed
  if (code !== 0 || counts.failed > 0) anyFailure = true;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  return `${suite.name.padEnd(22)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed ${String(counts.skipped).padStart(3)} skipped  (exit ${code}, ${seconds.toFixed(1)} s)`;
}

const header = (suite: Suite, note = '') => console.log(`\n=== ${suite.name}${note}: ${suite.command.slice(1).join(' ')}\n`);
/** The suite running in the background, if any, and where its line goes in the totals. */
let background: { suite: Suite; done: Promise<Ran>; line: number } | undefined;

async function finishBackground(): Promise<void> {
  if (!background) return;
  const { suite, done, line } = background;
  background = undefined;
  const ran = await done;
  header(suite, ' (ran in the background, beside the suite above; its output)');
  process.stdout.write(ran.output);
  lines[line] = record(suite, ran);
}

for (const suite of suites) {
  if (suite.beside) {
    await finishBackground();
    console.log(`\n=== ${suite.name}: started, beside the next suite (its output once it ends)`);
    background = { suite, done: run(suite, false), line: lines.push('') - 1 };
    continue;
  }
  header(suite);
  lines.push(record(suite, await run(suite)));
  await finishBackground();
}
await finishBackground();
console.log('\n=== totals by suite');
for (const line of lines) console.log(line);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(anyFailure ? 1 : 0);
