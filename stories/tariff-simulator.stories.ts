import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@famille/elements/define-all';
import { createClient, type FamilleClient } from '@famille/sdk';
import { choose, settle, type, waitFor, waitForText } from './support/play.ts';
import { demoClient, householdOfEveryStatus, parentClient, prepareMockServer } from './support/mock.ts';

interface TariffArgs {
  lang: 'fr' | 'en';
  /** A narrow wrapper, as on a phone. */
  width?: string;
}
interface Loaded {
  loaded: { client?: FamilleClient };
}
type Canvas = { canvasElement: HTMLElement };

/** The barème's day in every story: the rates and bounds in force on 1 October 2025. */
const storyDate = '2025-10-01';

/**
 * `<famille-tariff-simulator>`: what a crèche place will cost, public (no login), on the
 * reference server running in the page (mock-server), which serves the tenant's `tariff`
 * configuration. Vienne Condrieu: closed 4 weeks, 12 months billed; Ville d'Exemple:
 * closed 5 weeks, 11 months billed, a crèche familiale.
 */
const meta = {
  title: 'Elements/famille-tariff-simulator',
  component: 'famille-tariff-simulator',
  tags: ['autodocs'],
  loaders: [prepareMockServer, () => ({ client: demoClient() })],
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args, { loaded }: Loaded) => html`<div style=${args.width ? `max-inline-size: ${args.width}` : ''}>
    <famille-tariff-simulator .client=${loaded.client} lang=${args.lang} date=${storyDate} preregistration-href="#preinscription"></famille-tariff-simulator>
  </div>`,
} satisfies Meta<TariffArgs>;
export default meta;
type Story = StoryObj<TariffArgs>;

/** The tenant's configuration is here: its structures are offered. */
const ready = (canvas: HTMLElement, structure = 'Cocon de Soie') => waitForText(canvas, 'option', structure);

/** Picks an option of the "Structure ou mode d'accueil" list by its text, as a keyboard or a click does. */
async function pick(canvas: HTMLElement, text: string): Promise<void> {
  const select = await waitFor(() => canvas.querySelector<HTMLSelectElement>('select'), 'the list');
  const option = await waitFor(() => [...select.options].find((o) => o.text.includes(text)), `the "${text}" option`);
  select.value = option.value;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(select);
}

/** Fills the household, then waits for both schedules' monthly amounts. */
const household =
  (values: { yearly?: string; monthly?: string; children?: string; aeeh?: string; care?: string }, expect: string) =>
  async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    if (values.care) await pick(canvasElement, values.care);
    if (values.monthly !== undefined) {
      await choose(canvasElement, 'Montant mensuel de la Caf');
      await type(canvasElement, 'Ressources mensuelles communiquées par la Caf (en euros)', values.monthly);
    } else {
      await type(canvasElement, 'Revenus annuels du foyer (en euros)', values.yearly ?? '42 000');
    }
    if (values.children) await type(canvasElement, 'Nombre d’enfants à charge', values.children);
    if (values.aeeh) await type(canvasElement, 'Dont enfants bénéficiaires de l’AEEH', values.aeeh);
    await waitForText(canvasElement, '[part=lines]', expect);
    await waitFor(() => canvasElement.querySelectorAll('[data-amount=monthly]').length === 2, 'both monthly amounts');
  };

/** Nothing typed yet: the form, and what to fill in. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitForText(canvasElement, '[part=status]', 'Complétez le formulaire');
  },
};

/** 42 000 € a year, 2 children, a multi-accueil: 3 days against 4 days a week. */
export const Estimate: Story = {
  play: household({ yearly: '42 000', children: '2' }, 'Tarif horaire'),
};

/** The Caf's monthly figure below the plancher: the plancher is retained. */
export const BelowPlancher: Story = {
  play: household({ monthly: '500' }, 'plancher appliqué'),
};

/** Resources above the plafond: the plafond (8 500 € a month) is retained. */
export const AbovePlafond: Story = {
  play: household({ yearly: '150 000' }, 'plafond appliqué'),
};

/** One child, entitled to the AEEH: the rate of a family of 2. */
export const Aeeh: Story = {
  play: household({ yearly: '42 000', children: '1', aeeh: '1' }, 'famille de 2 enfants'),
};

/** 9 children: the largest bracket, 0,0206 %. */
export const LargeFamily: Story = {
  play: household({ yearly: '42 000', children: '9' }, '0,0206'),
};

/** A micro-crèche of the tenant, closed one more week than the others. */
export const MicroCreche: Story = {
  play: async (context) => {
    await household({ yearly: '42 000', children: '2', care: 'Graine de Malice' }, 'Tarif horaire')(context);
    await waitForText(context.canvasElement, 'p', ': micro-crèche.');
    await waitForText(context.canvasElement, '[part=schedule]', '47 au plus');
  },
};

/** Another tenant's rules: closed 5 weeks (47 weeks at most), billed over 11 months. */
export const TenantOverride: Story = {
  loaders: [() => ({ client: createClient({ baseUrl: '/api', tenant: 'ville-exemple', auth: 'token' }) })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement, 'Les Lutins');
    await type(canvasElement, 'Revenus annuels du foyer (en euros)', '42 000');
    await waitForText(canvasElement, '[part=schedule]', '47 au plus');
    await waitForText(canvasElement, '[part=result]', '11 mensualités');
  },
};

/** A crèche familiale: its own table (0,0516 % for one child), not the collectif one. */
export const Familial: Story = {
  loaders: [() => ({ client: createClient({ baseUrl: '/api', tenant: 'ville-exemple', auth: 'token' }) })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement, 'Petits Pas');
    await pick(canvasElement, 'Petits Pas');
    await type(canvasElement, 'Revenus annuels du foyer (en euros)', '36 000');
    // 3 000 € × 0,0516 % = 1,548 €: Ville d'Exemple brings it down to the cent.
    await waitForText(canvasElement, '[part=result]', '1,54');
  },
};

/** A day whose plancher the simulator does not know (2021): it says so rather than guess. */
export const NoBareme: Story = {
  render: (args, { loaded }: Loaded) =>
    html`<famille-tariff-simulator .client=${loaded.client} lang=${args.lang} date="2021-06-01"></famille-tariff-simulator>`,
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await type(canvasElement, 'Revenus annuels du foyer (en euros)', '42 000');
    await waitForText(canvasElement, '[part=status]', 'pas intégré');
  },
};

/** A logged-in parent: the number of children comes from their family (a child and an expected one). */
export const LoggedIn: Story = {
  loaders: [
    async () => {
      const client = await parentClient();
      await householdOfEveryStatus(client);
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitForText(canvasElement, '[part=hint]', 'D’après votre Espace Famille : 2 enfants');
    await waitFor(() => canvasElement.querySelector<HTMLInputElement>('input[name=children]')?.value === '2', '2 children');
  },
};

/** In English. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await type(canvasElement, 'Yearly household income (in euros)', '42000');
    await waitForText(canvasElement, '[part=lines]', 'Hourly rate');
    await waitForText(canvasElement, '[part=result]', 'Monthly amount');
  },
};

/** On a phone: the two schedules stack. */
export const Narrow: Story = {
  args: { width: '20rem' },
  play: household({ yearly: '42 000' }, 'Tarif horaire'),
};
