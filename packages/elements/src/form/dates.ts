// Dates as the parent types them (JJ/MM/AAAA) and as the contract carries them (ISO).
import { parisDate } from '@famille/contract';

/**
 * What the parent typed as a day of the calendar, as an ISO date: "14/07/1990" (slashes,
 * dots, dashes or spaces between day, month and year) and "1990-07-14" (what a browser's
 * date picker or a paste gives) → "1990-07-14"; `undefined` for anything else, and for a
 * day the calendar lacks (31/02/2020).
 */
export function typedToIso(value: string): string | undefined {
  const typed = value.trim();
  const dayFirst = /^(\d{1,2})[/. -](\d{1,2})[/. -](\d{4})$/.exec(typed);
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const [year, month, day] = dayFirst ? [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!] : yearFirst ? [yearFirst[1]!, yearFirst[2]!, yearFirst[3]!] : [];
  if (!year || !month || !day) return undefined;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/** "2024-07-14" → "14/07/2024", as the parent types it. */
export const typedDate = (iso: string): string => iso.split('-').reverse().join('/');

/** Today in France, as an ISO date (the day a parent sees on their calendar, not UTC's). */
export const today = (): string => parisDate(new Date());
