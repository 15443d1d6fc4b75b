import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@famille/elements/define-all';
import type { FamilleClient } from '@famille/sdk';
import { choose, click, waitFor, waitForText } from './support/play.ts';
import { demoClient, parentClient, prepareMockServer } from './support/mock.ts';
import { invoicesOfEveryStatus, manyInvoices, paymentOutcome } from './support/invoices.ts';

interface InvoicesArgs {
  lang: 'fr' | 'en';
  /** A narrow wrapper, as on a phone. */
  width?: string;
}
interface Loaded {
  loaded: { client?: FamilleClient; transactionId?: string };
}
type Canvas = { canvasElement: HTMLElement };

/**
 * `<famille-invoices>`: the invoices, their selection and online payment, reached for real
 * on the reference server running in the page (mock-server): the demo agent issues the
 * invoices and records counter payments through the SDK; online payments go through the
 * demo provider's page, answered by the app itself.
 */
const meta = {
  title: 'Elements/famille-invoices',
  component: 'famille-invoices',
  tags: ['autodocs'],
  loaders: [prepareMockServer],
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args, { loaded }: Loaded) => html`<div style=${args.width ? `max-inline-size: ${args.width}` : ''}>
    <famille-invoices .client=${loaded.client} lang=${args.lang} login-href="#connexion" payment-transaction=${loaded.transactionId ?? ''}></famille-invoices>
  </div>`,
} satisfies Meta<InvoicesArgs>;
export default meta;
type Story = StoryObj<InvoicesArgs>;

const ready = (canvas: HTMLElement) => waitForText(canvas, 'table', 'F');
/** Ticks the checkbox of each invoice whose row shows one of these amounts ("58,23"). */
async function select(canvas: HTMLElement, amounts: string[]): Promise<void> {
  await ready(canvas);
  for (const amount of amounts) {
    const row = [...canvas.querySelectorAll('tbody tr')].find((r) => r.textContent?.includes(amount) && r.querySelector('input'));
    row!.querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
  }
  await (canvas.querySelector('famille-invoices') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
}
const outcome =
  (text: string) =>
  async ({ canvasElement }: Canvas) => {
    await waitForText(canvasElement, '[part=notice], [part=alert]', text);
    await ready(canvasElement);
  };

/** Every status: à payer, en retard, partiellement réglée, réglée (no checkbox), and the payment history. */
export const List: Story = {
  loaders: [invoicesOfEveryStatus],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part=badge]', 'Partiellement réglée');
    await waitForText(canvasElement, '[part=badge]', 'En retard');
    await waitForText(canvasElement, '[part=history]', 'Chèque');
  },
};

/** One invoice selected: "Total à régler" shows its balance, "Payer" is enabled. */
export const OneSelected: Story = {
  loaders: [invoicesOfEveryStatus],
  play: async ({ canvasElement }) => {
    await select(canvasElement, ['58,23']);
    await waitForText(canvasElement, '[part=total]', '58,23');
  },
};

/** Several invoices selected: one payment for all of them. */
export const SeveralSelected: Story = {
  loaders: [invoicesOfEveryStatus],
  play: async ({ canvasElement }) => {
    await select(canvasElement, ['58,23', '25,00', '40,00']);
    await waitFor(() => canvasElement.querySelector('[part=button][aria-disabled=false]'), 'Payer enabled');
  },
};

/** A total under the online minimum (1 €): how to pay at the counter instead. */
export const BelowMinimum: Story = {
  loaders: [invoicesOfEveryStatus],
  play: async ({ canvasElement }) => {
    await select(canvasElement, ['0,50']);
    await waitForText(canvasElement, '[part=counter]', 'CESU');
  },
};

/** Back from the payment page: accepted, both invoices "Réglée" with a zero balance. */
export const PaidOutcome: Story = {
  loaders: [() => paymentOutcome('paid')],
  play: async (context) => {
    await outcome('Paiement accepté')(context);
    await waitFor(() => context.canvasElement.querySelectorAll('.famille-badge--reglee').length === 2, 'two paid invoices');
  },
};

/** Back from the payment page: refused by the bank, the invoices selectable again. */
export const RefusedOutcome: Story = { loaders: [() => paymentOutcome('refused')], play: outcome('Paiement refusé') };

/** Back from the payment page: abandoned by the parent. */
export const AbandonedOutcome: Story = { loaders: [() => paymentOutcome('abandoned')], play: outcome('Paiement abandonné') };

/** Back before the provider answered: still pending, with "Actualiser". */
export const PendingOutcome: Story = { loaders: [() => paymentOutcome('pending')], play: outcome('toujours en cours') };

/** No invoice yet. */
export const Empty: Story = {
  loaders: [async () => ({ client: await parentClient() })],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'aucune facture');
  },
};

/** Nobody logged in: a message and "Se connecter". */
export const NotLoggedIn: Story = {
  loaders: [() => ({ client: demoClient() })],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'Connectez-vous');
  },
};

/** In English. */
export const English: Story = {
  loaders: [invoicesOfEveryStatus],
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part=badge]', 'Partly paid');
  },
};

/** On a phone: the table becomes a list of cards. */
export const PhoneWidth: Story = {
  loaders: [invoicesOfEveryStatus],
  args: { width: '22rem' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitFor(() => getComputedStyle(canvasElement.querySelector('tbody tr')!).display === 'grid', 'cards');
  },
};

/** On a phone with an invoice selected: "Total à régler" and "Payer" stay at the bottom of the screen, over the cards. */
export const PhoneWidthSelected: Story = {
  loaders: [invoicesOfEveryStatus],
  args: { width: '22rem' },
  play: async ({ canvasElement }) => {
    await select(canvasElement, ['58,23']);
    await waitFor(() => getComputedStyle(canvasElement.querySelector('[part=totals]')!).position === 'sticky', 'the totals kept in view');
  },
};

/** 53 invoices and 12 payments: the newest 50 invoices and 10 payments, then buttons for the rest. */
export const ManyInvoices: Story = {
  loaders: [manyInvoices],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', '3 factures plus anciennes non affichées');
    await waitForText(canvasElement, '[part=history]', 'Afficher tout l’historique (12 paiements)');
  },
};

/** "Adhésion à la facture en ligne": Léo's invoices now come online, with an e-mail. */
export const ElectronicInvoiceChosen: Story = {
  loaders: [invoicesOfEveryStatus],
  play: async ({ canvasElement }) => {
    const section = await waitForText(canvasElement, '[part=preferences]', 'Léo Martin');
    await choose(section, 'Facture en ligne, avec un courriel');
    await click(section, 'Valider');
    await waitForText(section, '[role=status]', 'Vos choix sont enregistrés.');
  },
};
