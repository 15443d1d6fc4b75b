// The contract's, shared with the elements.
export { parisDate } from '@famille/contract';

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC: no time zone shifts the day). */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
