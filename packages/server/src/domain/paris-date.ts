const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Paris (YYYY-MM-DD) at an instant: the day a French family and the service live in. */
export function parisDate(at: Date): string {
  return parisDay.format(at);
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic in UTC: no time zone shifts the day). */
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
