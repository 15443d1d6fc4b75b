import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

const s = css`famille-preregistration`;

export const preregistrationStyles = css`
  ${formStyles('famille-preregistration')}
  ${s} { max-inline-size: 48rem; }
  ${s} fieldset { margin: 0; padding: 0; border: 0; min-inline-size: 0; display: grid; gap: 0.5rem; }
  ${s} legend { padding: 0; font-weight: 700; }
  ${s} .famille-section > legend { font-size: 1.25rem; margin-block-end: 0.5rem; }
  ${s} .famille-choice {
    display: inline-flex; align-items: center; gap: 0.5rem; min-block-size: 2.75rem; font-weight: 400; cursor: pointer;
  }
  ${s} .famille-choices .famille-row { gap: 0.25rem 1.5rem; }
  ${s} .famille-boxes { display: grid; gap: 0.25rem; }
  ${s} input[type='radio'],
  ${s} input[type='checkbox'] {
    flex: none; inline-size: 1.5rem; min-block-size: 1.5rem; margin: 0; accent-color: ${t.primary};
  }
  ${s} input[type='file'] { border-style: dashed; }
  ${s} select,
  ${s} textarea {
    font: inherit; color: inherit; inline-size: 100%; min-block-size: 2.75rem; padding: 0.5rem 0.75rem;
    border: 2px solid ${t.text}; border-radius: ${t.radius}; background: ${t.surface};
  }
  ${s} select:focus-visible,
  ${s} textarea:focus-visible { outline: 3px solid ${t.primary}; outline-offset: 2px; }
  ${s} .famille-steps { display: block; font-size: 1rem; font-weight: 400; color: ${t.muted}; }
  /* The cards' headings look the same at any heading-level. */
  ${s} .famille-card > :is(h2, h3, h4, h5, h6) { font-size: 1.25rem; margin: 0; }
  ${s} ul[role='list'],
  ${s} ol[role='list'] { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
  ${s} .famille-card,
  ${s} .famille-choice-row {
    display: grid; gap: 0.5rem; padding: ${t.space}; border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.surface};
  }
  ${s} .famille-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
  ${s} .famille-draft-status { color: ${t.muted}; min-block-size: 1.5em; }
  ${s} .famille-intro { white-space: pre-line; }
  ${s} .famille-badge {
    display: inline-block; padding: 0.125rem 0.5rem; border: 2px solid currentColor; border-radius: 999px; font-weight: 700; font-size: 0.9375rem;
    color: ${t.primary};
  }
  ${s} .famille-badge--place_proposee { color: ${t.success}; }
  ${s} .famille-badge--refusee { color: ${t.danger}; }
  ${s} .famille-badge--annulee,
  ${s} .famille-badge--en_instruction,
  ${s} .famille-badge--liste_attente { color: ${t.text}; }
  ${s} .famille-empty { padding: ${t.space}; border-inline-start: 6px solid ${t.primary}; background: ${t.surface}; display: grid; gap: 0.5rem; }
  ${s} .famille-document { display: grid; gap: 0.5rem; padding-block-end: ${t.space}; border-block-end: 1px solid ${t.border}; }
  ${s} .famille-upload, ${s} .famille-stored__item { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem; }
  ${s} .famille-stored { display: grid; gap: 0.5rem; }
  ${s} .famille-stored__title { margin: 0; font-weight: 600; }
  ${s} progress { inline-size: 10rem; block-size: 1rem; accent-color: ${t.primary}; }
  ${s} .famille-button--danger { background: ${t.danger}; border-color: ${t.danger}; }
  ${s} .famille-request-number { font-size: 1.25rem; font-weight: 700; }
  ${s} dl { margin: 0; }
  ${s} dd ol,
  ${s} dd ul { margin: 0; padding-inline-start: 1.25rem; }
  ${s} .famille-review-row {
    display: grid; grid-template-columns: minmax(8rem, 1fr) minmax(0, 2fr) auto; gap: 0.25rem 1rem;
    padding-block: 0.5rem; border-block-end: 1px solid ${t.border};
  }
  ${s} dt { font-weight: 700; }
  ${s} dd { margin: 0; overflow-wrap: anywhere; }
  @media (max-width: 30rem) {
    ${s} .famille-review-row { grid-template-columns: 1fr auto; }
    ${s} .famille-review-row dt { grid-column: 1 / -1; }
  }
`;
