/**
 * The embeddable kit as the server hands it out: the loader at a stable URL
 * (`/famille.js`) and content-hashed chunks (`/kit/<name>-<hash>.js`). Web standards only:
 * the Node entry fills a `KitAssets` from a directory (`loadKitDirectory`), anything
 * else may build one from bytes it holds.
 */

/** One file, in memory, with its precompressed copies. */
export interface KitAsset {
  /** The file's bytes (identity). */
  readonly body: Uint8Array;
  /** The same bytes, brotli-compressed; absent when it would not be smaller. */
  readonly br?: Uint8Array;
  /** The same bytes, gzip-compressed; absent when it would not be smaller. */
  readonly gzip?: Uint8Array;
  /** A hash of `body`, without quotes (the answer's strong ETag is made from it, one per content coding). */
  readonly etag: string;
  readonly contentType: string;
  /** A content-hashed name: cached for a year, never revalidated. */
  readonly immutable: boolean;
}

export interface KitAssets {
  /** By URL path: `/famille.js`, `/famille.js.map`, `/kit/portal-Bx3kQ9aZ.js`. */
  get(path: string): KitAsset | undefined;
}

/** The loader and its source map: the only files served outside `/kit/`. */
export const kitLoaderPaths = ['/famille.js', '/famille.js.map'] as const;

/** A file name under `/kit/`: one level, no leading dot, no `..`, ASCII letters, digits, `.`, `_`, `-`. */
export function isKitFileName(name: string): boolean {
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name) && !name.includes('..');
}

const contentTypes: Readonly<Record<string, string>> = {
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  map: 'application/json',
  json: 'application/json',
};

/** The Content-Type of a kit file, or `undefined` for a kind of file the server does not serve. */
export function kitContentType(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? undefined : contentTypes[name.slice(dot + 1).toLowerCase()];
}

/**
 * Whether a path names a content-hashed file: everything under `/kit/` except `.json`
 * files (manifests such as `integrity.json` keep their name from one build to the next).
 * The loader and its map keep theirs too.
 */
export function isImmutableKitPath(path: string): boolean {
  return path.startsWith('/kit/') && !path.toLowerCase().endsWith('.json');
}
