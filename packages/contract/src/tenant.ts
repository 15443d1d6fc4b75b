import * as z from 'zod/mini';
import { characterClassNames } from './password-policy.ts';

export const TenantSlug = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/));

export const Locale = z.enum(['fr', 'en']);
export type Locale = z.infer<typeof Locale>;

/** A string in each supported language. French is required; English falls back to it. */
export const LocalizedText = z.object({ fr: z.string(), en: z.optional(z.string()) });
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * Password rule of a tenant. The same object validates on the server and drives the
 * element's live checklist. Default: CNIL délibération 2022-100 with throttling
 * (8 characters from 3 of the 4 classes).
 */
export const PasswordPolicy = z.object({
  minLength: z.number().check(z.int(), z.gte(8), z.lte(128)),
  maxLength: z.number().check(z.int(), z.gte(64), z.lte(1024)),
  /** Classes that must each be present. */
  requiredClasses: z.array(z.enum(characterClassNames)),
  /** How many distinct classes, of the four, must be present at least. */
  minClasses: z.number().check(z.int(), z.gte(0), z.lte(4)),
  rejectCommon: z.boolean(),
});
export type PasswordPolicy = z.infer<typeof PasswordPolicy>;

export const TenantContact = z.object({
  /** e.g. "Point Info Mode de Garde". */
  service: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  hours: z.optional(LocalizedText),
});

/** A childcare structure (EAJE) parents may choose. */
export const Structure = z.object({
  id: TenantSlug,
  name: z.string(),
  /** e.g. "Multi-accueil", "Crèche familiale". */
  type: z.string(),
  address: z.string(),
  /** Ages accepted, in months (from 2½ months to 4 years: 2 and 48). */
  ageMinMonths: z.number().check(z.int(), z.gte(0)),
  ageMaxMonths: z.number().check(z.int(), z.gte(0)),
});
export type Structure = z.infer<typeof Structure>;

/** A supporting document of the démarche: which, in what format, how large. */
export const DocumentRequirement = z.object({
  /** Stable key, e.g. `extrait-naissance`. */
  type: TenantSlug,
  label: LocalizedText,
  required: z.boolean(),
  /**
   * The document exists only once the child is born (extrait d'acte de naissance): for a
   * future child (expected birth date) it is not required, even when `required` is true,
   * and the element may leave it out.
   */
  bornChildOnly: z.optional(z.boolean()),
  acceptedTypes: z.array(z.string()),
  maxBytes: z.number().check(z.int(), z.gte(1)),
});
export type DocumentRequirement = z.infer<typeof DocumentRequirement>;

const QuestionOption = z.object({ id: TenantSlug, label: LocalizedText });

/** A question of the tenant's questionnaire, declared as data. */
export const Question = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesNo'), id: TenantSlug, label: LocalizedText, hint: z.optional(LocalizedText), required: z.boolean() }),
  z.object({ kind: z.literal('single'), id: TenantSlug, label: LocalizedText, hint: z.optional(LocalizedText), required: z.boolean(), options: z.array(QuestionOption) }),
  z.object({
    kind: z.literal('multiple'),
    id: TenantSlug,
    label: LocalizedText,
    hint: z.optional(LocalizedText),
    /** "Au moins une case doit être cochée": 1. */
    minSelected: z.number().check(z.int(), z.gte(0)),
    options: z.array(QuestionOption),
  }),
]);
export type Question = z.infer<typeof Question>;

/** The crèche pre-registration démarche, as the tenant configures it. */
export const PreregistrationConfig = z.object({
  /** The information shown before "Commencer". */
  intro: LocalizedText,
  structures: z.array(Structure),
  /** How many ranked choices (3); more wishes go in the observations. */
  maxChoices: z.number().check(z.int(), z.gte(1), z.lte(10)),
  documents: z.array(DocumentRequirement),
  questionnaire: z.array(Question),
  /** Months (1–12) when the allocation commission sits, e.g. [3, 6, 9, 12]. */
  commissionMonths: z.array(z.number().check(z.int(), z.gte(1), z.lte(12))),
});
export type PreregistrationConfig = z.infer<typeof PreregistrationConfig>;

/** The tenant's public configuration, readable without authentication. */
export const TenantConfig = z
  .object({
    id: TenantSlug,
    name: z.string(),
    contact: TenantContact,
    defaultLocale: Locale,
    locales: z.array(Locale),
    links: z.object({
      cgu: z.string(),
      dataProtection: z.string(),
      website: z.optional(z.string()),
    }),
    /** Short texts shown before account creation; the full texts sit behind `links`. */
    notices: z.object({ cgu: LocalizedText, dataProtection: LocalizedText }),
    passwordPolicy: PasswordPolicy,
    /** What parents may upload, shown before they choose a file. */
    uploads: z.object({
      /** e.g. `['application/pdf', 'image/jpeg', 'image/png']`. */
      acceptedTypes: z.array(z.string()),
      maxBytes: z.number().check(z.int(), z.gte(1)),
    }),
    activationTtlHours: z.number(),
    preregistration: PreregistrationConfig,
    /** Strings the tenant overrides, by locale then message key. */
    strings: z.optional(z.record(z.string(), z.record(z.string(), z.string()))),
  })
  .register(z.globalRegistry, { id: 'TenantConfig', description: "A tenant's public configuration" });
export type TenantConfig = z.infer<typeof TenantConfig>;
