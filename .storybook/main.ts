import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { msw } from 'msw/vite';
import { defaultClientConditions } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The docs pages read the elements' custom-elements manifest (see preview.ts), a build
 * artefact: `npm run build-storybook` (and `npm run build`) writes it first; a
 * `storybook dev` started before any build writes it here.
 */
async function ensureManifest(): Promise<void> {
  if (existsSync(`${root}packages/elements/custom-elements.json`)) return;
  // @ts-expect-error The analyzer's CLI module has no type declarations.
  const { cli } = await import('@custom-elements-manifest/analyzer/cli.js');
  await cli({ argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], cwd: root });
}

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  // A docs page per element (`tags: ['autodocs']` in each stories file), from the manifest.
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    await ensureManifest();
    viteConfig.plugins = [
      ...(viteConfig.plugins ?? []),
      // Serves (dev) and emits (build) msw's worker at /mockServiceWorker.js, from the
      // installed msw itself, so it can never lag behind the library's version.
      msw({ mode: 'worker-only' }),
    ];
    viteConfig.resolve = {
      ...viteConfig.resolve,
      // Workspace packages resolve to their TypeScript sources: no build needed first.
      conditions: ['source', ...defaultClientConditions],
    };
    viteConfig.optimizeDeps = {
      ...viteConfig.optimizeDeps,
      // PGlite loads its wasm and data files next to its own module.
      exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), '@electric-sql/pglite'],
    };
    viteConfig.build = {
      ...viteConfig.build,
      // PGlite's Emscripten glue uses eval on purpose; its warnings would bury real ones.
      rolldownOptions: { ...viteConfig.build?.rolldownOptions, checks: { eval: false } },
    };
    return viteConfig;
  },
};
export default config;
