import type { Hono } from 'hono';
import { utf8Bytes } from '../../auth/encoding.ts';
import { contentCoding } from '../../http/content-coding.ts';
import type { AppConfig } from '../../deps.ts';
import type { AppEnv } from '../../http/env.ts';
import { problemResponse } from '../../http/problem.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { renderDocsPage } from './docs-page.ts';
import { gzip, readRedocScript, redocFileName, renderRedocPage, type RendererScript } from './renderer.ts';

/** Pages: only their own origin's scripts, styles inline (Redoc's are injected at run time). */
const pageSecurity = {
  plain: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  // Redoc: its script, the document (connect), its search index in a worker it starts from a blob.
  redoc:
    "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/**
 * `/openapi.json`, `/docs` (Redoc, or the plain page where the vendored script cannot be
 * read), `/docs/plain` (no script at all) and Redoc's script, each computed once: the
 * contract does not change at run time.
 */
export function mountDocs(router: Hono<AppEnv>, config: AppConfig): void {
  let json: Uint8Array<ArrayBuffer> | undefined;
  let plain: string | undefined;
  let redoc: string | undefined;
  let script: Promise<RendererScript | undefined> | undefined;
  const document = () => buildOpenApiDocument(config);
  const openApiUrl = `${config.basePath}/openapi.json`;
  const plainUrl = `${config.basePath}/docs/plain`;
  const rendererScript = () =>
    (script ??= (async () => {
      const body = readRedocScript();
      return body && { body, gzip: await gzip(body) };
    })());

  router.get('/openapi.json', (c) => {
    json ??= utf8Bytes(JSON.stringify(document()));
    // The same bytes at every request: compressed once (http/json-compression.ts).
    c.set('jsonBody', json);
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
  });
  const plainPage = () => (plain ??= renderDocsPage(document(), openApiUrl));
  router.get('/docs/plain', (c) => c.html(plainPage(), 200, { 'Content-Security-Policy': pageSecurity.plain }));
  router.get('/docs', async (c) => {
    if (!(await rendererScript())) return c.html(plainPage(), 200, { 'Content-Security-Policy': pageSecurity.plain });
    redoc ??= renderRedocPage({ title: `Espace Famille API ${config.version}`, openApiUrl, scriptUrl: `${config.basePath}/docs/${redocFileName}`, plainUrl });
    return c.html(redoc, 200, { 'Content-Security-Policy': pageSecurity.redoc });
  });
  router.get(`/docs/${redocFileName}`, async (c) => {
    const asset = await rendererScript();
    if (!asset) return problemResponse(c, 'not_found');
    const encoding = contentCoding(c, ['gzip']);
    const body = encoding === 'gzip' ? asset.gzip : asset.body;
    return c.body(body as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Content-Length': String(body.byteLength),
      ...(encoding === 'gzip' && { 'Content-Encoding': 'gzip' }),
      Vary: 'Accept-Encoding',
      // The version is in the name: a new one is a new URL.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
