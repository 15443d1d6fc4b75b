import { parisDate as parisDateOf } from '@famille/contract';

let remembered = { minute: Number.NaN, day: '' };

/**
 * The contract's `parisDate` (shared with the elements), remembered for the minute: Paris
 * changes day on a whole minute (its offsets are whole hours), so every instant of a
 * minute has the same day. Intl's formatting was a hundredth of the invoice list's time.
 */
export function parisDate(at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute !== remembered.minute) remembered = { minute, day: parisDateOf(at) };
  return remembered.day;
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC: no time zone shifts the day). */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
