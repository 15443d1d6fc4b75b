// The invoice list a family was last answered, kept per process and served again while its
// version has not moved: the list's request then costs what any authenticated request
// costs (one query, for the session and the version), not 24 invoices' balances.
//
// The version is the number of the family's rows in `family_billing_changes`, which
// triggers add for every change to its invoices, payments, allocations and online payments
// (migration 0014), read in the session's own query. Rows are only ever added, so a
// committed change always moves it, on every instance sharing the database: no instance
// needs telling. What moves without a write is in the key too: the Paris day (an invoice
// becomes "en retard") and the end of the soonest online payment under way (it stops
// being "en cours").

/** A list answered: its JSON as UTF-8 bytes (sent as they are, not encoded again at each request), and what it holds for. */
interface CachedList {
  readonly version: number;
  /** The Paris day the statuses were computed on. */
  readonly today: string;
  /** When a payment under way shown as such expires (ms since the epoch); Infinity: none. */
  readonly validUntil: number;
  readonly body: Uint8Array<ArrayBuffer>;
}

export interface ListCacheLimits {
  /** Families kept at most. */
  readonly entries: number;
  /** Bytes of JSON kept at most, all lists together. */
  readonly bytes: number;
}

/** About 30 MB at most: a family with 24 invoices of a few lines is 10 to 20 kB. */
export const defaultListCacheLimits: ListCacheLimits = { entries: 2_000, bytes: 16_000_000 };

/** The lists of one database's families, least recently answered first (evicted first). */
export class InvoiceListCache {
  readonly #lists = new Map<string, CachedList>();
  #bytes = 0;
  readonly #limits: ListCacheLimits;

  constructor(limits: ListCacheLimits = defaultListCacheLimits) {
    this.#limits = limits;
  }

  /** The list of that family for that version, day and instant, if one is kept. */
  get(tenantId: string, familyId: string, version: number, today: string, now: number): Uint8Array<ArrayBuffer> | undefined {
    const key = `${tenantId} ${familyId}`;
    const list = this.#lists.get(key);
    if (!list || list.version !== version || list.today !== today || now >= list.validUntil) return undefined;
    // Answered again: the last to be evicted.
    this.#lists.delete(key);
    this.#lists.set(key, list);
    return list.body;
  }

  set(tenantId: string, familyId: string, list: CachedList): void {
    const key = `${tenantId} ${familyId}`;
    this.#remove(key);
    if (list.body.byteLength > this.#limits.bytes) return;
    this.#lists.set(key, list);
    this.#bytes += list.body.byteLength;
    for (const oldest of this.#lists.keys()) {
      if (this.#lists.size <= this.#limits.entries && this.#bytes <= this.#limits.bytes) break;
      this.#remove(oldest);
    }
  }

  get size(): number {
    return this.#lists.size;
  }

  #remove(key: string): void {
    const list = this.#lists.get(key);
    if (!list) return;
    this.#lists.delete(key);
    this.#bytes -= list.body.byteLength;
  }
}
