// `cem analyze` reads the JSDoc of each element class (@summary, @fires, @csspart,
// @cssprop, @slot) and the Lit `static properties` into packages/elements/custom-elements.json,
// which Storybook's docs pages read (`npm run build`, `npm run build-storybook`).
//
// The plugins below make the manifest the elements' public API and nothing else:
// - every event gets its detail type from the element's `FamilleXxxEvents` interface (the
//   map that types `#emit` and `HTMLElementEventMap`), or from the global event map when the
//   element's own interface lacks it; a `@fires {Type} name` in the JSDoc wins;
// - no `#private`, private, protected or static member, and no declaration other than the
//   custom elements and the classes they extend (no helper functions, message tables…);
// - the `--famille-*` tokens are documented once, on FamilleElement, and reach each
//   element's docs through inheritance; the portal, which does not extend it but is
//   themed by the same tokens, gets the same list;
// - the class JSDoc's first paragraph (`@summary`) is the summary, the others the description;
// - each part says how to reach it: `[part~=…]` for light-DOM elements (FamilleElement's
//   subclasses), `::part()` for the portal's shadow root.
// test/node/build/manifest.test.ts checks the result against the elements' sources.

/** The base class that holds the shared token list and renders in the light DOM. */
const BASE = 'FamilleElement';

const oneLine = (text) => text.replace(/\s+/g, ' ').trim();

/** Detail types of events, from the `…Events` interfaces and `HTMLElementEventMap` augmentations. */
function eventTypesPlugin() {
  /** module path → event name → detail type text, from the module's `…Events` interfaces */
  const byModule = new Map();
  /** event name → detail type texts, from every interface merged into `HTMLElementEventMap` */
  const global = new Map();
  /** interface names merged into `HTMLElementEventMap` through `FamilleEventMap<X>` */
  const mapped = new Set();
  /** interface name → event name → detail type text */
  const interfaces = new Map();
  const addGlobal = (name, type) => global.set(name, new Set([...(global.get(name) ?? []), type]));

  return {
    name: 'famille - event detail types',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isInterfaceDeclaration(node)) return;
      const name = node.name.text;
      const members = new Map();
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type) continue;
        const key = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : undefined;
        if (key) members.set(key, oneLine(member.type.getText()));
      }
      if (name === 'HTMLElementEventMap') {
        for (const clause of node.heritageClauses ?? []) {
          for (const type of clause.types) {
            if (type.expression.getText() === 'FamilleEventMap' && type.typeArguments?.[0]) mapped.add(type.typeArguments[0].getText());
          }
        }
        for (const [key, type] of members) {
          const detail = /^CustomEvent<([\s\S]*)>$/.exec(type)?.[1];
          if (detail) addGlobal(key, oneLine(detail));
        }
        return;
      }
      if (!name.endsWith('Events')) return;
      interfaces.set(name, members);
      const own = byModule.get(moduleDoc.path) ?? new Map();
      for (const [key, type] of members) own.set(key, type);
      byModule.set(moduleDoc.path, own);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const name of mapped) for (const [key, type] of interfaces.get(name) ?? []) addGlobal(key, type);
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            if (event.type?.text) continue;
            // An inherited event takes its type where it was declared.
            const home = event.inheritedFrom?.module ?? mod.path;
            const own = byModule.get(home)?.get(event.name);
            const shared = global.get(event.name);
            const detail = own ?? (shared?.size === 1 ? [...shared][0] : undefined);
            if (detail) event.type = { text: `CustomEvent<${detail}>` };
          }
        }
      }
    },
  };
}

/** Only the custom elements, the classes they extend, and their public members. */
function publicApiPlugin() {
  return {
    name: 'famille - public API only',
    packageLinkPhase({ customElementsManifest }) {
      const classes = new Map();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) if (declaration.kind === 'class') classes.set(declaration.name, declaration);
      }
      const chain = (declaration) => {
        const names = [];
        for (let d = declaration; d?.superclass?.name; d = classes.get(d.superclass.name)) names.push(d.superclass.name);
        return names;
      };
      const elements = [...classes.values()].filter((d) => d.customElement && d.tagName);
      const kept = new Set(elements.flatMap((d) => [d.name, ...chain(d)]).filter((name) => classes.has(name)));
      const base = classes.get(BASE);

      for (const name of kept) {
        const declaration = classes.get(name);
        declaration.members = (declaration.members ?? []).filter(
          (m) => !m.name.startsWith('#') && m.privacy !== 'private' && m.privacy !== 'protected' && !m.static,
        );
        if (!declaration.tagName) continue;
        // TypeScript reads everything up to the next tag as `@summary`: its first paragraph
        // is the summary, the rest the description (what Storybook's docs page shows).
        if (!declaration.description && declaration.summary?.includes('\n\n')) {
          const [summary, ...rest] = declaration.summary.split(/\n\s*\n/);
          declaration.summary = summary.trim();
          declaration.description = rest.join('\n\n').trim();
        }
        const lightDom = chain(declaration).includes(BASE);
        // The tokens are read through `var()` by every element, the portal's message included.
        if (!lightDom && base) {
          const own = new Set((declaration.cssProperties ?? []).map((p) => p.name));
          declaration.cssProperties = [...(declaration.cssProperties ?? []), ...(base.cssProperties ?? []).filter((p) => !own.has(p.name))];
        }
        for (const part of declaration.cssParts ?? []) {
          const selector = lightDom ? `${declaration.tagName} [part~='${part.name}']` : `${declaration.tagName}::part(${part.name})`;
          part.description = `\`${selector}\`${part.description ? ` — ${part.description}` : ''}`;
        }
      }

      customElementsManifest.modules = customElementsManifest.modules.filter((mod) => {
        mod.declarations = (mod.declarations ?? []).filter((d) => kept.has(d.name));
        mod.exports = (mod.exports ?? []).filter((e) => e.kind === 'custom-element-definition' || kept.has(e.declaration?.name));
        return mod.declarations.length > 0 || mod.exports.length > 0;
      });
      // The same manifest whatever order the files were found in.
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.styles.ts', '**/*.test.ts'],
  outdir: 'packages/elements',
  litelement: true,
  packagejson: false,
  plugins: [eventTypesPlugin(), publicApiPlugin()],
};
