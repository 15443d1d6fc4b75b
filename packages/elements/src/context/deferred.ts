import type { Locale } from '@famille/contract';
import type { MessageTables } from '../i18n/localize.ts';

/** One download at a time of `load`; a failed one is tried again by the next call. */
function once<T>(load: () => Promise<T>): { get: () => Promise<T>; forget: () => void } {
  let loading: Promise<T> | undefined;
  return {
    get: () =>
      (loading ??= load().catch((error: unknown) => {
        loading = undefined;
        throw error;
      })),
    forget: () => void (loading = undefined),
  };
}

/**
 * A part of an element shipped in a chunk of its own (a rarely used flow, the later steps
 * of a wizard, a form opened by a button), fetched the first time it is needed so that
 * the page's first view does not carry it (`npm run size` counts what a page loads), with
 * its words: `words(module)` gives the element's tables with the module's words over them,
 * built once for the page. A test may replace `load` to see what a failed download does.
 */
export class Deferred<M, W = unknown> {
  #load: () => Promise<M>;
  #module = once(() => this.#load());
  #words: (module: M) => MessageTables<W>;
  #tables: MessageTables<W> | undefined;

  constructor(load: () => Promise<M>, words: (module: M) => MessageTables<W>) {
    this.#load = load;
    this.#words = words;
  }

  /** How the module is fetched; replacing it forgets a module already fetched. */
  get load(): () => Promise<M> {
    return this.#load;
  }
  set load(load: () => Promise<M>) {
    this.#load = load;
    this.#module.forget();
  }

  /** The module, and the tables with its words in `locale` (French when those cannot be had, as for any element). */
  async get(locale: Locale): Promise<[M, MessageTables<W>]> {
    const module = await this.#module.get();
    const tables = (this.#tables ??= this.#words(module));
    await tables.load(locale).catch(() => undefined);
    return [module, tables];
  }
}

/**
 * What one element makes of a deferred part (`make`: an instance on the element's host,
 * say, once the element has taken the part's tables), fetched once; a failed download is
 * tried again by the next `get()`. `ready` holds it once here, for renders.
 */
export class DeferredPart<M, W, R> {
  /** The part, once here. */
  ready: R | undefined;
  #get: () => Promise<R>;

  constructor(deferred: Deferred<M, W>, locale: () => Locale, make: (module: M, tables: MessageTables<W>) => R) {
    this.#get = once(() => deferred.get(locale()).then(([module, tables]) => (this.ready = make(module, tables)))).get;
  }

  get(): Promise<R> {
    return this.#get();
  }
}
