import { FamilleAccount } from './account.ts';

export { FamilleAccount };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-account')) customElements.define('famille-account', FamilleAccount);

declare global {
  interface HTMLElementTagNameMap {
    'famille-account': FamilleAccount;
  }
}
