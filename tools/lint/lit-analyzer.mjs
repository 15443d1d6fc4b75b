// Type checks the bindings in the Lit templates (lit-analyzer, on TypeScript 6: see
// typescript-6.mjs): `node tools/lint/lit-analyzer.mjs [files…]`, all templates by default.
import './typescript-6.mjs';

const files = ['packages/elements/src/**/*.ts', 'stories/**/*.ts', 'test/browser/**/*.ts'];
const options = [
  '--strict',
  // A warning fails the check, as an error does.
  '--maxWarnings',
  '0',
  // web-component-analyzer reads `static get properties()`, not the `static properties = {…}` field the
  // elements declare their attributes with: every attribute of a famille-* element would be "unknown".
  '--rules.no-unknown-attribute',
  'off',
];
const args = process.argv.slice(2);
process.argv.splice(2, args.length, ...options, ...(args.length ? args : files));

// Imported now: a static import would resolve its `typescript` before the hook above exists.
const { cli } = await import('@jackolope/lit-analyzer/lib/cli/cli.mjs');
await cli();
