import type { Deferred } from '../../../packages/elements/src/context/deferred.ts';

const unreachable = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

/**
 * The downloads of a part of an element fetched on demand (`Deferred`), as a test wants
 * them: failing as offline, or held until the test ends them; `restore` puts the real
 * download back (and forgets a module already fetched).
 */
export function downloadsOf<M>(module: Deferred<M>) {
  const real = module.load;
  return {
    /** Every download fails, as offline. */
    fail(): void {
      module.load = unreachable;
    },
    /** The next downloads end, well or not, when the returned function says so. */
    hold(): (ok: boolean) => void {
      let end!: (ok: boolean) => void;
      const outcome = new Promise<boolean>((resolve) => (end = resolve));
      module.load = () => outcome.then((ok) => (ok ? real() : unreachable()));
      return end;
    },
    restore(): void {
      module.load = real;
    },
  };
}
