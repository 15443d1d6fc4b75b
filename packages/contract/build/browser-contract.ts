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

/**
 * `required: true` where an object requires all its properties (most answers do): the
 * validator reads it as the list of them, and the bundle carries each name once.
 */
function compactRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(compactRequired);
  if (typeof node !== 'object' || node === null) return node;
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, compactRequired(value)])) as Record<string, unknown>;
  const keys = Object.keys((out['properties'] ?? {}) as object);
  const required = out['required'];
  if (Array.isArray(required) && keys.length > 0 && required.length === keys.length && keys.every((key) => required.includes(key))) out['required'] = true;
  return out;
}

/** JSON Schema of a contract schema, inlined (no $ref), without annotations. */
function jsonSchemaOf(schema: z.ZodMiniType): object {
  const { $schema: _, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    metadata: z.registry(),
    target: 'draft-2020-12',
  }) as Record<string, unknown>;
  return compactRequired(json) as object;
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

/** Every zod schema reachable from a value (the contract's exports, the endpoint table). */
function collectSchemas(value: unknown, found: Set<z.ZodMiniType>): void {
  if (isSchema(value)) found.add(value);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) collectSchemas(item, found);
}

/**
 * Writes JSON Schemas as JavaScript literals, hoisting every sizeable subtree that occurs
 * more than once (a Member inside a request, a phone number rule…) into a shared constant,
 * since zod inlines each occurrence.
 */
function literalWriter(all: readonly object[], declarations: string[]) {
  const counts = new Map<string, number>();
  const count = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const key = JSON.stringify(node);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    for (const child of Object.values(node)) count(child);
  };
  all.forEach(count);
  const hoisted = new Map<string, string>();
  const write = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    const key = JSON.stringify(node);
    const name = hoisted.get(key);
    if (name) return name;
    const literal = Array.isArray(node)
      ? `[${node.map(write).join(',')}]`
      : `{${Object.entries(node).map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`).join(',')}}`;
    if ((counts.get(key) ?? 0) < 2 || key.length < 48) return literal;
    const shared = `j${hoisted.size}`;
    hoisted.set(key, shared);
    declarations.push(`const ${shared} = ${literal};`);
    return shared;
  };
  return write;
}

/** Module source for the browser contract. `runtimePath` is the absolute path of src/runtime.ts. */
export function generateBrowserContract(runtimePath: string): string {
  const schemas = new Map<z.ZodMiniType, string>();
  const declarations: string[] = [];
  const values = Object.entries(contract)
    .filter(([name]) => !(name in runtime))
    .map(([name, value]) => [name, name === 'endpoints' ? callableEndpoints(value as Record<string, Endpoint>) : value] as const);
  const found = new Set<z.ZodMiniType>();
  for (const [, value] of values) collectSchemas(value, found);
  const jsonOf = new Map([...found].map((schema) => [schema, jsonSchemaOf(schema)]));
  const write = literalWriter([...jsonOf.values()], declarations);

  const serialize = (value: unknown): string => {
    if (isSchema(value)) {
      let name = schemas.get(value);
      if (!name) {
        name = `schema${schemas.size}`;
        schemas.set(value, name);
        // Pure: a schema nobody imports is dropped from the bundle.
        declarations.push(`const ${name} = /*#__PURE__*/ compile(${write(jsonOf.get(value))});`);
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
  for (const [name, value] of values) {
    if (typeof value === 'function') {
      throw new TypeError(`contract export "${name}" is a function: move it to src/runtime.ts so browser bundles keep it`);
    }
    exports.push(`export const ${name} = ${serialize(value)};`);
  }
  return [
    `import { compile } from ${JSON.stringify(runtimePath)};`,
    `export * from ${JSON.stringify(runtimePath)};`,
    ...declarations,
    ...exports,
  ].join('\n');
}
