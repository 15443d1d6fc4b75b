// Members, files, agents and requests for the entourage tests.
import { AgentSession, DocumentInfo, MemberChange } from '@famille/contract';
import { BASE, json, loginAs, PAGE_ORIGIN, type TestApp } from './app.ts';
import { activate, lastMailTo, register, registration, tokenIn } from './accounts.ts';
import { minimalPdf } from '../../../fixtures/minimal-pdf.ts';

export const AGENT = { identifiant: 'agent.demo', password: 'Agent-Demo-2026' } as const;

const day = 86_400_000;
/** YYYY-MM-DD, `days` from the real today (the contract's schemas read the real clock). */
export const dateFromToday = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);

// Each call of `child` and `coParent` is another person (another birth date): the server
// refuses the same person twice in a family unless the parent confirms (possible_duplicate).
let people = 0;
const bornAround = (first: string) => new Date(Date.parse(`${first}T00:00:00Z`) + people++ * day).toISOString().slice(0, 10);

export const child = (overrides: Record<string, unknown> = {}) => ({
  role: 'enfant',
  nomUsage: 'Martin',
  prenoms: 'Léo',
  sexe: 'masculin',
  dateNaissance: bornAround('2024-02-10'),
  ...overrides,
});
export const futureChild = (overrides: Record<string, unknown> = {}) => ({
  role: 'enfant',
  nomUsage: 'Martin',
  dateNaissancePrevue: dateFromToday(90),
  ...overrides,
});
export const coParent = (overrides: Record<string, unknown> = {}) => ({
  role: 'coRepresentant',
  civilite: 'monsieur',
  nomUsage: 'Martin',
  prenoms: 'Paul',
  dateNaissance: bornAround('1988-04-01'),
  email: 'paul.martin@example.fr',
  ...overrides,
});
// Contacts are told apart by their names only: 48 different ones before any comes back.
const contactFirstNames = ['Josette', 'Simone', 'Odette', 'Yvette', 'Paulette', 'Ginette', 'Huguette', 'Colette'];
const contactSurnames = ['Durand', 'Roux', 'Faure', 'Blanc', 'Girard', 'Morel'];
let contacts = 0;
export const contact = (overrides: Record<string, unknown> = {}) => ({
  role: 'contact',
  nomUsage: contactSurnames[Math.floor(contacts / contactFirstNames.length) % contactSurnames.length],
  prenoms: contactFirstNames[contacts++ % contactFirstNames.length],
  lien: 'Grand-mère',
  telephone: '06 12 34 56 78',
  autoriseRecuperation: true,
  appelUrgence: true,
  ...overrides,
});

/** Minimal files whose first bytes are what they claim. */
export const files = {
  pdf: () => new TextEncoder().encode(minimalPdf),
  png: () =>
    Uint8Array.from(
      Buffer.from(
        '89504e470d0a1a0a0000000d4948445200000001000000010806000000 1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082'.replace(
          / /g,
          '',
        ),
        'hex',
      ),
    ),
  exe: () => {
    const bytes = new Uint8Array(512);
    bytes.set([0x4d, 0x5a, 0x90, 0x00]);
    bytes.set(new TextEncoder().encode('This program cannot be run in DOS mode.'), 78);
    bytes[0x3c] = 0x80;
    bytes.set([0x50, 0x45, 0, 0], 0x80);
    return bytes;
  },
};

export type Auth = Record<string, string>;

export function uploadInit(auth: Auth, bytes: BodyInit | null, type: string, name = 'justificatif.pdf', extra: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { ...auth, 'content-type': type, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`, ...extra },
    body: bytes,
    ...(bytes instanceof ReadableStream && { duplex: 'half' }),
  };
}

export async function upload(
  app: TestApp,
  auth: Auth,
  bytes: Uint8Array = files.pdf(),
  type = 'application/pdf',
  name?: string,
  base = BASE,
): Promise<DocumentInfo> {
  const response = await app.request(`${base}/documents`, uploadInit(auth, bytes as BodyInit, type, name));
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return DocumentInfo.parse(await response.json());
}

export const send = (app: TestApp, path: string, method: string, auth: Auth, body?: unknown) =>
  app.request(path, {
    method,
    headers: { ...auth, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

export async function addMember(app: TestApp, auth: Auth, body: unknown, base = BASE) {
  const response = await send(app, `${base}/family/members`, 'POST', auth, body);
  if (response.status !== 201) throw new Error(`addMember: ${response.status} ${await response.text()}`);
  return MemberChange.parse(await response.json());
}

export async function agentLogin(app: TestApp, base = BASE, credentials: { identifiant: string; password: string } = AGENT): Promise<Auth> {
  const response = await app.request(`${base}/agent/auth/login`, json(credentials));
  if (response.status !== 200) throw new Error(`agent login: ${response.status} ${await response.text()}`);
  return { authorization: `Bearer ${AgentSession.parse(await response.json()).token}` };
}

/** A member the service has validated (a child can then be billed). */
export async function addValidatedMember(app: TestApp, auth: Auth, agent: Auth, body: unknown, base = BASE) {
  const change = await addMember(app, auth, body, base);
  const response = await setStatus(app, agent, change.request.id, { status: 'validee' }, base);
  if (response.status !== 200) throw new Error(`validate: ${response.status} ${await response.text()}`);
  return change;
}

export const setStatus = (app: TestApp, auth: Auth, requestId: string, body: unknown, base = BASE) =>
  send(app, `${base}/agent/requests/${requestId}/status`, 'POST', auth, body);

/** A new active parent (a new family) of the tenant, logged in with a bearer token; also its e-mail. */
export async function newFamily(app: TestApp, base = BASE): Promise<{ auth: Auth; email: string; identifiant: string }> {
  const body = registration();
  const registered = await register(app, body, { origin: PAGE_ORIGIN }, base);
  if (registered.status !== 202) throw new Error(`register: ${registered.status} ${await registered.text()}`);
  const mail = await lastMailTo(app, body.contacts.email, base);
  const activated = await activate(app, tokenIn(mail.text, 'activation'), base);
  if (activated.status !== 200) throw new Error(`activate: ${activated.status}`);
  const response = await app.request(
    `${base}/auth/login`,
    json({ identifiant: body.credentials.identifiant, password: body.credentials.password, transport: 'token' }),
  );
  const { token } = (await response.json()) as { token: string };
  return { auth: { authorization: `Bearer ${token}` }, email: body.contacts.email, identifiant: body.credentials.identifiant };
}

export { loginAs };
