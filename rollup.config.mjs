// Builds (1) the one-file drop-in bundle dist/famille.js, (2) one standalone file per
// element for sites that want only one, and (3) the publishable ESM of each package
// (dependencies left external). `npm run size` reuses `dropInPlugins()`.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateBrowserContract } from './packages/contract/build/browser-contract.ts';
import { minifyTemplates } from './scripts/minify-templates.ts';

const contractEntry = resolve('packages/contract/src/index.ts');

/**
 * Loads the contract's browser build (precompiled validators generated from the zod
 * schemas) in place of its source: same rules, without zod's ~8 KB gzip core.
 */
export function browserContract() {
  return {
    name: 'browser-contract',
    load: (id) => (id === contractEntry ? generateBrowserContract(resolve('packages/contract/src/runtime.ts')) : null),
  };
}

/** Plugins for browser bundles: Lit's production build, workspace sources, minified (templates too). */
export function dropInPlugins() {
  return [
    browserContract(),
    // `source` resolves workspace packages to their TypeScript sources.
    nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'production'], extensions: ['.ts', '.js', '.mjs'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false }),
    // White space inside html`` and css`` literals, which terser must keep.
    minifyTemplates(),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ];
}

export const elementEntries = {
  'famille-portal': 'packages/elements/src/portal/define.ts',
  'famille-login': 'packages/elements/src/login/define.ts',
  'famille-create-account': 'packages/elements/src/create-account/define.ts',
  'famille-entourage': 'packages/elements/src/entourage/define.ts',
  'famille-preregistration': 'packages/elements/src/preregistration/define.ts',
  'famille-invoices': 'packages/elements/src/invoices/define.ts',
};

const packages = { contract: ['browser'], sdk: ['browser'], elements: ['browser'], server: ['node'] };

function packageBuild([name, conditions]) {
  const dir = `packages/${name}`;
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const external = Object.keys(manifest.dependencies ?? {});
  const input = { index: `${dir}/src/index.ts` };
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    if (subpath === '.' || typeof target !== 'object') continue;
    input[subpath.slice(2)] = `${dir}/${target.source.slice(2)}`;
  }
  return {
    input,
    external: (id) => id.startsWith('node:') || external.some((dep) => id === dep || id.startsWith(`${dep}/`)),
    plugins: [
      nodeResolve({ exportConditions: ['source', ...conditions], preferBuiltins: true, extensions: ['.ts', '.js'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    ],
    output: { dir: `${dir}/dist`, format: 'es', preserveModules: true, preserveModulesRoot: `${dir}/src`, sourcemap: true },
  };
}

export default [
  {
    // The contract's `browser` export: what bundlers of the published packages pick.
    input: 'packages/contract/src/index.ts',
    plugins: [browserContract(), nodeResolve({ exportConditions: ['source', 'browser'], extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' })],
    output: { file: 'packages/contract/dist/browser.js', format: 'es', sourcemap: true },
  },
  {
    input: 'packages/elements/src/define-all.ts',
    plugins: dropInPlugins(),
    output: { file: 'dist/famille.js', format: 'es', inlineDynamicImports: true, sourcemap: true },
  },
  ...Object.entries(elementEntries).map(([name, input]) => ({
    input,
    plugins: dropInPlugins(),
    output: { file: `dist/${name}.js`, format: 'es', inlineDynamicImports: true, sourcemap: true },
  })),
  ...Object.entries(packages).map(packageBuild),
];
