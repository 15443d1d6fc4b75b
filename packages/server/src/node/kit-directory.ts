import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { isImmutableKitPath, isKitFileName, kitContentType, kitLoaderPaths, type KitAsset, type KitAssets } from '../kit/assets.ts';

const brotli = (body: Uint8Array) =>
  brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
const gzip = (body: Uint8Array) => gzipSync(body, { level: 9 });

/**
 * The build's copy at `file + suffix` when it decompresses to `body` (a copy left over from
 * an earlier build does not), else one compressed now; kept only when smaller than `body`.
 */
function compressed(file: string, body: Buffer, compress: (b: Uint8Array) => Buffer, decompress: (b: Uint8Array) => Buffer): Buffer | undefined {
  let copy: Buffer | undefined;
  if (existsSync(file)) {
    const given = readFileSync(file);
    try {
      if (decompress(given).equals(body)) copy = given;
    } catch {
      // Not a valid stream: compressed again below.
    }
  }
  copy ??= compress(body);
  return copy.byteLength < body.byteLength ? copy : undefined;
}

function load(file: string, path: string): KitAsset {
  const body = readFileSync(file);
  const br = compressed(`${file}.br`, body, brotli, brotliDecompressSync);
  const gz = compressed(`${file}.gz`, body, gzip, gunzipSync);
  return {
    body,
    ...(br && { br }),
    ...(gz && { gzip: gz }),
    etag: createHash('sha256').update(body).digest('base64url'),
    contentType: kitContentType(path)!,
    immutable: isImmutableKitPath(path),
  };
}

/**
 * Reads a built kit into memory, once: `famille.js` (required) and `famille.js.map` at the
 * top of `dir`, and the `.js`, `.mjs`, `.map` and `.json` files directly in `dir/kit/`.
 * Their `.br` and `.gz` copies are used when present and right; missing ones are made now
 * (brotli quality 11, gzip level 9). Throws when `dir` or its `famille.js` is missing.
 */
export function loadKitDirectory(dir: string): KitAssets {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory())
    throw new Error(`The kit directory ${root} (KIT_DIR) does not exist: build the kit, or leave KIT_DIR unset to serve no kit`);
  if (!existsSync(join(root, 'famille.js'))) throw new Error(`The kit directory ${root} (KIT_DIR) has no famille.js: is it the build's output folder?`);

  const assets = new Map<string, KitAsset>();
  for (const path of kitLoaderPaths) {
    const file = join(root, path.slice(1));
    if (existsSync(file)) assets.set(path, load(file, path));
  }
  const chunks = join(root, 'kit');
  if (existsSync(chunks)) {
    for (const entry of readdirSync(chunks, { withFileTypes: true })) {
      const path = `/kit/${entry.name}`;
      if (entry.isFile() && isKitFileName(entry.name) && kitContentType(entry.name)) assets.set(path, load(join(chunks, entry.name), path));
    }
  }
  return { get: (path) => assets.get(path) };
}
