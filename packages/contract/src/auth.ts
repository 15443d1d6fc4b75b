import * as z from 'zod/mini';
import { Civilite, instant, password, text } from './fields.ts';

/** How the session travels: an HttpOnly cookie (same site) or a bearer token (cross-site). */
export const SessionTransport = z.enum(['cookie', 'token']);
export type SessionTransport = z.infer<typeof SessionTransport>;

export const Identifiant = text(254);

export const LoginInput = z
  .object({
    identifiant: Identifiant.check(
      z.meta({ description: 'The account’s identifiant (login name) or its e-mail address; 1 to 254 characters, trimmed', examples: ['lea.durand'] }),
    ),
    password: password.check(z.describe('The password as typed (not trimmed); 1 to 1024 characters')),
    transport: z
      .optional(SessionTransport)
      .check(
        z.describe(
          'How the session travels. `cookie` (default): an HttpOnly cookie, for pages on the API’s own site. `token`: the answer carries a `token` to send as `Authorization: Bearer …`, for pages on another site (third-party cookies are blocked).',
        ),
      ),
  })
  .register(z.globalRegistry, {
    id: 'LoginInput',
    description: 'A parent’s credentials',
    examples: [{ identifiant: 'lea.durand', password: 'Tilleul-Orange-2026', transport: 'token' }],
  });
export type LoginInput = z.input<typeof LoginInput>;

export const AccountStatus = z.enum(['pending_activation', 'active', 'disabled']);

export const Account = z
  .object({
    id: z.string().check(z.meta({ description: 'The account’s id (a UUID)', examples: ['3f2c8a4e-9b1d-4c6e-8f0a-2d4b6c8e0f12'] })),
    identifiant: z.string().check(z.meta({ description: 'The login name chosen at registration', examples: ['lea.durand'] })),
    email: z
      .string()
      .check(z.meta({ description: 'E-mail address of the account (activation, password reset, notices)', examples: ['lea.durand@example.fr'] })),
    civilite: z.optional(Civilite),
    nomUsage: z.string().check(z.meta({ description: 'Nom d’usage: the surname in use', examples: ['Durand'] })),
    prenoms: z.string().check(z.meta({ description: 'Prénoms: first names, the usual one first', examples: ['Léa Marie'] })),
    status: AccountStatus.check(z.describe('`pending_activation` (the e-mail link was not followed yet), `active`, or `disabled` by the service')),
  })
  .register(z.globalRegistry, { id: 'Account', description: 'A parent’s account: the family’s référent (the parent the CAF or MSA knows as allocataire)' });
export type Account = z.infer<typeof Account>;

export const Session = z
  .object({
    account: Account.check(z.describe('The account logged in')),
    transport: SessionTransport.check(z.describe('How this session travels: `cookie` or `token` (bearer)')),
    /** ISO instant after which the session ends whatever the activity. */
    expiresAt: instant().check(z.describe('When the session ends whatever the activity (absolute expiry, 12 hours after login by default)')),
    /** ISO instant after which the session ends unless used before. */
    idleExpiresAt: instant().check(z.describe('When the session ends unless used before (idle expiry, 30 minutes by default; each request moves it on)')),
  })
  .register(z.globalRegistry, { id: 'Session', description: 'A parent’s session and its account' });
export type Session = z.infer<typeof Session>;

export const LoginResult = z
  .object({
    session: Session.check(z.describe('The new session')),
    /** Present only in token transport: send it as `Authorization: Bearer …`. */
    token: z
      .optional(z.string())
      .check(
        z.describe(
          'Only with `transport: "token"`: the bearer token, to send as `Authorization: Bearer …`. Keep it in memory or in the tab’s `sessionStorage` (as the SDK does), not in `localStorage`.',
        ),
      ),
  })
  .register(z.globalRegistry, { id: 'LoginResult', description: 'The session opened by a login; with cookie transport, the `Set-Cookie` header carries it' });
export type LoginResult = z.infer<typeof LoginResult>;
