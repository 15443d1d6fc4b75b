// Generates the browser build of the contract: the same exports, with every zod schema
// replaced by a precompiled validator over the JSON Schema that zod itself derives from
// it. Rollup loads these modules in place of src/index.ts for browser bundles (see
// rollup.config.mjs), so the elements validate by the contract without zod.
//
// One module per export and one per endpoint (`endpoints` is a namespace of them): Rollup
// splits code by module, so a page's chunks carry only the validators of the operations
// that page calls, not every endpoint's.
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
  const keys = Object.keys(out['properties'] ?? {});
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

/** Stands for `answerAsIs` of the runtime in an endpoint whose answers are not checked. */
const asIs = Symbol('answerAsIs');

/**
 * What a client needs of an endpoint to call it and check its answer (or, without
 * `checkAnswers`, take it as it is). Summaries, tags and error lists document the API
 * (OpenAPI), and request schemas serve the server and the forms that import them: in the
 * table they would weigh on every page.
 */
function callable({ method, path, auth, response, status, binary }: Endpoint, checkAnswers: boolean): Partial<Endpoint> {
  return { method, path, auth, status, ...(binary && { binary }), ...(response && { response: checkAnswers ? response : (asIs as never) }) };
}

/**
 * Writes JSON Schemas as JavaScript literals, hoisting every sizeable subtree that occurs
 * more than once in the module (a Member inside a request, a phone number rule…) into a
 * constant, since zod inlines each occurrence.
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
      : `{${Object.entries(node)
          .map(([k, v]) => `${JSON.stringify(k)}:${write(v)}`)
          .join(',')}}`;
    if ((counts.get(key) ?? 0) < 2 || key.length < 48) return literal;
    const shared = `j${hoisted.size}`;
    hoisted.set(key, shared);
    declarations.push(`const ${shared} = ${literal};`);
    return shared;
  };
  return write;
}

/** The name of a module of the browser contract: `index`, `endpoints`, an export's name, or `endpoint.<name>`. */
export type UnitName = string;

/**
 * The browser contract as modules, by name. `ref(name)` gives the specifier another
 * module imports a unit by (a virtual id for Rollup, a relative file for the tests);
 * `runtimePath` is the specifier of src/runtime.ts. Import `index`.
 *
 * `checkAnswers: false` (the served kit) gives every endpoint `answerAsIs` in place of its
 * response validator: the answers' validators and the validator itself then stay off the
 * pages that only send requests, about 2 KB gzip of a login page. The SDK still checks
 * the API's version on connection, and every answer of the server is checked against the
 * contract by the SDK in the server's tests.
 */
export function browserContractModules(runtimePath: string, ref: (unit: UnitName) => string, { checkAnswers = true } = {}): Map<UnitName, string> {
  // Each exported schema lives in the module of its export; endpoints import them from there.
  const home = new Map<z.ZodMiniType, UnitName>();
  const values: [UnitName, unknown][] = [];
  for (const [name, value] of Object.entries(contract)) {
    if (name in runtime) continue;
    if (typeof value === 'function') {
      throw new TypeError(`contract export "${name}" is a function: move it to src/runtime.ts so browser bundles keep it`);
    }
    if (name === 'endpoints') continue;
    if (isSchema(value)) home.set(value, name);
    values.push([name, value]);
  }
  const endpointNames = Object.keys(contract.endpoints);
  for (const [name, endpoint] of Object.entries(contract.endpoints as Record<string, Endpoint>))
    values.push([`endpoint.${name}`, callable(endpoint, checkAnswers)]);

  const modules = new Map<UnitName, string>();
  for (const [unit, value] of values) {
    const imports = new Set<UnitName>();
    const local = new Map<z.ZodMiniType, string>();
    const compiled: z.ZodMiniType[] = [];
    const collect = (item: unknown): void => {
      if (isSchema(item)) {
        const owner = home.get(item);
        if (owner !== undefined && owner !== unit) imports.add(owner);
        else if (!compiled.includes(item)) compiled.push(item);
      } else if (typeof item === 'object' && item !== null) Object.values(item).forEach(collect);
    };
    collect(value);
    const declarations: string[] = [];
    const jsonOf = new Map(compiled.map((schema) => [schema, jsonSchemaOf(schema)]));
    const write = literalWriter([...jsonOf.values()], declarations);
    let usesAsIs = false;
    const serialize = (item: unknown): string => {
      if (item === asIs) {
        usesAsIs = true;
        return 'answerAsIs';
      }
      if (isSchema(item)) {
        const owner = home.get(item);
        if (owner !== undefined && owner !== unit) return owner;
        let name = local.get(item);
        if (!name) {
          local.set(item, (name = `schema${local.size}`));
          // Pure: a validator nobody reads is dropped from the bundle.
          declarations.push(`const ${name} = /*#__PURE__*/ compile(${write(jsonOf.get(item))});`);
        }
        return name;
      }
      if (Array.isArray(item)) return `[${item.map(serialize).join(', ')}]`;
      if (typeof item === 'object' && item !== null) {
        return `{ ${Object.entries(item)
          .map(([key, entry]) => `${JSON.stringify(key)}: ${serialize(entry)}`)
          .join(', ')} }`;
      }
      return JSON.stringify(item);
    };
    const body = serialize(value);
    modules.set(
      unit,
      [
        ...(compiled.length ? [`import { compile } from ${JSON.stringify(runtimePath)};`] : []),
        ...(usesAsIs ? [`import { answerAsIs } from ${JSON.stringify(runtimePath)};`] : []),
        ...[...imports].map((owner) => `import { ${owner} } from ${JSON.stringify(ref(owner))};`),
        ...declarations,
        `export const ${unit.startsWith('endpoint.') ? 'endpoint' : unit} = ${body};`,
      ].join('\n'),
    );
  }
  modules.set('endpoints', endpointNames.map((name) => `export { endpoint as ${name} } from ${JSON.stringify(ref(`endpoint.${name}`))};`).join('\n'));
  modules.set(
    'index',
    [
      `export * from ${JSON.stringify(runtimePath)};`,
      ...values.filter(([unit]) => !unit.startsWith('endpoint.')).map(([unit]) => `export { ${unit} } from ${JSON.stringify(ref(unit))};`),
      `export * as endpoints from ${JSON.stringify(ref('endpoints'))};`,
    ].join('\n'),
  );
  return modules;
}
