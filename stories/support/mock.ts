import { startMockServer } from '@famille/mock-server';
import { createClient, type FamilleClient } from '@famille/sdk';
import type { RegistrationInput } from '@famille/contract';

/** The demo data seeded by the reference server (`seedDemo`). */
export const demo = {
  tenant: 'vienne-condrieu',
  identifiant: 'parent.demo',
  pendingIdentifiant: 'parent.attente',
  password: 'Famille-Demo-2026',
};

/** Story loader: the mock server running, on a fresh copy of the demo database. */
export async function prepareMockServer(): Promise<Record<string, never>> {
  const mock = await startMockServer();
  await mock.reset();
  return {};
}

/** A client of the mock server, for loaders that prepare a state (register, read the outbox). */
export function demoClient(): FamilleClient {
  return createClient({ baseUrl: '/api', tenant: demo.tenant, auth: 'token' });
}

/** The token of the newest e-mail link `#name=TOKEN` in the development outbox. */
export async function latestLinkToken(name: 'famille-activation' | 'famille-reset'): Promise<string> {
  const { messages } = await demoClient().devOutbox();
  for (const message of messages) {
    const match = new RegExp(`${name}=([A-Za-z0-9_-]+)`).exec(message.text);
    if (match) return match[1]!;
  }
  throw new Error(`no ${name} link in the outbox`);
}

let accounts = 0;

/** A complete registration for a new parent (unique identifiant and e-mail). */
export function newParent(): RegistrationInput & { credentials: { identifiant: string; password: string } } {
  const n = `${Date.now().toString(36)}${++accounts}`;
  return {
    acceptCgu: true,
    identity: { civilite: 'madame', nomUsage: 'Huby', prenoms: 'Fernande', dateNaissance: '1990-07-14' },
    address: { numero: '34', voie: 'Avenue Général-Leclerc', codePostal: '38200', commune: 'Vienne' },
    contacts: { email: `fernande.${n}@example.fr`, mobile: '06 12 34 56 78', preferredContact: 'email' },
    credentials: { identifiant: `fernande.${n}`, password: 'Cocon-de-Soie-2026' },
    locale: 'fr',
  };
}

/** Registers a new parent and returns the activation link's token. */
export async function registeredToken(): Promise<{ token: string; identifiant: string }> {
  const parent = newParent();
  await demoClient().accounts.register(parent);
  return { token: await latestLinkToken('famille-activation'), identifiant: parent.credentials.identifiant };
}
