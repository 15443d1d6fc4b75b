import type { Locale, TenantConfig } from '@famille/contract';
import { fr, type MessageKey, type Messages } from './fr.ts';
import { en } from './en.ts';

export type { MessageKey, Messages };
export const messages: Record<Locale, Messages> = { fr, en };

/** An element's table: the kit's messages with the element's own words over them. */
export function withMessages<E extends object>(fr: E, en: E): Record<Locale, Messages & E> {
  return { fr: { ...messages.fr, ...fr }, en: { ...messages.en, ...en } };
}

type ParamsOf<M, K extends keyof M> = M[K] extends (p: infer P) => string ? [params: P] : [];

/** A message table: each message is a string or a function of its parameters. */
export type MessageTable = { readonly [key: string]: string | ((p: never) => string) };

export interface Localizer<M = Messages> {
  readonly locale: Locale;
  t<K extends keyof M & string>(key: K, ...params: ParamsOf<M, K>): string;
  /**
   * The message of a problem code (the server's or the SDK's). A code this page carries no
   * text for — another domain's, or a newer server's — reads as a generic failure.
   */
  problem(code: string, params?: object): string;
  /** A date or instant, shown in Europe/Paris. */
  date(value: Date | string, options?: Intl.DateTimeFormatOptions): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** Integer cents as euros. */
  money(cents: number): string;
}

/** Only French and English are complete: anything else falls back to French. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  return value.slice(0, 2).toLowerCase() === 'en' ? 'en' : 'fr';
}

/**
 * Messages for one locale, with the tenant's overrides (`strings[locale][key]`, where
 * `{name}` stands for a parameter) taking precedence over the kit's wording.
 */
export function createLocalizer<M extends object = Messages>(
  locale: Locale,
  config?: TenantConfig,
  tables: Record<Locale, M> = messages as unknown as Record<Locale, M>,
): Localizer<M> {
  const table = tables[locale] as unknown as MessageTable;
  const overrides = config?.strings?.[locale];
  const tag = locale === 'en' ? 'en-GB' : 'fr-FR';
  // Creating an Intl formatter costs far more than formatting: a table of 1,000 invoices
  // would spend most of its render building them. One per locale and options.
  const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
  const formatter = <F>(kind: 'd' | 'n', options: object | undefined, create: () => F): F => {
    const key = kind + JSON.stringify(options);
    let found = formatters.get(key) as F | undefined;
    if (!found) formatters.set(key, (found = create()) as Intl.DateTimeFormat);
    return found;
  };
  const localizer: Localizer<M> = {
    locale,
    t(key, ...[params]) {
      const override = overrides?.[key];
      if (override !== undefined) {
        return override.replace(/\{(\w+)\}/g, (all, name: string) => String((params as Record<string, unknown> | undefined)?.[name] ?? all));
      }
      const message = table[key] as string | ((p: unknown) => string);
      return typeof message === 'function' ? message(params) : message;
    },
    date: (value, options = { dateStyle: 'long' }) =>
      formatter('d', options, () => new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Paris', ...options })).format(new Date(value)),
    number: (value, options) => formatter('n', options, () => new Intl.NumberFormat(tag, options)).format(value),
    money: (cents) => localizer.number(cents / 100, { style: 'currency', currency: 'EUR' }),
    problem(code, params) {
      const t = localizer.t as (key: string, params?: object) => string;
      // Messages with parameters get `{}` when the caller has none: never a crash on `p.x`.
      return code in table || overrides?.[code] !== undefined ? t(code, params ?? {}) : t('internal_error');
    },
  };
  return localizer;
}
