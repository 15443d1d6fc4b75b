import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens. Every colour, radius and spacing of the kit is read through a
 * `--famille-*` custom property set by the host page; the defaults below are the only
 * literal colours in the kit (each meets WCAG AA on white).
 * The property is read without being declared on our elements, so a value set on any
 * ancestor (the page, a portal, a wrapper) wins.
 */
const token = (name: string, fallback: string): CSSResult => unsafeCSS(`var(--famille-${name}, ${fallback})`);

export const primary = token('color-primary', '#0b4f9c');
export const onPrimary = token('color-on-primary', '#fff');
export const text = token('color-text', '#1f1f1f');
export const muted = token('color-text-muted', '#4d4d4d');
export const surface = token('color-surface', '#fff');
/** Input borders: at least 3:1 against the surface (WCAG 1.4.11). */
export const border = token('color-border', '#6b6b6b');
export const danger = token('color-error', '#b3261e');
export const dangerSurface = token('color-error-surface', '#fdf0ef');
export const success = token('color-success', '#1e6b34');
export const focus = token('color-focus', 'var(--famille-color-primary, #0b4f9c)');
export const radius = token('radius', '4px');
export const space = token('space', '1rem');
/** Not set by default: the text inherits the host page's font. */
export const font = unsafeCSS('var(--famille-font)');
