import * as z from 'zod/mini';
import { Locale } from './tenant.ts';
import { Identifiant } from './auth.ts';
import { Civilite, optionalText, password, text } from './fields.ts';

export { Civilite };

/** A calendar date (YYYY-MM-DD) strictly before today. */
export const PastDate = z.iso.date().check(
  z.refine((value) => value < new Date().toISOString().slice(0, 10), { params: { code: 'not_in_past' } }),
);

export const PreferredContact = z.enum(['email', 'telephone', 'mobile', 'courrier']);
export const PostalCode = z.string().check(z.trim(), z.regex(/^\d{5}$/));
export const PhoneNumber = z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 .()-]{5,24}$/));
export const Email = z.email().check(z.maxLength(254));

/** Identity of the account holder: "Identité = référent allocataire CAF ou MSA". */
export const Identity = z.object({
  civilite: Civilite,
  nomUsage: text(100),
  nomNaissance: optionalText(100),
  prenoms: text(150),
  dateNaissance: z.optional(PastDate),
});

export const Address = z.object({
  numero: optionalText(10),
  voie: optionalText(150),
  batiment: optionalText(60),
  appartement: optionalText(30),
  complement: optionalText(150),
  codePostal: z.optional(PostalCode),
  commune: optionalText(100),
});

export const Contacts = z.object({
  telephone: z.optional(PhoneNumber),
  mobile: z.optional(PhoneNumber),
  email: Email,
  preferredContact: z.optional(PreferredContact),
});

/** Letters, digits and . _ - @, from 3 to 64 characters. */
export const NewIdentifiant = z.string().check(z.trim(), z.minLength(3), z.maxLength(64), z.regex(/^[A-Za-z0-9._@-]+$/));

export const RegistrationInput = z
  .object({
    acceptCgu: z.literal(true),
    identity: Identity,
    address: Address,
    contacts: Contacts,
    credentials: z.object({
      identifiant: NewIdentifiant,
      // Checked against the tenant's policy by the server (field error too_weak/too_common).
      password,
    }),
    /** Language of the e-mails. */
    locale: z.optional(Locale),
  })
  .register(z.globalRegistry, { id: 'RegistrationInput' });
export type RegistrationInput = z.input<typeof RegistrationInput>;

/** The same answer whether or not the e-mail address already has an account. */
export const RegistrationAccepted = z
  .object({ email: z.string(), activationTtlHours: z.number() })
  .register(z.globalRegistry, { id: 'RegistrationAccepted' });
export type RegistrationAccepted = z.infer<typeof RegistrationAccepted>;

/** A token from an e-mail link (activation or password reset). */
export const EmailToken = z.string().check(z.minLength(16), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/));

export const ActivationInput = z.object({ token: EmailToken }).register(z.globalRegistry, { id: 'ActivationInput' });
export type ActivationInput = z.input<typeof ActivationInput>;

export const ActivationResult = z
  .object({ identifiant: z.string() })
  .register(z.globalRegistry, { id: 'ActivationResult' });
export type ActivationResult = z.infer<typeof ActivationResult>;

/** Either the identifiant (from the login form) or the token of an expired link. */
export const ResendActivationInput = z
  .object({ identifiant: z.optional(Identifiant), token: z.optional(EmailToken), locale: z.optional(Locale) })
  .register(z.globalRegistry, { id: 'ResendActivationInput' });
export type ResendActivationInput = z.input<typeof ResendActivationInput>;

/** The identifiant or the e-mail address of the account. */
export const PasswordResetRequest = z
  .object({ identifiant: Identifiant, locale: z.optional(Locale) })
  .register(z.globalRegistry, { id: 'PasswordResetRequest' });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

export const PasswordResetInput = z
  .object({ token: EmailToken, password })
  .register(z.globalRegistry, { id: 'PasswordResetInput' });
export type PasswordResetInput = z.input<typeof PasswordResetInput>;

/** Accepted: nothing says whether an account matched. */
export const Accepted = z.object({ accepted: z.literal(true) }).register(z.globalRegistry, { id: 'Accepted' });
export type Accepted = z.infer<typeof Accepted>;

export const OutboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const Outbox = z
  .object({ messages: z.array(OutboxMessage) })
  .register(z.globalRegistry, { id: 'Outbox', description: 'Development outbox: e-mails kept instead of sent, newest first' });
export type Outbox = z.infer<typeof Outbox>;
