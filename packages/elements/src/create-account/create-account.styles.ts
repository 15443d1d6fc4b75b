import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

export const createAccountStyles = css`
  ${formStyles('famille-create-account')}
  famille-create-account fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  famille-create-account legend {
    padding: 0;
    font-weight: 700;
  }
  famille-create-account .famille-choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    font-weight: 400;
    cursor: pointer;
  }
  famille-create-account .famille-choices .famille-row {
    gap: 0.25rem 1.5rem;
  }
  famille-create-account input[type='radio'],
  famille-create-account input[type='checkbox'] {
    flex: none;
    inline-size: 1.5rem;
    min-block-size: 1.5rem;
    margin: 0;
    accent-color: ${t.primary};
  }
  famille-create-account .famille-steps {
    display: block;
    font-size: 1rem;
    font-weight: 400;
    color: ${t.muted};
  }
  famille-create-account h3 {
    font-size: 1.125rem;
    margin: 0;
  }
  famille-create-account .famille-notice {
    display: grid;
    gap: 0.5rem;
  }
  famille-create-account .famille-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: ${t.space};
  }
  famille-create-account .famille-review,
  famille-create-account .famille-review section {
    display: grid;
    gap: 0.75rem;
  }
  famille-create-account dl {
    margin: 0;
  }
  famille-create-account .famille-review-row {
    display: grid;
    grid-template-columns: minmax(8rem, 1fr) minmax(0, 2fr) auto;
    gap: 0.25rem 1rem;
    padding-block: 0.5rem;
    border-block-end: 1px solid ${t.border};
  }
  famille-create-account dt {
    font-weight: 700;
  }
  famille-create-account dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  @media (max-width: 30rem) {
    famille-create-account .famille-review-row {
      grid-template-columns: 1fr auto;
    }
    famille-create-account .famille-review-row dt {
      grid-column: 1 / -1;
    }
  }
`;
