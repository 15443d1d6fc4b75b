// The repository's ESLint configuration (the root eslint.config.mjs re-exports it). It lives
// in this workspace because typescript-eslint needs TypeScript ≤ 6.0, installed here only
// (the root's TypeScript 7 has no JavaScript API): see typescript-6.mjs.
import './typescript-6.mjs';
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

// After the hook above: typescript-eslint loads TypeScript.
const { default: tseslint } = await import('typescript-eslint');

const root = new URL('../..', import.meta.url).pathname;
/** Files with Lit templates and custom elements. */
const elementFiles = ['packages/elements/src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'storybook-static/**',
      'coverage/**',
      '.data/**',
      'packages/server/src/routes/docs/vendor/**', // Redoc's own bundle, served as it is
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // The root tsconfig.json (not the nearest one: test/browser's is esbuild's).
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: root },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] },
      ],
      // `const { key: _, ...rest } = object` is how the code leaves a key out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `interface HTMLElementEventMap extends FamilleEventMap<…> {}` adds an element's events to the global map.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // `async` is how fakes, handlers and stores implement promise-returning interfaces: it turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      // French typography: no-break spaces before « : ; ! ? » and in numbers, in the messages' template literals.
      'no-irregular-whitespace': ['error', { skipTemplates: true }],
    },
  },
  // Files outside the root tsconfig.json (configuration files, Storybook's, the linters'): no type information.
  {
    files: ['**/*.mjs', '.storybook/**', 'tools/**'],
    ...tseslint.configs.disableTypeChecked,
  },
  { files: elementFiles, ...lit.configs['flat/recommended'] },
  { files: elementFiles, ...wc.configs['flat/recommended'] },
  { files: elementFiles, ...litA11y.configs.recommended },
  {
    files: elementFiles,
    rules: {
      // `role="list"` on lists styled `list-style: none` is deliberate: WebKit drops their list role otherwise.
      'lit-a11y/no-redundant-role': 'off',
    },
  },
);
