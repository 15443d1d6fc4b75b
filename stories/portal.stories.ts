import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@famille/elements/define-all';
import { createClient, type FamilleClient } from '@famille/sdk';
import { submit, type, waitForText } from './support/play.ts';
import { demo, prepareMockServer } from './support/mock.ts';

interface PortalArgs {
  tenant: string;
  lang: 'fr' | 'en';
}

/**
 * `<famille-portal>` gives the elements inside it one client, the session, the
 * tenant's configuration and the locale.
 */
const meta = {
  title: 'Elements/famille-portal',
  component: 'famille-portal',
  tags: ['autodocs'],
  loaders: [prepareMockServer],
  args: { tenant: demo.tenant, lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args) => html`<famille-portal api="/api" tenant=${args.tenant} auth="token" lang=${args.lang}>
    <famille-login></famille-login>
  </famille-portal>`,
} satisfies Meta<PortalArgs>;
export default meta;
type Story = StoryObj<PortalArgs>;

/** A login inside a portal: no attribute of its own, everything comes from the portal. */
export const LoginInPortal: Story = {
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Identifiant', demo.identifiant);
    await type(canvasElement, 'Mot de passe', demo.password);
    await submit(canvasElement);
    await waitForText(canvasElement, 'h2', 'Bonjour');
  },
};

/** The portal's `lang` reaches the login. */
export const PortalInEnglish: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'label', 'Username');
  },
};

/** A session already open when the page loads: the login shows it at once. */
export const SessionProvided: Story = {
  loaders: [
    async () => {
      const client = createClient({ baseUrl: '/api', tenant: demo.tenant, auth: 'token' });
      await client.auth.login({ identifiant: demo.identifiant, password: demo.password });
      return { client };
    },
  ],
  render: (args, { loaded }) => html`<famille-portal .client=${loaded['client'] as FamilleClient} lang=${args.lang}>
    <famille-login></famille-login>
  </famille-portal>`,
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'h2', 'Bonjour');
  },
};
