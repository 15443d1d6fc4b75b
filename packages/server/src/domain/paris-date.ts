const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Paris (YYYY-MM-DD) at an instant: the day a French family and the service live in. */
export function parisDate(at: Date): string {
  return parisDay.format(at);
}
