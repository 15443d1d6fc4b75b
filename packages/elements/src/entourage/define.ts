import { FamilleEntourage } from './entourage.ts';

export { FamilleEntourage };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-entourage')) customElements.define('famille-entourage', FamilleEntourage);

declare global {
  interface HTMLElementTagNameMap {
    'famille-entourage': FamilleEntourage;
  }
}
