import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@famille/elements/define-all';
import type { FamilleClient } from '@famille/sdk';
import { startMockServer } from '@famille/mock-server';
import { attach, choose, click, submit, type, waitFor, waitForText } from './support/play.ts';
import { demoClient, householdOfEveryStatus, isoIn, parentClient, pdfFile, prepareMockServer } from './support/mock.ts';

interface EntourageArgs {
  lang: 'fr' | 'en';
  /** A narrow wrapper, as on a phone. */
  width?: string;
}
interface Loaded {
  loaded: { client?: FamilleClient };
}
type Canvas = { canvasElement: HTMLElement };

/** Story loader: the demo parent logged in (bearer token), with an empty household. */
async function loggedIn(): Promise<{ client: FamilleClient }> {
  return { client: await parentClient() };
}

/** Story loader: the demo parent's household with every role and status. */
async function household(): Promise<{ client: FamilleClient }> {
  const client = await parentClient();
  await householdOfEveryStatus(client);
  return { client };
}

/**
 * `<famille-entourage>`: the household, its requests and the add, change and remove
 * flows, reached for real on the reference server running in the page (mock-server):
 * loaders log the demo parent in and declare members through the SDK, and the demo
 * agent validates or refuses them through the SDK's agent API.
 */
const meta = {
  title: 'Elements/famille-entourage',
  component: 'famille-entourage',
  tags: ['autodocs'],
  loaders: [prepareMockServer, loggedIn],
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args, { loaded }: Loaded) => html`<div style=${args.width ? `max-inline-size: ${args.width}` : ''}>
    <famille-entourage .client=${loaded.client} lang=${args.lang} login-href="#connexion"></famille-entourage>
  </div>`,
} satisfies Meta<EntourageArgs>;
export default meta;
type Story = StoryObj<EntourageArgs>;

const focusedHeading = (text: string) =>
  waitFor(() => document.activeElement?.matches('[part=heading]') && document.activeElement.textContent?.includes(text), `focus on "${text}"`);
const ready = (canvas: HTMLElement) => waitForText(canvas, 'h3', 'Mes demandes');

async function openAdd(canvas: HTMLElement, button: string, heading: string): Promise<void> {
  await ready(canvas);
  await click(canvas, `+ ${button}`);
  await focusedHeading(heading);
}

async function fillChild({ canvasElement }: Canvas): Promise<void> {
  await openAdd(canvasElement, 'Ajouter un enfant', 'Déclarer un enfant');
  await type(canvasElement, 'Nom d’usage', 'Huby');
  await type(canvasElement, 'Prénom(s)', 'Léo');
  await choose(canvasElement, 'Masculin');
  await type(canvasElement, 'Date de naissance', '02/03/2024');
}

/** Nobody declared yet: why children come first, and the "+" buttons. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'déclarez-le d’abord dans votre entourage');
  },
};

/** Every role and status: validated (with its document), in progress, refused with the service's comment, removal requested. */
export const Household: Story = {
  loaders: [household],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part=badge]', 'Suppression demandée');
    await waitForText(canvasElement, 'p', 'numéro de téléphone joignable');
  },
};

/** "Mes demandes": number, what, status and date, with the history opened. */
export const Requests: Story = {
  loaders: [household],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '.famille-request h4', 'Demande n°');
    for (const details of canvasElement.querySelectorAll('details')) details.open = true;
  },
};

/** "+ Ajouter un membre": the kind of member first. */
export const ChooseRole: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, '+ Ajouter un membre');
    await focusedHeading('Qui souhaitez-vous déclarer');
  },
};

/** Step 1 for a child: the profile, and the attachment rules shown before any file is chosen. */
export const AddChild: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement, 'Ajouter un enfant', 'Déclarer un enfant');
    await waitForText(canvasElement, '.famille-hint', 'Formats acceptés');
  },
};

/** "Continuer" with nothing typed: the error summary takes focus. */
export const AddChildErrors: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement, 'Ajouter un enfant', 'Déclarer un enfant');
    await type(canvasElement, 'Date de naissance', '02/03/2099');
    await submit(canvasElement);
    await waitFor(() => document.activeElement?.matches('[part=error-summary]'), 'focus on the summary');
  },
};

/** Step 2: check the answers, with "Modifier" links, before validating. */
export const AddChildCheck: Story = {
  play: async (context) => {
    await fillChild(context);
    await attach(context.canvasElement, 'Ajouter une pièce jointe', pdfFile());
    await waitForText(context.canvasElement, '.famille-upload', 'Remplacer');
    await submit(context.canvasElement);
    await focusedHeading('Vérifier et valider');
  },
};

/** A future child: an expected birth date, the first name optional. */
export const AddFutureChild: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement, 'Ajouter un futur enfant', 'Déclarer un futur enfant');
    await type(canvasElement, 'Nom d’usage', 'Huby');
    const [y, m, d] = isoIn(90).split('-');
    await type(canvasElement, 'Date de naissance prévue', `${d}/${m}/${y}`);
  },
};

/** A contact: relationship, phone, and what they are allowed to do. */
export const AddContact: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement, 'Ajouter un contact', 'Déclarer un contact');
    await type(canvasElement, 'Nom d’usage', 'Huby');
    await type(canvasElement, 'Prénom(s)', 'Odette');
    await type(canvasElement, 'Lien avec l’enfant', 'Grand-mère');
    await type(canvasElement, 'Téléphone', '06 12 34 56 78');
    await choose(canvasElement, 'Autorisé(e) à venir chercher l’enfant');
  },
};

/** The other parent. */
export const AddCoRepresentant: Story = {
  play: async ({ canvasElement }) => {
    await openAdd(canvasElement, 'Ajouter le co-représentant', 'Déclarer un co-représentant');
    await choose(canvasElement, 'Monsieur');
    await type(canvasElement, 'Nom d’usage', 'Huby');
    await type(canvasElement, 'Prénom(s)', 'Marcel');
  },
};

/** A file on its way: its progress bar and "Annuler l'envoi" (the server never answers here). */
export const Uploading: Story = {
  play: async (context) => {
    await fillChild(context);
    (await startMockServer()).setLatency('never');
    await attach(context.canvasElement, 'Ajouter une pièce jointe', pdfFile());
    await waitFor(() => context.canvasElement.querySelector('progress'), 'the progress bar');
  },
};

/** A file over the tenant's maximum size: refused before sending, the rest of the form kept. */
export const UploadTooLarge: Story = {
  play: async (context) => {
    await fillChild(context);
    const big = new File([new Uint8Array(6 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
    await attach(context.canvasElement, 'Ajouter une pièce jointe', big);
    await waitForText(context.canvasElement, '.famille-error', 'trop volumineux');
  },
};

/** A ".pdf" whose bytes are a PNG: the server refuses it by its content. */
export const UploadWrongType: Story = {
  play: async (context) => {
    await fillChild(context);
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])], 'photo.pdf', { type: 'application/pdf' });
    await attach(context.canvasElement, 'Ajouter une pièce jointe', png);
    await waitForText(context.canvasElement, '.famille-error', 'pas accepté');
  },
};

/** Validated: "Votre demande a bien été enregistrée…", its number and status "Déposée". */
export const Confirmation: Story = {
  play: async (context) => {
    await fillChild(context);
    await submit(context.canvasElement);
    await focusedHeading('Vérifier et valider');
    await submit(context.canvasElement);
    await focusedHeading('Votre demande a bien été enregistrée');
  },
};

/** Validating while the network is down: everything kept, "Réessayer" offered. */
export const NetworkFailure: Story = {
  play: async (context) => {
    await fillChild(context);
    await submit(context.canvasElement);
    await focusedHeading('Vérifier et valider');
    (await startMockServer()).setOffline(true);
    await submit(context.canvasElement);
    await waitFor(() => document.activeElement?.matches('[part=alert]'), 'focus on the message');
  },
};

/** Changing a member: the same form, prefilled. */
export const Edit: Story = {
  loaders: [household],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, 'Modifier Léo Huby');
    await focusedHeading('Modifier : Léo Huby');
  },
};

/** Removing a member asks first. */
export const RemoveConfirmation: Story = {
  loaders: [household],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await click(canvasElement, 'Supprimer Marcel Huby');
    await focusedHeading('Supprimer Marcel Huby de votre entourage');
  },
};

/** Nobody logged in: an invitation to log in. */
export const NotLoggedIn: Story = {
  loaders: [async () => ({ client: demoClient() })],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'Connectez-vous');
  },
};

/** In English. */
export const English: Story = {
  args: { lang: 'en' },
  loaders: [household],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'h3', 'My requests');
  },
};

/** On a phone's width. */
export const PhoneWidth: Story = {
  args: { width: '20rem' },
  loaders: [household],
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
  },
};
