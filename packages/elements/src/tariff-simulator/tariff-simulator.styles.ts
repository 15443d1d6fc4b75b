import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

export const tariffStyles = css`
  ${formStyles('famille-tariff-simulator')}
  famille-tariff-simulator {
    max-inline-size: 52rem;
  }
  famille-tariff-simulator fieldset {
    margin: 0;
    padding: ${t.space};
    border: 1px solid ${t.border};
    border-radius: ${t.radius};
    min-inline-size: 0;
  }
  famille-tariff-simulator legend {
    font-weight: 700;
    padding-inline: 0.25rem;
  }
  famille-tariff-simulator .famille-choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-block-size: 2.75rem;
  }
  famille-tariff-simulator select {
    min-block-size: 2.75rem;
    padding: 0.5rem;
    font: inherit;
    color: ${t.text};
    background: ${t.surface};
    border: 2px solid ${t.border};
    border-radius: ${t.radius};
    max-inline-size: 100%;
  }
  famille-tariff-simulator .famille-schedules {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    gap: ${t.space};
  }
  famille-tariff-simulator .famille-lines {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  famille-tariff-simulator dl {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  famille-tariff-simulator dt {
    font-weight: 700;
  }
  famille-tariff-simulator dd {
    margin: 0;
  }
  famille-tariff-simulator [data-amount='monthly'] {
    font-size: 1.5rem;
  }
  famille-tariff-simulator .famille-amounts .famille-hint {
    display: block;
  }
`;
