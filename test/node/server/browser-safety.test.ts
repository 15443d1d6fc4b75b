// The browser entry must run in a page (mock server): nothing Node-only may be reachable from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(import.meta.resolve('@famille/server'));
const nodeOnlyPackages = [/^pg($|\/)/, /^@hono\/node-server/, /^drizzle-orm\/node-postgres/, /^nodemailer/, /^smtp-server/];

function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [
    ...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g),
  ].map((m) => (m[1] ?? m[2] ?? m[3])!);
}

test('nothing reachable from the browser entry imports node: modules or Node-only packages', () => {
  assert.match(entry, /packages\/server\/src\/index\.ts$/);
  const seen = new Set<string>();
  const offenders: string[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else if (isBuiltin(specifier) || nodeOnlyPackages.some((p) => p.test(specifier))) offenders.push(`${file}: ${specifier}`);
    }
  };
  visit(entry);
  assert.ok(seen.size > 20, `walked ${seen.size} files`);
  assert.ok(![...seen].some((file) => file.includes('/src/node/')), 'no file of src/node/ is reachable');
  assert.deepEqual(offenders, []);
});
