// The reference server hands out the embeddable kit as a town deploys it: the loader at a
// stable URL, content-hashed chunks, public CORS, precompressed brotli and gzip, caching.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { loadKitDirectory, serverOptionsFromEnv } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { testApp, type TestApp } from './support/app.ts';
import { startTestServer } from './support/node-server.ts';

const CHUNK = 'portal-Bx3kQ9aZ.js';
/** Big and repetitive enough that both codings are smaller than the file. */
const loaderSource = `// famille loader\n${Array.from({ length: 80 }, (_, i) => `if (document.querySelector('famille-el-${i}')) import('./kit/el-${i}-h4sh${i}.js');`).join('\n')}\n`;
const chunkSource = `export const texts = ${JSON.stringify(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`message${i}`, `Bonjour, ceci est le message numéro ${i}`])))};\n`;
const integritySource = JSON.stringify({ [`kit/${CHUNK}`]: 'sha384-abc' });

let dir: string;
let database: TestDatabase;
let app: TestApp;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'famille-kit-'));
  mkdirSync(join(dir, 'kit'));
  writeFileSync(join(dir, 'famille.js'), loaderSource);
  // The build's own copies of the loader (a gzip of level 1, to tell it from one made at load).
  writeFileSync(join(dir, 'famille.js.br'), brotliCompressSync(loaderSource));
  writeFileSync(join(dir, 'famille.js.gz'), gzipSync(loaderSource, { level: 1 }));
  writeFileSync(join(dir, 'famille.js.map'), JSON.stringify({ version: 3, sources: ['loader.ts'], mappings: '' }));
  // The chunk has no copies: made at load time.
  writeFileSync(join(dir, 'kit', CHUNK), chunkSource);
  writeFileSync(join(dir, 'kit', `${CHUNK}.map`), JSON.stringify({ version: 3, sources: ['portal.ts'], mappings: 'AAAA' }));
  writeFileSync(join(dir, 'kit', 'integrity.json'), integritySource);
  writeFileSync(join(dir, 'kit', 'tiny-Zz99Yy88.js'), 'export{};');
  writeFileSync(join(dir, 'kit', 'notes.txt'), 'not a kind of file the kit serves');
  writeFileSync(join(dir, 'secret'), 'never served');
  database = await openTestDatabase();
  ({ app } = await testApp(database.db, { deps: { kit: loadKitDirectory(dir) } }));
});
after(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(path, { method, headers });

/** The bytes of an answer, decoded by its Content-Encoding. */
async function decoded(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.equal(Number(response.headers.get('content-length')), bytes.byteLength, 'Content-Length is the length of the bytes sent');
  const encoding = response.headers.get('content-encoding');
  const plain = encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : Buffer.from(bytes);
  return plain.toString('utf8');
}

describe('the kit’s files', () => {
  test('the loader: JavaScript, public to every origin, short cache, strong ETag, no cookie', async () => {
    const response = await get('/famille.js', { origin: 'https://www.any-town.example', cookie: 'famille_session=abc' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.equal(response.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('vary'), 'Accept-Encoding');
    assert.equal(response.headers.get('cache-control'), 'public, max-age=300, stale-while-revalidate=60');
    assert.match(response.headers.get('etag') ?? '', /^"[\w-]{43}"$/);
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('content-encoding'), null, 'no Accept-Encoding: identity');
    assert.equal(await decoded(response), loaderSource);
  });

  test('a hashed chunk is cached for a year, immutable; its map too', async () => {
    const chunk = await get(`/kit/${CHUNK}`);
    assert.equal(chunk.status, 200);
    assert.equal(chunk.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers.get('access-control-allow-origin'), '*');
    assert.equal(await decoded(chunk), chunkSource);
    const map = await get(`/kit/${CHUNK}.map`);
    assert.equal(map.headers.get('content-type'), 'application/json');
    assert.equal(map.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  test('integrity.json and the loader’s map keep their names: JSON, short cache', async () => {
    for (const path of ['/kit/integrity.json', '/famille.js.map']) {
      const response = await get(path, { 'accept-encoding': 'gzip' });
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), 'application/json', path);
      assert.equal(response.headers.get('cache-control'), 'public, max-age=300, stale-while-revalidate=60', path);
    }
    assert.equal(await decoded(await get('/kit/integrity.json', { 'accept-encoding': 'br' })), integritySource);
  });

  test('the content coding follows Accept-Encoding: q-values, q=0 refuses, * stands for the others, br first', async () => {
    const cases: [string | undefined, string | null][] = [
      [undefined, null],
      ['', null],
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip', 'gzip'],
      ['GZIP', 'gzip'],
      ['deflate', null],
      ['br;q=0, gzip', 'gzip'],
      ['br;q=0.5, gzip;q=0.8', 'gzip'],
      ['gzip;q=0.8, br;q=0.8', 'br'],
      ['*', 'br'],
      ['br;q=0, *', 'gzip'],
      ['*;q=0.1, gzip', 'gzip'],
      ['br;q=0, gzip;q=0', null],
      ['*;q=0', null],
      ['identity', null],
      ['identity, gzip;q=0.5', null],
      ['identity;q=0.5, gzip', 'gzip'],
    ];
    for (const path of ['/famille.js', `/kit/${CHUNK}`]) {
      const etags = new Map<string | null, string | null>();
      for (const [accept, expected] of cases) {
        const response = await get(path, accept === undefined ? {} : { 'accept-encoding': accept });
        assert.equal(response.headers.get('content-encoding'), expected, `${path} with ${accept}`);
        assert.equal(await decoded(response), path === '/famille.js' ? loaderSource : chunkSource, `${path} with ${accept}: the decoded bytes are the file`);
        etags.set(expected, response.headers.get('etag'));
      }
      assert.equal(new Set(etags.values()).size, 3, 'one strong ETag per representation');
    }
  });

  test('the build’s compressed copies are served as they are; missing ones are made at load time', async () => {
    const gzip = new Uint8Array(await (await get('/famille.js', { 'accept-encoding': 'gzip' })).arrayBuffer());
    assert.deepEqual(Buffer.from(gzip), readFileSync(join(dir, 'famille.js.gz')));
    const made = new Uint8Array(await (await get(`/kit/${CHUNK}`, { 'accept-encoding': 'gzip' })).arrayBuffer());
    assert.deepEqual(Buffer.from(made), gzipSync(chunkSource, { level: 9 }), 'gzip level 9');
  });

  test('a file too small to gain from compression is sent as it is', async () => {
    const response = await get('/kit/tiny-Zz99Yy88.js', { 'accept-encoding': 'br, gzip' });
    assert.equal(response.headers.get('content-encoding'), null);
    assert.equal(await decoded(response), 'export{};');
  });

  test('If-None-Match with the ETag of the same representation answers 304, keeping what a cross-origin cache needs', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const first = await get(`/kit/${CHUNK}`, { 'accept-encoding': accept });
      const tag = first.headers.get('etag')!;
      const again = await get(`/kit/${CHUNK}`, { 'accept-encoding': accept, 'if-none-match': tag, origin: 'https://www.any-town.example' });
      assert.equal(again.status, 304, accept);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), tag);
      assert.equal(again.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(again.headers.get('vary'), 'Accept-Encoding');
      assert.equal(again.headers.get('access-control-allow-origin'), '*');
      assert.equal(again.headers.get('cross-origin-resource-policy'), 'cross-origin');
    }
    const loader = await get('/famille.js', { 'accept-encoding': 'br' });
    const tag = loader.headers.get('etag')!;
    assert.equal((await get('/famille.js', { 'accept-encoding': 'br', 'if-none-match': `"other", ${tag}` })).status, 304, 'one of a list');
    assert.equal((await get('/famille.js', { 'accept-encoding': 'br', 'if-none-match': '"other"' })).status, 200);
    assert.equal(
      (await get('/famille.js', { 'accept-encoding': 'gzip', 'if-none-match': tag })).status,
      200,
      'the brotli ETag does not validate the gzip answer',
    );
  });

  test('HEAD answers the headers of GET without the body', async () => {
    const head = await get(`/kit/${CHUNK}`, { 'accept-encoding': 'br' }, 'HEAD');
    const full = await get(`/kit/${CHUNK}`, { 'accept-encoding': 'br' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control', 'access-control-allow-origin', 'vary']) {
      assert.equal(head.headers.get(name), full.headers.get(name), name);
    }
  });

  test('an unknown file, a path out of the folder or a file the kit does not serve is a 404 problem', async () => {
    for (const path of [
      '/kit/nope-12345678.js',
      '/kit/..%2Fsecret',
      '/kit/..%2F..%2Fetc%2Fpasswd',
      '/kit/%2E%2E%2Fsecret',
      '/kit/..',
      '/kit/a/b.js',
      `/kit/sub/${CHUNK}`,
      '/kit/.hidden.js',
      '/kit/',
      '/kit/notes.txt',
      `/kit/${CHUNK}.br`,
      '/famille.js.gz',
      '/kit/%00.js',
      '/secret',
      '/famille.js/x',
    ]) {
      const response = await get(path);
      assert.equal(response.status, 404, path);
      assert.equal(response.headers.get('content-type'), 'application/problem+json', path);
      assert.equal(((await response.json()) as { code: string }).code, 'not_found', path);
    }
    assert.equal((await get('/kit/a/b.js')).headers.get('access-control-allow-origin'), '*', 'a page can read why its script failed');
  });

  test('a plain cross-origin GET is enough: no preflight, no credentials, no tenant check', async () => {
    // What a <script type="module"> sends: GET, Origin, no custom header; the page's origin is no tenant's.
    const response = await get('/famille.js', { origin: 'https://not-a-town.example', 'sec-fetch-mode': 'cors' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('vary'), 'Accept-Encoding', 'the answer does not depend on the Origin');
    assert.equal(response.headers.get('famille-api-version'), null, 'not an API answer');
  });

  test('without a kit, the server serves no script', async () => {
    const { app: bare } = await testApp(database.db, { seed: false });
    assert.equal((await bare.request('/famille.js')).status, 404);
    assert.equal((await bare.request(`/kit/${CHUNK}`)).status, 404);
  });
});

describe('loadKitDirectory', () => {
  test('a copy left by an earlier build is not served: the file is compressed again', () => {
    const stale = mkdtempSync(join(tmpdir(), 'famille-kit-stale-'));
    try {
      writeFileSync(join(stale, 'famille.js'), loaderSource);
      writeFileSync(join(stale, 'famille.js.br'), brotliCompressSync(`${loaderSource}// the previous build\n`));
      writeFileSync(join(stale, 'famille.js.gz'), 'not gzip at all');
      const asset = loadKitDirectory(stale).get('/famille.js')!;
      assert.equal(brotliDecompressSync(asset.br!).toString(), loaderSource);
      assert.equal(gunzipSync(asset.gzip!).toString(), loaderSource);
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });

  test('fails with a clear message when the folder or its famille.js is missing', () => {
    const missing = join(tmpdir(), `famille-kit-missing-${process.pid}`);
    assert.throws(
      () => loadKitDirectory(missing),
      (error: Error) => error.message.includes(missing) && /does not exist/.test(error.message) && /KIT_DIR/.test(error.message),
    );
    const empty = mkdtempSync(join(tmpdir(), 'famille-kit-empty-'));
    try {
      assert.throws(() => loadKitDirectory(empty), /has no famille\.js/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test('KIT_DIR sets kitDir; unset, no kit is served', () => {
    assert.deepEqual(serverOptionsFromEnv({ KIT_DIR: '/srv/famille/kit' }), { kitDir: '/srv/famille/kit' });
    assert.equal(serverOptionsFromEnv({}).kitDir, undefined);
  });
});

describe('the Node server with kitDir', () => {
  /** A raw HTTP exchange: fetch() would decode the body behind our back. */
  function raw(
    url: string,
    method: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((done, fail) => {
      const req = httpRequest(url, { method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end();
    });
  }

  test('serves the loader and the chunks over HTTP, brotli and gzip as asked', async () => {
    const db = await openTestDatabase();
    const files = mkdtempSync(join(tmpdir(), 'famille-kit-files-'));
    const { server, lines } = await startTestServer({ database: db.db, kitDir: dir, seedDemo: false, filesDir: files });
    try {
      const br = await raw(`${server.url}/famille.js`, 'GET', { 'accept-encoding': 'gzip, deflate, br', origin: 'https://www.any-town.example' });
      assert.equal(br.status, 200);
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(Number(br.headers['content-length']), br.body.byteLength);
      assert.equal(br.headers['access-control-allow-origin'], '*');
      assert.equal(br.headers['content-type'], 'text/javascript; charset=utf-8');
      assert.equal(brotliDecompressSync(br.body).toString(), loaderSource);

      const gz = await raw(`${server.url}/kit/${CHUNK}`, 'GET', { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gz.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(gunzipSync(gz.body).toString(), chunkSource);

      const head = await raw(`${server.url}/kit/${CHUNK}`, 'HEAD', { 'accept-encoding': 'gzip' });
      assert.equal(head.status, 200);
      assert.equal(head.headers['content-length'], gz.headers['content-length']);
      assert.equal(head.body.byteLength, 0);

      const notModified = await raw(`${server.url}/kit/${CHUNK}`, 'GET', { 'accept-encoding': 'gzip', 'if-none-match': String(gz.headers['etag']) });
      assert.equal(notModified.status, 304);
      assert.ok(lines.some((l) => l.msg === 'listening' && l['kit'] === dir));
    } finally {
      await server.close();
      await db.close();
      rmSync(files, { recursive: true, force: true });
    }
  });

  test('a kitDir that does not exist stops the start with a clear message', async () => {
    const missing = join(tmpdir(), `famille-kit-missing-${process.pid}`);
    const dataDir = join(tmpdir(), `famille-kit-never-created-${process.pid}`);
    await assert.rejects(
      startTestServer({ kitDir: missing, dataDir }),
      (error: Error) => error.message.includes(missing) && /does not exist/.test(error.message),
    );
    assert.equal(existsSync(dataDir), false, 'nothing was opened');
  });
});
