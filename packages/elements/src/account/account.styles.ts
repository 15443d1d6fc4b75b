import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

export const accountStyles = css`
  ${formStyles('famille-account')}
  famille-account section { display: grid; gap: ${t.space}; }
  /* The sections' headings look the same at any heading-level. */
  famille-account section > :is(h2, h3, h4, h5, h6) { font-size: 1.375rem; margin: 0; }
  famille-account form, famille-account [part~='pending'] {
    display: grid; gap: ${t.space}; padding: ${t.space}; border: 1px solid ${t.border}; border-radius: ${t.radius};
  }
  famille-account form :is(h3, h4, h5, h6) { font-size: 1.125rem; margin: 0; }
  famille-account textarea { font: inherit; padding: 0.5rem; border: 1px solid ${t.border}; border-radius: ${t.radius}; }
`;
