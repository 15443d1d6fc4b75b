// JSON answers of 1 KB and more, gzip'd for clients that accept it: a family's invoice list
// is 10 kB for two years (about 2 kB compressed), the tenant's configuration every page
// asks for first about 7 kB, and parents read them on phones. Only where the host gives a compressor (the Node
// server: zlib): the in-page server behind msw hands its bytes to the page as they are,
// and a fetch never decodes a mocked body.
import type { Context, MiddlewareHandler } from 'hono';
import { utf8Bytes } from '../auth/encoding.ts';
import { contentCoding } from './content-coding.ts';
import type { AppEnv } from './env.ts';

/** Compresses bytes with gzip, synchronously (small JSON answers). */
export type Gzip = (bytes: Uint8Array) => Uint8Array<ArrayBuffer>;

/** Smaller answers go as they are: a few hundred bytes gain less than the work costs. */
export const minimumCompressedBytes = 1024;

/** Statuses whose answers carry no body (Fetch's null body statuses). */
const nullBodyStatuses = new Set([204, 205, 304]);

const isJson = (type: string | null) => type !== null && /^application\/(?:[\w.+-]+\+)?json\b/i.test(type);

/**
 * Answers that open a session (a login's token in the body, a cookie set) go as they are,
 * whatever their size: a secret compressed beside what a request sent is what BREACH-style
 * attacks read through the answer's length.
 */
const carriesSession = (c: Context<AppEnv>, response: Response) => response.headers.has('Set-Cookie') || c.req.path.endsWith('/auth/login');

/**
 * The middleware: every JSON answer says it varies with `Accept-Encoding`; one of at least
 * `minimumCompressedBytes` goes gzip'd to a client that accepts gzip. Its body is taken as
 * its writer recorded it (`jsonBody`), else read back from the answer (JSON written by
 * other means). Recorded bytes are the same at each request (a `JsonText`, the OpenAPI
 * document): `kept` holds their compressed copies, so that each is compressed once.
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
    const recorded = c.get('jsonBody');
    // A text too short to reach the minimum whatever its characters (3 bytes at most each
    // in UTF-8) goes as it is, never encoded.
    if (typeof recorded === 'string' && recorded.length * 3 < minimumCompressedBytes) return;
    const body = recorded === undefined ? new Uint8Array(await response.arrayBuffer()) : typeof recorded === 'string' ? utf8Bytes(recorded) : recorded;
    // The answer again, with these bytes: emptied first, for Hono's setter would otherwise
    // copy the former answer's headers by reading the new one's body, which makes the Node
    // adapter build a full Fetch Response (the bytes copied into a stream).
    const answer = (bytes: Uint8Array<ArrayBuffer>) => {
      c.res = undefined;
      c.res = new Response(bytes, { status: response.status, headers: response.headers });
    };
    if (body.byteLength < minimumCompressedBytes) {
      // Read back, it must be answered again; a recorded body is still in the answer.
      if (recorded === undefined) answer(body);
      return;
    }
    let compressed = body === recorded ? kept.get(body) : undefined;
    if (!compressed) {
      compressed = gzip(body);
      if (body === recorded) kept.set(body, compressed);
    }
    // The former answer's headers, which nothing else holds any more, go on as they are.
    response.headers.set('Content-Encoding', 'gzip');
    response.headers.set('Content-Length', String(compressed.byteLength));
    answer(compressed);
  };
}
