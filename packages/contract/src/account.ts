// "Mon compte": the parent's own account (coordonnées, identifiants, données personnelles).
import * as z from 'zod/mini';
import { Address, EmailToken, Email, Identity, PhoneNumber, PreferredContact } from './accounts.ts';
import { Attachments, FamilyRequest } from './family.ts';
import { Civilite, id, instant, optionalText, password, wholeNumber } from './fields.ts';

const phone = (what: string) =>
  z
    .optional(PhoneNumber)
    .check(z.meta({ description: `${what}: digits with optional \`+\`, spaces, dots, dashes or brackets (7 to 26 characters); absent: none` }));

/** The account holder's identity as stored (what an identity request would change). */
export const AccountIdentity = z
  .object({
    civilite: z.optional(Civilite),
    nomUsage: z.string().check(z.meta({ description: 'Nom d’usage', examples: ['Durand'] })),
    nomNaissance: z.optional(z.string()).check(z.describe('Nom de naissance, when it differs')),
    prenoms: z.string().check(z.meta({ description: 'Prénoms', examples: ['Léa Marie'] })),
    dateNaissance: z.optional(z.string()).check(z.meta({ format: 'date', description: 'Date of birth, `YYYY-MM-DD`' })),
  })
  .register(z.globalRegistry, { id: 'AccountIdentity', description: 'The account holder’s identity (changed only through a request the service validates)' });
export type AccountIdentity = z.infer<typeof AccountIdentity>;

/** What the account's request of a kind looks like while it awaits the service. */
const OpenAccountRequest = z.extend(z.pick(FamilyRequest, { id: true, number: true, createdAt: true }), {
  status: z.enum(['deposee', 'en_cours']).check(z.describe('`deposee` (submitted) or `en_cours` (being processed)')),
});

export const AccountDetails = z
  .object({
    id: z.string().check(z.describe('The account’s id')),
    identifiant: z.string().check(z.meta({ description: 'The login name', examples: ['lea.durand'] })),
    email: z.string().check(z.meta({ description: 'The account’s e-mail address, as confirmed', examples: ['lea.durand@example.fr'] })),
    pendingEmail: z
      .optional(z.string())
      .check(z.describe('A new address waiting for its confirmation link to be opened; the account keeps `email` until then')),
    identity: AccountIdentity.check(z.describe('Who the account holder is')),
    address: z.record(z.string(), z.string()).check(
      z.meta({
        description: 'The postal address: the parts of `Address` that are set',
        examples: [{ numero: '12', voie: 'rue des Tilleuls', codePostal: '38200', commune: 'Vienne' }],
      }),
    ),
    telephone: z.optional(z.string()).check(z.describe('Landline')),
    mobile: z.optional(z.string()).check(z.describe('Mobile phone')),
    preferredContact: z.optional(PreferredContact).check(z.describe('How the family prefers to be contacted')),
    lastLoginAt: z.optional(instant()).check(z.describe('The latest login, usually this session’s (UTC instant)')),
    previousLoginAt: z.optional(instant()).check(z.describe('The login before it: "dernière connexion le …" (UTC instant); absent at the first login')),
    identityRequest: z.optional(OpenAccountRequest).check(z.describe('An identity change awaiting the service, if any')),
    closureRequest: z.optional(OpenAccountRequest).check(z.describe('A request to close the account awaiting the service, if any')),
  })
  .register(z.globalRegistry, { id: 'AccountDetails', description: 'The parent’s account: identity, coordonnées, last logins, requests under way' });
export type AccountDetails = z.infer<typeof AccountDetails>;

export const ContactDetailsInput = z
  .object({
    address: Address.check(z.describe('The whole postal address (parts left out are cleared)')),
    telephone: phone('Landline'),
    mobile: phone('Mobile phone'),
    preferredContact: z.optional(PreferredContact).check(z.describe('`email`, `telephone`, `mobile` or `courrier` (post)')),
  })
  .register(z.globalRegistry, {
    id: 'ContactDetailsInput',
    description: 'The coordonnées, saved at once (the service is told: see the agents’ account changes)',
    examples: [
      {
        address: { numero: '4', voie: 'place de l’Hôtel de Ville', codePostal: '38200', commune: 'Vienne' },
        telephone: '04 74 11 22 33',
        mobile: '06 12 34 56 78',
        preferredContact: 'mobile',
      },
    ],
  });
export type ContactDetailsInput = z.input<typeof ContactDetailsInput>;

export const EmailChangeInput = z
  .object({
    email: Email.check(z.meta({ description: 'The new address; the confirmation link goes there', examples: ['lea.nouvelle@example.fr'] })),
    password: password.check(z.describe('The current password, as typed (a stolen session alone cannot take the account over)')),
  })
  .register(z.globalRegistry, {
    id: 'EmailChangeInput',
    description: 'A new e-mail address for the account',
    examples: [{ email: 'lea.nouvelle@example.fr', password: 'Tilleul-Orange-2026' }],
  });
export type EmailChangeInput = z.input<typeof EmailChangeInput>;

export const EmailChangeAccepted = z
  .object({
    pendingEmail: z.string().check(z.meta({ description: 'Where the confirmation link was sent', examples: ['lea.nouvelle@example.fr'] })),
    expiresAt: instant().check(z.describe('When the link stops working (UTC instant)')),
  })
  .register(z.globalRegistry, { id: 'EmailChangeAccepted', description: 'The confirmation link is on its way to the new address' });
export type EmailChangeAccepted = z.infer<typeof EmailChangeAccepted>;

export const EmailChangeConfirmation = z
  .object({
    token: EmailToken.check(
      z.meta({
        description: 'The token of the confirmation link (`#famille-email=TOKEN` in the link to the tenant’s page)',
        examples: ['q3Xv9kR2mT7wL0pZs8Yb4NcE1uHf6JdA'],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'EmailChangeConfirmation',
    description: 'The token of an e-mail change link',
    examples: [{ token: 'q3Xv9kR2mT7wL0pZs8Yb4NcE1uHf6JdA' }],
  });
export type EmailChangeConfirmation = z.input<typeof EmailChangeConfirmation>;

export const EmailChanged = z
  .object({ email: z.string().check(z.meta({ description: 'The account’s address from now on', examples: ['lea.nouvelle@example.fr'] })) })
  .register(z.globalRegistry, { id: 'EmailChanged', description: 'The new address is the account’s' });
export type EmailChanged = z.infer<typeof EmailChanged>;

export const PasswordChangeInput = z
  .object({
    password: password.check(z.describe('The current password, as typed')),
    newPassword: password.check(z.describe('The new password, checked against the tenant’s `passwordPolicy` (field errors `too_weak`, `too_common`)')),
  })
  .register(z.globalRegistry, {
    id: 'PasswordChangeInput',
    description: 'The current password and the new one',
    examples: [{ password: 'Tilleul-Orange-2026', newPassword: 'Glycine-Rivière-2027' }],
  });
export type PasswordChangeInput = z.input<typeof PasswordChangeInput>;

export const SessionsEnded = z
  .object({ sessionsEnded: wholeNumber().check(z.meta({ description: 'How many sessions were ended', examples: [2] })) })
  .register(z.globalRegistry, { id: 'SessionsEnded', description: 'Sessions ended on the server' });
export type SessionsEnded = z.infer<typeof SessionsEnded>;

export const IdentityChangeInput = z
  .object({
    identity: Identity.check(z.describe('The identity as it should read')),
    attachments: Attachments.check(
      z.describe('Ids of documents uploaded beforehand (`POST …/documents`): at least one justificatif (field error `required` otherwise), at most 10'),
    ),
  })
  .register(z.globalRegistry, {
    id: 'IdentityChangeInput',
    description: 'A change of the account holder’s identity, with a justificatif: a request (`identity_change`) the service validates',
    examples: [
      {
        identity: { civilite: 'madame', nomUsage: 'Martin', nomNaissance: 'Durand', prenoms: 'Léa Marie', dateNaissance: '1990-05-17' },
        attachments: ['8d0f6c1e-2b7a-4e55-9c3d-1a2b3c4d5e6f'],
      },
    ],
  });
export type IdentityChangeInput = z.input<typeof IdentityChangeInput>;

export const ClosureRequestInput = z
  .object({
    confirm: z.literal(true).check(z.describe('The parent confirms: must be `true`')),
    comment: optionalText(1000).check(z.meta({ description: 'Why, or what to keep in mind; at most 1000 characters', examples: ['Nous déménageons.'] })),
  })
  .register(z.globalRegistry, {
    id: 'ClosureRequestInput',
    description: 'A request to close the account (`account_closure`): the service decides, since invoices must be kept',
    examples: [{ confirm: true, comment: 'Nous déménageons.' }],
  });
export type ClosureRequestInput = z.input<typeof ClosureRequestInput>;

export const AccountExport = z
  .object({
    exportedAt: instant().check(z.describe('When the export was made (UTC instant)')),
    tenant: z.string().check(z.describe('The tenant’s id')),
    familyId: z.string().check(z.describe('The family’s id')),
    tables: z
      .record(z.string(), z.array(z.record(z.string(), z.unknown())))
      .check(
        z.describe(
          'Every row held about the family, by table (`accounts`, `family_members`, `requests`, `request_events`, `documents`, `preregistrations`, `invoices`, `payments`, `sessions`…), secrets left out (password and token hashes, storage keys, agents’ ids). Rows of documents and invoices carry `download`: the API path of the file (with the session’s credentials).',
        ),
      ),
  })
  .register(z.globalRegistry, { id: 'AccountExport', description: 'Everything held about the family (right of access, RGPD article 15)' });
export type AccountExport = z.infer<typeof AccountExport>;

export const AccountChangeKind = z.enum(['contact_details', 'email']);

export const AccountChange = z
  .object({
    id: z.string().check(z.describe('The change’s id')),
    kind: AccountChangeKind.check(z.describe('`contact_details` (address, phones, preferred contact) or `email` (a confirmed new address)')),
    familyId: z.string().check(z.describe('The family')),
    familyLabel: z.string().check(z.meta({ description: 'Its parents’ names', examples: ['Léa Durand'] })),
    at: instant().check(z.describe('When it was saved (UTC instant)')),
    before: z.record(z.string(), z.unknown()).check(z.describe('The changed fields as they were')),
    after: z.record(z.string(), z.unknown()).check(z.describe('The changed fields as they are now')),
  })
  .register(z.globalRegistry, { id: 'AccountChange', description: 'A change a parent saved directly in "Mon compte", for the service to follow' });
export type AccountChange = z.infer<typeof AccountChange>;

export const AccountChangeList = z
  .object({ changes: z.array(AccountChange).check(z.describe('Newest first')) })
  .register(z.globalRegistry, { id: 'AccountChangeList', description: 'Parents’ changes of their coordonnées' });
export type AccountChangeList = z.infer<typeof AccountChangeList>;

export const AccountChangeListQuery = z.object({
  familyId: z.optional(id).check(z.describe('Only this family’s changes')),
});
