import * as z from 'zod/mini';

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
  requiredClasses: z.array(z.enum(['lower', 'upper', 'digit', 'symbol'])),
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
    /** Strings the tenant overrides, by locale then message key. */
    strings: z.optional(z.record(z.string(), z.record(z.string(), z.string()))),
  })
  .register(z.globalRegistry, { id: 'TenantConfig', description: "A tenant's public configuration" });
export type TenantConfig = z.infer<typeof TenantConfig>;
