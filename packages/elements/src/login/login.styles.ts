import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

export const loginStyles = css`
  ${formStyles('famille-login')}
  famille-login .famille-links {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }
  famille-login .famille-account {
    display: grid;
    gap: ${t.space};
    justify-items: start;
  }
`;
