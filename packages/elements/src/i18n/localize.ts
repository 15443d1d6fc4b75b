import { formatDay, type Locale, type TenantConfig } from '@famille/contract';
import { fr, type MessageKey, type Messages } from './fr.ts';

export type { MessageKey, Messages };

/**
 * An element's words in each locale: French, the default, at once; other locales on
 * first use (`load`), so that a French page never downloads the English texts.
 */
export interface MessageTables<M> {
  /** The table of a locale, once loaded (French always is). */
  get(locale: Locale): M | undefined;
  /** Loads a locale's table (once; a failed load may be tried again). */
  load(locale: Locale): Promise<unknown>;
}

let kitEnglish: Promise<Messages> | undefined;

/** An element's tables: the kit's messages with the element's own words over them. */
export function withMessages<E extends object>(own: E, ownEnglish: () => Promise<E>): MessageTables<Messages & E> {
  const tables: Partial<Record<Locale, Messages & E>> = { fr: { ...fr, ...own } };
  let loading: Promise<unknown> | undefined;
  return {
    get: (locale) => tables[locale],
    load: (locale) =>
      tables[locale]
        ? Promise.resolve()
        : (loading ??= Promise.all([(kitEnglish ??= import('./en.ts').then((m) => m.en)), ownEnglish()]).then(
            ([kit, words]) => void (tables.en = { ...kit, ...words }),
            (error: unknown) => {
              kitEnglish = loading = undefined;
              throw error;
            },
          )),
  };
}

/**
 * An element's tables with the words of a module loaded on demand (`context/deferred.ts`)
 * over them, for the element once that module is here: English comes for both at once.
 */
export function withDeferredMessages<E extends object, W extends object>(
  own: E,
  ownEnglish: () => Promise<E>,
  words: W,
  english: () => Promise<W>,
): MessageTables<Messages & E & W> {
  return withMessages({ ...own, ...words }, () => Promise.all([ownEnglish(), english()]).then(([mine, theirs]) => ({ ...mine, ...theirs })));
}

/** The kit's own messages (what the portal and the elements share). */
export const kitMessages: MessageTables<Messages> = withMessages({}, () => Promise.resolve({}));

type ParamsOf<M, K extends keyof M> = M[K] extends (p: infer P) => string ? [params: P] : [];

/** A message table: each message is a string or a function of its parameters. */
export type MessageTable = { readonly [key: string]: string | ((p: never) => string) };

/** Its functions use no `this` (`this: void`): callers take them apart, `const { t } = this.i18n`. */
export interface Localizer<M = Messages> {
  readonly locale: Locale;
  t<K extends keyof M & string>(this: void, key: K, ...params: ParamsOf<M, K>): string;
  /**
   * The message of a problem code (the server's or the SDK's). A code this page carries no
   * text for — another domain's, or a newer server's — reads as a generic failure.
   */
  problem(this: void, code: string, params?: object): string;
  /** A date or instant, shown in Europe/Paris. */
  date(this: void, value: Date | string, options?: Intl.DateTimeFormatOptions): string;
  number(this: void, value: number, options?: Intl.NumberFormatOptions): string;
  /** Integer cents as euros. */
  money(this: void, cents: number): string;
}

/** Only French and English are complete: anything else falls back to French. */
export function toLocale(value: string | null | undefined): Locale | undefined {
  if (!value) return undefined;
  return value.slice(0, 2).toLowerCase() === 'en' ? 'en' : 'fr';
}

/**
 * Messages for one locale, with the tenant's overrides (`strings[locale][key]`, where
 * `{name}` stands for a parameter) taking precedence over the kit's wording. A locale
 * whose table is not loaded yet (see `MessageTables.load`) reads in French.
 */
export function createLocalizer<M extends object = Messages>(
  locale: Locale,
  config?: TenantConfig,
  tables: MessageTables<M> = kitMessages as unknown as MessageTables<M>,
): Localizer<M> {
  const table = (tables.get(locale) ?? tables.get('fr')) as unknown as MessageTable;
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
        return override.replace(/\{(\w+)\}/g, (all, name: string) =>
          String((params as Record<string, string | number | undefined> | undefined)?.[name] ?? all),
        );
      }
      const message = table[key] as string | ((p: unknown) => string);
      return typeof message === 'function' ? message(params) : message;
    },
    date: (value, options = { dateStyle: 'long' }) =>
      formatDay(
        formatter('d', options, () => new Intl.DateTimeFormat(tag, { timeZone: 'Europe/Paris', ...options })),
        new Date(value),
      ),
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
