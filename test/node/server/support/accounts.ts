// Registration bodies, the outbox, and links for the account tests.
import { sql } from 'drizzle-orm';
import { Outbox } from '@famille/contract';
import type { Database } from '@famille/server';
import { BASE, json, type TestApp } from './app.ts';

let sequence = 0;
/** A unique suffix per call: the tests of a file share one database. */
export const unique = () => `${process.pid.toString(36)}${(++sequence).toString(36)}`;

export function registration(overrides: { identifiant?: string; email?: string; password?: string; locale?: 'fr' | 'en' } = {}) {
  const n = unique();
  return {
    acceptCgu: true,
    identity: { civilite: 'madame', nomUsage: 'Durand', nomNaissance: 'Petit', prenoms: 'Léa Marie', dateNaissance: '1990-05-17' },
    address: { numero: '12', voie: 'rue des Tilleuls', codePostal: '38200', commune: 'Vienne' },
    contacts: { telephone: '04 74 00 00 00', mobile: '+33 6 12 34 56 78', email: overrides.email ?? `lea.${n}@example.fr`, preferredContact: 'mobile' },
    credentials: { identifiant: overrides.identifiant ?? `lea.${n}`, password: overrides.password ?? 'Tilleul-Orange-2026' },
    ...(overrides.locale && { locale: overrides.locale }),
  };
}

export const register = (app: TestApp, body: unknown, headers: Record<string, string> = {}, base = BASE) =>
  app.request(`${base}/accounts`, json(body, headers));
export const activate = (app: TestApp, token: string, base = BASE) => app.request(`${base}/accounts/activation`, json({ token }));
export const resend = (app: TestApp, body: unknown, base = BASE) => app.request(`${base}/accounts/activation-email`, json(body));
export const requestReset = (app: TestApp, body: unknown, base = BASE) => app.request(`${base}/auth/password-reset`, json(body));
export const resetPassword = (app: TestApp, token: string, password: string, base = BASE) =>
  app.request(`${base}/auth/password-reset/confirmation`, json({ token, password }));

/** The development outbox of a tenant, newest first. */
export async function outbox(app: TestApp, base = BASE) {
  const response = await app.request(`${base}/dev/outbox`);
  if (response.status !== 200) throw new Error(`outbox: ${response.status}`);
  return Outbox.parse(await response.json()).messages;
}

/** The newest message to that address. */
export async function lastMailTo(app: TestApp, to: string, base = BASE) {
  const message = (await outbox(app, base)).find((m) => m.to === to);
  if (!message) throw new Error(`no e-mail to ${to}`);
  return message;
}

/** The token of the link `#famille-<kind>=TOKEN` in a message's text. */
export function tokenIn(text: string, kind: 'activation' | 'reset'): string {
  const match = new RegExp(`#famille-${kind}=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`no ${kind} link in:\n${text}`);
  return match[1]!;
}

export async function count(
  db: Database,
  table: 'accounts' | 'email_tokens' | 'outbox_messages' | 'invoices' | 'payments',
  where = sql`true`,
): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`)) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

export async function problemCode(response: Response): Promise<string> {
  return ((await response.json()) as { code: string }).code;
}

export type FieldError = { path: string; code: string; params?: unknown };

/** The field errors of a problem (none: an empty list). */
export async function fieldErrors(response: Response): Promise<FieldError[]> {
  return ((await response.json()) as { fieldErrors?: FieldError[] }).fieldErrors ?? [];
}
