import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export interface HeadingOptions {
  id?: string | undefined;
  /** The `part` attribute (`heading` for the titles that receive focus). */
  part?: string | undefined;
  /** Focus may be moved to it (tabindex -1): a view's title, announced when it changes. */
  focusable?: boolean | undefined;
  /** Visually hidden, still read by screen readers (a title the host page already shows). */
  hidden?: boolean | undefined;
  /** A class for styling (`famille-sr` is added when hidden). */
  className?: string | undefined;
}

/** How an element renders a heading `depth` levels below its title (its `heading()` method). */
export type HeadingRenderer = (content: unknown, options?: HeadingOptions & { depth?: number }) => TemplateResult;

/**
 * A heading of `level` (brought within 1 to 6). One literal template per level: Lit
 * binds no tag names, and these stay plain HTML a reader can check.
 */
export function heading(level: number, content: unknown, { id, part, focusable, hidden, className }: HeadingOptions = {}): TemplateResult {
  const i = ifDefined(id);
  const p = ifDefined(part);
  const t = ifDefined(focusable ? '-1' : undefined);
  const c = ifDefined([className, hidden && 'famille-sr'].filter(Boolean).join(' ') || undefined);
  switch (Math.min(6, Math.max(1, Math.round(level) || 2))) {
    case 1:
      return html`<h1 id=${i} part=${p} tabindex=${t} class=${c}>${content}</h1>`;
    case 2:
      return html`<h2 id=${i} part=${p} tabindex=${t} class=${c}>${content}</h2>`;
    case 3:
      return html`<h3 id=${i} part=${p} tabindex=${t} class=${c}>${content}</h3>`;
    case 4:
      return html`<h4 id=${i} part=${p} tabindex=${t} class=${c}>${content}</h4>`;
    case 5:
      return html`<h5 id=${i} part=${p} tabindex=${t} class=${c}>${content}</h5>`;
    default:
      return html`<h6 id=${i} part=${p} tabindex=${t} class=${c}>${content}</h6>`;
  }
}
