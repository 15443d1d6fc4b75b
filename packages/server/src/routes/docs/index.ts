import type { Hono } from 'hono';
import type { AppConfig } from '../../deps.ts';
import type { AppEnv } from '../../http/env.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { renderDocsPage } from './docs-page.ts';

/** `/openapi.json` and `/docs`, both computed once: the contract does not change at run time. */
export function mountDocs(router: Hono<AppEnv>, config: AppConfig): void {
  let json: string | undefined;
  let html: string | undefined;
  const document = () => buildOpenApiDocument(config);
  router.get('/openapi.json', (c) => {
    json ??= JSON.stringify(document());
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' });
  });
  router.get('/docs', (c) => {
    html ??= renderDocsPage(document(), `${config.basePath}/openapi.json`);
    return c.html(html, 200, {
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
  });
}
