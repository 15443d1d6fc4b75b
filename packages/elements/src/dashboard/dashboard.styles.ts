import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

// Blocks in a grid that takes two columns when the element is wide enough (a container
// query: the host page's layout decides). The greeting and the to-do span both.
export const dashboardStyles = css`
  ${formStyles('famille-dashboard')}
  famille-dashboard { container: famille-dashboard / inline-size; max-inline-size: none; }
  famille-dashboard > .famille-stack { grid-template-columns: minmax(0, 1fr); }
  famille-dashboard :is([part~='heading'], [part~='greeting'], [part~='todo']) { grid-column: 1 / -1; }
  famille-dashboard .famille-block > :is(h2, h3, h4, h5, h6) { font-size: 1.25rem; margin: 0; }
  famille-dashboard .famille-block { display: grid; gap: 0.75rem; align-content: start; padding: ${t.space}; border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.surface}; }
  famille-dashboard .famille-hello { font-size: 1.25rem; font-weight: 700; }
  famille-dashboard .famille-list { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
  famille-dashboard .famille-list ul { margin: 0.25rem 0 0.5rem; }
  famille-dashboard .famille-badge { display: inline-block; padding: 0 0.5rem; border: 2px solid currentColor; border-radius: 999px; font-weight: 700; font-size: 0.9375rem; color: ${t.primary}; }
  famille-dashboard :is(.famille-badge--validee, .famille-badge--place_proposee) { color: ${t.success}; }
  famille-dashboard :is(.famille-badge--refusee, .famille-badge--late) { color: ${t.danger}; }
  famille-dashboard :is(.famille-badge--annulee, .famille-badge--liste_attente) { color: ${t.text}; }
  famille-dashboard .famille-link { display: inline-flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; min-block-size: 2.75rem; text-align: start; }
  famille-dashboard .famille-strong { font-weight: 700; }
  famille-dashboard .famille-message { display: grid; gap: 0.5rem; padding: ${t.space}; border-inline-start: 6px solid ${t.primary}; }
  famille-dashboard .famille-message-body { white-space: pre-line; }
  famille-dashboard .famille-unread { font-weight: 700; }
  @container famille-dashboard (min-width: 48rem) {
    famille-dashboard > .famille-stack { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  }
`;
