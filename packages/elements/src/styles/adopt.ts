import type { CSSResult } from 'lit';

/**
 * Light-DOM elements (forms that password managers must see) cannot use a shadow
 * root's styles: their sheet is adopted once by the document or shadow root that holds
 * them, and its selectors are scoped by tag name.
 */
export function adoptOnRoot(node: Node, styles: CSSResult): void {
  const root = node.getRootNode() as Document | ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root) || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
