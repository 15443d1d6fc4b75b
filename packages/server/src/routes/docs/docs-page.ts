import { escapeMarkup } from '../../markup.ts';

type Json = Record<string, unknown>;

/** Any value the document holds, escaped. */
const escape = (value: unknown) => escapeMarkup(String(value));

/** Escapes, then renders `code` spans and **strong** text (the inline markup descriptions use). */
const prose = (value: unknown) =>
  escape(value)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');

/** The Markdown of the document's description: `##` headings, `-` lists, `|` tables, paragraphs. */
function markdown(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      if (block.startsWith('## ')) return `<h3>${prose(block.slice(3))}</h3>`;
      if (lines.every((line) => line.startsWith('- '))) return `<ul>${lines.map((line) => `<li>${prose(line.slice(2))}</li>`).join('')}</ul>`;
      if (lines.every((line) => line.startsWith('|'))) {
        const cells = (line: string) =>
          line
            .slice(1, -1)
            .split('|')
            .map((cell) => cell.trim());
        const [head, , ...rows] = lines;
        return `<table><thead><tr>${cells(head!)
          .map((cell) => `<th>${prose(cell)}</th>`)
          .join('')}</tr></thead><tbody>${rows
          .map(
            (row) =>
              `<tr>${cells(row)
                .map((cell) => `<td>${prose(cell)}</td>`)
                .join('')}</tr>`,
          )
          .join('')}</tbody></table>`;
      }
      if (lines[0]?.startsWith('## ')) return `<h3>${prose(lines[0].slice(3))}</h3>${markdown(lines.slice(1).join('\n'))}`;
      return `<p>${prose(block)}</p>`;
    })
    .join('\n');
}

const refName = (schema: Json | undefined) => (typeof schema?.['$ref'] === 'string' ? schema['$ref'].split('/').pop()! : undefined);

/** A schema in a few words, with links to named schemas. */
function describeType(schema: Json | undefined): string {
  if (!schema) return '';
  const ref = refName(schema);
  if (ref) return `<a href="#schema-${escape(ref)}">${escape(ref)}</a>`;
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((v) => `<code>${escape(JSON.stringify(v))}</code>`).join(' | ');
  if ('const' in schema) return `<code>${escape(JSON.stringify(schema['const']))}</code>`;
  if (schema['type'] === 'array') return `array of ${describeType(schema['items'] as Json)}`;
  if (Array.isArray(schema['anyOf'])) return (schema['anyOf'] as Json[]).map(describeType).join(' or ');
  const constraints = ['minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'format']
    .filter((key) => key in schema)
    .map((key) => `${key} ${escape(schema[key])}`);
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[]).join(' | ') : String((schema['type'] as string | undefined) ?? 'any');
  return escape(type) + (constraints.length ? ` <small>(${constraints.join(', ')})</small>` : '');
}

function propertiesTable(schema: Json): string {
  const properties = schema['properties'] as Record<string, Json> | undefined;
  if (!properties) return `<p>${describeType(schema)}</p>`;
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(
    ([name, property]) =>
      `<tr><td><code>${escape(name)}</code>${required.has(name) ? ' <span class="req" title="required">*</span>' : ''}</td>` +
      `<td>${property['type'] === 'object' ? propertiesTable(property) : describeType(property)}</td><td>${prose(property['description'] ?? '')}</td></tr>`,
  );
  return `<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * A self-contained page (no script, no external asset) documenting the OpenAPI document:
 * the docs without JavaScript, and where Redoc's script cannot be read (see renderer.ts).
 */
export function renderDocsPage(doc: Json, openApiUrl: string): string {
  const info = doc['info'] as Json;
  const server = ((doc['servers'] as Json[])[0]?.['url'] as string) ?? '';
  const paths = doc['paths'] as Record<string, Record<string, Json>>;
  const schemas = (doc['components'] as Json)['schemas'] as Record<string, Json>;
  const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set(operations.map(({ op }) => (op['tags'] as string[])[0]!))];

  const renderOperation = ({ path, method, op }: (typeof operations)[number]) => {
    const params = (op['parameters'] as Json[] | undefined) ?? [];
    const body = ((op['requestBody'] as Json | undefined)?.['content'] as Record<string, Json> | undefined)?.['application/json'];
    const responses = Object.entries(op['responses'] as Record<string, Json>);
    const secured = (op['security'] as unknown[]).length > 0;
    return `<section class="op" id="op-${escape(op['operationId'])}">
  <h3><span class="method ${escape(method)}">${escape(method.toUpperCase())}</span> <code>${escape(server + path)}</code></h3>
  <p><strong>${escape(op['summary'])}.</strong> ${prose(op['description'] ?? '')} <em>${secured ? `Authentication: ${(op['security'] as Json[]).map((s) => Object.keys(s)[0]).join(' or ')}.` : 'Public.'}</em></p>
  ${params.length ? `<h4>Parameters</h4><table><tbody>${params.map((p) => `<tr><td><code>${escape(p['name'])}</code> <small>${escape(p['in'])}</small></td><td>${describeType(p['schema'] as Json)}</td><td>${prose(p['description'] ?? '')}</td></tr>`).join('')}</tbody></table>` : ''}
  ${body ? `<h4>Request body (application/json)</h4><p>${describeType(body['schema'] as Json)}</p>` : ''}
  <h4>Responses</h4><table><thead><tr><th>Status</th><th>Meaning</th><th>Body</th></tr></thead><tbody>${responses
    .map(([status, response]) => {
      const content = response['content'] as Record<string, Json> | undefined;
      const [type, media] = Object.entries(content ?? {})[0] ?? [];
      return `<tr><td>${escape(status)}</td><td>${prose(response['description'])}</td><td>${media ? `${describeType(media['schema'] as Json)} <small>${escape(type)}</small>` : '—'}</td></tr>`;
    })
    .join('')}</tbody></table>
</section>`;
  };

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info['title'])} ${escape(info['version'])}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; color: #1b1b1b; }
  h1 { margin-bottom: 0; } h2 { border-bottom: 2px solid #ddd; margin-top: 2.5rem; text-transform: capitalize; }
  .op { border: 1px solid #ddd; border-radius: .5rem; padding: 0 1rem .5rem; margin: 1rem 0; }
  .method { display: inline-block; min-width: 4rem; text-align: center; border-radius: .25rem; color: #fff; background: #555; font-size: .85em; padding: .1rem .4rem; }
  .get { background: #0b6e4f; } .post { background: #1d4ed8; } .put, .patch { background: #8a5a00; } .delete { background: #b3261e; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border-bottom: 1px solid #eee; text-align: left; padding: .3rem .5rem; vertical-align: top; }
  code { font: .9em ui-monospace, monospace; background: #f4f4f4; padding: 0 .2rem; border-radius: .2rem; }
  .req { color: #b3261e; } a { color: #1d4ed8; } nav ul { columns: 2; }
</style>
</head>
<body>
<h1>${escape(info['title'])}</h1>
<p>Version ${escape(info['version'])} · Base path <code>${escape(server)}</code> · <a href="${escape(openApiUrl)}">OpenAPI 3.1 document (JSON)</a></p>
${markdown(String(info['description']))}
<nav aria-label="Operations"><ul>${operations.map(({ path, method, op }) => `<li><a href="#op-${escape(op['operationId'])}">${escape(method.toUpperCase())} ${escape(path)}</a></li>`).join('')}</ul></nav>
<main>
${tags
  .map(
    (tag) =>
      `<h2>${escape(tag)}</h2>\n${operations
        .filter(({ op }) => (op['tags'] as string[])[0] === tag)
        .map(renderOperation)
        .join('\n')}`,
  )
  .join('\n')}
<h2>Schemas</h2>
${Object.entries(schemas)
  .map(
    ([name, schema]) =>
      `<section id="schema-${escape(name)}"><h3>${escape(name)}</h3>${schema['description'] ? `<p>${prose(schema['description'])}</p>` : ''}${propertiesTable(schema)}</section>`,
  )
  .join('\n')}
</main>
</body>
</html>
`;
}
