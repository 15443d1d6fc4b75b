// JSON answers of 1 KB and more, gzip'd for clients that accept it: a family's invoice list
// is 10 kB for two years (about 2 kB compressed), the tenant's configuration every page
// asks for first about 7 kB, and parents read them on phones. Only where the host gives a compressor (the Node
// server: zlib): the in-page server behind msw hands its bytes to the page as they are,
// and a fetch never decodes a mocked body.
import type { Context, MiddlewareHandler } from 'hono';
import { contentCoding } from './content-coding.ts';
import type { AppEnv } from './env.ts';

/** Compresses bytes with gzip, synchronously (small JSON answers). */
export type Gzip = (bytes: Uint8Array) => Uint8Array<ArrayBuffer>;

/** Smaller answers go as they are: a few hundred bytes gain less than the work costs. */
export const minimumCompressedBytes = 1024;

const utf8 = new TextEncoder();

/** Statuses whose answers carry no body (Fetch's null body statuses). */
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);

const isJson = (type: string | null) => type !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);

/**
 * Answers that open a session (a login's token in the body, a cookie set) go as they are,
 * whatever their size: a secret compressed beside what a request sent is what BREACH-style
 * attacks read through the answer's length.
 */
const carriesSession = (c: Context<AppEnv>, response: Response) => response.headers.has('Set-Cookie') || c.req.path.endsWith('/auth/login');

/**
 * The middleware: every JSON answer says it varies with `Accept-Encoding`; one of at least
 * `minimumCompressedBytes` goes gzip'd to a client that accepts gzip. `kept` holds the
 * compressed copies of bodies answered again and again as the same bytes (`keptBody`: a
 * `JsonText`, the OpenAPI document), so that each is compressed once.
 */
export function jsonCompression(gzip: Gzip): MiddlewareHandler<AppEnv> {
  const kept = new WeakMap<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>();
  return async (c, next) => {
    await next();
    // Headers and status only until the body is needed: reading `body` makes the Node
    // adapter build a full Fetch Response (the bytes copied into a stream) for every answer.
    const response = c.res;
    if (nullBodyStatuses.has(response.status) || response.headers.has('Content-Encoding') || !isJson(response.headers.get('Content-Type'))) return;
    response.headers.append('Vary', 'Accept-Encoding');
    if (contentCoding(c, ['gzip']) !== 'gzip' || carriesSession(c, response)) return;
    const same = c.get('keptBody');
    const text = same ? undefined : c.get('jsonText');
    // An endpoint's answer too short to reach the minimum whatever its characters (3 bytes
    // at most each in UTF-8) goes as it is, never read back.
    if (text !== undefined && text.length * 3 < minimumCompressedBytes) return;
    const body = same ?? (text !== undefined ? utf8.encode(text) : new Uint8Array(await response.arrayBuffer()));
    // The answer again, with these bytes: emptied first, for Hono's setter would otherwise
    // copy the former answer's headers by reading the new one's body, which makes the Node
    // adapter build a full Fetch Response (the bytes copied into a stream).
    const answer = (bytes: Uint8Array<ArrayBuffer>) => {
      c.res = undefined;
      c.res = new Response(bytes, { status: response.status, headers: response.headers });
    };
    if (body.byteLength < minimumCompressedBytes) {
      // Read back from the answer: its bytes go again as they are (an endpoint's or a kept
      // answer is untouched).
      if (!same && text === undefined) answer(body);
      return;
    }
    let compressed = same && kept.get(same);
    if (!compressed) {
      compressed = gzip(body);
      if (same) kept.set(same, compressed);
    }
    // The former answer's headers, which nothing else holds any more, go on as they are.
    response.headers.set('Content-Encoding', 'gzip');
    response.headers.set('Content-Length', String(compressed.byteLength));
    answer(compressed);
  };
}
