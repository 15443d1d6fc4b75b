import * as z from 'zod/mini';
import { Civilite, password, text } from './fields.ts';

/** How the session travels: an HttpOnly cookie (same site) or a bearer token (cross-site). */
export const SessionTransport = z.enum(['cookie', 'token']);
export type SessionTransport = z.infer<typeof SessionTransport>;

export const Identifiant = text(254);

export const LoginInput = z
  .object({
    identifiant: Identifiant,
    password,
    transport: z.optional(SessionTransport),
  })
  .register(z.globalRegistry, { id: 'LoginInput' });
export type LoginInput = z.input<typeof LoginInput>;

export const AccountStatus = z.enum(['pending_activation', 'active', 'disabled']);

export const Account = z
  .object({
    id: z.string(),
    identifiant: z.string(),
    email: z.string(),
    civilite: z.optional(Civilite),
    nomUsage: z.string(),
    prenoms: z.string(),
    status: AccountStatus,
  })
  .register(z.globalRegistry, { id: 'Account' });
export type Account = z.infer<typeof Account>;

export const Session = z
  .object({
    account: Account,
    transport: SessionTransport,
    /** ISO instant after which the session ends whatever the activity. */
    expiresAt: z.string(),
    /** ISO instant after which the session ends unless used before. */
    idleExpiresAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'Session' });
export type Session = z.infer<typeof Session>;

export const LoginResult = z
  .object({
    session: Session,
    /** Present only in token transport: send it as `Authorization: Bearer …`. */
    token: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'LoginResult' });
export type LoginResult = z.infer<typeof LoginResult>;
