import { FamilleLogin } from './login.ts';

export { FamilleLogin };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-login')) customElements.define('famille-login', FamilleLogin);

declare global {
  interface HTMLElementTagNameMap {
    'famille-login': FamilleLogin;
  }
}
