// axe-core ships as UMD: imported for its side effect, it sets `window.axe`.
import 'axe-core';
import type * as Axe from 'axe-core';

const axe = (globalThis as unknown as { axe: typeof Axe }).axe;

/** Runs axe on `root` with the WCAG 2.1 A/AA rules; throws with each violation found. */
export async function expectNoAxeViolations(root: Element, label = ''): Promise<void> {
  const result = await axe.run(root, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  if (result.violations.length) {
    const list = result.violations.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.html).join('\n    ')}`);
    throw new Error(`axe found ${result.violations.length} violation(s)${label ? ` in ${label}` : ''}:\n  ${list.join('\n  ')}`);
  }
}
