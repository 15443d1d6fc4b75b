import type { StorybookConfig } from '@storybook/web-components-vite';
import { msw } from 'msw/vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
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
