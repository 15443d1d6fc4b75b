// The per-page budgets of size-budget.json, on the kit built as `npm run build` writes it:
// each page's gzip -9 bytes summed over the files it loads (loader, then its tags' chunks).
// The kit is built where `npm start` and the end-to-end suite look for it, unless it is
// already there for these sources (`ensureKit`): they then reuse this build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { budgetedPages, budgetOf, ensureKit, pageBytes } from '../../../scripts/kit.ts';

interface Budgets {
  [page: string]: number | Record<string, number> | string;
}

test('no page loads more than its budget, nor a page still over it more than its ceiling', async () => {
  const { manifest } = await ensureKit();
  const budgets = JSON.parse(readFileSync(new URL('../../../size-budget.json', import.meta.url), 'utf8')) as Budgets;
  const ceilings = (budgets['ceilings'] ?? {}) as Record<string, number>;
  const limits = Object.fromEntries(Object.entries(budgets).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  const checked: string[] = [];
  const over: string[] = [];
  for (const [page, tags] of Object.entries(budgetedPages(manifest))) {
    const budget = budgetOf(limits, page);
    if (budget === undefined) continue;
    const limit = ceilings[page] ?? budget;
    const bytes = pageBytes(manifest, tags);
    checked.push(page);
    if (bytes > limit) over.push(`${page}: ${bytes} bytes, over ${limit}`);
  }
  // The loader, the login page, every element's page and all six together.
  assert.ok(checked.length >= 11, checked.join(', '));
  assert.deepEqual(over, []);
  // A ceiling only holds a page that is over its budget: one back under it loses its ceiling.
  for (const [page, ceiling] of Object.entries(ceilings)) {
    assert.ok(pageBytes(manifest, budgetedPages(manifest)[page]!) > budgetOf(limits, page)!, `${page} is within its budget: remove its ceiling (${ceiling})`);
  }
});
