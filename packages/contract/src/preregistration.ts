import * as z from 'zod/mini';
import { DocumentInfo, FamilyLabel, FutureDate } from './family.ts';
import { historyEntry, id, optionalText } from './fields.ts';

/** A key of the tenant's configuration: a question, option, structure or document type id. */
const key = z.string().check(z.maxLength(64));

/** An answer to a question: yes/no, one option id, or several option ids. */
export const Answer = z.union([z.boolean(), key, z.array(key).check(z.maxLength(20))]);

/** A document given for one of the tenant's document types (uploaded beforehand). */
export const GivenDocument = z.object({ type: key, documentId: id });

/** A given document as the server keeps it. */
const GivenDocumentInfo = z.object({ type: z.string(), document: DocumentInfo });

/**
 * What the wizard saves at every step. Everything but the child is optional: a draft may
 * be incomplete; the submission checks it whole against the tenant's configuration.
 */
export const PreregistrationDraftInput = z
  .object({
    /** The step the parent was on, to resume there. */
    step: z.number().check(z.int(), z.gte(0), z.lte(20)),
    startDate: z.optional(FutureDate),
    /** Structure ids, most wanted first. */
    choices: z.optional(z.array(key).check(z.maxLength(10))),
    /** Free text: a further wish (4th structure), a constraint. */
    observations: z.optional(z.string().check(z.maxLength(2000))),
    documents: z.optional(z.array(GivenDocument).check(z.maxLength(20))),
    answers: z.optional(z.record(key, Answer)),
  })
  .register(z.globalRegistry, { id: 'PreregistrationDraftInput' });
export type PreregistrationDraftInput = z.input<typeof PreregistrationDraftInput>;

/** One draft per child and démarche, kept on the server. */
export const PreregistrationDraft = z
  .object({
    childId: z.string(),
    childLabel: z.string(),
    step: z.number(),
    startDate: z.optional(z.string()),
    choices: z.array(z.string()),
    observations: z.optional(z.string()),
    documents: z.array(GivenDocumentInfo),
    answers: z.record(z.string(), Answer),
    updatedAt: z.string(),
  })
  .register(z.globalRegistry, { id: 'PreregistrationDraft' });
export type PreregistrationDraft = z.infer<typeof PreregistrationDraft>;

export const PreregistrationDraftList = z
  .object({ drafts: z.array(PreregistrationDraft) })
  .register(z.globalRegistry, { id: 'PreregistrationDraftList' });
export type PreregistrationDraftList = z.infer<typeof PreregistrationDraftList>;

export const PreregistrationStatus = z.enum(['deposee', 'en_instruction', 'place_proposee', 'liste_attente', 'refusee', 'annulee']);
export type PreregistrationStatus = z.infer<typeof PreregistrationStatus>;

export const Preregistration = z
  .object({
    id: z.string(),
    /** Per-tenant sequential number, shared with the other requests: "Demande n° 36". */
    number: z.number(),
    childId: z.string(),
    childLabel: z.string(),
    status: PreregistrationStatus,
    startDate: z.string(),
    choices: z.array(z.string()),
    observations: z.optional(z.string()),
    documents: z.array(GivenDocumentInfo),
    answers: z.record(z.string(), Answer),
    submittedAt: z.string(),
    /** First day of the month of the next allocation commission (YYYY-MM-DD). */
    nextCommission: z.string(),
    history: z.array(historyEntry(PreregistrationStatus)),
  })
  .register(z.globalRegistry, { id: 'Preregistration' });
export type Preregistration = z.infer<typeof Preregistration>;

export const PreregistrationList = z
  .object({ preregistrations: z.array(Preregistration) })
  .register(z.globalRegistry, { id: 'PreregistrationList' });
export type PreregistrationList = z.infer<typeof PreregistrationList>;

export const AgentPreregistrationList = z
  .object({ preregistrations: z.array(z.object({ preregistration: Preregistration, family: FamilyLabel })) })
  .register(z.globalRegistry, { id: 'AgentPreregistrationList' });
export type AgentPreregistrationList = z.infer<typeof AgentPreregistrationList>;

export const PreregistrationListQuery = z.object({ status: z.optional(PreregistrationStatus) });

export const PreregistrationStatusChange = z
  .object({
    status: z.enum(['en_instruction', 'place_proposee', 'liste_attente', 'refusee']),
    comment: optionalText(1000),
  })
  .register(z.globalRegistry, { id: 'PreregistrationStatusChange' });
export type PreregistrationStatusChange = z.input<typeof PreregistrationStatusChange>;
