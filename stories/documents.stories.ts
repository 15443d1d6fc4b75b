import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@famille/elements/define-all';
import { startMockServer } from '@famille/mock-server';
import type { FamilleClient } from '@famille/sdk';
import { attach, click, pick, type, waitFor, waitForText } from './support/play.ts';
import { demoClient, parentClient, pdfFile, prepareMockServer } from './support/mock.ts';
import { storedJustificatifs } from './support/documents.ts';

interface DocumentsArgs {
  lang: 'fr' | 'en';
  /** The title's level, as in a dashboard's block (2 by default). */
  headingLevel?: number;
  /** A narrow wrapper, as on a phone. */
  width?: string;
}
interface Loaded {
  loaded: { client?: FamilleClient };
}
type Canvas = { canvasElement: HTMLElement };

/** Story loader: the demo parent, with a valid and an expired justificatif de domicile and a birth certificate stored. */
async function withDocuments(): Promise<{ client: FamilleClient }> {
  const client = await parentClient();
  await storedJustificatifs(client);
  return { client };
}

/**
 * `<famille-documents>`: the family's supporting documents ("Pièces justificatives"),
 * reached for real on the reference server running in the page (mock-server): loaders log
 * the demo parent in and store documents through the SDK.
 */
const meta = {
  title: 'Elements/famille-documents',
  component: 'famille-documents',
  tags: ['autodocs'],
  loaders: [prepareMockServer],
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] }, headingLevel: { control: { type: 'number', min: 1, max: 6 } } },
  render: (args, { loaded }: Loaded) => html`<div style=${args.width ? `max-inline-size: ${args.width}` : ''}>
    <famille-documents .client=${loaded.client} lang=${args.lang} heading-level=${args.headingLevel ?? 2} login-href="#connexion"></famille-documents>
  </div>`,
} satisfies Meta<DocumentsArgs>;
export default meta;
type Story = StoryObj<DocumentsArgs>;

const listed = (canvas: HTMLElement) => waitForText(canvas, '[part=document]', 'facture-electricite.pdf');
/** "Justificatif de domicile" chosen, its date typed and a file chosen, as a parent fills the form. */
async function fillForm(canvas: HTMLElement, date: string, file = pdfFile('facture-gaz.pdf')): Promise<void> {
  await pick(canvas, 'Type de document', 'Justificatif de domicile');
  await type(canvas, 'Date du document', date);
  await attach(canvas, 'Fichier', file);
}
const today = () => new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/** The stored documents: type, file, dates, validity; the expired justificatif flagged. */
export const List: Story = {
  loaders: [withDocuments],
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await waitForText(canvasElement, '[part=badge]', 'Expiré');
    await waitForText(canvasElement, '[part=document]', 'Valable jusqu’au');
  },
};

/** Nothing stored yet: the form to add the first document. */
export const Empty: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'aucun document');
  },
};

/** Nobody logged in: a message and "Se connecter". */
export const NotLoggedIn: Story = {
  loaders: [() => ({ client: demoClient() })],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'Connectez-vous');
  },
};

/** "Enregistrer" with nothing filled: the error summary, focused, links to each field. */
export const FormErrors: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'aucun document');
    await click(canvasElement, 'Enregistrer le document');
    await waitFor(() => document.activeElement?.matches('[part=error-summary]'), 'focus on the error summary');
  },
};

/** A justificatif de domicile dated in the future: the date's error, the file and type kept. */
export const DateError: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, '01/01/2099');
    await click(canvasElement, 'Enregistrer le document');
    await waitForText(canvasElement, '.famille-error', 'ne peut pas être après aujourd’hui');
  },
};

/** A file on its way: a named progress bar and "Annuler l'envoi". */
export const Uploading: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, today());
    (await startMockServer()).setLatency('never');
    await click(canvasElement, 'Enregistrer le document');
    await waitFor(() => canvasElement.querySelector('progress[aria-label="Envoi de facture-gaz.pdf"]'), 'the progress bar');
    await waitForText(canvasElement, 'button', 'Annuler l’envoi');
  },
};

/** Stored: the confirmation takes focus, the document is listed with its validity. */
export const Stored: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, today());
    await click(canvasElement, 'Enregistrer le document');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'focus on the confirmation');
    await waitForText(canvasElement, '[part=document]', 'facture-gaz.pdf');
  },
};

/** A file the server refuses (a "PDF" that is not one): the file's error, the rest kept. */
export const FileRefused: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, today(), new File(['pas un PDF'], 'facture.pdf', { type: 'application/pdf' }));
    await click(canvasElement, 'Enregistrer le document');
    await waitForText(canvasElement, '.famille-error', 'n’est pas accepté');
  },
};

/** The network cut on "Enregistrer": everything kept, "Réessayer". */
export const NetworkError: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await fillForm(canvasElement, today());
    (await startMockServer()).setOffline(true);
    await click(canvasElement, 'Enregistrer le document');
    await waitFor(() => document.activeElement?.matches('[part=alert]'), 'focus on the message');
    await waitForText(canvasElement, '[part=alert] button', 'Réessayer');
  },
};

/** "Remplacer": a newer file and its date for the expired justificatif. */
export const Replace: Story = {
  loaders: [withDocuments],
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    const button = await waitFor(
      () => [...canvasElement.querySelectorAll<HTMLElement>('[data-action=replace]')].find((b) => b.textContent?.includes('quittance-ancienne.pdf')),
      'Remplacer quittance-ancienne.pdf',
    );
    button.click();
    await waitFor(() => document.activeElement?.textContent?.includes('Remplacer quittance-ancienne.pdf'), 'focus on the form’s title');
  },
};

/** "Supprimer": asked first, saying the requests keep it. */
export const RemoveConfirmation: Story = {
  loaders: [withDocuments],
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    await click(canvasElement, 'Supprimer');
    await waitFor(() => document.activeElement?.textContent?.includes('Supprimer'), 'focus on the question');
    await waitForText(canvasElement, 'p', 'le conservent');
  },
};

/** Deleted: the confirmation takes focus, the document is gone. */
export const Removed: Story = {
  loaders: [withDocuments],
  play: async ({ canvasElement }: Canvas) => {
    await listed(canvasElement);
    await click(canvasElement, 'Supprimer');
    await click(canvasElement, 'Supprimer le document');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'focus on the confirmation');
  },
};

/** The list could not be read (the network cut once the element is connected): the message and "Réessayer". */
export const LoadError: Story = {
  loaders: [
    async () => {
      const client = await parentClient();
      // Every answer a second late: the list is still on its way when the network goes.
      (await startMockServer()).setLatency(1000);
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('famille-documents')!;
    await waitFor(() => element.tenantConfig, 'the tenant’s configuration');
    (await startMockServer()).setOffline(true);
    await waitForText(canvasElement, '[part=alert] button', 'Réessayer');
    await waitForText(canvasElement, '[part=alert]', 'injoignable');
    await waitFor(() => !canvasElement.querySelector('form'), 'no form without the list');
  },
};

/** A download that failed: said at the top of the list, focused. */
export const DownloadFailed: Story = {
  loaders: [withDocuments],
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
    (await startMockServer()).setOffline(true);
    await click(canvasElement, 'Télécharger');
    await waitFor(() => document.activeElement?.matches('[part=alert]'), 'focus on the message');
    await waitForText(canvasElement, '[part=alert]', 'n’a pas pu être téléchargé');
  },
};

/** In English. */
export const English: Story = {
  loaders: [withDocuments],
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part=badge]', 'Expired');
    await waitForText(canvasElement, 'label', 'Type of document');
  },
};

/** In a dashboard's block: the title one level down. */
export const InDashboard: Story = {
  loaders: [withDocuments],
  args: { headingLevel: 3 },
  play: async ({ canvasElement }) => {
    await waitFor(() => canvasElement.querySelector('h3[part=heading]'), 'the title as h3');
    await listed(canvasElement);
  },
};

/** On a phone. */
export const PhoneWidth: Story = {
  loaders: [withDocuments],
  args: { width: '22rem' },
  play: async ({ canvasElement }) => {
    await listed(canvasElement);
  },
};
