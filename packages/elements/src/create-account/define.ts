import { FamilleCreateAccount } from './create-account.ts';

export { FamilleCreateAccount };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-create-account')) customElements.define('famille-create-account', FamilleCreateAccount);

declare global {
  interface HTMLElementTagNameMap {
    'famille-create-account': FamilleCreateAccount;
  }
}
