import { FamillePreregistration } from './preregistration.ts';

export { FamillePreregistration };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-preregistration')) customElements.define('famille-preregistration', FamillePreregistration);

declare global {
  interface HTMLElementTagNameMap {
    'famille-preregistration': FamillePreregistration;
  }
}
