// The custom-elements manifest (what Storybook's docs pages and editors read) holds the
// elements' public API, all of it and nothing else. The analyzer runs here into a
// temporary folder (no build needed); what the elements really define, declare and
// dispatch is read from their TypeScript sources with a parser, since the element modules
// cannot be imported in Node (they need a DOM).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSync } from 'oxc-parser';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const src = join(root, 'packages/elements/src');
/** The base class of every light-DOM element, where the shared design tokens are documented. */
const BASE = 'FamilleElement';

// ---------------------------------------------------------------------------------------
// The manifest, as `npm run build` writes it.

interface Item {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  inheritedFrom?: { name: string };
}
interface Member extends Item {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
}
interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  superclass?: { name: string };
  summary?: string;
  description?: string;
  members?: Member[];
  attributes?: Item[];
  events?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
  slots?: Item[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

function analyze(): Manifest {
  const out = mkdtempSync(join(tmpdir(), 'famille-cem-'));
  try {
    const cem = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
    // The analyzer joins --outdir to its working directory: a relative path reaches the temp folder.
    execFileSync(process.execPath, [cem, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--outdir', relative(root, out), '--quiet'], {
      cwd: root,
      stdio: 'pipe',
    });
    return JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8')) as Manifest;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const manifest = analyze();
const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
const elements = new Map(declarations.filter((d) => d.tagName).map((d) => [d.tagName!, d]));
const names = (items: Item[] | undefined) => (items ?? []).map((i) => i.name).sort();

// ---------------------------------------------------------------------------------------
// The sources, read statically.

interface Node {
  type: string;
  [key: string]: unknown;
}
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && typeof (value as Node).type === 'string';
const at = (node: Node, key: string): Node | undefined => (isNode(node[key]) ? node[key] : undefined);
const list = (node: Node, key: string): Node[] => (Array.isArray(node[key]) ? (node[key] as unknown[]).filter(isNode) : []);
const text = (node: Node | undefined): string | undefined =>
  !node
    ? undefined
    : node.type === 'Identifier'
      ? (node.name as string)
      : node.type === 'PrivateIdentifier'
        ? `#${node.name as string}`
        : node.type === 'Literal' && typeof node.value === 'string'
          ? node.value
          : undefined;

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const child of value) if (isNode(child)) yield* walk(child);
    if (isNode(value)) yield* walk(value);
  }
}

interface SourceModule {
  path: string;
  program: Node;
  /** local name → the module and exported name it comes from (relative imports only) */
  imports: Map<string, { path: string; name: string }>;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function parseModule(path: string): SourceModule {
  const result = parseSync(path, readFileSync(path, 'utf8'), { lang: 'ts', sourceType: 'module' });
  assert.deepEqual(result.errors, [], `${path} parses`);
  const program = result.program as unknown as Node;
  const imports = new Map<string, { path: string; name: string }>();
  for (const statement of list(program, 'body')) {
    const from = text(at(statement, 'source'));
    if (statement.type !== 'ImportDeclaration' || !from?.startsWith('.')) continue;
    for (const specifier of list(statement, 'specifiers')) {
      const local = text(at(specifier, 'local'))!;
      imports.set(local, { path: resolve(dirname(path), from), name: text(at(specifier, 'imported')) ?? 'default' });
    }
  }
  return { path, program, imports };
}

const modules = new Map(files(src).map((path) => [path, parseModule(path)]));
const moduleAt = (path: string) => modules.get(path) ?? assert.fail(`no module ${path}`);

function classIn(mod: SourceModule, name: string): Node {
  for (const node of walk(mod.program)) if (node.type === 'ClassDeclaration' && text(at(node, 'id')) === name) return node;
  return assert.fail(`no class ${name} in ${mod.path}`);
}

/** The element classes by tag, from each define.ts: `customElements.define('famille-x', FamilleX)`. */
function definedElements(): Map<string, { name: string; path: string }> {
  const defined = new Map<string, { name: string; path: string }>();
  for (const mod of modules.values()) {
    if (basename(mod.path) !== 'define.ts') continue;
    for (const node of walk(mod.program)) {
      const callee = at(node, 'callee');
      if (node.type !== 'CallExpression' || callee?.type !== 'MemberExpression') continue;
      if (text(at(callee, 'object')) !== 'customElements' || text(at(callee, 'property')) !== 'define') continue;
      const [tag, klass] = list(node, 'arguments');
      const name = text(klass)!;
      defined.set(text(tag)!, { name, path: mod.imports.get(name)?.path ?? mod.path });
    }
  }
  return defined;
}

/** The superclass of a class, when it is one of ours. */
function superclassOf(mod: SourceModule, klass: Node): { mod: SourceModule; klass: Node } | undefined {
  const name = text(at(klass, 'superClass'));
  const from = name ? mod.imports.get(name) : undefined;
  if (!from) return undefined;
  const superMod = moduleAt(from.path);
  return { mod: superMod, klass: classIn(superMod, from.name) };
}

/** Attribute names of `static properties`, as Lit derives them (`attribute: false` has none). */
function ownAttributes(klass: Node): string[] {
  const attributes: string[] = [];
  for (const member of list(at(klass, 'body')!, 'body')) {
    if (member.type !== 'PropertyDefinition' || !member.static || text(at(member, 'key')) !== 'properties') continue;
    for (const property of list(at(member, 'value')!, 'properties')) {
      const name = text(at(property, 'key'))!;
      const option = list(at(property, 'value')!, 'properties').find((o) => text(at(o, 'key')) === 'attribute');
      const value = option && at(option, 'value')!.value;
      if (value === false) continue;
      attributes.push(typeof value === 'string' ? value : name.toLowerCase());
    }
  }
  return attributes;
}

function attributesOf(mod: SourceModule, klass: Node): string[] {
  const parent = superclassOf(mod, klass);
  return [...ownAttributes(klass), ...(parent ? attributesOf(parent.mod, parent.klass) : [])];
}

// Which events are dispatched where. An event name reaches `familleEvent(name, …)` (or
// `new CustomEvent(name, …)`) as a literal, or through helpers that pass one of their
// parameters on (`#emit(type)`, `requestLink(host, event)`, `#link(event)`), or inside a
// helper that names it (`loginLink` → 'famille-login-requested', `loadClientState` →
// 'famille-error'). Every function's summary — events it always dispatches, parameters it
// passes on as event names — is computed until nothing changes.

interface FunctionUnit {
  key: string | undefined;
  mod: SourceModule;
  klass: string | undefined;
  node: Node;
  params: string[];
  fixed: Set<string>;
  forwards: Set<number>;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const units: FunctionUnit[] = [];
const unitsByKey = new Map<string, FunctionUnit>();

function collectUnits(mod: SourceModule, node: Node, klass: string | undefined, name: string | undefined): void {
  if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') klass = text(at(node, 'id')) ?? klass;
  if (FUNCTIONS.has(node.type)) {
    const params = list(node, 'params').map((p) => text(p.type === 'AssignmentPattern' ? at(p, 'left') : p) ?? '');
    const key = name ? `${mod.path}:${name}` : undefined;
    const unit: FunctionUnit = { key, mod, klass, node, params, fixed: new Set(), forwards: new Set() };
    units.push(unit);
    if (key) unitsByKey.set(key, unit);
  }
  for (const [field, value] of Object.entries(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (!isNode(child)) continue;
      // A named function: a declaration, a `const f = () => …`, or a class method.
      let childName: string | undefined;
      if (child.type === 'FunctionDeclaration') childName = text(at(child, 'id'));
      if (node.type === 'VariableDeclarator' && field === 'init') childName = text(at(node, 'id'));
      if (node.type === 'MethodDefinition' && field === 'value') childName = `${klass}.${text(at(node, 'key'))}`;
      collectUnits(mod, child, klass, childName);
    }
  }
}
for (const mod of modules.values()) collectUnits(mod, mod.program, undefined, undefined);

/** Argument positions that take an event name, for the function a call reaches. */
function sinks(unit: FunctionUnit, call: Node): { positions: Set<number>; fixed: Set<string> } | undefined {
  const callee = at(call, 'callee')!;
  const name = text(callee);
  if ((call.type === 'CallExpression' && name === 'familleEvent') || (call.type === 'NewExpression' && name === 'CustomEvent')) {
    return { positions: new Set([0]), fixed: new Set() };
  }
  let target: FunctionUnit | undefined;
  if (call.type === 'CallExpression' && name) {
    const imported = unit.mod.imports.get(name);
    target = unitsByKey.get(imported ? `${imported.path}:${imported.name}` : `${unit.mod.path}:${name}`);
  } else if (call.type === 'CallExpression' && callee.type === 'MemberExpression' && at(callee, 'object')?.type === 'ThisExpression') {
    target = unitsByKey.get(`${unit.mod.path}:${unit.klass}.${text(at(callee, 'property'))}`);
  }
  return target && { positions: target.forwards, fixed: target.fixed };
}

for (let changed = true; changed;) {
  changed = false;
  for (const unit of units) {
    const before = unit.fixed.size + unit.forwards.size;
    for (const node of walk(at(unit.node, 'body')!)) {
      if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
      const reached = sinks(unit, node);
      if (!reached) continue;
      for (const event of reached.fixed) unit.fixed.add(event);
      const args = list(node, 'arguments');
      for (const position of reached.positions) {
        const arg = args[position];
        if (arg?.type === 'Literal' && typeof arg.value === 'string') unit.fixed.add(arg.value);
        else if (arg?.type === 'Identifier' && unit.params.includes(arg.name as string)) unit.forwards.add(unit.params.indexOf(arg.name as string));
      }
    }
    if (unit.fixed.size + unit.forwards.size !== before) changed = true;
  }
}

/** Events dispatched by code inside `scope` (a class, a module). */
function dispatchedIn(scope: Node): Set<string> {
  const inside = new Set(walk(scope));
  return new Set(units.filter((u) => inside.has(u.node)).flatMap((u) => [...u.fixed]));
}

/** Keys of the `…Events` interfaces of a module (the map `#emit` and `HTMLElementEventMap` use). */
function declaredEvents(mod: SourceModule): string[] {
  const keys: string[] = [];
  for (const node of walk(mod.program)) {
    if (node.type !== 'TSInterfaceDeclaration' || !text(at(node, 'id'))!.endsWith('Events')) continue;
    for (const member of list(at(node, 'body')!, 'body')) keys.push(text(at(member, 'key'))!);
  }
  return keys;
}

/**
 * An element's events: those its folder's code dispatches (login's recovery flows live in
 * recovery.ts), those its events interface declares, and those of the classes it extends.
 */
function eventsOf(mod: SourceModule, klass: Node): Set<string> {
  const folder = dirname(mod.path);
  const events = new Set(declaredEvents(mod));
  for (const other of modules.values()) if (dirname(other.path) === folder) for (const e of dispatchedIn(other.program)) events.add(e);
  for (let parent = superclassOf(mod, klass); parent; parent = superclassOf(parent.mod, parent.klass)) {
    for (const e of dispatchedIn(parent.klass)) events.add(e);
  }
  return events;
}

/** The design tokens of styles/tokens.ts: name → fallback (none for the font). */
function tokens(): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  const source = readFileSync(join(src, 'styles/tokens.ts'), 'utf8');
  for (const [, name, fallback] of source.matchAll(/token\('([a-z-]+)', '([^']+)'\)/g)) found.set(`--famille-${name}`, fallback);
  for (const [, name] of source.matchAll(/unsafeCSS\('var\((--famille-[a-z-]+)\)'\)/g)) found.set(name!, undefined);
  return found;
}

const defined = definedElements();

// ---------------------------------------------------------------------------------------

test('lists exactly the tags the define.ts files register, each on the class they register', () => {
  assert.ok(defined.size >= 6, `found ${defined.size} define calls`);
  assert.deepEqual([...elements.keys()].sort(), [...defined.keys()].sort());
  for (const [tag, { name }] of defined) assert.equal(elements.get(tag)!.name, name, tag);
});

test('holds only the custom elements and the classes they extend: no helper, no message table', () => {
  const extended = new Set([...elements.values()].map((d) => d.superclass?.name));
  for (const d of declarations) {
    assert.equal(d.kind, 'class', `${d.name} is a ${d.kind}`);
    assert.ok(d.tagName || extended.has(d.name), `${d.name} is neither an element nor extended by one`);
  }
});

test('documents no #private, private, protected or static member', () => {
  for (const d of declarations) {
    for (const m of d.members ?? []) {
      assert.ok(!m.name.startsWith('#'), `${d.name}.${m.name}`);
      assert.ok(m.privacy === undefined || m.privacy === 'public', `${d.name}.${m.name} is ${m.privacy}`);
      assert.ok(!m.static, `${d.name}.${m.name} is static`);
      assert.ok(m.description, `${d.name}.${m.name} has a description`);
    }
  }
  assert.ok(!declarations.some((d) => d.members?.some((m) => m.name === 'lightStyles' || m.name === 'reconnectContext')));
});

test("gives every element the attributes of its (and its base class's) static properties, each described", () => {
  for (const [tag, { name, path }] of defined) {
    const mod = moduleAt(path);
    const element = elements.get(tag)!;
    assert.deepEqual(names(element.attributes), attributesOf(mod, classIn(mod, name)).sort(), `${tag}: attributes`);
    for (const a of element.attributes ?? []) assert.ok(a.description, `${tag} [${a.name}] has a description`);
  }
});

test('documents every event an element dispatches or declares, each with its detail type and a description', () => {
  let typed = 0;
  for (const [tag, { name, path }] of defined) {
    const mod = moduleAt(path);
    const element = elements.get(tag)!;
    assert.deepEqual(names(element.events), [...eventsOf(mod, classIn(mod, name))].sort(), `${tag}: events`);
    for (const e of element.events ?? []) {
      assert.match(e.type?.text ?? '', /^CustomEvent<.+>$/, `${tag} ${e.name} has a detail type`);
      assert.ok(e.description, `${tag} ${e.name} has a description`);
      typed++;
    }
  }
  assert.ok(typed >= 20, `${typed} events`);
});

test('the static reading sees the dispatches behind helpers (so that the comparison above can fail)', () => {
  const login = defined.get('famille-login')!;
  const loginEvents = eventsOf(moduleAt(login.path), classIn(moduleAt(login.path), login.name));
  // #emit(type), #link(event) → #emit, recovery.ts's familleEvent, and the base class's loadClientState.
  for (const e of ['famille-login', 'famille-forgot-password', 'famille-password-reset', 'famille-error']) assert.ok(loginEvents.has(e), e);
  const invoices = defined.get('famille-invoices')!;
  const invoiceEvents = dispatchedIn(moduleAt(invoices.path).program);
  // loginLink → requestLink(host, 'famille-login-requested') → familleEvent(event).
  assert.ok(invoiceEvents.has('famille-login-requested'));
  assert.ok(!invoiceEvents.has('famille-login'), 'an event only listened to is not dispatched');
});

test('documents the --famille-* tokens once, on FamilleElement, with their defaults, and lists them all for every element', () => {
  const expected = tokens();
  assert.ok(expected.size >= 12, `${expected.size} tokens in tokens.ts`);
  const base = declarations.find((d) => d.name === BASE)!;
  assert.deepEqual(names(base.cssProperties), [...expected.keys()].sort());
  for (const p of base.cssProperties ?? []) {
    assert.equal(p.default, expected.get(p.name), `${p.name}: default`);
    assert.ok(p.description, `${p.name} has a description`);
  }
  for (const [tag, element] of elements) {
    for (const name of expected.keys())
      assert.ok(
        element.cssProperties?.some((p) => p.name === name),
        `${tag} lists ${name}`,
      );
  }
  const jsdoc = files(src)
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  for (const name of expected.keys()) {
    const count = jsdoc.split('\n').filter((line) => new RegExp(`@cssprop(erty)? \\[?${name}[\\s=\\]]`).test(line)).length;
    assert.equal(count, 1, `${name} is documented ${count} times in the sources`);
  }
});

test("tells how to reach each part: [part~='…'] in the light DOM, ::part() across the portal's shadow root", () => {
  for (const [tag, element] of elements) {
    const lightDom = element.superclass?.name === BASE;
    assert.ok(element.cssParts?.length, `${tag} has parts`);
    for (const part of element.cssParts ?? []) {
      const selector = lightDom ? `\`${tag} [part~='${part.name}']\`` : `\`${tag}::part(${part.name})\``;
      assert.ok(part.description?.startsWith(`${selector} — `), `${tag} ${part.name}: ${part.description}`);
    }
  }
  assert.equal(elements.get('famille-portal')!.superclass?.name, 'ConnectedElement');
});

test('every element has a Storybook docs page: a stories file for its tag with autodocs, and the manifest given to Storybook', () => {
  const stories = files(join(root, 'stories'))
    .filter((f) => f.endsWith('.stories.ts'))
    .map(parseModule);
  for (const tag of defined.keys()) {
    const meta = stories
      .flatMap((s) => [...walk(s.program)])
      .find((n) => n.type === 'ObjectExpression' && list(n, 'properties').some((p) => text(at(p, 'key')) === 'component' && text(at(p, 'value')) === tag));
    assert.ok(meta, `a stories file has component: '${tag}'`);
    const tags = list(meta, 'properties').find((p) => text(at(p, 'key')) === 'tags');
    assert.ok(tags && list(at(tags, 'value')!, 'elements').some((e) => text(e) === 'autodocs'), `${tag}: tags: ['autodocs']`);
  }
  const preview = join(root, '.storybook/preview.ts');
  assert.ok(existsSync(preview) && /setCustomElementsManifest\(/.test(readFileSync(preview, 'utf8')), 'preview gives Storybook the manifest');
  assert.match(readFileSync(join(root, '.storybook/main.ts'), 'utf8'), /'@storybook\/addon-docs'/);
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.match(scripts['build-storybook']!, /^cem analyze --config custom-elements-manifest\.config\.mjs && storybook build/);
});
