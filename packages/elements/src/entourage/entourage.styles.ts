import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

export const entourageStyles = css`
  ${formStyles('famille-entourage')}
  famille-entourage { max-inline-size: 48rem; }
  famille-entourage fieldset { margin: 0; padding: 0; border: 0; min-inline-size: 0; display: grid; gap: ${t.space}; }
  famille-entourage legend { padding: 0; font-weight: 700; }
  famille-entourage .famille-section > legend { font-size: 1.25rem; margin-block-end: 0.5rem; }
  famille-entourage .famille-choice {
    display: inline-flex; align-items: center; gap: 0.5rem; min-block-size: 2.75rem; font-weight: 400; cursor: pointer;
  }
  famille-entourage .famille-choices .famille-row { gap: 0.25rem 1.5rem; }
  famille-entourage input[type='radio'],
  famille-entourage input[type='checkbox'] {
    flex: none; inline-size: 1.5rem; min-block-size: 1.5rem; margin: 0; accent-color: ${t.primary};
  }
  famille-entourage input[type='file'] { border-style: dashed; }
  famille-entourage .famille-steps { display: block; font-size: 1rem; font-weight: 400; color: ${t.muted}; }
  famille-entourage h3 { font-size: 1.25rem; margin: 0; }
  famille-entourage h4 { font-size: 1.125rem; margin: 0; }
  famille-entourage .famille-group { display: grid; gap: 0.75rem; padding-block-start: ${t.space}; border-block-start: 1px solid ${t.border}; }
  famille-entourage ul[role='list'] { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
  famille-entourage .famille-member,
  famille-entourage .famille-request {
    display: grid; gap: 0.5rem; padding: ${t.space}; border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.surface};
  }
  famille-entourage .famille-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
  famille-entourage .famille-badge {
    display: inline-block; padding: 0.125rem 0.5rem; border: 2px solid currentColor; border-radius: 999px; font-weight: 700; font-size: 0.9375rem;
    color: ${t.primary};
  }
  famille-entourage .famille-badge--validee { color: ${t.success}; }
  famille-entourage .famille-badge--refusee,
  famille-entourage .famille-badge--removal { color: ${t.danger}; }
  famille-entourage .famille-badge--en_cours { color: ${t.text}; }
  famille-entourage .famille-empty { padding: ${t.space}; border-inline-start: 6px solid ${t.primary}; background: ${t.surface}; display: grid; gap: 0.5rem; }
  famille-entourage .famille-docs,
  famille-entourage ol { margin: 0; padding-inline-start: 1.25rem; }
  famille-entourage .famille-upload { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
  famille-entourage progress { inline-size: 10rem; block-size: 1rem; accent-color: ${t.primary}; }
  famille-entourage .famille-button--danger { background: ${t.danger}; border-color: ${t.danger}; }
  famille-entourage .famille-request-number { font-size: 1.25rem; font-weight: 700; }
  famille-entourage summary { cursor: pointer; color: ${t.primary}; }
  famille-entourage dl { margin: 0; }
  famille-entourage .famille-review-row {
    display: grid; grid-template-columns: minmax(8rem, 1fr) minmax(0, 2fr) auto; gap: 0.25rem 1rem;
    padding-block: 0.5rem; border-block-end: 1px solid ${t.border};
  }
  famille-entourage dt { font-weight: 700; }
  famille-entourage dd { margin: 0; overflow-wrap: anywhere; }
  @media (max-width: 30rem) {
    famille-entourage .famille-review-row { grid-template-columns: 1fr auto; }
    famille-entourage .famille-review-row dt { grid-column: 1 / -1; }
  }
`;
