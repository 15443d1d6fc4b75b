import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '@famille/elements/define-all';
import { account, accounts, uploadDocument, type FamilleClient } from '@famille/sdk';
import { attach, choose, click, type, waitFor, waitForText } from './support/play.ts';
import { demo, demoClient, parentClient, pdfFile, prepareMockServer } from './support/mock.ts';

interface AccountArgs {
  lang: 'fr' | 'en';
}
interface Loaded {
  loaded: { client?: FamilleClient };
}
type Canvas = { canvasElement: HTMLElement };

/** Story loader: the demo parent logged in twice (so a previous login shows), bearer token. */
async function loggedIn(): Promise<{ client: FamilleClient }> {
  await parentClient();
  return { client: await parentClient() };
}

/** Story loader: nobody logged in. */
async function loggedOut(): Promise<{ client: FamilleClient }> {
  return { client: demoClient() };
}

/** Story loader: an e-mail change asked, its link in the page's URL (as the e-mail's link opens it). */
async function emailLink(): Promise<{ client: FamilleClient }> {
  const client = await parentClient();
  await account(client).requestEmailChange({ email: 'nouvelle.adresse@example.fr', password: demo.password });
  const { messages } = await accounts(demoClient()).devOutbox();
  const token = messages.map((m) => /famille-email=([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).find(Boolean)!;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#famille-email=${token}`);
  return { client };
}

/** Story loader: an identity change and a closure awaiting the service. */
async function requestsUnderWay(): Promise<{ client: FamilleClient }> {
  const { client } = await loggedIn();
  const doc = await uploadDocument(client, pdfFile('livret-de-famille.pdf'));
  await account(client).requestIdentityChange({
    identity: { civilite: 'madame', nomUsage: 'Martin', prenoms: 'Camille' },
    attachments: [doc.id],
  });
  await account(client).requestClosure({ confirm: true, comment: 'Nous déménageons.' });
  return { client };
}

/**
 * `<famille-account>` ("Mon compte"): coordonnées, identifiants and personal data, on the
 * reference server running in the page (mock-server): loaders log the demo parent in and
 * prepare the states through the SDK.
 */
const meta = {
  title: 'Elements/famille-account',
  component: 'famille-account',
  tags: ['autodocs'],
  loaders: [prepareMockServer, loggedIn],
  args: { lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args, { loaded }: Loaded) => html`<famille-account .client=${loaded.client} lang=${args.lang} login-href="#connexion"></famille-account>`,
} satisfies Meta<AccountArgs>;
export default meta;
type Story = StoryObj<AccountArgs>;

const form = (canvas: HTMLElement, name: string) => waitFor(() => canvas.querySelector<HTMLFormElement>(`[data-form=${name}]`), `the ${name} form`);
const ready = (canvas: HTMLElement) => waitForText(canvas, '[part=last-login]', '');
const focused = (selector: string) => waitFor(() => document.activeElement?.matches(selector), `focus on ${selector}`);

async function send(canvas: HTMLElement, name: string): Promise<HTMLFormElement> {
  const f = await form(canvas, name);
  f.requestSubmit();
  await waitFor(() => f.querySelector('[aria-busy="true"]'), 'the pending state', 5000).catch(() => undefined);
  await waitFor(() => !canvas.querySelector('[aria-busy="true"]'), 'the answer');
  return f;
}

/** The account: coordonnées, e-mail, identity, last login, password, personal data. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    await ready(canvasElement);
    await waitForText(canvasElement, '[part=last-login]', 'Dernière connexion le');
  },
};

/** In English. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part=last-login]', 'Last login on');
  },
};

/** Nobody logged in: "Se connecter". */
export const LoggedOut: Story = {
  loaders: [loggedOut],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'p', 'Connectez-vous');
  },
};

/** A new mobile number, saved at once. */
export const ContactSaved: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    await type(await form(canvasElement, 'contact'), 'Téléphone mobile', '06 99 88 77 66');
    await send(canvasElement, 'contact');
    await focused('[data-form=contact] [part=notice]');
  },
};

/** A postal code of three digits: the summary takes focus, what was typed stays. */
export const ContactErrors: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    await type(await form(canvasElement, 'contact'), 'Code postal', '382');
    await send(canvasElement, 'contact');
    await focused('[data-form=contact] [part=error-summary]');
  },
};

/** A new address: the link is on its way, the current address stays until it is opened. */
export const EmailSent: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    const f = await form(canvasElement, 'email');
    await type(f, 'Nouvelle adresse e-mail', 'camille.nouvelle@example.fr');
    await type(f, 'Mot de passe actuel', demo.password);
    await send(canvasElement, 'email');
    await waitForText(canvasElement, '[part=pending]', 'camille.nouvelle@example.fr');
  },
};

/** A wrong current password: a field error, the new address typed kept. */
export const EmailErrors: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    const f = await form(canvasElement, 'email');
    await type(f, 'Nouvelle adresse e-mail', 'camille.nouvelle@example.fr');
    await type(f, 'Mot de passe actuel', 'Pas-Le-Bon-2026');
    await send(canvasElement, 'email');
    await focused('[data-form=email] [part=error-summary]');
  },
};

/** The confirmation link opened: the new address is the account's. */
export const EmailConfirmed: Story = {
  loaders: [prepareMockServer, emailLink],
  play: async ({ canvasElement }: Canvas) => {
    await waitForText(canvasElement, '[part=notice]', 'nouvelle.adresse@example.fr');
  },
};

/** The new password against the tenant's rules, live. */
export const PasswordChecklist: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    await type(await form(canvasElement, 'password'), 'Nouveau mot de passe', 'tilleul');
    await waitForText(canvasElement, '[part=checklist]', 'respectée');
  },
};

/** Changed: the other sessions are closed. */
export const PasswordChanged: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    const f = await form(canvasElement, 'password');
    await type(f, 'Mot de passe actuel', demo.password);
    await type(f, 'Nouveau mot de passe', 'Glycine-Rivière-2027');
    await send(canvasElement, 'password');
    await waitForText(canvasElement, '[part=notice]', 'autre session fermée');
  },
};

/** A wrong current password and a weak new one: both named in the summary. */
export const PasswordErrors: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    const f = await form(canvasElement, 'password');
    await type(f, 'Mot de passe actuel', 'Pas-Le-Bon-2026');
    await type(f, 'Nouveau mot de passe', 'court');
    await send(canvasElement, 'password');
    await focused('[data-form=password] [part=error-summary]');
  },
};

/** An identity change sent without its justificatif. */
export const IdentityErrors: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    await type(await form(canvasElement, 'identity'), 'Nom d’usage', 'Martin');
    await send(canvasElement, 'identity');
    await waitForText(canvasElement, '[data-form=identity] [part=error-summary]', 'Justificatif');
  },
};

/** An identity change with its justificatif: sent to the service. */
export const IdentitySent: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    const f = await form(canvasElement, 'identity');
    await type(f, 'Nom d’usage', 'Martin');
    await attach(f, 'Justificatif', pdfFile('livret-de-famille.pdf'));
    await send(canvasElement, 'identity');
    // The account read again shows the request under way in place of the form: the notice
    // is there, and the focus with it (not left on a form that is gone).
    await waitFor(() => canvasElement.querySelector('[part=pending][data-form=identity] [part=notice]'), 'the request under way');
    await focused('[data-form=identity] [part=notice]');
  },
};

/** An identity change and a closure awaiting the service. */
export const RequestsUnderWay: Story = {
  loaders: [prepareMockServer, requestsUnderWay],
  play: async ({ canvasElement }: Canvas) => {
    await waitForText(canvasElement, '[data-form=closure]', 'en cours de traitement');
    await waitForText(canvasElement, '[data-form=identity]', 'en cours de traitement');
  },
};

/** "Demander la fermeture" without ticking the box. */
export const ClosureErrors: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    await send(canvasElement, 'closure');
    await focused('[data-form=closure] [part=error-summary]');
  },
};

/** The closure asked: the service decides. */
export const ClosureSent: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    await choose(await form(canvasElement, 'closure'), 'Je demande la fermeture de mon compte');
    await send(canvasElement, 'closure');
    await waitForText(canvasElement, '[data-form=closure] [part=notice]', 'envoyée au service');
    // Under way in place of the form, with the focus on the notice.
    await waitFor(() => canvasElement.querySelector('[part=pending][data-form=closure] [part=notice]'), 'the request under way');
    await focused('[data-form=closure] [part=notice]');
  },
};

/** "Se déconnecter de tous les appareils": no session left, "Se connecter". */
export const LoggedOutEverywhere: Story = {
  play: async ({ canvasElement }: Canvas) => {
    await ready(canvasElement);
    await click(canvasElement, 'Se déconnecter partout');
    await waitForText(canvasElement, 'p', 'Connectez-vous');
  },
};
