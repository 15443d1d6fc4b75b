import { FamillePortal } from './portal.ts';

export { FamillePortal };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-portal')) customElements.define('famille-portal', FamillePortal);

declare global {
  interface HTMLElementTagNameMap {
    'famille-portal': FamillePortal;
  }
}
