import * as z from 'zod/mini';
import { Email, PastDate, PhoneNumber } from './accounts.ts';
import { Identifiant } from './auth.ts';
import { Civilite, historyEntry, id, optionalText, password, text } from './fields.ts';

/** A calendar date (YYYY-MM-DD) strictly after today: a child's expected birth date. */
export const FutureDate = z.iso.date().check(
  z.refine((value) => value > new Date().toISOString().slice(0, 10), { params: { code: 'not_in_future' } }),
);

/** Ids of documents uploaded beforehand (POST …/documents), attached to the request. */
export const Attachments = z.optional(z.array(id).check(z.maxLength(10)));

export const MemberRole = z.enum(['coRepresentant', 'enfant', 'contact']);
export type MemberRole = z.infer<typeof MemberRole>;

export const Sexe = z.enum(['feminin', 'masculin']);

/** The other parent (co-représentant). */
export const CoRepresentantProfile = z.object({
  role: z.literal('coRepresentant'),
  civilite: Civilite,
  nomUsage: text(100),
  nomNaissance: optionalText(100),
  prenoms: text(150),
  dateNaissance: z.optional(PastDate),
  email: z.optional(Email),
  telephone: z.optional(PhoneNumber),
  mobile: z.optional(PhoneNumber),
  attachments: Attachments,
});

/**
 * A child of the household. A future child ("futur enfant") has `dateNaissancePrevue`
 * instead of `dateNaissance`, and may have no first name yet.
 */
export const EnfantProfile = z.object({
  role: z.literal('enfant'),
  nomUsage: text(100),
  prenoms: optionalText(150),
  sexe: z.optional(Sexe),
  dateNaissance: z.optional(PastDate),
  dateNaissancePrevue: z.optional(FutureDate),
  attachments: Attachments,
});

/** A person authorised to pick the child up, or to be called in an emergency. */
export const ContactProfile = z.object({
  role: z.literal('contact'),
  civilite: z.optional(Civilite),
  nomUsage: text(100),
  prenoms: text(150),
  /** e.g. "Grand-mère", "Voisine". */
  lien: text(60),
  telephone: PhoneNumber,
  autoriseRecuperation: z.boolean(),
  appelUrgence: z.boolean(),
  attachments: Attachments,
});

/** What a parent sends to add or change a member. One of a born or expected birth date for a child. */
export const MemberInput = z
  .discriminatedUnion('role', [CoRepresentantProfile, EnfantProfile, ContactProfile])
  .register(z.globalRegistry, { id: 'MemberInput' });
export type MemberInput = z.input<typeof MemberInput>;

/** Where a change requested by the family stands. */
export const RequestStatus = z.enum(['deposee', 'en_cours', 'validee', 'refusee']);
export type RequestStatus = z.infer<typeof RequestStatus>;

export const RequestKind = z.enum(['member_add', 'member_update', 'member_remove']);
export type RequestKind = z.infer<typeof RequestKind>;

export const DocumentInfo = z
  .object({
    id: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    createdAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'DocumentInfo' });
export type DocumentInfo = z.infer<typeof DocumentInfo>;

export const Member = z
  .object({
    id: z.string(),
    role: MemberRole,
    /** The profile as last declared (pending changes included). */
    profile: MemberInput,
    /** The status of the latest request about this member. */
    status: RequestStatus,
    /** A removal was asked and awaits the service. */
    removalRequested: z.boolean(),
    documents: z.array(DocumentInfo),
    updatedAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'Member' });
export type Member = z.infer<typeof Member>;

export const HistoryEntry = historyEntry(RequestStatus);

/** A change "transmise au service pour traitement", with its number and dated history. */
export const FamilyRequest = z
  .object({
    id: z.string(),
    /** Per-tenant sequential number, "Demande n° 36". */
    number: z.number(),
    kind: RequestKind,
    status: RequestStatus,
    memberId: z.string(),
    /** Who it is about, for lists: "Léo Martin (enfant)". */
    memberLabel: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z.array(HistoryEntry),
  })
  .register(z.globalRegistry, { id: 'FamilyRequest' });
export type FamilyRequest = z.infer<typeof FamilyRequest>;

export const Family = z
  .object({ members: z.array(Member) })
  .register(z.globalRegistry, { id: 'Family' });
export type Family = z.infer<typeof Family>;

export const MemberChange = z
  .object({ member: Member, request: FamilyRequest })
  .register(z.globalRegistry, { id: 'MemberChange' });
export type MemberChange = z.infer<typeof MemberChange>;

export const RequestList = z
  .object({ requests: z.array(FamilyRequest) })
  .register(z.globalRegistry, { id: 'RequestList' });
export type RequestList = z.infer<typeof RequestList>;

/** A family as agents' lists name it: its id and its parents' names ("Camille Martin"). */
export const FamilyLabel = z.object({ id: z.string(), label: z.string() });
export type FamilyLabel = z.infer<typeof FamilyLabel>;

/** An agent's view of a request: the family it belongs to and the member's profile. */
export const AgentRequest = z
  .object({
    request: FamilyRequest,
    family: FamilyLabel,
    member: Member,
  })
  .register(z.globalRegistry, { id: 'AgentRequest' });
export type AgentRequest = z.infer<typeof AgentRequest>;

export const AgentRequestList = z
  .object({ requests: z.array(AgentRequest) })
  .register(z.globalRegistry, { id: 'AgentRequestList' });
export type AgentRequestList = z.infer<typeof AgentRequestList>;

export const RequestListQuery = z.object({ status: z.optional(RequestStatus) });

export const StatusChange = z
  .object({
    status: z.enum(['en_cours', 'validee', 'refusee']),
    /** Shown to the family; required when refusing. */
    comment: optionalText(1000),
  })
  .register(z.globalRegistry, { id: 'StatusChange' });
export type StatusChange = z.input<typeof StatusChange>;

export const AgentLoginInput = z
  .object({
    identifiant: Identifiant,
    password,
  })
  .register(z.globalRegistry, { id: 'AgentLoginInput' });
export type AgentLoginInput = z.input<typeof AgentLoginInput>;

export const AgentSession = z
  .object({
    agent: z.object({ id: z.string(), identifiant: z.string(), displayName: z.string(), role: z.enum(['agent', 'admin']) }),
    token: z.string(),
    expiresAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'AgentSession' });
export type AgentSession = z.infer<typeof AgentSession>;
