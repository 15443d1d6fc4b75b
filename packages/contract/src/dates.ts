// Dates as people read them, shared by the elements, the e-mails and the PDFs.

/**
 * `format`'s text for `date`, with the French ordinal of the first of the month where the
 * month is written out: "1er septembre 2027" (Intl gives "1 septembre 2027"); numeric
 * dates ("01/09/2027") and other languages are left as Intl writes them.
 */
export function formatDay(format: Intl.DateTimeFormat, date: Date): string {
  const parts = format.formatToParts(date);
  const writtenMonth = format.resolvedOptions().locale.startsWith('fr') && parts.some((part) => part.type === 'month' && /\D/.test(part.value));
  return parts.map((part) => (writtenMonth && part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value)).join('');
}

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Paris (YYYY-MM-DD) at an instant: the day a French family and the service live in. */
export function parisDate(at: Date): string {
  return parisDay.format(at);
}
