import { FamilleTariffSimulator } from './tariff-simulator.ts';

export { FamilleTariffSimulator };

// Several bundles of the kit may meet on one page: the first definition wins.
if (!customElements.get('famille-tariff-simulator')) customElements.define('famille-tariff-simulator', FamilleTariffSimulator);

declare global {
  interface HTMLElementTagNameMap {
    'famille-tariff-simulator': FamilleTariffSimulator;
  }
}
