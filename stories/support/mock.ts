import { startMockServer } from '@famille/mock-server';
import { accounts, agent, createClient, documents, family, type FamilleClient } from '@famille/sdk';
import type { RegistrationInput } from '@famille/contract';
import { minimalPdf } from '../../test/fixtures/minimal-pdf.ts';

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
  const { messages } = await accounts(demoClient()).devOutbox();
  for (const message of messages) {
    const match = new RegExp(`${name}=([A-Za-z0-9_-]+)`).exec(message.text);
    if (match) return match[1]!;
  }
  throw new Error(`no ${name} link in the outbox`);
}

let parentsMade = 0;

/** A complete registration for a new parent (unique identifiant and e-mail). */
export function newParent(): RegistrationInput & { credentials: { identifiant: string; password: string } } {
  const n = `${Date.now().toString(36)}${++parentsMade}`;
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
  await accounts(demoClient()).register(parent);
  return { token: await latestLinkToken('famille-activation'), identifiant: parent.credentials.identifiant };
}

/** A client logged in as the demo parent (token transport). */
export async function parentClient(): Promise<FamilleClient> {
  const client = demoClient();
  await client.auth.login({ identifiant: demo.identifiant, password: demo.password });
  return client;
}

/** A client logged in as the tenant's demo agent (seeded by the reference server). */
export async function agentClient(): Promise<FamilleClient> {
  const client = demoClient();
  await agent(client).login({ identifiant: 'agent.demo', password: 'Agent-Demo-2026' });
  return client;
}

/** The date `days` from today (negative: in the past), ISO. */
export function isoIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The smallest PDF the server's content check recognises, as a File. */
export function pdfFile(name = 'acte-de-naissance.pdf'): File {
  return new File([minimalPdf], name, { type: 'application/pdf' });
}

/**
 * A household with every role and every status: a validated child with a document, an
 * expected child, a co-parent "en cours", a contact refused with a comment, and a
 * contact whose removal was asked.
 */
export async function householdOfEveryStatus(client: FamilleClient): Promise<void> {
  const office = await agentClient();
  const doc = await documents(client).upload(pdfFile());
  const child = await family(client).addMember({
    role: 'enfant',
    nomUsage: 'Huby',
    prenoms: 'Léo',
    sexe: 'masculin',
    dateNaissance: '2024-03-02',
    attachments: [doc.id],
  });
  await family(client).addMember({ role: 'enfant', nomUsage: 'Huby', dateNaissancePrevue: isoIn(120) });
  const co = await family(client).addMember({ role: 'coRepresentant', civilite: 'monsieur', nomUsage: 'Huby', prenoms: 'Marcel', mobile: '06 98 76 54 32' });
  const refused = await family(client).addMember({
    role: 'contact',
    nomUsage: 'Dupont',
    prenoms: 'Jeanne',
    lien: 'Voisine',
    telephone: '04 74 78 32 10',
    autoriseRecuperation: true,
    appelUrgence: false,
  });
  const leaving = await family(client).addMember({
    role: 'contact',
    nomUsage: 'Huby',
    prenoms: 'Odette',
    lien: 'Grand-mère',
    telephone: '06 12 34 56 78',
    autoriseRecuperation: true,
    appelUrgence: true,
  });
  await agent(office).setRequestStatus(child.request.id, { status: 'validee', comment: 'Acte de naissance reçu.' });
  await agent(office).setRequestStatus(co.request.id, { status: 'en_cours' });
  await agent(office).setRequestStatus(refused.request.id, { status: 'refusee', comment: 'Merci de préciser un numéro de téléphone joignable en journée.' });
  await agent(office).setRequestStatus(leaving.request.id, { status: 'validee' });
  await family(client).removeMember(leaving.member.id);
}
