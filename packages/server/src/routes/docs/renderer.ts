// The docs page's renderer: Redoc's standalone build, vendored in ./vendor (see its README).
import { escapeMarkup } from '../../markup.ts';

/** The vendored Redoc; its URL carries the version, so browsers may keep it for good. */
const redocVersion = '2.5.4';
export const redocFileName = `redoc-${redocVersion}.standalone.js`;

/** The script, and its gzip encoding (computed once: 1.1 MB compress to about 330 KB). */
export interface RendererScript {
  readonly body: Uint8Array;
  readonly gzip: Uint8Array;
}

// Where the file is from this module: beside it when the server runs from its sources,
// and from `dist/routes/docs/` (the published build) back to the sources it ships with.
const candidates = ['./vendor/redoc.standalone.js', '../../../src/routes/docs/vendor/redoc.standalone.js'];

/**
 * Reads the vendored script where there is a file system (Node, Deno, Bun); `undefined`
 * elsewhere (the mock server in a browser), where the docs page is the plain one.
 * `process.getBuiltinModule` keeps this module free of `node:` imports, so the
 * browser-safe entry may reach it.
 */
export function readRedocScript(): Uint8Array | undefined {
  const fs = globalThis.process?.getBuiltinModule?.('node:fs');
  if (!fs) return undefined;
  for (const candidate of candidates) {
    try {
      return fs.readFileSync(new URL(candidate, import.meta.url));
    } catch {
      // Not there: the next candidate.
    }
  }
  return undefined;
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The page: Redoc renders the document found at `openApiUrl` into `<redoc>`; no inline script. */
export function renderRedocPage({
  title,
  openApiUrl,
  scriptUrl,
  plainUrl,
}: {
  title: string;
  openApiUrl: string;
  scriptUrl: string;
  plainUrl: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeMarkup(title)}</title>
<style>body { margin: 0; } noscript p { font: 16px/1.5 system-ui, sans-serif; margin: 1rem 1.5rem; }</style>
</head>
<body>
<noscript><p>This page needs JavaScript. <a href="${escapeMarkup(plainUrl)}">The same documentation without JavaScript</a> · <a href="${escapeMarkup(openApiUrl)}">OpenAPI document (JSON)</a></p></noscript>
<redoc spec-url="${escapeMarkup(openApiUrl)}" required-props-first="true" expand-responses="200,201,202" expand-single-schema-field="true" json-sample-expand-level="3"></redoc>
<script src="${escapeMarkup(scriptUrl)}"></script>
</body>
</html>
`;
}
