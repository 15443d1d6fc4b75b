// The per-page budgets of size-budget.json, on the kit built as `npm run build` writes it:
// each page's gzip -9 bytes summed over the files it loads (loader, then its tags' chunks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgetedPages, budgetOf, buildKit, pageBytes } from '../../../scripts/kit.ts';

interface Budgets {
  [page: string]: number | Record<string, number> | string;
}

test('no page loads more than its budget, nor a page still over it more than its ceiling', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'famille-kit-size-'));
  try {
    const manifest = await buildKit(dir);
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
