// Builds the served kit (rollup.config.mjs `kitBuild`) and weighs what each kind of page
// loads: the loader, then, for each element's tag on the page, that element's chunk and
// the shared chunks it imports, each file counted once (gzip -9 bytes, as sent).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { rollup } from 'rollup';
import { kitBuild, kitDir } from '../rollup.config.mjs';
import type { KitManifest } from './kit-output.ts';

export { kitDir };

/** Writes the kit (loader, chunks, their .br/.gz copies, kit-manifest.json) into `dir`. */
export async function buildKit(dir: string = kitDir): Promise<KitManifest> {
  const options = await kitBuild(dir);
  // Chunks of an earlier build would linger beside the new ones.
  rmSync(dir, { recursive: true, force: true });
  const bundle = await rollup({ ...options, logLevel: 'silent' });
  await bundle.write(options.output);
  await bundle.close();
  return readKitManifest(dir);
}

export function readKitManifest(dir: string = kitDir): KitManifest {
  return JSON.parse(readFileSync(join(dir, 'kit-manifest.json'), 'utf8')) as KitManifest;
}

/** The files a page holding these tags loads (the loader first), each once. */
export function pageFiles(manifest: KitManifest, tags: readonly string[]): string[] {
  const files = new Set([manifest.loader.file]);
  for (const tag of tags) {
    const needed = manifest.elements[tag];
    if (!needed) throw new Error(`no chunk for <${tag}> in the kit`);
    needed.forEach((file) => files.add(file));
  }
  return [...files];
}

export const pageBytes = (manifest: KitManifest, tags: readonly string[], encoding: 'gzip' | 'brotli' | 'bytes' = 'gzip') =>
  pageFiles(manifest, tags).reduce((sum, file) => sum + manifest.files[file]![encoding], 0);

const firstSix = ['famille-portal', 'famille-login', 'famille-create-account', 'famille-entourage', 'famille-preregistration', 'famille-invoices'];

/** The pages whose weight is budgeted (size-budget.json), by name: the tags on each. */
export function budgetedPages(manifest: KitManifest): Record<string, string[]> {
  const tags = Object.keys(manifest.elements);
  const others = tags.filter((tag) => tag !== 'famille-portal' && tag !== 'famille-login');
  return {
    'loader alone': [],
    'portal + login': ['famille-portal', 'famille-login'],
    ...Object.fromEntries(others.map((tag) => [`portal + ${tag.slice('famille-'.length)}`, ['famille-portal', tag]])),
    // The budget of issue 12 is for the first six tags; the others are measured beside it.
    'all six elements': firstSix,
    [`all ${tags.length} elements`]: tags,
  };
}

/** The budget of a page: its own entry in size-budget.json, else its kind's (`portal + any one other`). */
export function budgetOf(budget: Record<string, number>, page: string): number | undefined {
  return budget[page] ?? (page.startsWith('portal + ') ? budget['portal + any one other'] : undefined);
}

/** What the kit is built from: when none of it changed, a built kit is still right. */
const kitSources = [
  'packages/contract/src',
  'packages/contract/build',
  'packages/sdk/src',
  'packages/elements/src',
  'rollup.config.mjs',
  'scripts/kit-output.ts',
  'scripts/minify-templates.ts',
  'package-lock.json',
];

function sourceHash(root: string): string {
  const hash = createHash('sha256');
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  };
  for (const source of kitSources) add(join(root, source));
  return hash.digest('hex');
}

/**
 * The kit in `dir`, built only when its sources changed since the last build (`npm start`
 * on a second run reuses it). Resolves with whether it was built.
 */
export async function ensureKit(dir: string = kitDir, root = process.cwd()): Promise<{ built: boolean; manifest: KitManifest }> {
  const stamp = join(dir, '.source-hash');
  const hash = sourceHash(root);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(dir, 'kit-manifest.json'))) {
    return { built: false, manifest: readKitManifest(dir) };
  }
  const manifest = await buildKit(dir);
  writeFileSync(stamp, hash);
  return { built: true, manifest };
}
