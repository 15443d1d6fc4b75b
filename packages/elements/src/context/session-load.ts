import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FamilleClient } from '@famille/sdk';
import type { Session } from '@famille/contract';

/** What a `SessionLoad` reads of its element. */
export interface SessionLoadHost extends ReactiveControllerHost {
  readonly session: Session | null | undefined;
}

export interface SessionLoadOptions<T> {
  /** The client the element uses now (the portal's, its own…). */
  client(): FamilleClient | undefined;
  /** Reads what the element shows for the session (GETs, which the SDK retries). */
  load(client: FamilleClient): Promise<T>;
  /**
   * A new session, before its data is read: forget the previous family's (another parent
   * may have logged in) and stop what it had under way. Its data is read once this is done.
   */
  start?(): void | Promise<void>;
  /** Before each reading (the first, and every `reload`): e.g. clear the last failure. */
  loading?(): void;
  /** The answers, when the session they were read for is still the element's. */
  loaded(value: T): void;
  /** The failure, likewise. */
  failed(error: unknown): void;
}

/**
 * Loads an element's data for its session: once per session, after the first render
 * that has both a session and a client, and again on `reload()`. An answer (or failure)
 * that arrives after the session it was asked for has ended is dropped: it belongs to
 * another parent. `guard()` gives the same protection to any other request.
 */
export class SessionLoad<T> implements ReactiveController {
  readonly #host: SessionLoadHost;
  readonly #options: SessionLoadOptions<T>;
  #startedFor: Session | undefined;

  constructor(host: SessionLoadHost, options: SessionLoadOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const { session } = this.#host;
    if (!session || !this.#options.client() || this.#startedFor === session) return;
    this.#startedFor = session;
    void this.#host.updateComplete.then(async () => {
      await this.#options.start?.();
      // Another session may have begun meanwhile: it reads its own data.
      if (this.#host.session === session) await this.reload();
    });
  }

  /** Reads the data again ("Réessayer", or after a change the parent made). */
  reload(): Promise<void> {
    const client = this.#options.client();
    if (!client) return Promise.resolve();
    this.#options.loading?.();
    return this.guard(
      () => this.#options.load(client),
      (value) => this.#options.loaded(value),
      (error) => this.#options.failed(error),
    );
  }

  /**
   * Runs `work`, then `done` with its result or `failed` with its error, only if the
   * session it began under is still the element's. Resolves once that is over.
   */
  async guard<R>(work: () => Promise<R>, done: (value: R) => void, failed: (error: unknown) => void): Promise<void> {
    const session = this.#host.session;
    let result: { value: R } | { error: unknown };
    try {
      result = { value: await work() };
    } catch (error) {
      result = { error };
    }
    if (this.#host.session !== session) return;
    if ('value' in result) done(result.value);
    else failed(result.error);
  }
}
