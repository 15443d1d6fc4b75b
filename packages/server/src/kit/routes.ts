import type { Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { contentCoding } from '../http/content-coding.ts';
import type { AppEnv } from '../http/env.ts';
import { problemResponse } from '../http/problem.ts';
import { isKitFileName, kitLoaderPaths, type KitAsset, type KitAssets } from './assets.ts';

/** Hashed names change with their content: a year, never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The loader keeps its name: a new version reaches pages within minutes. */
const SHORT = 'public, max-age=300, stale-while-revalidate=60';

const codings = [
  { name: 'br', bytes: (a: KitAsset) => a.br, etagSuffix: '.br' },
  { name: 'gzip', bytes: (a: KitAsset) => a.gzip, etagSuffix: '.gz' },
] as const;

function answer(c: Context<AppEnv>, asset: KitAsset): Response {
  const available = codings.filter((coding) => coding.bytes(asset) !== undefined);
  // `br` first on a tie.
  const chosen = contentCoding(
    c,
    available.map((coding) => coding.name),
  );
  const coding = available.find((x) => x.name === chosen);
  const body = coding?.bytes(asset) ?? asset.body;
  return c.body(body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': asset.contentType,
    'Content-Length': String(body.byteLength),
    ...(coding && { 'Content-Encoding': coding.name }),
    // Strong validators differ per content coding (RFC 9110 §8.8.3).
    ETag: `"${asset.etag}${coding?.etagSuffix ?? ''}"`,
    'Cache-Control': asset.immutable ? IMMUTABLE : SHORT,
    Vary: 'Accept-Encoding',
    // Pages of any site load these scripts (module scripts are CORS requests).
    'Cross-Origin-Resource-Policy': 'cross-origin',
  });
}

/**
 * `GET`/`HEAD /famille.js`, `/famille.js.map` and `/kit/<file>`, from memory: public
 * (`Access-Control-Allow-Origin: *`, no credentials, no cookie read), precompressed,
 * `If-None-Match` answered 304. Mounted at the server's root, outside the API's tenant
 * and origin checks. Any other path under `/kit/` is a 404 problem.
 */
export function mountKit(root: Hono<AppEnv>, kit: KitAssets): void {
  const paths = [...kitLoaderPaths, '/kit/*'];
  const publicScripts = cors({ origin: '*', allowMethods: ['GET', 'HEAD'] });
  // A 304 keeps what the browser needs to reuse its copy across origins.
  const revalidation = etag({ retainedHeaders: [...RETAINED_304_HEADERS, 'access-control-allow-origin', 'cross-origin-resource-policy'] });
  for (const path of paths) root.use(path, publicScripts, revalidation);

  const serve = (c: Context<AppEnv>, path: string) => {
    const asset = kit.get(path);
    return asset ? answer(c, asset) : problemResponse(c, 'not_found');
  };
  for (const path of kitLoaderPaths) root.get(path, (c) => serve(c, path));
  root.get('/kit/:name', (c) => {
    const name = c.req.param('name');
    return isKitFileName(name) ? serve(c, `/kit/${name}`) : problemResponse(c, 'not_found');
  });
}
