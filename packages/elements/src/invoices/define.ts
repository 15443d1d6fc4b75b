import { FamilleInvoices } from './invoices.ts';

export { FamilleInvoices };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-invoices')) customElements.define('famille-invoices', FamilleInvoices);

declare global {
  interface HTMLElementTagNameMap {
    'famille-invoices': FamilleInvoices;
  }
}
