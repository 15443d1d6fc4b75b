// Generates the browser build of the contract: the same exports, with every zod schema
// replaced by a precompiled validator over the JSON Schema that zod itself derives from
// it. Rollup loads this in place of src/index.ts for browser bundles (see
// rollup.config.mjs), so the drop-in bundle validates by the contract without zod.
import * as z from 'zod/mini';
import * as contract from '../src/index.ts';
import * as runtime from '../src/runtime.ts';
import type { Endpoint } from '../src/endpoints.ts';

function isSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** JSON Schema of a contract schema, inlined (no $ref), without annotations. */
export function jsonSchemaOf(schema: z.ZodMiniType): object {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    metadata: z.registry(),
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return json;
}

/**
 * What a client needs of each endpoint to call it and check its answer. Summaries, tags
 * and error lists document the API (OpenAPI), and request schemas serve the server and
 * the forms that import them: in the table they would weigh on every page.
 */
function callableEndpoints(table: Record<string, Endpoint>): Record<string, Partial<Endpoint>> {
  return Object.fromEntries(
    Object.entries(table).map(([name, { method, path, auth, response, status, binary }]) => [
      name,
      { method, path, auth, status, ...(binary && { binary }), ...(response && { response }) },
    ]),
  );
}

/** Module source for the browser contract. `runtimePath` is the absolute path of src/runtime.ts. */
export function generateBrowserContract(runtimePath: string): string {
  const schemas = new Map<z.ZodMiniType, string>();
  const declarations: string[] = [];

  const serialize = (value: unknown): string => {
    if (isSchema(value)) {
      let name = schemas.get(value);
      if (!name) {
        name = `schema${schemas.size}`;
        schemas.set(value, name);
        // Pure: a schema nobody imports is dropped from the bundle.
        declarations.push(`const ${name} = /*#__PURE__*/ compile(${JSON.stringify(jsonSchemaOf(value))});`);
      }
      return name;
    }
    if (Array.isArray(value)) return `[${value.map(serialize).join(', ')}]`;
    if (typeof value === 'object' && value !== null) {
      return `{ ${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${serialize(item)}`).join(', ')} }`;
    }
    if (typeof value === 'function') throw new TypeError('a function inside a contract value cannot be generated');
    return JSON.stringify(value);
  };

  const exports: string[] = [];
  for (const [name, value] of Object.entries(contract)) {
    if (name in runtime) continue;
    if (typeof value === 'function') {
      throw new TypeError(`contract export "${name}" is a function: move it to src/runtime.ts so browser bundles keep it`);
    }
    exports.push(`export const ${name} = ${serialize(name === 'endpoints' ? callableEndpoints(value as Record<string, Endpoint>) : value)};`);
  }
  return [
    `import { compile } from ${JSON.stringify(runtimePath)};`,
    `export * from ${JSON.stringify(runtimePath)};`,
    ...declarations,
    ...exports,
  ].join('\n');
}
