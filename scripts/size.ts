// `npm run size`: builds the served kit (as `npm run build` writes it) and prints, for each
// kind of page, what it loads: the loader, then the chunks of the tags on the page, each
// file once, in gzip -9 (and brotli) bytes, against size-budget.json. Exits non-zero when
// a page is over its budget.
import { readFileSync } from 'node:fs';
import { budgetedPages, budgetOf, buildKit, pageBytes, pageFiles } from './kit.ts';

const budget = JSON.parse(readFileSync(new URL('../size-budget.json', import.meta.url), 'utf8')) as Record<string, number>;
const manifest = await buildKit();
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
let over = 0;
console.log('page'.padEnd(28), 'files'.padStart(5), 'raw'.padStart(9), 'gzip'.padStart(9), 'brotli'.padStart(9), 'budget'.padStart(9));
for (const [page, tags] of Object.entries(budgetedPages(manifest))) {
  const gzip = pageBytes(manifest, tags);
  const limit = budgetOf(budget, page) ?? Infinity;
  if (gzip > limit) over++;
  console.log(
    page.padEnd(28),
    String(pageFiles(manifest, tags).length).padStart(5),
    kb(pageBytes(manifest, tags, 'bytes')).padStart(9),
    kb(gzip).padStart(9),
    kb(pageBytes(manifest, tags, 'brotli')).padStart(9),
    (limit === Infinity ? '-' : kb(limit)).padStart(9),
    limit === Infinity ? '' : gzip > limit ? 'OVER' : 'ok',
  );
}
console.log('\nchunks (gzip):');
for (const [file, size] of Object.entries(manifest.files).sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(`  ${file.padEnd(40)} ${String(size.gzip).padStart(7)}`);
}
process.exit(over ? 1 : 0);
