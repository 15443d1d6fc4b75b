import * as z from 'zod/mini';
import { Locale } from './tenant.ts';
import { Identifiant } from './auth.ts';
import { parisDate } from './dates.ts';
import { Civilite, instant, optionalText, password, text, wholeNumber } from './fields.ts';

export { Civilite };

/** A calendar date (YYYY-MM-DD) strictly before today (in Paris, as the elements check it). */
export const PastDate = z.iso.date().check(z.refine((value) => value < parisDate(new Date()), { params: { code: 'not_in_past' } }));

export const PreferredContact = z.enum(['email', 'telephone', 'mobile', 'courrier']);
export const PostalCode = z.string().check(z.trim(), z.regex(/^\d{5}$/));
export const PhoneNumber = z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 .()-]{5,24}$/));
export const Email = z.email().check(z.maxLength(254));

const emailLanguage = () => z.optional(Locale).check(z.describe('Language of the e-mail: `fr` or `en`; absent: the tenant’s default language'));

/** Identity of the account holder: "Identité = référent allocataire CAF ou MSA". */
export const Identity = z
  .object({
    civilite: Civilite,
    nomUsage: text(100).check(z.meta({ description: 'Nom d’usage: the surname in use; 1 to 100 characters', examples: ['Durand'] })),
    nomNaissance: optionalText(100).check(
      z.meta({ description: 'Nom de naissance: the surname at birth, when it differs; at most 100 characters', examples: ['Petit'] }),
    ),
    prenoms: text(150).check(z.meta({ description: 'Prénoms: first names, the usual one first; 1 to 150 characters', examples: ['Léa Marie'] })),
    dateNaissance: z.optional(PastDate).check(z.describe('Date of birth, `YYYY-MM-DD`, before today (field error `not_in_past` otherwise)')),
  })
  .register(z.globalRegistry, {
    id: 'Identity',
    description: 'Identity of the account holder: the family’s référent, the parent the CAF or MSA (family benefit offices) knows as allocataire',
  });

export const Address = z
  .object({
    numero: optionalText(10).check(z.meta({ description: 'Street number, with its suffix (bis, ter)', examples: ['12 bis'] })),
    voie: optionalText(150).check(z.meta({ description: 'Street type and name', examples: ['rue des Tilleuls'] })),
    batiment: optionalText(60).check(z.meta({ description: 'Building, staircase', examples: ['Bâtiment B'] })),
    appartement: optionalText(30).check(z.meta({ description: 'Flat number or floor', examples: ['Appartement 24'] })),
    complement: optionalText(150).check(z.meta({ description: 'Further delivery details (lieu-dit, care of…)', examples: ['Résidence Les Glycines'] })),
    codePostal: z.optional(PostalCode).check(z.meta({ description: 'French postal code: five digits', examples: ['38200'] })),
    commune: optionalText(100).check(z.meta({ description: 'Municipality', examples: ['Vienne'] })),
  })
  .register(z.globalRegistry, { id: 'Address', description: 'A French postal address; every part is optional, trimmed' });

export const Contacts = z
  .object({
    telephone: z
      .optional(PhoneNumber)
      .check(
        z.meta({ description: 'Landline: digits with optional `+`, spaces, dots, dashes or brackets (7 to 26 characters)', examples: ['04 74 00 00 00'] }),
      ),
    mobile: z.optional(PhoneNumber).check(z.meta({ description: 'Mobile phone, same format as `telephone`', examples: ['+33 6 12 34 56 78'] })),
    email: Email.check(
      z.meta({ description: 'E-mail address of the account: the activation link is sent there; at most 254 characters', examples: ['lea.durand@example.fr'] }),
    ),
    preferredContact: z
      .optional(PreferredContact)
      .check(z.describe('How the family prefers to be contacted: `email`, `telephone`, `mobile` or `courrier` (post)')),
  })
  .register(z.globalRegistry, { id: 'Contacts', description: 'How to reach the account holder' });

/** Letters, digits and . _ - @, from 3 to 64 characters. */
export const NewIdentifiant = z.string().check(z.trim(), z.minLength(3), z.maxLength(64), z.regex(/^[A-Za-z0-9._@-]+$/));

export const RegistrationInput = z
  .object({
    acceptCgu: z.literal(true).check(z.describe('The parent accepted the terms of use (CGU): must be `true`')),
    identity: Identity.check(z.describe('Who the account holder is')),
    address: Address.check(z.describe('The family’s postal address')),
    contacts: Contacts.check(z.describe('Phone numbers and e-mail address')),
    credentials: z
      .object({
        identifiant: NewIdentifiant.check(
          z.meta({
            description: 'The login name to create: letters, digits and `. _ - @`, 3 to 64 characters (field error `taken` when another account has it)',
            examples: ['lea.durand'],
          }),
        ),
        // Checked against the tenant's policy by the server (field error too_weak/too_common).
        password: password.check(z.describe('The password, checked against the tenant’s `passwordPolicy` (field errors `too_weak`, `too_common`)')),
      })
      .check(z.describe('The login name and password to create')),
    /** Language of the e-mails. */
    locale: emailLanguage(),
  })
  .register(z.globalRegistry, {
    id: 'RegistrationInput',
    description: 'What a parent gives to create an account',
    examples: [
      {
        acceptCgu: true,
        identity: { civilite: 'madame', nomUsage: 'Durand', nomNaissance: 'Petit', prenoms: 'Léa Marie', dateNaissance: '1990-05-17' },
        address: { numero: '12', voie: 'rue des Tilleuls', codePostal: '38200', commune: 'Vienne' },
        contacts: { telephone: '04 74 00 00 00', mobile: '+33 6 12 34 56 78', email: 'lea.durand@example.fr', preferredContact: 'mobile' },
        credentials: { identifiant: 'lea.durand', password: 'Tilleul-Orange-2026' },
        locale: 'fr',
      },
    ],
  });
export type RegistrationInput = z.input<typeof RegistrationInput>;

/** The same answer whether or not the e-mail address already has an account. */
export const RegistrationAccepted = z
  .object({
    email: z.string().check(z.meta({ description: 'The address the activation e-mail goes to', examples: ['lea.durand@example.fr'] })),
    activationTtlHours: wholeNumber().check(z.meta({ description: 'How long the activation link stays valid, in hours', examples: [72] })),
  })
  .register(z.globalRegistry, {
    id: 'RegistrationAccepted',
    description:
      'Registration accepted: the activation e-mail is on its way. The same answer whether or not the address already had an account (no account enumeration).',
  });
export type RegistrationAccepted = z.infer<typeof RegistrationAccepted>;

/** A token from an e-mail link (activation or password reset). */
export const EmailToken = z.string().check(z.minLength(16), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/));

const emailToken = (link: string) =>
  EmailToken.check(
    z.meta({
      description: `The token of the ${link} link: base64url characters, 16 to 200 of them. The e-mail links to the tenant’s page with \`#famille-…=TOKEN\` in the fragment.`,
      examples: ['q3Xv9kR2mT7wL0pZs8Yb4NcE1uHf6JdA'],
    }),
  );

export const ActivationInput = z.object({ token: emailToken('activation') }).register(z.globalRegistry, {
  id: 'ActivationInput',
  description: 'The token of an activation link',
  examples: [{ token: 'q3Xv9kR2mT7wL0pZs8Yb4NcE1uHf6JdA' }],
});
export type ActivationInput = z.input<typeof ActivationInput>;

export const ActivationResult = z
  .object({ identifiant: z.string().check(z.meta({ description: 'The identifiant of the account, to prefill the login form', examples: ['lea.durand'] })) })
  .register(z.globalRegistry, { id: 'ActivationResult', description: 'The account is active (or its new password set): the parent may log in' });
export type ActivationResult = z.infer<typeof ActivationResult>;

/** Either the identifiant (from the login form) or the token of an expired link. */
export const ResendActivationInput = z
  .object({
    identifiant: z
      .optional(Identifiant)
      .check(z.meta({ description: 'The identifiant or e-mail address typed in the login form (after `account_not_activated`)', examples: ['lea.durand'] })),
    token: z.optional(EmailToken).check(z.describe('Or the token of an expired activation link (after `token_expired`)')),
    locale: emailLanguage(),
  })
  .register(z.globalRegistry, {
    id: 'ResendActivationInput',
    description: 'Which account to send a new activation e-mail to: its identifiant, or the token of its expired link',
    examples: [{ identifiant: 'lea.durand', locale: 'fr' }],
  });
export type ResendActivationInput = z.input<typeof ResendActivationInput>;

/** The identifiant or the e-mail address of the account. */
export const PasswordResetRequest = z
  .object({
    identifiant: Identifiant.check(z.meta({ description: 'The identifiant or the e-mail address of the account', examples: ['lea.durand@example.fr'] })),
    locale: emailLanguage(),
  })
  .register(z.globalRegistry, {
    id: 'PasswordResetRequest',
    description: 'Which account forgot its password',
    examples: [{ identifiant: 'lea.durand@example.fr', locale: 'fr' }],
  });
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;

export const PasswordResetInput = z
  .object({
    token: emailToken('password reset'),
    password: password.check(z.describe('The new password, checked against the tenant’s `passwordPolicy` (field errors `too_weak`, `too_common`)')),
  })
  .register(z.globalRegistry, {
    id: 'PasswordResetInput',
    description: 'The token of a password-reset link and the new password',
    examples: [{ token: 'q3Xv9kR2mT7wL0pZs8Yb4NcE1uHf6JdA', password: 'Glycine-Rivière-2027' }],
  });
export type PasswordResetInput = z.input<typeof PasswordResetInput>;

/** Accepted: nothing says whether an account matched. */
export const Accepted = z.object({ accepted: z.literal(true).check(z.describe('Always `true`')) }).register(z.globalRegistry, {
  id: 'Accepted',
  description: 'Accepted. Nothing says whether an account matched (no account enumeration): the e-mail goes out only if one did.',
});
export type Accepted = z.infer<typeof Accepted>;

export const OutboxMessage = z
  .object({
    id: z.string().check(z.describe('The message’s id')),
    to: z.string().check(z.meta({ description: 'Recipient address', examples: ['lea.durand@example.fr'] })),
    subject: z.string().check(z.meta({ description: 'Subject line', examples: ['Activez votre Espace Famille'] })),
    text: z.string().check(z.describe('Plain-text body')),
    html: z.string().check(z.describe('HTML body')),
    createdAt: instant().check(z.describe('When the message was queued (UTC instant)')),
  })
  .register(z.globalRegistry, { id: 'OutboxMessage', description: 'An e-mail kept by the development outbox' });
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const Outbox = z
  .object({ messages: z.array(OutboxMessage).check(z.describe('The messages, newest first')) })
  .register(z.globalRegistry, { id: 'Outbox', description: 'Development outbox: e-mails kept instead of sent, newest first' });
export type Outbox = z.infer<typeof Outbox>;
