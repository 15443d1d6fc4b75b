// Makes every `typescript` import in this process resolve to this workspace's TypeScript 6.
//
// typescript-eslint and lit-analyzer run on TypeScript's classic JavaScript API, which the
// root's TypeScript 7 (the native compiler, used by `tsc`) no longer has. npm nests
// TypeScript 6 here, but it hoists the packages that import `typescript` with an open range
// (ts-api-utils, lit-analyzer, web-component-analyzer) to the root, where they would find
// TypeScript 7. Imported first by eslint.config.mjs and by lit-analyzer.mjs.
import { createRequire, registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const typescript6 = pathToFileURL(require.resolve('typescript')).href; // resolved before the hook exists

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'typescript') return { url: typescript6, format: 'commonjs', shortCircuit: true };
    return nextResolve(specifier, context);
  },
});
