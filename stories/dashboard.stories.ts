import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@famille/elements/define-all';
import { agent, createClient, family, messages, preregistration, type FamilleClient } from '@famille/sdk';
import { click, waitFor, waitForText } from './support/play.ts';
import { demo, demoClient, parentClient, prepareMockServer } from './support/mock.ts';
import { billedFamily, issue } from './support/invoices.ts';
import { declareChild, vienneDraft } from './support/preregistration.ts';

interface DashboardArgs {
  lang: 'fr' | 'en';
  /** A narrow wrapper, as on a phone. */
  width?: string;
  /** The host's pages (`*-href`); none: the blocks link nowhere. */
  links?: boolean;
}
interface Loaded {
  loaded: { client?: FamilleClient };
}

/**
 * The demo family with something in every block: an overdue invoice and one to pay, a
 * pre-registration the service asks a document for, a draft to finish, requests of the
 * entourage, a message read and one unread.
 */
async function everything(): Promise<{ client: FamilleClient }> {
  const { client, office, familyId, childId } = await billedFamily();
  await issue(office, familyId, childId, 10, 250, -5);
  await issue(office, familyId, childId, 42.5, 137, 20);
  const lou = await declareChild(client, 'Lou');
  await vienneDraft(client, lou, 6);
  const submitted = await preregistration(client).submit(lou);
  await agent(office).setPreregistrationStatus(submitted.id, {
    status: 'en_instruction',
    comment: 'Merci de nous transmettre une attestation CAF de moins de 3 mois.',
  });
  await vienneDraft(client, await declareChild(client, 'Jade'), 2);
  const welcome = await agent(office).postMessage({ audience: 'family', familyId, title: 'Bienvenue dans votre Espace Famille', body: 'Bonne visite !' });
  await messages(client).read(welcome.id);
  await agent(office).postMessage({
    audience: 'all',
    title: 'Fermeture des crèches le 26 décembre',
    body: 'Les structures petite enfance seront fermées le vendredi 26 décembre.\nBonnes fêtes de fin d’année !',
  });
  return { client };
}

/** Seven requests of the entourage: "Dernières demandes" shows five, then the older ones on demand. */
async function manyRequests(): Promise<{ client: FamilleClient }> {
  const client = await parentClient();
  for (const prenoms of ['Simone', 'Odette', 'Yvette', 'Paulette', 'Ginette', 'Huguette', 'Colette']) {
    await family(client).addMember({
      role: 'contact',
      nomUsage: 'Roux',
      prenoms,
      lien: 'Voisine',
      telephone: '04 74 12 34 56',
      autoriseRecuperation: true,
      appelUrgence: false,
    });
  }
  return { client };
}

/** The demo parent, through a network that drops the requests whose path matches `failing`. */
async function parentFailingOn(failing: RegExp): Promise<{ client: FamilleClient }> {
  const client = createClient({
    baseUrl: '/api',
    tenant: demo.tenant,
    auth: 'token',
    retries: 0,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      return failing.test(url.pathname) ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init);
    },
  });
  await client.auth.login({ identifiant: demo.identifiant, password: demo.password });
  return { client };
}

/**
 * `<famille-dashboard>`: Mon tableau de bord, reached for real on the reference server
 * running in the page (mock-server): loaders log the demo parent in, and the demo agent
 * issues invoices, moves requests on and posts messages through the SDK.
 */
const meta = {
  title: 'Elements/famille-dashboard',
  component: 'famille-dashboard',
  tags: ['autodocs'],
  loaders: [prepareMockServer],
  args: { lang: 'fr', links: true },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args, { loaded }: Loaded) => html`<div style=${args.width ? `max-inline-size: ${args.width}` : ''}>
    ${
      args.links
        ? html`<famille-dashboard
          .client=${loaded.client}
          lang=${args.lang}
          login-href="#connexion"
          invoices-href="#factures"
          entourage-href="#entourage"
          preregistration-href="#preinscription"
          account-href="#compte"
          documents-href="#pieces"
        ></famille-dashboard>`
        : html`<famille-dashboard .client=${loaded.client} lang=${args.lang}></famille-dashboard>`
    }
  </div>`,
} satisfies Meta<DashboardArgs>;
export default meta;
type Story = StoryObj<DashboardArgs>;

const ready = (canvas: HTMLElement) => waitForText(canvas, '[part~=greeting]', 'Bonjour');

/** Every block filled: the overdue invoice first, the document the service waits for, the draft, the requests, one unread message. */
export const Dashboard: Story = {
  loaders: [everything],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitForText(canvasElement, '[part~=todo]', 'attend un justificatif');
    await waitForText(canvasElement, '[part~=unread-count]', '1 message non lu');
  },
};

/** The unread message opened: focus on it, the count down to none. */
export const MessageOpen: Story = {
  loaders: [everything],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, 'Non lu');
    await waitFor(() => document.activeElement?.matches('[part~=message] h4'), 'focus on the message');
    await waitForText(canvasElement, '[part~=unread-count]', 'Aucun message non lu');
  },
};

/** A first login with nothing yet: nothing to do, no request, no message. */
export const Empty: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitForText(canvasElement, '[part~=todo]', 'Rien à faire');
  },
};

/** More requests than one page: "Afficher les demandes plus anciennes" (test/browser/dashboard.test.ts pages on with the keyboard). */
export const ManyRequests: Story = {
  loaders: [manyRequests],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitForText(canvasElement, '[part~=requests] button', 'Afficher les demandes plus anciennes');
  },
};

/** The host set no `*-href`: the blocks have no links to other pages. */
export const WithoutLinks: Story = {
  args: { links: false },
  loaders: [everything],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};

/** The dashboard's reading failed (the network dropped it): the reason and "Réessayer". */
export const LoadFailed: Story = {
  loaders: [() => parentFailingOn(/\/dashboard$/)],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part~=alert]', 'Réessayer');
  },
};

/** A PDF the network dropped: why, and "Réessayer", focused. */
export const DownloadFailed: Story = {
  loaders: [everything, () => parentFailingOn(/\/pdf$/)],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, 'Facture n°');
    await waitFor(() => document.activeElement?.closest('[part~=download-alert]'), 'focus on the failure');
  },
};

/** Nobody logged in: "Se connecter", to the host's login page (`login-href`). */
export const NotLoggedIn: Story = {
  loaders: [async () => ({ client: demoClient() })],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'a[href="#connexion"]', 'Se connecter');
  },
};

/** On a phone's width: the blocks one under the other. */
export const PhoneWidth: Story = {
  args: { width: '20rem' },
  loaders: [everything],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    const left = (part: string) => canvasElement.querySelector(`[part~=${part}]`)?.getBoundingClientRect().left;
    await waitFor(() => left('requests') !== undefined && left('requests') === left('messages'), 'one column');
  },
};

/** In English: the greeting, the blocks and the statuses. */
export const English: Story = {
  args: { lang: 'en' },
  loaders: [everything],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part~=greeting]', 'Hello Mrs Martin');
    await waitForText(canvasElement, '[part~=unread-count]', '1 unread message');
    await waitForText(canvasElement, '[part~=requests]', 'Being processed');
  },
};
