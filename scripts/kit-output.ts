// A Rollup plugin for the served kit (see rollup.config.mjs `kitBuild`):
// - each element's import in the loader fetches the element's chunk and every shared chunk
//   it needs at once, instead of discovering them one round trip after another;
// - chunks are named after their element (`kit/login-<hash>.js`);
// - `kit/famille-<hash>.js` is the loader under a pinned, immutable name (for SRI);
// - every file gets precompressed brotli (.br) and gzip (.gz) copies, which the server
//   sends as they are;
// - `kit-manifest.json` lists, for each element's tag, the files a page with that tag
//   loads, and each file's size and integrity (what `npm run size` reads).
import { createHash } from 'node:crypto';
import MagicString from 'magic-string';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { rollup, type OutputBundle, type OutputChunk, type Plugin, type RollupOptions } from 'rollup';

export interface KitManifest {
  /** The loader's stable name, and the same bytes under a pinned name. */
  loader: { file: string; pinned: string };
  /** Tag → the files (besides the loader) a page holding that tag loads, first its own chunk. */
  elements: Record<string, string[]>;
  /** Chunks loaded on demand by a chunk (other languages, rarely used flows), by the chunk asking. */
  onDemand: Record<string, string[]>;
  /** Every served file: raw, gzip -9 and brotli bytes, and its SRI `integrity`. */
  files: Record<string, { bytes: number; gzip: number; brotli: number; integrity: string }>;
}

const elementOf = (id: string | null) => /[/\\]([\w-]+)[/\\]define\.ts$/.exec(id ?? '')?.[1];

export const gzip = (data: Buffer | string) => gzipSync(data, { level: 9 });
export const brotli = (data: Buffer | string, quality = 11) =>
  brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(data) } });

/**
 * Source maps, which only developer tools fetch, at brotli's quality 5: quality 11 took
 * 1.3 s of the build for them (a third of the first `npm start`'s build), for bytes no
 * parent downloads.
 */
const brotliFor = (fileName: string, data: Buffer) => brotli(data, fileName.endsWith('.map') ? 5 : 11);

/** The chunk and, transitively, every chunk it imports statically: what importing it fetches. */
function closure(bundle: OutputBundle, file: string, into: string[] = []): string[] {
  if (into.includes(file)) return into;
  into.push(file);
  for (const dependency of (bundle[file] as OutputChunk).imports) closure(bundle, dependency, into);
  return into;
}

/**
 * The kit's chunks, by role, for Rollup's `manualChunks`: module id → chunk name. Rollup's
 * own splitting is exact (a page loads no module it does not use) but makes a chunk of
 * every combination of elements sharing modules: 17 files for the six elements, each
 * compressed alone, which cost 7 KB of gzip over one file. So a first, unminified build
 * finds where each module lands, and the modules are regrouped:
 * - an element's own modules (code, French texts, validators) → that element's chunk;
 * - the portal, and the modules shared by elements and needed by the portal or the
 *   login (every page's first screen) → `runtime`;
 * - the other shared modules (uploads, dates, person forms) → a chunk per set of
 *   elements sharing them (`shared1`, `shared2`…), the small ones merged into a larger
 *   set's;
 * - what loads on demand (English texts, rarely used flows) stays in its own chunk, and
 *   what those share goes by the same rule.
 */
export async function planChunks(options: RollupOptions): Promise<Map<string, string>> {
  const bundle = await rollup({ ...options, logLevel: 'silent' });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = output.filter((file): file is OutputChunk => file.type === 'chunk');
  const byFile = Object.fromEntries(chunks.map((chunk) => [chunk.fileName, chunk])) as unknown as OutputBundle;
  const elements = chunks.filter((chunk) => chunk.isDynamicEntry && elementOf(chunk.facadeModuleId));
  const reach = (tags: string[]) => new Set(elements.filter((c) => tags.includes(elementOf(c.facadeModuleId)!)).flatMap((c) => closure(byFile, c.fileName)));
  const firstScreen = reach(['portal', 'login']);
  const nameOf = (chunk: OutputChunk): string => {
    // An element's chunk that exports helpers to its deferred parts has no facade module:
    // its define.ts among its modules still names it.
    const tag = elementOf(chunk.facadeModuleId) ?? Object.keys(chunk.modules).map(elementOf).find(Boolean);
    if (tag) return tag;
    // `entourage/messages.en.ts` → `entourage-en`; `i18n/en.ts` → `en`. A chunk that merges
    // several modules has no facade: Rollup's own name then.
    const [, dir, file] = /([\w-]+)[/\\]([\w.-]+)\.ts$/.exec(chunk.facadeModuleId ?? '') ?? [];
    if (!dir || !file) return chunk.name;
    return dir === 'i18n' ? file : `${dir}-${file.replace(/^messages\./, '')}`;
  };
  const entries = chunks.filter((chunk) => chunk.isDynamicEntry);
  const size = (chunk: OutputChunk) => Object.values(chunk.modules).reduce((sum, module) => sum + module.renderedLength, 0);
  // The other shared chunks, by the set of elements (or on-demand chunks) that load them.
  const shared = new Map<string, { users: string[]; size: number; chunks: OutputChunk[] }>();
  const groupOf = new Map<OutputChunk, string>();
  for (const chunk of chunks) {
    if (chunk.isEntry) continue;
    // The portal is on every page of the budgets and small: in the runtime, it costs no
    // file and no gzip stream of its own (400 bytes less for each page).
    if (chunk.isDynamicEntry) groupOf.set(chunk, nameOf(chunk) === 'portal' ? 'runtime' : nameOf(chunk));
    else if (firstScreen.has(chunk.fileName)) groupOf.set(chunk, 'runtime');
    else {
      const users = entries
        .filter((entry) => closure(byFile, entry.fileName).includes(chunk.fileName))
        .map(nameOf)
        .sort();
      const key = users.join(' ');
      const group = shared.get(key) ?? { users, size: 0, chunks: [] };
      group.size += size(chunk);
      group.chunks.push(chunk);
      shared.set(key, group);
    }
  }
  // A tiny group costs a file and a gzip stream of its own more than its bytes: it joins
  // the smallest group loaded by all its users (whose pages then carry a few hundred bytes
  // they do not use). Only tiny ones: a 2.7 KB group (the upload form) merged this way put
  // the invoices' page over its budget with code it never runs.
  const small = 400;
  for (const [key, group] of [...shared].sort((a, b) => a[1].users.length - b[1].users.length)) {
    if (group.size >= small) continue;
    const host = [...shared]
      .filter(([other, candidate]) => other !== key && group.users.every((user) => candidate.users.includes(user)))
      .sort((a, b) => a[1].size - b[1].size)[0];
    if (!host) continue;
    host[1].size += group.size;
    host[1].chunks.push(...group.chunks);
    shared.delete(key);
  }
  // Short names: the loader lists them.
  [...shared.keys()].sort().forEach((key, index) => shared.get(key)!.chunks.forEach((chunk) => groupOf.set(chunk, `shared${index + 1}`)));
  const groups = new Map<string, string>();
  for (const [chunk, group] of groupOf) {
    for (const [id, module] of Object.entries(chunk.modules)) if (module.renderedLength > 0) groups.set(id, group);
  }
  return groups;
}

export function kitOutput(): Plugin {
  return {
    name: 'kit-output',
    renderChunk(code, chunk, _options, { chunks }) {
      if (!chunk.isEntry) return null;
      // `import("./kit/login-….js")` → `i("./kit/login-….js","./kit/lit-….js",…)`: one round trip.
      const files = Object.fromEntries(Object.values(chunks).map((c) => [c.fileName, c]));
      const all = (file: string, seen: string[] = []): string[] => {
        if (seen.includes(file) || !files[file]) return seen;
        seen.push(file);
        for (const dependency of files[file].imports) all(dependency, seen);
        return seen;
      };
      const out = new MagicString(code);
      for (const call of code.matchAll(/\bimport\((["'])\.\/([^"']+)\1\)/g)) {
        const needed = all(call[2]!);
        if (needed.length > 1) out.overwrite(call.index, call.index + call[0].length, `i(${needed.map((f) => `"./${f}"`).join(',')})`);
      }
      if (!out.hasChanged()) return null;
      out.prepend('const i=(...f)=>Promise.all(f.map(u=>import(u))).then(m=>m[0]);');
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((file): file is OutputChunk => file.type === 'chunk' && file.isEntry)!;
      // The loader under a content-hashed name, inside kit/: its imports lose the `kit/`.
      const pinnedCode = entry.code.replaceAll('"./kit/', '"./').replace(/\/\/# sourceMappingURL=\S+\s*$/, '//# sourceMappingURL=../famille.js.map\n');
      const pinned = `kit/famille-${createHash('sha256').update(pinnedCode).digest('hex').slice(0, 8)}.js`;
      this.emitFile({ type: 'asset', fileName: pinned, source: pinnedCode });

      const elements: KitManifest['elements'] = {};
      for (const file of entry.dynamicImports) {
        // The portal's chunk is the runtime (no facade): its define module names it.
        const chunk = bundle[file] as OutputChunk;
        const tag = elementOf(chunk.facadeModuleId) ?? Object.keys(chunk.modules).map(elementOf).find(Boolean);
        if (tag) elements[`famille-${tag}`] = closure(bundle, file);
      }
      const onDemand: KitManifest['onDemand'] = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && !chunk.isEntry && chunk.dynamicImports.length) onDemand[chunk.fileName] = chunk.dynamicImports;
      }
      const files: KitManifest['files'] = {};
      for (const file of Object.values(bundle)) {
        const data = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        const [gz, br] = [gzip(data), brotliFor(file.fileName, data)];
        this.emitFile({ type: 'asset', fileName: `${file.fileName}.gz`, source: gz });
        this.emitFile({ type: 'asset', fileName: `${file.fileName}.br`, source: br });
        if (file.fileName.endsWith('.map')) continue;
        files[file.fileName] = {
          bytes: data.length,
          gzip: gz.length,
          brotli: br.length,
          integrity: `sha384-${createHash('sha384').update(data).digest('base64')}`,
        };
      }
      const manifest: KitManifest = { loader: { file: entry.fileName, pinned }, elements, onDemand, files };
      this.emitFile({ type: 'asset', fileName: 'kit-manifest.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}
