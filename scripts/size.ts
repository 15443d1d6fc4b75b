// Builds the browser bundles in memory and prints their gzip sizes against size-budget.json.
// Exits non-zero when a bundle is over its budget.
import type { Plugin } from 'rollup';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
// @ts-expect-error: plain JS config module
import { dropInPlugins } from '../rollup.config.mjs';
import { bundleInMemory } from './bundle.ts';

const virtualEntries: Record<string, string> = {
  'login path (portal + login + SDK + lit)':
    "import './packages/elements/src/portal/define.ts'; import './packages/elements/src/login/define.ts';",
  'create-account path (portal + create-account)':
    "import './packages/elements/src/portal/define.ts'; import './packages/elements/src/create-account/define.ts';",
  'entourage path (portal + entourage)':
    "import './packages/elements/src/portal/define.ts'; import './packages/elements/src/entourage/define.ts';",
  'preregistration path (portal + preregistration)':
    "import './packages/elements/src/portal/define.ts'; import './packages/elements/src/preregistration/define.ts';",
  'invoices path (portal + invoices)':
    "import './packages/elements/src/portal/define.ts'; import './packages/elements/src/invoices/define.ts';",
  'dist/famille.js (drop-in, every element)': "import './packages/elements/src/define-all.ts';",
};

function virtual(code: string): Plugin {
  return {
    name: 'virtual-entry',
    resolveId: (id) => (id === '\0entry' ? id : null),
    load: (id) => (id === '\0entry' ? code : null),
  };
}

const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8')) as Record<string, number>;
let over = 0;
console.log('bundle'.padEnd(46), 'raw'.padStart(9), 'gzip'.padStart(9), 'budget'.padStart(9));
for (const [name, code] of Object.entries(virtualEntries)) {
  const source = await bundleInMemory('\0entry', [virtual(code), ...dropInPlugins()]);
  const raw = Buffer.byteLength(source);
  const gzip = gzipSync(source, { level: 9 }).length;
  const limit = budget[name] ?? Infinity;
  if (gzip > limit) over++;
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(name.padEnd(46), kb(raw).padStart(9), kb(gzip).padStart(9), kb(limit).padStart(9), gzip > limit ? 'OVER' : 'ok');
}
process.exit(over ? 1 : 0);
