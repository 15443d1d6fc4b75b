// The packages as a developer installs them, not as the workspace sees them: builds once,
// packs each publishable package once, installs the tarballs into a fresh project outside
// the repository (no workspace links, no `source` condition), and there imports every
// export, type-checks a consumer, bundles a page with one element and renders it in
// Chromium. publint and attw lint the same tarballs meanwhile. (The one test that needs a
// build of `dist/`, on purpose: see CONVENTIONS.md.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, type ExecFileOptions } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { launchChromium } from '../e2e/harness.ts';
import { apiVersion, apiVersionHeader } from '@famille/contract';
import { demoTenants } from '@famille/server';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(import.meta.dirname, '../..');
const names = ['contract', 'sdk', 'elements', 'server'] as const;
type Name = (typeof names)[number];
const scope = (name: Name) => `@famille/${name}`;

interface Manifest {
  name: string;
  version: string;
  exports: Record<string, string | Record<string, string>>;
  files?: string[];
  sideEffects?: boolean | string[];
  customElements?: string;
  license?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
interface Packed {
  tarball: string;
  files: string[];
}

const work = mkdtempSync(join(tmpdir(), 'famille-packages-'));
const tarballs = join(work, 'tarballs');
const consumer = join(work, 'consumer');
const installed = (name: Name) => join(consumer, 'node_modules', '@famille', name);
const packed = new Map<Name, Packed>();
let attw: Map<Name, Promise<Run>>;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; resolves with its exit code and output whatever the code. */
function run(command: string, args: string[], options: ExecFileOptions = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(command, args, { maxBuffer: 1 << 26, encoding: 'utf8', ...options }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

async function mustRun(command: string, args: string[], options: ExecFileOptions = {}): Promise<string> {
  const result = await run(command, args, options);
  assert.equal(result.code, 0, `${command} ${args.join(' ')} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/**
 * What a consumer's shell would have: no workspace, no `--conditions=source` (this test
 * runs with it), none of the variables `npm run`/`npm test` set for the repository.
 */
function consumerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|config_(local_prefix|prefix|workspaces?|include_workspace_root)$)/i.test(key)) delete env[key];
  }
  return env;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const manifestOf = (name: Name) => readJson<Manifest>(join(installed(name), 'package.json'));

/** Every file an exports map can resolve to, whatever the conditions. */
function exportTargets(exports: Manifest['exports']): string[] {
  const targets: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(exports);
  return targets;
}

function* walkFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else yield path;
  }
}

/** A package's own `.js` modules (the served kit under `dist/cdn` is not a module graph for bundlers). */
function distModules(name: Name): string[] {
  const dist = join(installed(name), 'dist');
  return [...walkFiles(dist)].filter((file) => file.endsWith('.js') && !relative(dist, file).startsWith(`cdn${sep}`));
}

/**
 * attw's options. The packages are ESM only (`"type": "module"`, no `require` condition),
 * as their Node ≥ 22 floor allows (`require(esm)` works there): the `esm-only` profile
 * leaves out TypeScript's `node10` resolution (which ignores `exports`) and CommonJS
 * importers under `node16`, and still checks `node16` ESM importers and `bundler`.
 */
const attwOptions = ['--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'];

before(async () => {
  mkdirSync(tarballs);
  mkdirSync(consumer);
  await mustRun('npm', ['run', 'build'], { cwd: root });

  const out = await mustRun('npm', ['pack', '--json', '--pack-destination', tarballs, ...names.flatMap((name) => ['--workspace', `packages/${name}`])], {
    cwd: root,
  });
  const results = JSON.parse(out) as { name: string; filename: string; files: { path: string }[] }[];
  for (const name of names) {
    const result = results.find((r) => r.name === scope(name));
    assert.ok(result, `npm pack made no tarball for ${scope(name)}`);
    packed.set(name, { tarball: join(tarballs, result.filename), files: result.files.map((f) => f.path) });
  }

  // attw reads the tarballs only (what `attw --pack` would pack again), so it runs while npm installs them.
  const attwBin = join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js');
  attw = new Map(names.map((name) => [name, run(process.execPath, [attwBin, packed.get(name)!.tarball, ...attwOptions], { env: consumerEnv() })]));

  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'famille-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2));
  await mustRun('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...names.map((name) => packed.get(name)!.tarball)], {
    cwd: consumer,
    env: consumerEnv(),
  });
});

after(() => rmSync(work, { recursive: true, force: true }));

test('each tarball holds every file its exports map names, its README and its LICENSE', () => {
  for (const name of names) {
    const { files } = packed.get(name)!;
    const manifest = readJson<Manifest>(join(root, 'packages', name, 'package.json'));
    for (const target of exportTargets(manifest.exports)) {
      assert.ok(files.includes(target.replace(/^\.\//, '')), `${scope(name)}: exports name ${target}, which the tarball lacks`);
    }
    for (const file of ['package.json', 'README.md', 'LICENSE']) assert.ok(files.includes(file), `${scope(name)}: no ${file} in the tarball`);
    assert.match(
      readFileSync(join(root, 'packages', name, 'LICENSE'), 'utf8'),
      new RegExp(`^${manifest.license} License`),
      `${scope(name)}: the LICENSE file is not the ${manifest.license} licence the package declares`,
    );
  }
  const elements = packed.get('elements')!.files;
  assert.ok(elements.includes('custom-elements.json'), '@famille/elements ships no custom-elements.json');
  assert.ok(
    elements.includes('dist/cdn/famille.js') && elements.some((f) => /^dist\/cdn\/kit\/.+\.js$/.test(f)),
    '@famille/elements ships no kit (dist/cdn) to self-host',
  );
});

test('the tarballs install as real folders, with one copy of each shared dependency', () => {
  for (const name of names) {
    assert.ok(!lstatSync(installed(name)).isSymbolicLink(), `${scope(name)} is a link, not an installed copy`);
    assert.ok(existsSync(join(installed(name), 'dist')), `${scope(name)} was installed without its dist/`);
  }
  // A pinned dependency that differs from the consumer's gets a second, nested copy; with
  // ranges npm keeps one. Lit is a peer dependency, installed next to the elements.
  const nested = [...walkFiles(join(consumer, 'node_modules'))]
    .filter((file) => file.endsWith(`${sep}package.json`))
    .map((file) => relative(join(consumer, 'node_modules'), file))
    .filter((path) => /node_modules[\\/](lit|@lit[\\/][^\\/]+|zod|ky|@famille[\\/][^\\/]+)[\\/]package\.json$/.test(path));
  assert.deepEqual(nested, [], 'nested copies of shared dependencies');
  for (const peer of ['lit', '@lit/context'])
    assert.ok(existsSync(join(consumer, 'node_modules', peer, 'package.json')), `${peer} (peer of @famille/elements) is not installed`);
});

test('dependencies are ranges, Lit is a peer of the elements, and every bare import of dist/ is declared', () => {
  const builtins = new Set(builtinModules);
  for (const name of names) {
    const manifest = manifestOf(name);
    for (const [dep, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      assert.match(range, /^\^\d/, `${scope(name)}: ${dep}@${range} is not a caret range (consumers would get a second copy)`);
    }
    const declared = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
    for (const file of distModules(name)) {
      const code = readFileSync(file, 'utf8');
      for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"./][^'"]*)['"]/g)) {
        const bare = specifier!.replace(/^node:/, '');
        const packageName = specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!;
        if (specifier!.startsWith('node:') || builtins.has(bare)) continue;
        assert.ok(declared.has(packageName), `${scope(name)}: ${relative(installed(name), file)} imports ${specifier}, which is not a dependency`);
      }
    }
  }
  const elements = manifestOf('elements');
  assert.deepEqual(Object.keys(elements.peerDependencies ?? {}).sort(), ['@lit/context', 'lit']);
  for (const peer of ['lit', '@lit/context']) assert.ok(!(peer in (elements.dependencies ?? {})), `${peer} is a dependency of @famille/elements, not a peer`);
  assert.ok('zod' in (manifestOf('contract').dependencies ?? {}), 'zod is not a dependency of @famille/contract');
});

test("@famille/elements' sideEffects are exactly its modules that define a custom element", () => {
  const manifest = manifestOf('elements');
  assert.ok(Array.isArray(manifest.sideEffects), 'sideEffects is not a list');
  const dir = installed('elements');
  const matches = (file: string) =>
    (manifest.sideEffects as string[]).some((glob) => {
      const pattern = glob
        .replace(/^\.\//, '')
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*\*\//g, '(?:.*/)?')
        .replace(/\*/g, '[^/]*');
      return new RegExp(`^${pattern}$`).test(file);
    });
  const marked = distModules('elements')
    .map((file) => relative(dir, file).split(sep).join('/'))
    .filter(matches)
    .sort();
  const defining = distModules('elements')
    .filter((file) => readFileSync(file, 'utf8').includes('customElements.define('))
    .map((file) => relative(dir, file).split(sep).join('/'));
  // define-all only imports the define modules: a bundler that thought it pure would drop it, imports and all.
  assert.deepEqual(marked, [...defining, 'dist/define-all.js'].sort());
  // One define module per element of the sources (src/<element>/define.ts), and only those.
  const sources = join(root, 'packages/elements/src');
  const elementFolders = readdirSync(sources).filter((name) => existsSync(join(sources, name, 'define.ts')));
  assert.deepEqual(defining.sort(), elementFolders.map((name) => `dist/${name}/define.js`).sort());
  assert.ok(elementFolders.length >= 10, `every element's define module: ${elementFolders.join(', ')}`);
  assert.equal(manifest.customElements, 'custom-elements.json');
  const cem = readJson<{ modules: { declarations?: { tagName?: string }[] }[] }>(join(dir, 'custom-elements.json'));
  const tags = cem.modules
    .flatMap((m) => m.declarations ?? [])
    .map((d) => d.tagName)
    .filter(Boolean);
  assert.ok(tags.includes('famille-login'), 'the shipped custom-elements.json declares no famille-login');
});

test('every export subpath of every package imports in Node with the default conditions', async () => {
  const specifiers = names.flatMap((name) => Object.keys(manifestOf(name).exports).map((subpath) => scope(name) + subpath.slice(1)));
  const script = [
    `const results = {};`,
    `for (const specifier of ${JSON.stringify(specifiers)}) {`,
    `  const url = import.meta.resolve(specifier);`,
    `  const module = specifier.endsWith('.json') ? await import(specifier, { with: { type: 'json' } }) : await import(specifier);`,
    `  results[specifier] = { url, exports: Object.keys(module) };`,
    `}`,
    `console.log(JSON.stringify(results));`,
  ].join('\n');
  writeFileSync(join(consumer, 'import-all.mjs'), script);
  const out = await mustRun(process.execPath, ['import-all.mjs'], { cwd: consumer, env: consumerEnv() });
  const results = JSON.parse(out) as Record<string, { url: string; exports: string[] }>;
  for (const specifier of specifiers) {
    const result = results[specifier];
    assert.ok(result, `${specifier} was not imported`);
    assert.ok(
      result.url.startsWith(pathToFileURL(join(consumer, 'node_modules')).href),
      `${specifier} resolved outside the consumer's node_modules: ${result.url}`,
    );
    assert.ok(!result.url.endsWith('.ts') && !result.url.includes('/src/'), `${specifier} resolved to a source file: ${result.url}`);
  }
  for (const [specifier, name] of [
    ['@famille/contract', 'endpoints'],
    ['@famille/sdk', 'createClient'],
    ['@famille/sdk', 'ApiError'],
    ['@famille/server', 'createApp'],
    ['@famille/server/node', 'startServer'],
    ['@famille/server/node', 'loadKitDirectory'],
    ['@famille/elements/login', 'FamilleLogin'],
    ['@famille/elements', 'FamillePortal'],
  ] as const) {
    assert.ok(results[specifier]!.exports.includes(name), `${specifier} does not export ${name}`);
  }
});

test('the kit shipped in @famille/elements is what @famille/server/node serves', async () => {
  const script = [
    `import { fileURLToPath } from 'node:url';`,
    `import { loadKitDirectory } from '@famille/server/node';`,
    `const dir = fileURLToPath(new URL('dist/cdn/', import.meta.resolve('@famille/elements/package.json')));`,
    `const kit = loadKitDirectory(dir);`,
    `const loader = kit.get('/famille.js');`,
    `console.log(JSON.stringify({ type: loader?.contentType, bytes: loader?.body.byteLength }));`,
  ].join('\n');
  writeFileSync(join(consumer, 'kit.mjs'), script);
  const out = JSON.parse(await mustRun(process.execPath, ['kit.mjs'], { cwd: consumer, env: consumerEnv() })) as { type?: string; bytes?: number };
  assert.match(out.type ?? '', /javascript/);
  assert.ok((out.bytes ?? 0) > 0, 'the kit has an empty famille.js');
});

test('a consumer type-checks against the SDK and an element through the published declarations', async () => {
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'es2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          lib: ['es2023', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts'],
      },
      null,
      2,
    ),
  );
  const source = [
    `import { createClient, ApiError, isApiError, invoices, endpoints, type ApiErrorKind } from '@famille/sdk';`,
    `import type { Invoice, LoginInput } from '@famille/contract';`,
    `import type { FamilleLogin } from '@famille/elements/login';`,
    `import '@famille/elements/login';`,
    ``,
    `const client = createClient({ baseUrl: 'https://famille.ville.fr/api', tenant: 'vienne-condrieu' });`,
    `const input: LoginInput = { identifiant: 'parent.demo', password: 'secret' };`,
    `export async function firstInvoice(): Promise<Invoice | undefined> {`,
    `  try {`,
    `    await client.auth.login(input);`,
    `    const list = await invoices(client).list();`,
    `    const first = list.invoices[0];`,
    `    return first && (await client.call(endpoints.invoice, { params: { invoiceId: first.id } }));`,
    `  } catch (error) {`,
    `    if (isApiError(error)) { const kind: ApiErrorKind = error.kind; console.log(kind, error.code); }`,
    `    if (error instanceof ApiError) return undefined;`,
    `    throw error;`,
    `  }`,
    `}`,
    `const login: FamilleLogin = document.createElement('famille-login');`,
    `login.api = 'https://famille.ville.fr/api';`,
  ].join('\n');
  writeFileSync(join(consumer, 'consumer.ts'), source);
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  await mustRun(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer, env: consumerEnv() });

  // The check can fail: a wrong use of the same declarations is refused.
  writeFileSync(
    join(consumer, 'consumer.ts'),
    `${source}\nconst wrong: FamilleLogin = document.createElement('div');\ncreateClient({ baseUrl: 1, tenant: 'x' });\n`,
  );
  // Plain `file(line,col): error` lines, whatever the terminal (CI's output is not one).
  const refused = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--pretty', 'false'], { cwd: consumer, env: consumerEnv() });
  assert.notEqual(refused.code, 0, 'tsc accepted a wrong program');
  const lines = source.split('\n').length;
  const errorLines = [...refused.stdout.matchAll(/^consumer\.ts\((\d+),\d+\): error TS\d+/gm)].map((m) => Number(m[1]));
  assert.deepEqual(errorLines, [lines + 1, lines + 2], `tsc refused other lines than the two wrong ones:\n${refused.stdout}`);
});

test('a page bundled from @famille/elements/login defines <famille-login> and renders its form in Chromium', async (t) => {
  // A bare import, as an application registers an element: only `sideEffects` keeps it.
  writeFileSync(join(consumer, 'page.js'), `import '@famille/elements/login';\n`);
  const bundle = await rollup({
    input: join(consumer, 'page.js'),
    plugins: [nodeResolve({ browser: true, exportConditions: ['browser'] })],
  });
  const { output } = await bundle.write({ dir: join(consumer, 'bundle'), format: 'es' });
  await bundle.close();
  const modules = output.flatMap((chunk) => (chunk.type === 'chunk' ? Object.keys(chunk.modules) : []));
  assert.ok(
    modules.some((id) => id.includes(`${sep}node_modules${sep}@famille${sep}elements${sep}dist${sep}login${sep}define.js`)),
    'the bundle does not hold dist/login/define.js',
  );
  assert.ok(
    modules.some((id) => id.endsWith(`${sep}@famille${sep}contract${sep}dist${sep}browser.js`)),
    "the bundle does not use the contract's browser build",
  );
  assert.deepEqual(
    modules.filter((id) => id.includes(`${sep}node_modules${sep}zod${sep}`)),
    [],
    'zod is in the browser bundle',
  );
  assert.deepEqual(
    modules.filter((id) => id.includes(`${sep}src${sep}`)),
    [],
    'the bundle holds source files',
  );

  const html = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Espace Famille</title>
<famille-login api="/api" tenant="vienne-condrieu"></famille-login>
<script type="module" src="/page.js"></script>`;
  // The two answers the element reads before showing its form: the tenant's configuration
  // and "nobody is logged in" (the element waits for them, and shows why when they fail).
  const [tenant] = demoTenants({ allowedOrigins: [] });
  const api = (response: ServerResponse, status: number, body: unknown) =>
    void response.writeHead(status, { 'content-type': 'application/json', [apiVersionHeader]: apiVersion }).end(JSON.stringify(body));
  const serve = async (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (path === '/api/tenants/vienne-condrieu/config') return api(response, 200, tenant!.config);
    if (path === '/api/tenants/vienne-condrieu/auth/session')
      return api(response, 401, { type: 'about:blank', title: 'Unauthenticated', status: 401, code: 'unauthenticated' });
    const file = join(consumer, 'bundle', path.slice(1));
    if (!path.endsWith('.js') || !file.startsWith(join(consumer, 'bundle') + sep) || !existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file));
  };
  const server: Server = createServer((request, response) => void serve(request, response));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.after(
    () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Chromium keeps its connections alive: close() alone would wait for them.
        server.closeAllConnections();
      }),
  );
  const port = (server.address() as { port: number }).port;

  // The end-to-end tests' Chromium (Debian's, with the flags that work here as root).
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => customElements.get('famille-login') !== undefined);
  await page.waitForSelector('famille-login form input[autocomplete="username"]');
  const form = await page.evaluate(() => {
    const login = document.querySelector('famille-login')!;
    return { shadow: login.shadowRoot !== null, password: login.querySelector('input[autocomplete="current-password"]') !== null };
  });
  assert.deepEqual(form, { shadow: false, password: true }, 'the login form is not a light-DOM form with a password field');
  assert.deepEqual(pageErrors, []);
});

test('publint finds no problem in any tarball', async () => {
  for (const name of names) {
    const tarball = await readFile(packed.get(name)!.tarball);
    const { messages, pkg } = await publint({
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) },
      level: 'suggestion',
    });
    const lines = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`);
    if (lines.length) console.log(`publint ${scope(name)}:\n  ${lines.join('\n  ')}`);
    assert.deepEqual(
      messages.filter((m) => m.type !== 'suggestion').map((m) => m.code),
      [],
      `publint ${scope(name)}:\n${lines.join('\n')}`,
    );
  }
});

test('attw finds no type resolution problem in any tarball (ESM-only profile)', async () => {
  for (const name of names) {
    const result = await attw.get(name)!;
    const report = `attw ${scope(name)} (exit ${result.code}):\n${result.stdout}\n${result.stderr}`;
    assert.equal(result.code, 0, report);
    // One block per entry point: each must resolve, typed, for ESM importers and bundlers.
    const blocks = result.stdout.split(/^\*{5,}$/m).filter((block) => /^"@famille\//m.test(block));
    const checked = blocks.map((block) => /^"([^"]+)"$/m.exec(block)![1]).sort();
    const subpaths = Object.keys(manifestOf(name).exports)
      .map((subpath) => scope(name) + subpath.slice(1))
      .sort();
    assert.deepEqual(checked, subpaths, `attw ${scope(name)} did not check every entry point`);
    for (const block of blocks) {
      assert.match(block, /^node16 \(from ESM\): OK \((ESM|JSON)\)/m, report);
      assert.match(block, /^bundler: OK/m, report);
    }
  }
});
