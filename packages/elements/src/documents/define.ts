import { FamilleDocuments } from './documents.ts';

export { FamilleDocuments };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-documents')) customElements.define('famille-documents', FamilleDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'famille-documents': FamilleDocuments;
  }
}
