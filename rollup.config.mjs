// Builds (1) the kit a town's page loads from the API server: the loader `famille.js` and
// its content-hashed chunks under `kit/` (packages/elements/dist/cdn), through `kitBuild()`
// (scripts/kit.ts: `npm start`, `npm run build`, `npm run size`), and (2) with `rollup -c`,
// the publishable ESM of each package (dependencies left external).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { browserContractModules } from './packages/contract/build/browser-contract.ts';
import { minifyTemplates } from './scripts/minify-templates.ts';
import { kitOutput, planChunks } from './scripts/kit-output.ts';

const contractEntry = resolve('packages/contract/src/index.ts');
const contractRuntime = resolve('packages/contract/src/runtime.ts');
const virtualPrefix = '\0famille-contract:';

/**
 * Loads the contract's browser build (precompiled validators generated from the zod
 * schemas, one module per export and per endpoint) in place of its source: same rules,
 * without zod's ~8 KB gzip core, and each page's chunks carry only the validators of
 * the operations it calls.
 */
export function browserContract({ checkAnswers = true } = {}) {
  let modules;
  const source = (unit) => (modules ??= browserContractModules(contractRuntime, (name) => virtualPrefix + name, { checkAnswers })).get(unit);
  return {
    name: 'browser-contract',
    resolveId: (id) => (id.startsWith(virtualPrefix) ? id : null),
    load(id) {
      if (id === contractEntry) return { code: source('index'), moduleSideEffects: false };
      if (id.startsWith(virtualPrefix)) return { code: source(id.slice(virtualPrefix.length)), moduleSideEffects: false };
      return null;
    },
  };
}

/**
 * Plugins for the served kit: Lit's production build, workspace sources, the contract
 * without answer validators (see `browserContractModules`), minified (templates too).
 */
export function browserPlugins(beforeMinify = []) {
  return [
    browserContract({ checkAnswers: false }),
    // `source` resolves workspace packages to their TypeScript sources.
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }),
    // White space inside html`` and css`` literals, which terser must keep.
    minifyTemplates(),
    ...beforeMinify,
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ];
}

export const kitLoader = 'packages/elements/src/loader.ts';
export const kitDir = 'packages/elements/dist/cdn';

/**
 * The served kit: the loader and the chunks it imports, grouped by role (see
 * `planChunks`, which needs a first, unminified build), precompressed, with a manifest.
 */
export async function kitBuild(dir = kitDir) {
  const common = {
    input: { famille: kitLoader },
    // Rollup otherwise keeps every statement inside a try block, and with it whole modules.
    treeshake: { tryCatchDeoptimization: false },
  };
  const groups = await planChunks({ ...common, plugins: browserPlugins().slice(0, 3) });
  return {
    ...common,
    plugins: browserPlugins([kitOutput()]),
    output: {
      dir,
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'kit/[name]-[hash].js',
      manualChunks: (id) => groups.get(id),
      sourcemap: true,
    },
  };
}

// Each publishable package and the export conditions its sources are resolved with.
const packages = { contract: ['browser'], sdk: ['browser'], elements: ['browser'], server: ['node'] };

/**
 * A package's publishable ESM: one entry per subpath of its exports map (the `source`
 * condition names the TypeScript file), modules preserved so that `dist/` mirrors `src/`
 * (`src/login/define.ts` → `dist/login/define.js`, which the exports map, the `sideEffects`
 * list and the declarations in `dist/types/` all name). Dependencies and peer dependencies
 * stay external: a consumer's bundler dedupes them.
 */
function packageBuild([name, conditions]) {
  const dir = `packages/${name}`;
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  const input = {};
  for (const target of Object.values(manifest.exports)) {
    const source = typeof target === 'object' ? target.source : undefined;
    if (!source?.startsWith('./src/') || !source.endsWith('.ts')) continue;
    input[source.slice('./src/'.length, -'.ts'.length)] = `${dir}/${source.slice(2)}`;
  }
  return {
    input,
    external: (id) => id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    plugins: [
      nodeResolve({ exportConditions: ['source', ...conditions], preferBuiltins: true, extensions: ['.ts', '.js'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
    output: { dir: `${dir}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${dir}/src`, entryFileNames: '[name].js', sourcemap: true },
  };
}

// A function, so that the scripts importing `kitBuild` (npm start, npm run size) do not plan
// the kit's chunks at import time. The kit itself is built by scripts/build-kit.ts (only
// when its sources changed), before `rollup -c` in `npm run build`.
export default async () => [
  {
    // The contract's `browser` export: what bundlers of the published packages pick.
    input: 'packages/contract/src/index.ts',
    plugins: [
      browserContract(),
      nodeResolve({ exportConditions: ['source', 'browser'], extensions: ['.ts', '.js'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
    output: { file: 'packages/contract/dist/browser.js', format: 'es', sourcemap: true },
  },
  ...Object.entries(packages).map(packageBuild),
];
