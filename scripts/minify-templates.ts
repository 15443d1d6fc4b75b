// A Rollup plugin for the browser bundles: folds the white space of Lit's html`` and css``
// template literals, which the JavaScript minifier must keep verbatim. Only the literal
// parts change, never the ${} expressions, and only in ways that render the same:
//   html: a run of white space becomes one space (HTML collapses white space anyway; no
//         template of the kit sits in a <pre> or white-space: pre);
//   css:  comments go; then the same, and no space next to { } ; or after : and , (CSS
//         ignores it there; a space before a colon is kept: `a :hover` is not `a:hover`).
import MagicString from 'magic-string';
import type { Plugin } from 'rollup';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}
interface TemplateElement extends Node {
  value: { raw: string };
}

export const foldHtml = (raw: string) => raw.replace(/\s+/g, ' ');
export const foldCss = (raw: string) =>
  foldHtml(raw.replace(/\/\*[\s\S]*?\*\//g, ''))
    .replace(/ ?([{};]) ?/g, '$1')
    .replace(/([:,]) /g, '$1');

/** The name a tag is called by (`html`, `css`, or a member such as `lit.html`). */
function tagName(tag: Node): string | undefined {
  if (tag.type === 'Identifier') return tag['name'] as string;
  if (tag.type === 'MemberExpression') return tagName(tag['property'] as Node);
  return undefined;
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (node && typeof node === 'object' && typeof (node as Node).type === 'string') {
    visit(node as Node);
    for (const [key, value] of Object.entries(node)) if (key !== 'type' && value && typeof value === 'object') walk(value, visit);
  }
}

export function minifyTemplates(): Plugin {
  return {
    name: 'minify-templates',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\b(html|css)`/.test(code)) return null;
      const ast = this.parse(code) as unknown as Node;
      const output = new MagicString(code);
      walk(ast, (node) => {
        if (node.type !== 'TaggedTemplateExpression') return;
        const name = tagName(node['tag'] as Node);
        const fold = name === 'html' ? foldHtml : name === 'css' ? foldCss : undefined;
        if (!fold) return;
        for (const quasi of (node['quasi'] as { quasis: TemplateElement[] }).quasis) {
          const folded = fold(quasi.value.raw);
          if (folded !== quasi.value.raw) output.overwrite(quasi.start, quasi.end, folded);
        }
      });
      return output.hasChanged() ? { code: output.toString(), map: output.generateMap({ hires: true }) } : null;
    },
  };
}
