import * as z from 'zod/mini';
import { DocumentInfo, FamilyLabel, FutureDate } from './family.ts';
import { calendarDate, dateInDays, historyEntry, id, instant, optionalText, wholeNumber } from './fields.ts';

/** A key of the tenant's configuration: a question, option, structure or document type id. */
const key = z.string().check(z.maxLength(64));

/** An answer to a question: yes/no, one option id, or several option ids. */
export const Answer = z.union([z.boolean(), key, z.array(key).check(z.maxLength(20))]).register(z.globalRegistry, {
  id: 'Answer',
  description:
    'An answer to a question of the tenant’s questionnaire: a boolean (`yesNo`), one option `id` (`single`), or an array of option `id`s (`multiple`, at most 20)',
});

const givenType = () =>
  key.check(z.meta({ description: 'The document type, a `type` of the tenant’s `preregistration.documents`', examples: ['extrait-naissance'] }));

/**
 * A document given for one of the tenant's document types: uploaded beforehand, or one of
 * the family's stored documents (of that type, not expired), given again without uploading.
 */
export const GivenDocument = z.union([
  z.object({
    type: givenType(),
    documentId: id.check(z.describe('The id of the document uploaded beforehand (`POST …/documents`)')),
  }),
  z.object({
    type: givenType(),
    storedDocumentId: id.check(
      z.describe(
        'The id of one of the family’s stored documents (`GET …/family/documents`) of this type, not expired (field errors `unknown_reference`, `invalid_value` for another type, `expired`)',
      ),
    ),
  }),
]);
export type GivenDocument = z.output<typeof GivenDocument>;

/** A given document as the server keeps it. */
const GivenDocumentInfo = z
  .object({
    type: z.string().check(z.meta({ description: 'The document type, a `type` of the tenant’s `preregistration.documents`', examples: ['extrait-naissance'] })),
    document: DocumentInfo.check(z.describe('The uploaded document')),
    storedDocumentId: z
      .optional(z.string())
      .check(z.describe('Set when the document is one of the family’s stored documents, given again (its id; `document.id` is the same)')),
  })
  .register(z.globalRegistry, { id: 'GivenDocumentInfo', description: 'A supporting document given for one of the tenant’s document types' });

const choicesAnswer = 'Structure `id`s (from the tenant’s configuration), most wanted first';
const answersMap = 'Answers to the questionnaire, by question `id`';

/**
 * What the wizard saves at every step. Everything but the child is optional: a draft may
 * be incomplete; the submission checks it whole against the tenant's configuration.
 */
export const PreregistrationDraftInput = z
  .object({
    /** The step the parent was on, to resume there. */
    step: z
      .number()
      .check(z.int(), z.gte(0), z.lte(20), z.meta({ description: 'The wizard step the parent was on (0 to 20), to resume there', examples: [3] })),
    startDate: z.optional(FutureDate).check(z.describe('Wished start date of the care, `YYYY-MM-DD`, after today (field error `not_in_future`)')),
    /** Structure ids, most wanted first. */
    choices: z
      .optional(z.array(key).check(z.maxLength(10)))
      .check(
        z.meta({ description: `${choicesAnswer}; at most 10 here, at most \`maxChoices\` at submission`, examples: [['cocon-de-soie', 'fleur-de-pyrus']] }),
      ),
    /** Free text: a further wish (4th structure), a constraint. */
    observations: z.optional(z.string().check(z.maxLength(2000))).check(
      z.meta({
        description: 'Free text for the commission: a further wish (a 4th structure), a constraint; at most 2000 characters',
        examples: ['Horaires décalés le mercredi.'],
      }),
    ),
    documents: z.optional(z.array(GivenDocument).check(z.maxLength(20))).check(z.describe('Supporting documents given, at most 20')),
    answers: z.optional(z.record(key, Answer)).check(z.describe(answersMap)),
  })
  .register(z.globalRegistry, {
    id: 'PreregistrationDraftInput',
    description:
      'What the wizard saves at every step. Everything is optional but `step`: a draft may be incomplete; the submission checks it whole against the tenant’s configuration.',
    examples: [
      {
        step: 3,
        startDate: dateInDays(240),
        choices: ['cocon-de-soie', 'fleur-de-pyrus'],
        observations: 'Horaires décalés le mercredi.',
        documents: [{ type: 'extrait-naissance', documentId: '8d0f6c1e-2b7a-4e55-9c3d-1a2b3c4d5e6f' }],
        answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille', 'parent2-travaille'] },
      },
    ],
  });
export type PreregistrationDraftInput = z.input<typeof PreregistrationDraftInput>;

const childId = () => z.string().check(z.describe('The child (a member of the family with role `enfant`)'));
const childLabel = () => z.string().check(z.meta({ description: 'The child’s name, for lists', examples: ['Léo Martin'] }));

/** One draft per child and démarche, kept on the server. */
export const PreregistrationDraft = z
  .object({
    childId: childId(),
    childLabel: childLabel(),
    step: wholeNumber().check(z.meta({ description: 'The wizard step the parent was on', examples: [3] })),
    startDate: z.optional(calendarDate()).check(z.describe('Wished start date of the care, `YYYY-MM-DD`')),
    choices: z.array(z.string()).check(z.describe(choicesAnswer)),
    observations: z.optional(z.string()).check(z.describe('Free text for the commission')),
    documents: z.array(GivenDocumentInfo).check(z.describe('Supporting documents given so far')),
    answers: z.record(z.string(), Answer).check(z.describe(answersMap)),
    updatedAt: instant().check(z.describe('Last save (UTC instant)')),
  })
  .register(z.globalRegistry, {
    id: 'PreregistrationDraft',
    description: 'A pre-registration draft: one per child, kept on the server until submitted or abandoned',
  });
export type PreregistrationDraft = z.infer<typeof PreregistrationDraft>;

export const PreregistrationDraftList = z
  .object({ drafts: z.array(PreregistrationDraft).check(z.describe('The drafts, one per child')) })
  .register(z.globalRegistry, { id: 'PreregistrationDraftList', description: 'The family’s drafts' });
export type PreregistrationDraftList = z.infer<typeof PreregistrationDraftList>;

export const PreregistrationStatus = z.enum(['deposee', 'en_instruction', 'place_proposee', 'liste_attente', 'refusee', 'annulee']);
export type PreregistrationStatus = z.infer<typeof PreregistrationStatus>;

const preregistrationStatus =
  'Where the pre-registration stands: `deposee` (submitted), `en_instruction` (being examined), `place_proposee` (a place is offered), `liste_attente` (waiting list), `refusee` (refused), `annulee` (withdrawn by the parent)';

const PreregistrationHistoryEntry = historyEntry(PreregistrationStatus).register(z.globalRegistry, {
  id: 'PreregistrationHistoryEntry',
  description: 'One dated step of a pre-registration’s history',
});

export const Preregistration = z
  .object({
    id: z.string().check(z.meta({ description: 'The pre-registration’s id', examples: ['1e4b7c2a-9d3f-4b6e-8a1c-5f2e7d9b0c3a'] })),
    /** Per-tenant sequential number, shared with the other requests: "Demande n° 36". */
    number: wholeNumber().check(z.meta({ description: 'Sequential number in the tenant, shared with the other requests ("Demande n° 36")', examples: [37] })),
    childId: childId(),
    childLabel: childLabel(),
    status: PreregistrationStatus.check(z.describe(preregistrationStatus)),
    startDate: calendarDate().check(z.meta({ description: 'Wished start date of the care, `YYYY-MM-DD`', examples: ['2027-09-01'] })),
    choices: z.array(z.string()).check(z.describe(choicesAnswer)),
    observations: z.optional(z.string()).check(z.describe('Free text for the commission')),
    documents: z.array(GivenDocumentInfo).check(z.describe('Supporting documents given')),
    answers: z.record(z.string(), Answer).check(z.describe(answersMap)),
    submittedAt: instant().check(z.describe('When it was submitted (UTC instant)')),
    /** First day of the month of the next allocation commission (YYYY-MM-DD). */
    nextCommission: calendarDate().check(
      z.meta({
        description: 'First day of the month of the next allocation commission (commission d’attribution) after submission, `YYYY-MM-DD`',
        examples: ['2027-03-01'],
      }),
    ),
    history: z.array(PreregistrationHistoryEntry).check(z.describe('Its steps, oldest first')),
  })
  .register(z.globalRegistry, { id: 'Preregistration', description: 'A submitted pre-registration (pré-inscription) of a child in a crèche' });
export type Preregistration = z.infer<typeof Preregistration>;

export const PreregistrationList = z
  .object({ preregistrations: z.array(Preregistration).check(z.describe('The pre-registrations, newest first')) })
  .register(z.globalRegistry, { id: 'PreregistrationList', description: 'The family’s pre-registrations' });
export type PreregistrationList = z.infer<typeof PreregistrationList>;

export const AgentPreregistrationList = z
  .object({
    preregistrations: z
      .array(
        z.object({
          preregistration: Preregistration.check(z.describe('The pre-registration')),
          family: FamilyLabel.check(z.describe('The family that submitted it')),
        }),
      )
      .check(z.describe('The pre-registrations with their family, newest first')),
  })
  .register(z.globalRegistry, { id: 'AgentPreregistrationList', description: 'The tenant’s pre-registrations' });
export type AgentPreregistrationList = z.infer<typeof AgentPreregistrationList>;

export const PreregistrationListQuery = z.object({
  status: z.optional(PreregistrationStatus).check(z.describe(`Only the pre-registrations with this status. ${preregistrationStatus}.`)),
});

export const PreregistrationStatusChange = z
  .object({
    status: z
      .enum(['en_instruction', 'place_proposee', 'liste_attente', 'refusee'])
      .check(
        z.describe(
          'The new status: `en_instruction` (being examined), `place_proposee` (a place is offered), `liste_attente` (waiting list) or `refusee` (refused)',
        ),
      ),
    comment: optionalText(1000).check(
      z.meta({
        description: 'Shown to the family, at most 1000 characters',
        examples: ['Une place vous est proposée à l’EAJE Cocon de Soie à partir du 1er septembre.'],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'PreregistrationStatusChange',
    description: 'An agent moves a pre-registration on; the family is e-mailed',
    examples: [{ status: 'place_proposee', comment: 'Une place vous est proposée à l’EAJE Cocon de Soie à partir du 1er septembre.' }],
  });
export type PreregistrationStatusChange = z.input<typeof PreregistrationStatusChange>;
