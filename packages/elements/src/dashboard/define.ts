import { FamilleDashboard } from './dashboard.ts';

export { FamilleDashboard };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-dashboard')) customElements.define('famille-dashboard', FamilleDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'famille-dashboard': FamilleDashboard;
  }
}
