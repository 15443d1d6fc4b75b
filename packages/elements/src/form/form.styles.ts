import { css, unsafeCSS, type CSSResult } from 'lit';
import * as t from '../styles/tokens.ts';

/**
 * Styles of a light-DOM form element, scoped by its tag name (`scope`). Specificity
 * stays low but beats a host page's bare element rules (`input {}`, `button {}`).
 */
export function formStyles(tag: string): CSSResult {
  const s = unsafeCSS(tag);
  return css`
    ${s} {
      display: block;
      color: ${t.text};
      font-family: ${t.font};
      line-height: 1.5;
      max-inline-size: 36rem;
    }
    ${s} *,
    ${s} *::before,
    ${s} *::after {
      box-sizing: border-box;
    }
    ${s} form,
    ${s} .famille-stack {
      display: grid;
      gap: ${t.space};
    }
    /* The title (the heading part), whatever its heading-level. */
    ${s} :where([part~='heading']) {
      font-size: 1.5rem;
      line-height: 1.25;
      margin: 0;
    }
    ${s} p {
      margin: 0;
    }
    ${s} .famille-field {
      display: grid;
      gap: 0.25rem;
    }
    ${s} .famille-field--error {
      border-inline-start: 4px solid ${t.danger};
      padding-inline-start: 0.75rem;
    }
    ${s} label {
      font-weight: 700;
    }
    ${s} .famille-hint {
      color: ${t.muted};
    }
    ${s} .famille-error {
      color: ${t.danger};
      font-weight: 700;
    }
    ${s} .famille-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    ${s} input {
      flex: 1 1 12rem;
      min-inline-size: 0;
      min-block-size: 2.75rem;
      padding: 0.5rem 0.75rem;
      font: inherit;
      color: ${t.text};
      background: ${t.surface};
      border: 2px solid ${t.border};
      border-radius: ${t.radius};
    }
    ${s} input[aria-invalid='true'] {
      border-color: ${t.danger};
    }
    ${s} .famille-button {
      min-block-size: 2.75rem;
      padding: 0.5rem 1.25rem;
      font: inherit;
      font-weight: 700;
      color: ${t.onPrimary};
      background: ${t.primary};
      border: 2px solid ${t.primary};
      border-radius: ${t.radius};
      cursor: pointer;
    }
    ${s} .famille-button--secondary {
      color: ${t.primary};
      background: ${t.surface};
    }
    ${s} [aria-disabled='true'] {
      cursor: progress;
    }
    ${s} form > .famille-button,
    ${s} .famille-stack .famille-button,
    ${s} .famille-alert > .famille-button {
      justify-self: start;
    }
    ${s} a,
    ${s} .famille-link {
      color: ${t.primary};
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    ${s} .famille-link {
      padding: 0;
      font: inherit;
      background: none;
      border: 0;
      cursor: pointer;
      text-align: start;
    }
    ${s} :focus-visible,
    ${s} input:focus {
      outline: 3px solid ${t.focus};
      outline-offset: 2px;
    }
    ${s} [tabindex='-1']:focus {
      outline: none;
    }
    ${s} .famille-summary:focus,
    ${s} .famille-alert:focus {
      outline: 3px solid ${t.focus};
    }
    ${s} .famille-summary,
    ${s} .famille-alert {
      display: grid;
      gap: 0.5rem;
      padding: ${t.space};
      border: 4px solid ${t.danger};
      border-radius: ${t.radius};
      background: ${t.surface};
    }
    ${s} .famille-alert {
      border-width: 0 0 0 6px;
      background: ${t.dangerSurface};
    }
    ${s} .famille-summary-title {
      font-size: 1.25rem;
      margin: 0;
    }
    ${s} .famille-summary ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    ${s} .famille-summary a {
      color: ${t.danger};
      font-weight: 700;
    }
    ${s} .famille-checklist ul {
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
    }
    ${s} .famille-met {
      color: ${t.success};
    }
    ${s} .famille-alert--success {
      border-color: ${t.success};
      background: ${t.surface};
    }
    ${s} a.famille-button {
      display: inline-flex;
      align-items: center;
      justify-self: start;
      text-decoration: none;
    }
    ${s} .famille-sr {
      position: absolute !important;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    @media (forced-colors: active) {
      ${s} .famille-button {
        border-color: ButtonText;
      }
    }
  `;
}
