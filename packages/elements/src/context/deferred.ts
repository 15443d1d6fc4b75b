/**
 * A part of an element shipped in a chunk of its own (a rarely used flow, the later steps
 * of a wizard, a form opened by a button), fetched the first time it is needed so that
 * the page's first view does not carry it (`npm run size` counts what a page loads).
 * One download at a time; a failed one is tried again by the next `get()`. A test may
 * replace `load` to see what a failed download does.
 */
export class Deferred<M> {
  #load: () => Promise<M>;
  #loading: Promise<M> | undefined;
  /** The module, once here: what a render may use without waiting. */
  loaded: M | undefined;

  constructor(load: () => Promise<M>) {
    this.#load = load;
  }

  /** How the module is fetched; replacing it forgets a module already fetched. */
  get load(): () => Promise<M> {
    return this.#load;
  }
  set load(load: () => Promise<M>) {
    this.#load = load;
    this.#loading = this.loaded = undefined;
  }

  get(): Promise<M> {
    return (this.#loading ??= this.#load().then(
      (module) => (this.loaded = module),
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    ));
  }
}
