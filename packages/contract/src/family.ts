import * as z from 'zod/mini';
import { Email, PastDate, PhoneNumber } from './accounts.ts';
import { Identifiant } from './auth.ts';
import { parisDate } from './dates.ts';
import { Civilite, dateInDays, historyEntry, id, instant, optionalText, password, text, wholeNumber } from './fields.ts';

/** A calendar date (YYYY-MM-DD) strictly after today (in Paris): a child's expected birth date. */
export const FutureDate = z.iso.date().check(z.refine((value) => value > parisDate(new Date()), { params: { code: 'not_in_future' } }));

/** Ids of documents uploaded beforehand (POST …/documents), attached to the request. */
export const Attachments = z
  .optional(z.array(id).check(z.maxLength(10)))
  .check(
    z.describe(
      'Ids of documents uploaded beforehand (`POST …/documents`) to attach to the request, at most 10 (field error `unknown_reference` for an id that is not the family’s)',
    ),
  );

/** The parent's answer to a `possible_duplicate` refusal: this is another person (e.g. a twin). */
export const ConfirmDuplicate = z
  .optional(z.boolean())
  .check(
    z.describe(
      'The parent confirms that this person is not the member already declared with the same names (and, for a child, the same birth date). Without it, such a member is refused with the field error `possible_duplicate` on `confirmDuplicate`, whose `member` parameter names the one already declared. Not stored.',
    ),
  );

export const MemberRole = z.enum(['coRepresentant', 'enfant', 'contact']);
export type MemberRole = z.infer<typeof MemberRole>;

export const Sexe = z.enum(['feminin', 'masculin']);

const nomUsage = () => text(100).check(z.meta({ description: 'Nom d’usage: the surname in use; 1 to 100 characters', examples: ['Martin'] }));
const prenoms = () => text(150).check(z.meta({ description: 'Prénoms: first names, the usual one first; 1 to 150 characters', examples: ['Camille'] }));
const phone = (what: string) =>
  PhoneNumber.check(
    z.meta({ description: `${what}: digits with optional \`+\`, spaces, dots, dashes or brackets (7 to 26 characters)`, examples: ['06 98 76 54 32'] }),
  );

/** The other parent (co-représentant). */
export const CoRepresentantProfile = z
  .object({
    role: z.literal('coRepresentant').check(z.describe('The other parent (co-représentant légal: the child’s other legal guardian)')),
    civilite: Civilite,
    nomUsage: nomUsage(),
    nomNaissance: optionalText(100).check(z.describe('Nom de naissance: the surname at birth, when it differs; at most 100 characters')),
    prenoms: prenoms(),
    dateNaissance: z.optional(PastDate).check(z.describe('Date of birth, `YYYY-MM-DD`, before today')),
    email: z.optional(Email).check(z.meta({ description: 'E-mail address; at most 254 characters', examples: ['camille.martin@example.fr'] })),
    telephone: z.optional(phone('Landline')),
    mobile: z.optional(phone('Mobile phone')),
    attachments: Attachments,
    confirmDuplicate: ConfirmDuplicate,
  })
  .register(z.globalRegistry, {
    id: 'CoRepresentantProfile',
    title: 'Co-représentant (other parent)',
    description: 'The other parent (co-représentant)',
    examples: [
      {
        role: 'coRepresentant',
        civilite: 'monsieur',
        nomUsage: 'Martin',
        prenoms: 'Camille',
        dateNaissance: '1988-11-02',
        email: 'camille.martin@example.fr',
        mobile: '06 98 76 54 32',
      },
    ],
  });

/**
 * A child of the household. A future child ("futur enfant") has `dateNaissancePrevue`
 * instead of `dateNaissance`, and may have no first name yet.
 */
export const EnfantProfile = z
  .object({
    role: z.literal('enfant').check(z.describe('A child of the household, born or expected (futur enfant)')),
    nomUsage: nomUsage(),
    prenoms: optionalText(150).check(z.meta({ description: 'First names; may be absent for a future child', examples: ['Léo'] })),
    sexe: z.optional(Sexe).check(z.describe('`feminin` or `masculin`')),
    dateNaissance: z
      .optional(PastDate)
      .check(
        z.describe(
          'Date of birth of a born child, `YYYY-MM-DD`, before today. A child has either this or `dateNaissancePrevue` (the server answers `validation_failed` otherwise).',
        ),
      ),
    dateNaissancePrevue: z
      .optional(FutureDate)
      .check(
        z.describe('Expected birth date of a future child, `YYYY-MM-DD`, after today and at most 300 days ahead (field errors `not_in_future`, `too_large`)'),
      ),
    attachments: Attachments,
    confirmDuplicate: ConfirmDuplicate,
  })
  .register(z.globalRegistry, {
    id: 'EnfantProfile',
    title: 'Enfant (child, born or expected)',
    description:
      'A child of the household. A future child (futur enfant) has `dateNaissancePrevue` instead of `dateNaissance`, and may have no first name yet.',
    examples: [
      { role: 'enfant', nomUsage: 'Martin', prenoms: 'Léo', sexe: 'masculin', dateNaissance: '2024-06-12' },
      { role: 'enfant', nomUsage: 'Martin', dateNaissancePrevue: dateInDays(120) },
    ],
  });

/** A person authorised to pick the child up, or to be called in an emergency. */
export const ContactProfile = z
  .object({
    role: z.literal('contact').check(z.describe('A person authorised to pick the children up, or to call in an emergency')),
    civilite: z.optional(Civilite),
    nomUsage: nomUsage(),
    prenoms: prenoms(),
    /** e.g. "Grand-mère", "Voisine". */
    lien: text(60).check(z.meta({ description: 'Relationship to the family, in words; 1 to 60 characters', examples: ['Grand-mère', 'Voisine'] })),
    telephone: phone('Phone number to reach them'),
    autoriseRecuperation: z.boolean().check(z.describe('Authorised to pick the children up (autorisé à récupérer l’enfant)')),
    appelUrgence: z.boolean().check(z.describe('To be called in an emergency (à appeler en cas d’urgence)')),
    attachments: Attachments,
    confirmDuplicate: ConfirmDuplicate,
  })
  .register(z.globalRegistry, {
    id: 'ContactProfile',
    title: 'Contact (pick-up or emergency)',
    description: 'A person authorised to pick the children up, or to be called in an emergency',
    examples: [
      {
        role: 'contact',
        civilite: 'madame',
        nomUsage: 'Roux',
        prenoms: 'Simone',
        lien: 'Grand-mère',
        telephone: '04 74 12 34 56',
        autoriseRecuperation: true,
        appelUrgence: true,
      },
    ],
  });

/** What a parent sends to add or change a member. One of a born or expected birth date for a child. */
export const MemberInput = z.discriminatedUnion('role', [CoRepresentantProfile, EnfantProfile, ContactProfile]).register(z.globalRegistry, {
  id: 'MemberInput',
  description: 'A member of the family’s entourage, as a parent declares it; `role` tells which kind (examples: with each kind)',
});
export type MemberInput = z.input<typeof MemberInput>;

/** Where a change requested by the family stands. */
export const RequestStatus = z.enum(['deposee', 'en_cours', 'validee', 'refusee']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const RequestKind = z.enum(['member_add', 'member_update', 'member_remove', 'identity_change', 'account_closure']);
export type RequestKind = z.infer<typeof RequestKind>;

const requestStatus = 'Where the request stands: `deposee` (submitted), `en_cours` (being processed), `validee` (accepted), `refusee` (refused)';

export const DocumentInfo = z
  .object({
    id: z
      .string()
      .check(z.meta({ description: 'The document’s id, to attach it to a request or download it', examples: ['8d0f6c1e-2b7a-4e55-9c3d-1a2b3c4d5e6f'] })),
    fileName: z.string().check(z.meta({ description: 'The file’s name as uploaded (from `Content-Disposition`)', examples: ['acte-naissance-leo.pdf'] })),
    contentType: z.string().check(z.meta({ description: 'The media type, checked against the file’s content', examples: ['application/pdf'] })),
    size: wholeNumber().check(z.meta({ description: 'Size in bytes', examples: [184320] })),
    createdAt: instant().check(z.describe('When it was uploaded (UTC instant)')),
  })
  .register(z.globalRegistry, { id: 'DocumentInfo', description: 'An uploaded document (pièce justificative)' });
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const Member = z
  .object({
    id: z.string().check(z.meta({ description: 'The member’s id', examples: ['5b9e2d47-8c1a-4f3b-a6e0-7d2c9b8a1f04'] })),
    role: MemberRole.check(z.describe('`coRepresentant` (the other parent), `enfant` (child, born or expected) or `contact` (pick-up or emergency contact)')),
    /** The profile as last declared (pending changes included). */
    profile: MemberInput.check(z.describe('The profile as last declared, pending changes included')),
    /** The status of the latest request about this member. */
    status: RequestStatus.check(z.describe(`Status of the latest request about this member. ${requestStatus}.`)),
    /** A removal was asked and awaits the service. */
    removalRequested: z.boolean().check(z.describe('A removal was asked and awaits the service')),
    documents: z.array(DocumentInfo).check(z.describe('Documents attached to the member’s requests')),
    updatedAt: instant().check(z.describe('Last change of the profile (UTC instant)')),
  })
  .register(z.globalRegistry, { id: 'Member', description: 'A member of the family’s entourage, with where its latest request stands' });
export type Member = z.infer<typeof Member>;

export const HistoryEntry = historyEntry(RequestStatus).register(z.globalRegistry, {
  id: 'RequestHistoryEntry',
  description: 'One dated step of a request’s history',
});

/** A change "transmise au service pour traitement", with its number and dated history. */
export const FamilyRequest = z
  .object({
    id: z.string().check(z.meta({ description: 'The request’s id', examples: ['c7e1a9b3-4d2f-4a8e-b5c6-0f1e2d3c4b5a'] })),
    /** Per-tenant sequential number, "Demande n° 36". */
    number: wholeNumber().check(
      z.meta({
        description: 'Sequential number in the tenant, shared by all kinds of requests, as parents and agents quote it ("Demande n° 36")',
        examples: [36],
      }),
    ),
    kind: RequestKind.check(
      z.describe(
        'What the request asks: `member_add`, `member_update` or `member_remove` (the entourage); `identity_change` or `account_closure` (the account holder, "Mon compte")',
      ),
    ),
    status: RequestStatus.check(z.describe(requestStatus)),
    memberId: z.string().check(z.describe('The member it is about (the account’s id for `identity_change` and `account_closure`)')),
    /** Who it is about, for lists: "Léo Martin (enfant)". */
    memberLabel: z.string().check(z.meta({ description: 'Who it is about, for lists', examples: ['Léo Martin (enfant)'] })),
    createdAt: instant().check(z.describe('When it was submitted (UTC instant)')),
    updatedAt: instant().check(z.describe('Its last change (UTC instant)')),
    history: z.array(HistoryEntry).check(z.describe('Its steps, oldest first')),
  })
  .register(z.globalRegistry, {
    id: 'FamilyRequest',
    description:
      'A change the family asked for, transmitted to the service for processing ("transmise au service pour traitement"), with its number and dated history',
  });
export type FamilyRequest = z.infer<typeof FamilyRequest>;

export const Family = z
  .object({ members: z.array(Member).check(z.describe('The members, the account holder excluded')) })
  .register(z.globalRegistry, { id: 'Family', description: 'The family’s entourage' });
export type Family = z.infer<typeof Family>;

export const MemberChange = z
  .object({
    member: Member.check(z.describe('The member as it now stands')),
    request: FamilyRequest.check(z.describe('The request the change opened')),
  })
  .register(z.globalRegistry, { id: 'MemberChange', description: 'A change of the entourage, and the request it opened for the service' });
export type MemberChange = z.infer<typeof MemberChange>;

export const RequestList = z
  .object({ requests: z.array(FamilyRequest).check(z.describe('The requests, newest first')) })
  .register(z.globalRegistry, { id: 'RequestList', description: 'The family’s requests' });
export type RequestList = z.infer<typeof RequestList>;

/** A family as agents' lists name it: its id and its parents' names ("Camille Martin"). */
export const FamilyLabel = z
  .object({
    id: z.string().check(z.describe('The family’s id (`familyId` in agents’ queries and invoices)')),
    label: z.string().check(z.meta({ description: 'The family’s parents’ names', examples: ['Léa Durand et Camille Martin'] })),
  })
  .register(z.globalRegistry, { id: 'FamilyLabel', description: 'A family as agents’ lists name it' });
export type FamilyLabel = z.infer<typeof FamilyLabel>;

/** An agent's view of a request: the family it belongs to and the member's profile. */
export const AgentRequest = z
  .object({
    request: FamilyRequest.check(z.describe('The request')),
    family: FamilyLabel.check(z.describe('The family that made it')),
    member: z.optional(Member).check(z.describe('The member it is about, with the profile as declared (absent for requests about the account holder)')),
    account: z
      .optional(
        z.object({
          current: z.record(z.string(), z.unknown()).check(z.describe('The account holder’s identity as it stands')),
          requested: z.optional(z.record(z.string(), z.unknown())).check(z.describe('`identity_change`: the identity asked for')),
          comment: z.optional(z.string()).check(z.describe('`account_closure`: the parent’s comment')),
          documents: z.array(DocumentInfo).check(z.describe('The justificatifs attached')),
        }),
      )
      .check(
        z.describe(
          '`identity_change` and `account_closure`: the account holder. Validating an identity change applies it to the account; validating a closure disables the account and ends its sessions (its invoices and payments are kept)',
        ),
      ),
    possibleDuplicates: z
      .optional(
        z.array(
          z.object({
            memberId: z.string().check(z.describe('The other member’s id')),
            label: z.string().check(z.meta({ description: 'Their name, as in requests', examples: ['Léo Martin'] })),
            status: RequestStatus.check(z.describe('Where that member stands')),
          }),
        ),
      )
      .check(
        z.describe(
          'Other members of the same family with the same names (and birth date, for a child), refused ones aside: check before validating that this is another person (the parent confirmed it is)',
        ),
      ),
  })
  .register(z.globalRegistry, { id: 'AgentRequest', description: 'An agent’s view of a request: the family it belongs to and the member’s profile' });
export type AgentRequest = z.infer<typeof AgentRequest>;

export const AgentRequestList = z
  .object({ requests: z.array(AgentRequest).check(z.describe('The requests, oldest first')) })
  .register(z.globalRegistry, { id: 'AgentRequestList', description: 'The tenant’s requests' });
export type AgentRequestList = z.infer<typeof AgentRequestList>;

export const RequestListQuery = z.object({ status: z.optional(RequestStatus).check(z.describe(`Only the requests with this status. ${requestStatus}.`)) });

export const StatusChange = z
  .object({
    status: z
      .enum(['en_cours', 'validee', 'refusee'])
      .check(z.describe('The new status: `en_cours` (being processed), `validee` (accepted: the change applies to the member), `refusee` (refused)')),
    /** Shown to the family; required when refusing. */
    comment: optionalText(1000).check(
      z.meta({
        description: 'Shown to the family, at most 1000 characters; required when refusing',
        examples: ['Merci de fournir un extrait d’acte de naissance de moins de trois mois.'],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'StatusChange',
    description: 'An agent moves a request on; a decided request (validée, refusée) moves no more (409 `conflict`)',
    examples: [{ status: 'refusee', comment: 'Merci de fournir un extrait d’acte de naissance de moins de trois mois.' }],
  });
export type StatusChange = z.input<typeof StatusChange>;

export const AgentLoginInput = z
  .object({
    identifiant: Identifiant.check(z.meta({ description: 'The agent’s identifiant; 1 to 254 characters, trimmed', examples: ['agent.accueil'] })),
    password: password.check(z.describe('The password as typed; 1 to 1024 characters')),
  })
  .register(z.globalRegistry, {
    id: 'AgentLoginInput',
    description: 'An agent’s credentials',
    examples: [{ identifiant: 'agent.accueil', password: 'Guichet-Mairie-2026' }],
  });
export type AgentLoginInput = z.input<typeof AgentLoginInput>;

export const AgentSession = z
  .object({
    agent: z
      .object({
        id: z.string().check(z.describe('The agent’s id')),
        identifiant: z.string().check(z.meta({ description: 'The agent’s login name', examples: ['agent.accueil'] })),
        displayName: z
          .string()
          .check(z.meta({ description: 'Name shown in the back office and to families in request histories', examples: ['Sophie Bernard'] })),
        role: z.enum(['agent', 'admin']).check(z.describe('`agent` or `admin`')),
      })
      .check(z.describe('The agent logged in')),
    token: z.string().check(z.describe('The bearer token: send it as `Authorization: Bearer …`')),
    expiresAt: instant().check(z.describe('When the session ends (UTC instant)')),
  })
  .register(z.globalRegistry, { id: 'AgentSession', description: 'An agent’s session (bearer token)' });
export type AgentSession = z.infer<typeof AgentSession>;
