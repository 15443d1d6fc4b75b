// The validity of a stored justificatif. The server computes it (it sends each stored
// document's `validUntil` and `expired`, and refuses an expired one); here, in the contract,
// so that an SDK user or a test reckons it the same way. No zod here: see runtime.ts.

/**
 * The last day a document dated `documentDate` (YYYY-MM-DD) is valid, `validityMonths`
 * after its date: dated 15 November with 3 months → valid until 15 February; dated 30
 * November → until 28 (or 29) February (the month's last day when it is shorter).
 */
export function documentValidUntil(documentDate: string, validityMonths: number): string {
  const [y, m, d] = documentDate.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + validityMonths;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Whether a document valid until `validUntil` (none: no limit) has expired on `today` (Paris day, YYYY-MM-DD). */
export const documentExpired = (validUntil: string | undefined, today: string): boolean => validUntil !== undefined && today > validUntil;
