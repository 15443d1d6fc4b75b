import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@famille/elements/define-all';
import { accounts, createClient } from '@famille/sdk';
import { startMockServer } from '@famille/mock-server';
import { choose, click, submit, type, waitFor, waitForText } from './support/play.ts';
import { demo, demoClient, newParent, prepareMockServer, registeredToken } from './support/mock.ts';

interface CreateAccountArgs {
  tenant: string;
  lang: 'fr' | 'en';
  loginHref?: string;
}
interface Loaded {
  loaded: { activationToken?: string };
}

/**
 * Every step and state of `<famille-create-account>`, reached for real: the play
 * functions fill the wizard and the loaders register accounts on the reference server
 * running in the page (mock-server), whose clock can be moved forward.
 */
const meta = {
  title: 'Elements/famille-create-account',
  component: 'famille-create-account',
  tags: ['autodocs'],
  loaders: [prepareMockServer],
  args: { tenant: demo.tenant, lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args, { loaded }: Loaded) => html`<famille-create-account
    api="/api"
    tenant=${args.tenant}
    auth="token"
    lang=${args.lang}
    login-href=${ifDefined(args.loginHref)}
    activation-token=${ifDefined(loaded?.activationToken)}
  ></famille-create-account>`,
} satisfies Meta<CreateAccountArgs>;
export default meta;
type Story = StoryObj<CreateAccountArgs>;
type Canvas = { canvasElement: HTMLElement };

const heading = (canvas: HTMLElement, text: string) =>
  waitFor(() => document.activeElement?.matches('[part=heading]') && document.activeElement.textContent?.includes(text), `focus on "${text}"`);

/** The parent fills each step with `parent`'s answers and continues. */
async function fillCgu({ canvasElement }: Canvas): Promise<void> {
  await choose(canvasElement, 'J’accepte les conditions générales d’utilisation');
  await submit(canvasElement);
  await heading(canvasElement, 'Identité');
}
async function fillIdentity({ canvasElement }: Canvas, parent = newParent()): Promise<void> {
  await choose(canvasElement, 'Madame');
  await type(canvasElement, 'Nom d’usage', parent.identity.nomUsage);
  await type(canvasElement, 'Prénom(s)', parent.identity.prenoms);
  await type(canvasElement, 'Date de naissance', '14/07/1990');
  await submit(canvasElement);
  await heading(canvasElement, 'Adresse');
}
async function fillAddress({ canvasElement }: Canvas, parent = newParent()): Promise<void> {
  await type(canvasElement, 'Numéro', parent.address.numero!);
  await type(canvasElement, 'Nom de la voie', parent.address.voie!);
  await type(canvasElement, 'Code postal', parent.address.codePostal!);
  await type(canvasElement, 'Commune', parent.address.commune!);
  await submit(canvasElement);
  await heading(canvasElement, 'Moyens de contact');
}
async function fillContacts({ canvasElement }: Canvas, parent = newParent()): Promise<void> {
  await type(canvasElement, 'Mobile', parent.contacts.mobile!);
  await type(canvasElement, 'Courriel', parent.contacts.email);
  await choose(canvasElement, 'Courriel');
  await submit(canvasElement);
  await heading(canvasElement, 'Identifiant et mot de passe');
}
async function fillCredentials({ canvasElement }: Canvas, parent = newParent()): Promise<void> {
  await type(canvasElement, 'Identifiant', parent.credentials.identifiant);
  await type(canvasElement, 'Mot de passe', parent.credentials.password);
  await submit(canvasElement);
  await heading(canvasElement, 'Vérifiez vos réponses');
}
async function fillAll(context: Canvas, parent = newParent()): Promise<void> {
  await fillCgu(context);
  await fillIdentity(context, parent);
  await fillAddress(context, parent);
  await fillContacts(context, parent);
  await fillCredentials(context, parent);
}

/** Step 1: the tenant's terms of use and data-protection notice, and the box to tick. */
export const Conditions: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => canvasElement.querySelector('input[type=checkbox]'), 'the CGU box');
  },
};

/** "Continuer" without ticking the box: the error summary takes focus. */
export const ConditionsNotAccepted: Story = {
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await waitFor(() => document.activeElement?.matches('.famille-summary'), 'the focused error summary');
  },
};

/** Step 2, empty: civilité, names, date of birth with its format. */
export const Identity: Story = { play: fillCgu };

/** Step 2 continued empty, with a date in the wrong format. */
export const IdentityErrors: Story = {
  play: async (context) => {
    await fillCgu(context);
    await type(context.canvasElement, 'Date de naissance', '1990-14-07');
    await submit(context.canvasElement);
    await waitFor(() => document.activeElement?.matches('.famille-summary'), 'the focused error summary');
  },
};

/** Step 3, empty: the address (every field optional). */
export const Address: Story = {
  play: async (context) => {
    await fillCgu(context);
    await fillIdentity(context);
  },
};

/** Step 3 with a postal code that is not 5 digits. */
export const AddressErrors: Story = {
  play: async (context) => {
    await Address.play!(context);
    await type(context.canvasElement, 'Code postal', '382');
    await submit(context.canvasElement);
    await waitForText(context.canvasElement, '.famille-summary', 'Code postal');
  },
};

/** Step 4, empty: phone numbers, e-mail address, preferred contact. */
export const Contacts: Story = {
  play: async (context) => {
    await Address.play!(context);
    await submit(context.canvasElement);
    await heading(context.canvasElement, 'Moyens de contact');
  },
};

/** Step 4 without an e-mail address and with a malformed phone number. */
export const ContactsErrors: Story = {
  play: async (context) => {
    await Contacts.play!(context);
    await type(context.canvasElement, 'Téléphone', 'abc');
    await submit(context.canvasElement);
    await waitForText(context.canvasElement, '.famille-summary', 'Courriel');
  },
};

/** Step 5, empty: identifiant and password with the tenant's policy as a checklist. */
export const Credentials: Story = {
  play: async (context) => {
    await fillCgu(context);
    await fillIdentity(context);
    await fillAddress(context);
    await fillContacts(context);
  },
};

/** Step 5 while typing a password: the checklist shows which rules are met. */
export const CredentialsChecklist: Story = {
  play: async (context) => {
    await Credentials.play!(context);
    await type(context.canvasElement, 'Mot de passe', 'cocon2026');
    await waitFor(() => context.canvasElement.querySelector('.famille-met'), 'a met rule');
  },
};

/** Step 5 continued empty. */
export const CredentialsErrors: Story = {
  play: async (context) => {
    await Credentials.play!(context);
    await submit(context.canvasElement);
    await waitForText(context.canvasElement, '.famille-summary', 'Identifiant');
  },
};

/** Step 6: every answer with its "Modifier" link. */
export const Review: Story = { play: (context) => fillAll(context) };

/** Waiting for the server: the button says so and refuses a second submission. */
export const Pending: Story = {
  render: (args) => html`<famille-create-account
    .client=${createClient({ baseUrl: '/api', tenant: args.tenant, auth: 'token', timeout: 2_147_483_647 })}
    lang=${args.lang}
  ></famille-create-account>`,
  play: async (context) => {
    await fillAll(context);
    (await startMockServer()).setLatency('never');
    context.canvasElement.querySelector('form')!.requestSubmit();
    await waitFor(() => context.canvasElement.querySelector('button[type=submit][aria-busy="true"]'), 'the pending button');
  },
};

/** The identifiant is taken: back to step 5, values in place, the summary focused. */
export const IdentifiantTaken: Story = {
  play: async (context) => {
    const parent = newParent();
    parent.credentials.identifiant = demo.identifiant;
    await fillAll(context, parent);
    await submit(context.canvasElement);
    await waitFor(() => document.activeElement?.matches('.famille-summary'), 'the focused error summary');
    await waitForText(context.canvasElement, '[part=heading]', 'Identifiant et mot de passe');
  },
};

/** The network is down: everything stays, "Réessayer" sends it again. */
export const NetworkError: Story = {
  play: async (context) => {
    await fillAll(context);
    (await startMockServer()).setOffline(true);
    await submit(context.canvasElement);
    await waitForText(context.canvasElement, '.famille-alert', 'injoignable');
  },
};

/** Created: "check your e-mail", how long the link lasts, what to do if nothing comes. */
export const CheckYourEmail: Story = {
  play: async (context) => {
    await fillAll(context);
    await submit(context.canvasElement);
    await heading(context.canvasElement, 'Consultez votre messagerie');
  },
};

/** "Recevoir un nouveau lien" from the check-your-e-mail page. */
export const LinkResent: Story = {
  play: async (context) => {
    await CheckYourEmail.play!(context);
    await click(context.canvasElement, 'Recevoir un nouveau lien');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'the focused confirmation');
  },
};

/** The e-mail's link opened: the account is activated, "Se connecter" follows. */
export const ActivationSuccess: Story = {
  args: { loginHref: '#connexion' },
  loaders: [async () => ({ activationToken: (await registeredToken()).token })],
  play: async ({ canvasElement }) => {
    await heading(canvasElement, 'Votre compte est activé');
  },
};

/** The link opened after 48 hours: it says so and offers a new one. */
export const ActivationExpired: Story = {
  loaders: [
    async () => {
      const { token } = await registeredToken();
      (await startMockServer()).advanceTime(49 * 3600_000);
      return { activationToken: token };
    },
  ],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part=alert]', 'expiré');
    await waitFor(() => canvasElement.querySelector('button'), 'the resend button');
  },
};

/** The link opened a second time. */
export const ActivationUsed: Story = {
  loaders: [
    async () => {
      const { token } = await registeredToken();
      await accounts(demoClient()).activate(token);
      return { activationToken: token };
    },
  ],
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, '[part=alert]', 'déjà été utilisé');
  },
};

/** The English version. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'label', 'I accept the terms of use');
  },
};

/** English, step 2 continued empty. */
export const EnglishErrors: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, 'I accept the terms of use');
    await submit(canvasElement);
    await waitForText(canvasElement, '[part=heading]', 'Identity');
    await submit(canvasElement);
    await waitForText(canvasElement, '.famille-summary', 'There is a problem');
  },
};

/** On a 320 px wide phone, the review step. */
export const Phone: Story = {
  render: (args, context) => html`<div style="inline-size: 320px; padding: 0.5rem; box-sizing: border-box">
    ${meta.render(args, context)}
  </div>`,
  play: Review.play,
};
