import { css } from 'lit';
import { formStyles } from '../form/form.styles.ts';
import * as t from '../styles/tokens.ts';

// The table becomes a list of cards when the element is narrower than 40rem (a phone, a
// side column): a container query, so the host page's layout decides, not the viewport.
// There, while invoices are selected, the totals and "Payer" stay at the bottom of the
// screen: below dozens of cards they would be out of sight.
export const invoicesStyles = css`
  ${formStyles('famille-invoices')}
  famille-invoices { container: famille-invoices / inline-size; max-inline-size: none; }
  /* The sections' headings look the same at any heading-level. */
  famille-invoices section > :is(h2, h3, h4, h5, h6) { font-size: 1.25rem; margin: 0; }
  famille-invoices table { inline-size: 100%; border-collapse: collapse; }
  famille-invoices caption { text-align: start; font-weight: 700; padding-block-end: 0.5rem; }
  famille-invoices th, famille-invoices td { padding: 0.5rem; border-block-end: 1px solid ${t.border}; text-align: start; vertical-align: middle; }
  famille-invoices td.famille-amount, famille-invoices th.famille-amount { text-align: end; font-variant-numeric: tabular-nums; }
  famille-invoices input[type='checkbox'],
  famille-invoices input[type='radio'] {
    flex: none; inline-size: 1.5rem; block-size: 1.5rem; min-block-size: 1.5rem; padding: 0; margin: 0; accent-color: ${t.primary};
  }
  famille-invoices .famille-check { display: inline-flex; align-items: center; min-block-size: 2.75rem; min-inline-size: 2.75rem; cursor: pointer; }
  famille-invoices .famille-badge {
    display: inline-block; padding: 0.125rem 0.5rem; border: 2px solid currentColor; border-radius: 999px; font-weight: 700; font-size: 0.9375rem; color: ${t.primary};
  }
  famille-invoices .famille-badge--reglee { color: ${t.success}; }
  famille-invoices .famille-badge--en_retard { color: ${t.danger}; }
  famille-invoices .famille-badge--partiellement_reglee { color: ${t.text}; }
  famille-invoices .famille-totals { display: grid; gap: 0.25rem; padding: ${t.space}; border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.surface}; }
  famille-invoices .famille-totals p { font-size: 1.125rem; }
  famille-invoices .famille-counter { padding: ${t.space}; border-inline-start: 6px solid ${t.primary}; background: ${t.surface}; }
  famille-invoices .famille-counter ul { margin: 0; }
  /* The PDF buttons: formStyles' link buttons, tall enough to tap. */
  famille-invoices .famille-link { padding-block: 0.5rem; min-block-size: 2.75rem; }
  famille-invoices .famille-history { display: grid; gap: 0.5rem; margin: 0; padding: 0; list-style: none; }
  famille-invoices .famille-history > li { padding: 0.75rem; border: 1px solid ${t.border}; border-radius: ${t.radius}; }
  famille-invoices .famille-history ul { margin: 0.25rem 0 0; }
  /*
   * The sections under the invoices (history, attestations, e-invoices) are laid out only
   * when scrolled near: with years of invoices, the first screen comes sooner. They stay in
   * the accessibility tree and find-in-page.
   */
  famille-invoices :is([part~='history'], [part~='attestations'], [part~='preferences']) { content-visibility: auto; contain-intrinsic-block-size: auto 30rem; }
  famille-invoices fieldset { margin: 0; padding: 0; border: 0; min-inline-size: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.5rem; }
  famille-invoices legend { padding: 0; font-weight: 700; inline-size: 100%; }
  famille-invoices .famille-choice { display: inline-flex; align-items: center; gap: 0.5rem; min-block-size: 2.75rem; cursor: pointer; }
  @container famille-invoices (max-width: 40rem) {
    famille-invoices table, famille-invoices caption, famille-invoices tbody, famille-invoices tr, famille-invoices td { display: block; }
    famille-invoices tbody th { display: block; border: 0; padding: 0.25rem 0; font-size: 1.125rem; align-self: center; }
    /* The checkbox beside the number; the other cells below, full width. */
    famille-invoices tbody tr { display: grid; grid-template-columns: auto 1fr; column-gap: 0.5rem; }
    famille-invoices tbody td:not(:first-child) { grid-column: 1 / -1; }
    famille-invoices thead tr { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    famille-invoices tbody { display: grid; gap: 0.75rem; }
    famille-invoices tr { padding: 0.75rem; border: 1px solid ${t.border}; border-radius: ${t.radius}; background: ${t.surface}; }
    famille-invoices td { border: 0; padding: 0.25rem 0; display: flex; justify-content: space-between; gap: 1rem; text-align: end; }
    famille-invoices td[data-label]::before { content: attr(data-label); font-weight: 700; text-align: start; }
    /* Compact: the totals beside "Payer", the hint (or how to pay at the counter) below. */
    famille-invoices .famille-totals { grid-template-columns: 1fr auto; align-items: center; column-gap: 0.75rem; padding: 0.75rem; }
    famille-invoices .famille-totals > * { grid-column: 1 / -1; }
    famille-invoices .famille-totals > p:first-child, famille-invoices .famille-totals > [part='total'] { grid-column: 1; }
    famille-invoices .famille-totals > .famille-button { grid-column: 2; grid-row: 1 / span 2; max-inline-size: 11rem; }
    famille-invoices .famille-totals .famille-hint { font-size: 0.9375rem; }
    /*
     * While invoices are selected, the totals stay at the bottom of the screen over the
     * cards; at the end of the list they are back in their place, under the last card.
     * Controls reached with Tab scroll clear of them (revealAbovePayBar in payment.ts).
     */
    famille-invoices .famille-totals--selecting { position: sticky; inset-block-end: 0; z-index: 1; border-block-start-width: 3px; }
  }
`;
