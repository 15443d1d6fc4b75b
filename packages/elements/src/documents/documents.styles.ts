import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

export const documentsStyles = css`
  ${formStyles('famille-documents')}
  /* The sections' headings look the same at any heading-level. */
  famille-documents section > :is(h2, h3, h4, h5, h6) { font-size: 1.25rem; margin: 0; }
  famille-documents .famille-documents { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
  famille-documents .famille-document {
    display: grid; gap: 0.25rem; padding: ${t.space}; border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.surface};
  }
  famille-documents .famille-document--expired { border-inline-start: 6px solid ${t.danger}; }
  famille-documents .famille-document__type { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  famille-documents .famille-badge {
    display: inline-block; padding: 0.125rem 0.5rem; border: 2px solid currentColor; border-radius: 999px; font-weight: 700; font-size: 0.9375rem; color: ${t.danger};
  }
  famille-documents select {
    min-block-size: 2.75rem; padding: 0.5rem 0.75rem; font: inherit; color: ${t.text}; background: ${t.surface};
    border: 2px solid ${t.border}; border-radius: ${t.radius}; max-inline-size: 100%;
  }
  famille-documents select[aria-invalid='true'] { border-color: ${t.danger}; }
  famille-documents select:focus { outline: 3px solid ${t.focus}; outline-offset: 2px; }
  famille-documents .famille-uploads { margin: 0; padding: 0; list-style: none; }
  famille-documents .famille-upload { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
  famille-documents .famille-button--danger { background: ${t.danger}; border-color: ${t.danger}; }
`;
