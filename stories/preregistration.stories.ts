import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@famille/elements/define-all';
import type { FamilleClient } from '@famille/sdk';
import { startMockServer } from '@famille/mock-server';
import { attach, click, pick, type, waitFor, waitForText } from './support/play.ts';
import { prepareMockServer } from './support/mock.ts';
import { storedJustificatifs } from './support/documents.ts';
import { declareChild, parentAt, requestsOfEveryStatus, secondTenant, thirtyMonthOldAtChoices, typedIn, vienneDraft } from './support/preregistration.ts';

interface PreregistrationArgs {
  lang: 'fr' | 'en';
  view?: 'demarche' | 'requests';
  /** A narrow wrapper, as on a phone. */
  width?: string;
}
interface Loaded {
  loaded: { client?: FamilleClient };
}
type Canvas = { canvasElement: HTMLElement };

/** Story loader: the demo parent logged in, with no child declared. */
async function loggedIn(): Promise<{ client: FamilleClient }> {
  return { client: await parentAt() };
}

/** Story loader: the demo parent with a child, Léo, declared in the entourage. */
async function withChild(): Promise<{ client: FamilleClient; childId: string }> {
  const client = await parentAt();
  return { client, childId: await declareChild(client) };
}

/** Story loader: Léo's draft saved at `step` (everything before it filled), to resume there. */
const draftAt =
  (step: number, options: { withoutDocuments?: boolean } = {}) =>
  async (): Promise<{ client: FamilleClient }> => {
    const { client, childId } = await withChild();
    await vienneDraft(client, childId, step, options);
    return { client };
  };

/**
 * `<famille-preregistration>`: the crèche pre-registration démarche, step by step, and
 * "Mes demandes", reached for real on the reference server running in the page
 * (mock-server): loaders log the demo parent in, declare a child and save drafts through
 * the SDK; the demo agent moves requests on through the SDK's agent API. Most stories
 * resume a draft saved at their step, as a parent coming back would.
 */
const meta = {
  title: 'Elements/famille-preregistration',
  component: 'famille-preregistration',
  tags: ['autodocs'],
  loaders: [prepareMockServer],
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] }, view: { control: 'inline-radio', options: ['demarche', 'requests'] } },
  render: (args, { loaded }: Loaded) => html`<div style=${args.width ? `max-inline-size: ${args.width}` : ''}>
    <famille-preregistration .client=${loaded.client} lang=${args.lang} view=${args.view ?? nothing}
      entourage-href="#entourage" login-href="#connexion"></famille-preregistration>
  </div>`,
} satisfies Meta<PreregistrationArgs>;
export default meta;
type Story = StoryObj<PreregistrationArgs>;

const focusedHeading = (text: string) =>
  waitFor(() => document.activeElement?.matches('[part=heading]') && document.activeElement.textContent?.includes(text), `focus on "${text}"`);
const focusedSummary = () => waitFor(() => document.activeElement?.matches('[part=error-summary]'), 'focus on the error summary');

/** "Reprendre ma demande pour Léo", then the step's heading. */
async function resume({ canvasElement }: Canvas, heading: string): Promise<void> {
  await click(canvasElement, 'Reprendre ma demande pour Léo');
  await focusedHeading(heading);
}

async function continueTo(canvas: HTMLElement, heading: string): Promise<void> {
  await click(canvas, 'Continuer');
  await focusedHeading(heading);
}

/** The information shown before "Commencer" (the tenant's text). */
export const Information: Story = {
  loaders: [withChild],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'commission d’attribution des places');
    await waitForText(canvasElement, 'button', 'Commencer');
  },
};

/** No child declared yet: why, and the way to the entourage. */
export const NoChildDeclared: Story = {
  loaders: [loggedIn],
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Commencer');
    await focusedHeading('Pour quel enfant ?');
    await waitForText(canvasElement, 'a', 'Déclarer mon enfant dans mon entourage');
  },
};

/** Step 1: the family's children (born or expected). */
export const ChooseChild: Story = {
  loaders: [
    async () => {
      const { client } = await withChild();
      await declareChild(client, 'Lou', true);
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Commencer');
    await focusedHeading('Étape 1 sur 6');
    await waitForText(canvasElement, 'label', 'naissance prévue le');
  },
};

/** Step 2, empty: the format hint before any error. */
export const StartDateEmpty: Story = {
  loaders: [draftAt(2)],
  play: (c) => resume(c, 'Date d’entrée souhaitée'),
};

/** Step 2 with a past date: refused on "Continuer", the summary focused. */
export const StartDateError: Story = {
  loaders: [draftAt(2)],
  play: async (c) => {
    await resume(c, 'Date d’entrée souhaitée');
    await type(c.canvasElement, 'Date d’entrée souhaitée en crèche', '01/01/2020');
    await click(c.canvasElement, 'Continuer');
    await focusedSummary();
    await waitForText(c.canvasElement, '.famille-error', 'doit être à venir');
  },
};

/** Step 3 with its first, empty, choice and the observations' hint about a 4th wish. */
export const ChoicesOne: Story = {
  loaders: [draftAt(3)],
  play: async (c) => {
    await resume(c, 'Structures souhaitées');
    await pick(c.canvasElement, 'Choix 1', 'EAJE Fleur de Pyrus');
    await waitForText(c.canvasElement, 'p', '4e structure');
  },
};

/** Step 3 with three ranked choices: no "Ajouter un choix" past the tenant's maximum. */
export const ChoicesThree: Story = {
  loaders: [draftAt(3)],
  play: async (c) => {
    await resume(c, 'Structures souhaitées');
    await pick(c.canvasElement, 'Choix 1', 'EAJE Fleur de Pyrus');
    await click(c.canvasElement, '+ Ajouter un choix');
    await pick(c.canvasElement, 'Choix 2', 'EAJE Cocon de Soie');
    await click(c.canvasElement, '+ Ajouter un choix');
    await pick(c.canvasElement, 'Choix 3', 'EAJE Grain d’Aile');
    await waitFor(() => !c.canvasElement.querySelector('[data-add-choice]'), 'no fourth choice');
  },
};

/**
 * Step 3 for a child who will be 37 months old at the start date: the structure that
 * takes children up to 36 months is greyed, with why (the rule the server applies).
 */
export const ChoicesGreyedForAge: Story = {
  loaders: [
    async (): Promise<{ client: FamilleClient }> => {
      const client = await parentAt();
      await thirtyMonthOldAtChoices(client);
      return { client };
    },
  ],
  play: async (c) => {
    await resume(c, 'Structures souhaitées');
    await waitForText(c.canvasElement, '[part=hint]', 'Les structures grisées');
  },
};

/** Step 3, reordered with "Monter": the announcement says where the structure went. */
export const ChoicesReordered: Story = {
  loaders: [draftAt(4)],
  play: async (c) => {
    await resume(c, 'Pièces justificatives');
    await click(c.canvasElement, 'Retour');
    await focusedHeading('Structures souhaitées');
    const up = await waitFor(() => c.canvasElement.querySelectorAll<HTMLButtonElement>('[data-move=up]')[0], 'Monter');
    up.click();
    await waitForText(c.canvasElement, '[role=status]', 'EAJE Cocon de Soie est maintenant en choix 1');
    await waitFor(() => document.activeElement?.textContent?.includes('EAJE Cocon de Soie'), 'focus kept on the moved choice');
  },
};

/** Step 4: each document with its formats and size, before any file is chosen. */
export const DocumentsEmpty: Story = {
  loaders: [draftAt(4)],
  play: async (c) => {
    await resume(c, 'Pièces justificatives');
    await waitForText(c.canvasElement, '.famille-hint', 'Formats acceptés : PDF, JPEG, PNG');
  },
};

/** Step 4, a file on its way: a named progress bar and "Annuler l'envoi". */
export const DocumentsUploading: Story = {
  loaders: [draftAt(4)],
  play: async (c) => {
    await resume(c, 'Pièces justificatives');
    (await startMockServer()).setLatency('never');
    const { pdfFile } = await import('./support/mock.ts');
    await attach(c.canvasElement, 'Justificatif de domicile de moins de 3 mois', pdfFile('facture-edf.pdf'));
    await waitFor(() => c.canvasElement.querySelector('progress[aria-label="Envoi de facture-edf.pdf"]'), 'the progress bar');
    await waitForText(c.canvasElement, 'button', 'Annuler l’envoi');
  },
};

/** Step 4, a file the server refuses (a "PDF" that is not one): only that field says so. */
export const DocumentsRefused: Story = {
  loaders: [draftAt(4)],
  play: async (c) => {
    await resume(c, 'Pièces justificatives');
    await attach(c.canvasElement, 'Justificatif de domicile de moins de 3 mois', new File(['pas un PDF'], 'domicile.pdf', { type: 'application/pdf' }));
    await waitForText(c.canvasElement, '.famille-error', 'n’est pas accepté');
  },
};

/**
 * Step 4 with documents in the family's store: "Utiliser un document déjà enregistré"
 * offers the valid justificatif de domicile and the birth certificate; the expired
 * justificatif is flagged and not offered.
 */
export const DocumentsFromStore: Story = {
  loaders: [
    async () => {
      const loaded = await draftAt(4)();
      await storedJustificatifs(loaded.client);
      return loaded;
    },
  ],
  play: async (c) => {
    await resume(c, 'Pièces justificatives');
    await waitForText(c.canvasElement, '.famille-stored', 'facture-electricite.pdf');
    await waitForText(c.canvasElement, '.famille-hint', 'quittance-ancienne.pdf n’est plus valable');
  },
};

/** Step 5: the tenant's questionnaire, from its configuration. */
export const QuestionnaireEmpty: Story = {
  loaders: [draftAt(5)],
  play: (c) => resume(c, 'Questionnaire'),
};

/** Step 5 on "Continuer" with nothing answered: "Au moins une case doit être cochée". */
export const QuestionnaireErrors: Story = {
  loaders: [draftAt(5)],
  play: async (c) => {
    await resume(c, 'Questionnaire');
    await click(c.canvasElement, 'Continuer');
    await focusedSummary();
    await waitForText(c.canvasElement, '.famille-error', 'Au moins une option doit être choisie.');
    await waitForText(c.canvasElement, '.famille-error', 'Au moins une case doit être cochée.');
  },
};

/** Step 6: check your answers, with "Modifier" per section. */
export const Review: Story = {
  loaders: [draftAt(6)],
  play: async (c) => {
    await resume(c, 'Vérifier votre demande');
    await waitForText(c.canvasElement, 'dd li', 'EAJE Fleur de Pyrus');
  },
};

/** "Valider" refused by the server (a required document missing): back to the documents step, the summary focused. */
export const SubmissionRefused: Story = {
  loaders: [draftAt(6, { withoutDocuments: true })],
  play: async (c) => {
    await resume(c, 'Vérifier votre demande');
    await click(c.canvasElement, 'Valider');
    await focusedSummary();
    await waitForText(c.canvasElement, 'h2', 'Pièces justificatives');
    await waitForText(c.canvasElement, '.famille-error', 'Joignez cette pièce.');
  },
};

/** The confirmation: number, date and time, "Déposée", next commission. */
export const Confirmation: Story = {
  loaders: [draftAt(6)],
  play: async (c) => {
    await resume(c, 'Vérifier votre demande');
    await click(c.canvasElement, 'Valider');
    await focusedHeading('Nous avons bien enregistré votre demande');
    await waitForText(c.canvasElement, '.famille-request-number', 'Demande n° ');
    await waitForText(c.canvasElement, '[part=badge]', 'Déposée');
    await waitForText(c.canvasElement, 'p', 'commission d’attribution des places de');
  },
};

/** Back on the page with a draft: resume it, or start again. */
export const ResumeOffer: Story = {
  loaders: [draftAt(3)],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'button', 'Reprendre ma demande pour Léo');
    await waitForText(canvasElement, 'button', 'Recommencer');
  },
};

/** The network cut on "Continuer": the step keeps its values and offers "Réessayer". */
export const NetworkError: Story = {
  loaders: [draftAt(2)],
  play: async (c) => {
    await resume(c, 'Date d’entrée souhaitée');
    await type(c.canvasElement, 'Date d’entrée souhaitée en crèche', typedIn(90));
    (await startMockServer()).setOffline(true);
    await click(c.canvasElement, 'Continuer');
    await waitFor(() => document.activeElement?.matches('[part=alert]'), 'focus on the message');
    await waitForText(c.canvasElement, '[part=alert] button', 'Réessayer');
  },
};

/** "Mes demandes": every status, the service's comments, "Annuler ma demande" where it is still possible. */
export const MyRequests: Story = {
  args: { view: 'requests' },
  loaders: [
    async () => {
      const client = await parentAt();
      await requestsOfEveryStatus(client);
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    for (const status of ['Déposée', 'En cours d’instruction', 'Place proposée', 'Liste d’attente', 'Refusée', 'Annulée']) {
      await waitForText(canvasElement, '[part=badge]', status);
    }
    await waitForText(canvasElement, 'p', 'Une place vous est proposée');
  },
};

/** "Annuler ma demande" asks first. */
export const CancelRequest: Story = {
  ...MyRequests,
  play: async (c) => {
    await MyRequests.play!(c);
    await click(c.canvasElement, 'Annuler ma demande');
    await focusedHeading('Annuler la demande n°');
  },
};

/** English, on the review step. */
export const English: Story = {
  args: { lang: 'en' },
  loaders: [draftAt(6)],
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'Resume my application for Léo');
    await focusedHeading('Check your application');
    await waitForText(canvasElement, 'dt', 'Does the family live or pay local taxes');
  },
};

/** On a phone: the review step in 20rem. */
export const PhoneWidth: Story = {
  args: { width: '20rem' },
  loaders: [draftAt(6)],
  play: (c) => resume(c, 'Vérifier votre demande'),
};

/** Another town (ville-exemple): its own structures, documents and questionnaire, with the same element. */
export const SecondTenant: Story = {
  loaders: [
    async () => {
      const client = await parentAt(secondTenant);
      await declareChild(client);
      return { client };
    },
  ],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'deux crèches municipales');
    await click(canvasElement, 'Commencer');
    await focusedHeading('Pour quel enfant ?');
    (canvasElement.querySelector('input[name=child]') as HTMLInputElement).click();
    await continueTo(canvasElement, 'Date d’entrée souhaitée');
    await type(canvasElement, 'Date d’entrée souhaitée en crèche', typedIn(90));
    await continueTo(canvasElement, 'Structures souhaitées');
    await pick(canvasElement, 'Choix 1', 'Crèche Les Lutins');
    await waitForText(canvasElement, 'p', 'jusqu’à 2 structures');
    await continueTo(canvasElement, 'Pièces justificatives');
    await waitForText(canvasElement, '.famille-hint', 'Formats acceptés : PDF. Taille maximale : 2 Mo.');
    await attach(canvasElement, 'Justificatif de domicile', (await import('./support/mock.ts')).pdfFile('domicile.pdf'));
    await waitForText(canvasElement, 'button', 'Remplacer');
    await continueTo(canvasElement, 'Questionnaire');
    await waitForText(canvasElement, 'legend', 'Quel accueil souhaitez-vous ?');
    await waitForText(canvasElement, 'label', 'Temps partiel (2 à 4 jours)');
  },
};
