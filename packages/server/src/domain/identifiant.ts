/**
 * The form under which an identifiant is unique and looked up: Unicode-compatible
 * (NFKC), trimmed, lower case. "Parent.Demo " and "parent.demo" are the same account.
 */
export function normalizeIdentifiant(identifiant: string): string {
  return identifiant.normalize('NFKC').trim().toLowerCase();
}

/** The form under which an e-mail address is unique per tenant: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
