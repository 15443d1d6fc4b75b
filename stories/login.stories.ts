import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '@famille/elements/define-all';
import { createClient } from '@famille/sdk';
import { startMockServer } from '@famille/mock-server';
import { click, submit, type, waitFor, waitForText } from './support/play.ts';
import { demo, demoClient, latestLinkToken, prepareMockServer } from './support/mock.ts';

interface Loaded {
  loaded?: { resetToken?: string };
}

/** Asks for a reset e-mail for the demo parent and returns its link's token. */
async function resetToken(): Promise<string> {
  await demoClient().auth.requestPasswordReset({ identifiant: demo.identifiant });
  return latestLinkToken('famille-reset');
}

interface LoginArgs {
  tenant: string;
  lang: 'fr' | 'en';
  forgotPasswordHref?: string;
  createAccountHref?: string;
}

/**
 * Every state of `<famille-login>` worth seeing, reached for real: the play functions
 * type and submit against the reference server running in the page (mock-server).
 */
const meta = {
  title: 'Elements/famille-login',
  component: 'famille-login',
  tags: ['autodocs'],
  loaders: [prepareMockServer],
  args: { tenant: demo.tenant, lang: 'fr' },
  argTypes: { lang: { control: 'inline-radio', options: ['fr', 'en'] } },
  render: (args, { loaded }: Loaded) => html`<famille-login
    api="/api"
    tenant=${args.tenant}
    auth="token"
    lang=${args.lang}
    forgot-password-href=${ifDefined(args.forgotPasswordHref)}
    create-account-href=${ifDefined(args.createAccountHref)}
    reset-token=${ifDefined(loaded?.resetToken)}
  ></famille-login>`,
} satisfies Meta<LoginArgs>;
export default meta;
type Story = StoryObj<LoginArgs>;

/** The form as a parent first sees it. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => canvasElement.querySelector('form'), 'the form');
  },
};

/** Links to the host's own pages instead of events only. */
export const WithLinks: Story = {
  args: { forgotPasswordHref: '#mot-de-passe-oublie', createAccountHref: '#creer-mon-compte' },
  play: Empty.play,
};

/** Submitted empty: the error summary takes focus and links to each field. */
export const MissingFields: Story = {
  play: async ({ canvasElement }) => {
    await submit(canvasElement);
    await waitFor(() => document.activeElement?.matches('.famille-summary'), 'the focused error summary');
  },
};

/** Wrong password: one message that never says whether the account exists. */
export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Identifiant', demo.identifiant);
    await type(canvasElement, 'Mot de passe', 'pas-le-bon-mot-de-passe');
    await submit(canvasElement);
    await waitForText(canvasElement, '.famille-alert', 'Identifiant ou mot de passe incorrect');
  },
};

/** After too many failures in a row the server asks to wait; the form says how long. */
export const Throttled: Story = {
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Identifiant', demo.identifiant);
    await type(canvasElement, 'Mot de passe', 'toujours-pas-le-bon');
    for (let attempt = 0; attempt < 10; attempt++) {
      await submit(canvasElement);
      if (canvasElement.querySelector('.famille-alert')?.textContent?.includes('Trop de tentatives')) return;
    }
    throw new Error('The server never throttled');
  },
};

/** "Renvoyer le courriel d’activation": the element asks the server and confirms. */
export const ActivationResent: Story = {
  play: async (context) => {
    await AccountNotActivated.play!(context);
    await click(context.canvasElement, 'Renvoyer le courriel');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'the focused confirmation');
  },
};

/**
 * "J’ai oublié mon mot de passe" opens, in place, the form asking for a reset link (its
 * code, with the reset form's and the activation e-mail's, loads at that moment).
 */
export const ForgotPassword: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, 'J’ai oublié mon mot de passe');
    await waitFor(
      () => document.activeElement?.matches('[part=heading]') && document.activeElement.textContent === 'Mot de passe oublié',
      'the focused heading',
    );
  },
};

/** The same confirmation whether or not an account matches. */
export const ForgotPasswordSent: Story = {
  play: async (context) => {
    await ForgotPassword.play!(context);
    await type(context.canvasElement, 'Identifiant ou adresse e-mail', 'personne.inconnue');
    await submit(context.canvasElement);
    await waitForText(context.canvasElement, '[part=notice]', 'Si un compte correspond');
  },
};

/**
 * The e-mail's link opened (`#famille-reset=…`): a new password, with the policy's
 * checklist (its code is fetched as soon as the element meets the token).
 */
export const ResetPassword: Story = {
  loaders: [async () => ({ resetToken: await resetToken() })],
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Nouveau mot de passe', 'cocon2026');
    await waitFor(() => canvasElement.querySelector('.famille-met'), 'a met rule');
  },
};

/** Password changed: the login form, prefilled with the identifiant. */
export const ResetDone: Story = {
  loaders: ResetPassword.loaders!,
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Nouveau mot de passe', 'Graine-de-Malice-2027');
    await submit(canvasElement);
    await waitForText(canvasElement, '[part=notice]', 'Votre mot de passe a été modifié');
  },
};

/** The link opened too late: it says so and offers to ask again. */
export const ResetExpired: Story = {
  loaders: [
    async () => {
      const token = await resetToken();
      (await startMockServer()).advanceTime(2 * 3600_000);
      return { resetToken: token };
    },
  ],
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Nouveau mot de passe', 'Graine-de-Malice-2027');
    await submit(canvasElement);
    await waitForText(canvasElement, '[part=alert]', 'expiré');
  },
};

/** The right password for an account whose activation link was never opened. */
export const AccountNotActivated: Story = {
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Identifiant', demo.pendingIdentifiant);
    await type(canvasElement, 'Mot de passe', demo.password);
    await submit(canvasElement);
    await waitForText(canvasElement, '.famille-alert', 'pas encore activé');
    await waitFor(() => canvasElement.querySelector('.famille-alert button'), 'the resend button');
  },
};

/** Waiting for the server: the button says so and refuses a second submission. */
export const Pending: Story = {
  // A client that never times out, so the state stays on screen.
  render: (args) => html`<famille-login
    .client=${createClient({ baseUrl: '/api', tenant: args.tenant, auth: 'token', timeout: 2_147_483_647 })}
    lang=${args.lang}
  ></famille-login>`,
  play: async ({ canvasElement }) => {
    const mock = await startMockServer();
    await type(canvasElement, 'Identifiant', demo.identifiant);
    await type(canvasElement, 'Mot de passe', demo.password);
    mock.setLatency('never');
    canvasElement.querySelector('form')!.requestSubmit();
    await waitFor(() => canvasElement.querySelector('button[type=submit][aria-busy="true"]'), 'the pending button');
  },
};

/** The network is down: what was typed stays, and "Réessayer" sends it again. */
export const NetworkError: Story = {
  play: async ({ canvasElement }) => {
    const mock = await startMockServer();
    await type(canvasElement, 'Identifiant', demo.identifiant);
    await type(canvasElement, 'Mot de passe', demo.password);
    mock.setOffline(true);
    await submit(canvasElement);
    await waitForText(canvasElement, '.famille-alert', 'injoignable');
    await waitFor(() => canvasElement.querySelector('.famille-alert button'), 'the retry button');
  },
};

/** Logged in: a greeting and "Se déconnecter". */
export const LoggedIn: Story = {
  play: async ({ canvasElement }) => {
    await type(canvasElement, 'Identifiant', demo.identifiant);
    await type(canvasElement, 'Mot de passe', demo.password);
    await submit(canvasElement);
    await waitForText(canvasElement, 'h2', 'Bonjour');
  },
};

/** Logged out again from the logged-in state: back to the form, focus on its heading. */
export const LoggedOut: Story = {
  play: async (context) => {
    await LoggedIn.play!(context);
    await click(context.canvasElement, 'Se déconnecter');
    await waitFor(() => document.activeElement?.matches('famille-login form h2'), 'the focused form heading');
  },
};

/** The English version. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'label', 'Username');
  },
};

/** English, submitted empty. */
export const EnglishErrors: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => {
    await waitForText(canvasElement, 'label', 'Username');
    await submit(canvasElement);
    await waitForText(canvasElement, '.famille-summary', 'There is a problem');
  },
};

/** A municipality's theme: the host page sets the tokens, the page's font is inherited. */
export const TenantTheme: Story = {
  render: (args, context) => html`<div
    style="--famille-color-primary: #6a1b5d; --famille-color-focus: #d35400; --famille-radius: 0;
      --famille-space: 1.25rem; font-family: Georgia, serif; padding: 1rem; background: #fffaf5"
  >
    ${meta.render(args, context)}
  </div>`,
  play: WrongPassword.play,
};

/** On a 320 px wide phone. */
export const Phone: Story = {
  render: (args, context) => html`<div style="inline-size: 320px; padding: 0.5rem; box-sizing: border-box">
    ${meta.render(args, context)}
  </div>`,
  play: MissingFields.play,
};
