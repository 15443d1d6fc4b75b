// Dates as the parent types them (JJ/MM/AAAA) and as the contract carries them (ISO).

/** "14/07/1990" (slashes, dots or dashes) → "1990-07-14"; `undefined` for anything else. */
export function typedToIso(value: string): string | undefined {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : undefined;
}

/** "2024-07-14" → "14/07/2024", as the parent types it. */
export const typedDate = (iso: string): string => iso.split('-').reverse().join('/');

/** Today, as an ISO date (UTC). */
export const today = (): string => new Date().toISOString().slice(0, 10);
