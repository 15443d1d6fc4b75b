import * as z from 'zod/mini';
import { characterClassNames } from './password-policy.ts';
import { wholeNumber } from './fields.ts';
import { careKinds, hourlyRoundings } from './tariff-rules.ts';

export const TenantSlug = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/));

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

/** A string in each supported language. French is required; English falls back to it. */
export const LocalizedText = z
  .object({
    fr: z.string().check(z.describe('The French text (always present)')),
    en: z.optional(z.string()).check(z.describe('The English text; absent: show the French one')),
  })
  .register(z.globalRegistry, { id: 'LocalizedText', description: 'A text in each language of the kit: French always, English when the tenant wrote it' });
export type LocalizedText = z.infer<typeof LocalizedText>;

const characterClass = z
  .enum(characterClassNames)
  .check(z.describe('`lower` (lower-case letter), `upper` (upper-case letter), `digit`, `symbol` (anything else, spaces included)'));

/**
 * Password rule of a tenant. The same object validates on the server and drives the
 * element's live checklist. Default: CNIL délibération 2022-100 with throttling
 * (8 characters from 3 of the 4 classes).
 */
export const PasswordPolicy = z
  .object({
    minLength: z.number().check(z.int(), z.gte(8), z.lte(128), z.meta({ description: 'Minimum length, in characters (Unicode code points)', examples: [8] })),
    maxLength: z
      .number()
      .check(z.int(), z.gte(64), z.lte(1024), z.meta({ description: 'Maximum length, in characters (Unicode code points)', examples: [128] })),
    /** Classes that must each be present. */
    requiredClasses: z.array(characterClass).check(z.describe('Character classes that must each be present (often none: `minClasses` is enough)')),
    /** How many distinct classes, of the four, must be present at least. */
    minClasses: z
      .number()
      .check(z.int(), z.gte(0), z.lte(4), z.meta({ description: 'How many of the four classes, at least, must be present', examples: [3] })),
    rejectCommon: z.boolean().check(z.describe('Whether the server refuses passwords from its list of the most common ones (field error `too_common`)')),
  })
  .register(z.globalRegistry, {
    id: 'PasswordPolicy',
    description:
      'The tenant’s password rules, for a live checklist next to the password field (the server applies the same rules). Default: CNIL délibération 2022-100 with throttling, 8 characters from 3 of the 4 classes.',
  });
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

export const TenantContact = z
  .object({
    /** e.g. "Point Info Mode de Garde". */
    service: z.string().check(z.meta({ description: 'Name of the service parents contact', examples: ['Point Info Mode de Garde'] })),
    phone: z.string().check(z.meta({ description: 'Phone number, as it should be displayed', examples: ['04 74 78 00 00'] })),
    email: z.string().check(z.meta({ description: 'E-mail address of the service', examples: ['petite-enfance@vienne-condrieu.example.fr'] })),
    address: z.string().check(z.meta({ description: 'Postal address, on one line', examples: ['30 avenue Général Leclerc, 38200 Vienne'] })),
    hours: z.optional(LocalizedText).check(z.describe('Opening hours, as free text')),
  })
  .register(z.globalRegistry, { id: 'TenantContact', description: 'Who parents contact about the démarches (administrative procedures)' });

/** A childcare structure (EAJE) parents may choose. */
export const Structure = z
  .object({
    id: TenantSlug.check(z.meta({ description: 'Stable key of the structure, used in pre-registration `choices`', examples: ['cocon-de-soie'] })),
    name: z.string().check(z.meta({ description: 'Name shown to parents', examples: ['EAJE Cocon de Soie'] })),
    /** e.g. "Multi-accueil", "Crèche familiale". */
    type: z.string().check(z.meta({ description: 'Kind of structure, as worded by the tenant', examples: ['Multi-accueil', 'Crèche familiale'] })),
    address: z.string().check(z.meta({ description: 'Postal address, on one line', examples: ['12 rue des Canuts, 38200 Vienne'] })),
    /** Ages accepted, in months (from 2½ months to 4 years: 2 and 48). */
    ageMinMonths: z.number().check(z.int(), z.gte(0), z.meta({ description: 'Youngest age accepted, in whole months', examples: [2] })),
    ageMaxMonths: z.number().check(z.int(), z.gte(0), z.meta({ description: 'Oldest age accepted, in whole months (48: up to 4 years)', examples: [48] })),
  })
  .register(z.globalRegistry, {
    id: 'Structure',
    description: 'A childcare structure (EAJE, établissement d’accueil du jeune enfant: crèche, multi-accueil…) parents may choose',
  });
export type Structure = z.infer<typeof Structure>;

/** A supporting document of the démarche: which, in what format, how large. */
export const DocumentRequirement = z
  .object({
    /** Stable key, e.g. `extrait-naissance`. */
    type: TenantSlug.check(z.meta({ description: 'Stable key of the document type, used in pre-registration `documents`', examples: ['extrait-naissance'] })),
    label: LocalizedText.check(z.describe('Name of the document shown to parents, e.g. "Extrait d’acte de naissance" (birth certificate)')),
    required: z.boolean().check(z.describe('Whether the submission is refused without it (see `bornChildOnly`)')),
    /**
     * The document exists only once the child is born (extrait d'acte de naissance): for a
     * future child (expected birth date) it is not required, even when `required` is true,
     * and the element may leave it out.
     */
    bornChildOnly: z
      .optional(z.boolean())
      .check(
        z.describe(
          '`true`: the document exists only once the child is born (birth certificate), so it is not required for a future child (expected birth date), even when `required` is true',
        ),
      ),
    acceptedTypes: z
      .array(z.string())
      .check(z.meta({ description: 'Media types accepted for this document', examples: [['application/pdf', 'image/jpeg', 'image/png']] })),
    maxBytes: z.number().check(z.int(), z.gte(1), z.meta({ description: 'Largest file accepted, in bytes', examples: [5242880] })),
    /** How long after its date the document is valid (justificatif de domicile: 3 months); none: no limit. */
    validityMonths: z.optional(z.number().check(z.int(), z.gte(1), z.lte(120))).check(
      z.meta({
        description:
          'How many months after the date written on it the document is valid (a justificatif de domicile of less than 3 months: 3); absent: no limit. A stored document of this type needs its date, and is no longer offered once expired.',
        examples: [3],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'DocumentRequirement',
    description: 'A supporting document (pièce justificative) of the pre-registration: which one, in what format, how large',
  });
export type DocumentRequirement = z.infer<typeof DocumentRequirement>;

const QuestionOption = z.object({
  id: TenantSlug.check(z.meta({ description: 'Stable key of the option: the value of the answer', examples: ['parent1-travaille'] })),
  label: LocalizedText.check(z.describe('The option as shown to parents')),
});

/** What every kind of question has. */
const questionFields = () => ({
  id: TenantSlug.check(z.meta({ description: 'Stable key of the question, used as the key of `answers`', examples: ['situation-professionnelle'] })),
  label: LocalizedText.check(z.describe('The question as shown to parents')),
  hint: z.optional(LocalizedText).check(z.describe('Help shown under the question')),
});
const answerRequired = () => z.boolean().check(z.describe('Whether the submission is refused without an answer'));
const questionOptions = () => z.array(QuestionOption).check(z.describe('The possible answers, in display order'));

/** A question of the tenant's questionnaire, declared as data. */
export const Question = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('yesNo').check(z.describe('A yes/no question: the answer is a boolean')),
        ...questionFields(),
        required: answerRequired(),
      })
      .check(z.meta({ title: 'Yes/no question' })),
    z
      .object({
        kind: z.literal('single').check(z.describe('One option to choose: the answer is the option’s `id`')),
        ...questionFields(),
        required: answerRequired(),
        options: questionOptions(),
      })
      .check(z.meta({ title: 'Single-choice question' })),
    z
      .object({
        kind: z.literal('multiple').check(z.describe('Several options to tick: the answer is an array of option `id`s')),
        ...questionFields(),
        /** "Au moins une case doit être cochée": 1. */
        minSelected: z
          .number()
          .check(
            z.int(),
            z.gte(0),
            z.meta({ description: 'How many options must be ticked at least (1: "au moins une case doit être cochée")', examples: [1] }),
          ),
        options: questionOptions(),
      })
      .check(z.meta({ title: 'Multiple-choice question' })),
  ])
  .register(z.globalRegistry, {
    id: 'Question',
    description: 'A question of the tenant’s questionnaire, declared as data; `kind` tells the shape of its answer',
  });
export type Question = z.infer<typeof Question>;

/** The crèche pre-registration démarche, as the tenant configures it. */
export const PreregistrationConfig = z
  .object({
    /** The information shown before "Commencer". */
    intro: LocalizedText.check(z.describe('Information shown before the parent starts ("Commencer")')),
    structures: z.array(Structure).check(z.describe('The structures parents may rank')),
    /** How many ranked choices (3); more wishes go in the observations. */
    maxChoices: z
      .number()
      .check(
        z.int(),
        z.gte(1),
        z.lte(10),
        z.meta({ description: 'How many structures a parent may rank; further wishes go in the observations', examples: [3] }),
      ),
    documents: z.array(DocumentRequirement).check(z.describe('The supporting documents asked for')),
    questionnaire: z.array(Question).check(z.describe('The tenant’s questions, in display order')),
    /** Months (1–12) when the allocation commission sits, e.g. [3, 6, 9, 12]. */
    commissionMonths: z.array(z.number().check(z.int(), z.gte(1), z.lte(12))).check(
      z.meta({
        description: 'Months (1 = January … 12 = December) when the allocation commission (commission d’attribution) sits',
        examples: [[3, 6, 9, 12]],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'PreregistrationConfig',
    description: 'The crèche pre-registration (pré-inscription) démarche, as the tenant configures it',
  });
export type PreregistrationConfig = z.infer<typeof PreregistrationConfig>;

/**
 * The tenant's own rules for the tariff simulator: the Cnaf's barème (tariff-rules.ts)
 * applies as it is; the tenant says how its contracts are mensualised and which table
 * each of its structures uses.
 */
const TariffConfig = z
  .object({
    closureWeeks: z
      .number()
      .check(
        z.int(),
        z.gte(0),
        z.lte(20),
        z.meta({ description: 'Weeks a year the structures are closed: a contract counts at most 52 minus these weeks of care', examples: [4] }),
      ),
    billedMonths: z
      .number()
      .check(z.int(), z.gte(1), z.lte(12), z.meta({ description: 'Months a regular contract is billed over (mensualisation)', examples: [12] })),
    hourlyRounding: z.optional(z.enum(hourlyRoundings)).check(
      z.meta({
        description: 'How the hourly rate is brought to the cent, as the tenant bills it: `nearest` (half a cent up; the default) or `down` (the cent below)',
        examples: ['down'],
      }),
    ),
    structures: z
      .array(
        z.object({
          id: TenantSlug.check(z.meta({ description: 'A structure of `preregistration.structures`', examples: ['cocon-de-soie'] })),
          kind: z
            .enum(careKinds)
            .check(
              z.describe('Its table of taux d’effort: `collectif` (crèche, multi-accueil), `familial` (crèche familiale or parentale), `micro` (micro-crèche)'),
            ),
          closureWeeks: z.optional(z.number().check(z.int(), z.gte(0), z.lte(20))).check(z.describe('Its own weeks of closure, when not the tenant’s')),
        }),
      )
      .check(z.describe('The structures parents may simulate a place in, with their kind of care')),
  })
  .register(z.globalRegistry, {
    id: 'TariffConfig',
    description: 'How the tenant mensualises a crèche contract (barème national des participations familiales of the Cnaf, PSU)',
  });
export type TariffConfig = z.infer<typeof TariffConfig>;

/** The tenant's public configuration, readable without authentication. */
export const TenantConfig = z
  .object({
    id: TenantSlug.check(z.meta({ description: 'The tenant’s identifier, as in the API paths', examples: ['vienne-condrieu'] })),
    name: z.string().check(z.meta({ description: 'Name of the municipality or grouping', examples: ['Vienne Condrieu Agglomération'] })),
    contact: TenantContact.check(z.describe('Who parents contact')),
    defaultLocale: Locale.check(z.describe('Language used when the page sets none')),
    locales: z.array(Locale).check(z.describe('Languages the tenant offers (`fr` always)')),
    links: z
      .object({
        cgu: z.string().check(
          z.meta({
            description: 'URL of the full terms of use (CGU, conditions générales d’utilisation)',
            examples: ['https://vienne-condrieu.example.fr/espace-famille/cgu'],
          }),
        ),
        dataProtection: z.string().check(
          z.meta({
            description: 'URL of the personal-data notice (GDPR information)',
            examples: ['https://vienne-condrieu.example.fr/espace-famille/donnees-personnelles'],
          }),
        ),
        website: z.optional(z.string()).check(z.meta({ description: 'URL of the tenant’s website', examples: ['https://vienne-condrieu.example.fr'] })),
      })
      .check(z.describe('Pages of the tenant’s website the elements link to')),
    /** Short texts shown before account creation; the full texts sit behind `links`. */
    notices: z
      .object({
        cgu: LocalizedText.check(z.describe('Summary of the terms of use, shown before account creation')),
        dataProtection: LocalizedText.check(z.describe('Summary of the personal-data notice, shown before account creation')),
      })
      .check(z.describe('Short texts shown before account creation; the full texts are behind `links`')),
    passwordPolicy: PasswordPolicy.check(z.describe('Rules new passwords must follow')),
    /** What parents may upload, shown before they choose a file. */
    uploads: z
      .object({
        /** e.g. `['application/pdf', 'image/jpeg', 'image/png']`. */
        acceptedTypes: z.array(z.string()).check(
          z.meta({
            description: 'Media types accepted (checked against the file’s content too)',
            examples: [['application/pdf', 'image/jpeg', 'image/png']],
          }),
        ),
        maxBytes: z.number().check(z.int(), z.gte(1), z.meta({ description: 'Largest file accepted, in bytes', examples: [5242880] })),
      })
      .check(z.describe('What parents may upload (`POST …/documents`), to tell them before they choose a file')),
    activationTtlHours: wholeNumber().check(z.meta({ description: 'How long an activation link stays valid, in hours', examples: [72] })),
    preregistration: PreregistrationConfig.check(z.describe('The crèche pre-registration démarche')),
    tariff: z.optional(TariffConfig).check(z.describe('The tariff simulator’s rules: weeks of closure, months billed, kind of care of each structure')),
    /** Strings the tenant overrides, by locale then message key. */
    strings: z.optional(z.record(z.string(), z.record(z.string(), z.string()))).check(
      z.meta({
        description: 'Texts of the elements the tenant rewords: by locale, then by message key',
        examples: [{ fr: { 'login.title': 'Connexion à mon Espace Famille' } }],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'TenantConfig',
    description: 'A tenant’s public configuration (a tenant is a municipality or a grouping of them): what the elements need before anyone logs in',
  });
export type TenantConfig = z.infer<typeof TenantConfig>;
