// Plain lists of the stable codes, free of zod so browser bundles keep them as they are.

/**
 * Stable machine-readable error codes. Clients branch on these, never on messages.
 * Adding a code is backwards compatible; renaming one is a breaking change.
 */
export const problemCodes = [
  'validation_failed',
  'malformed_body',
  'unsupported_media_type',
  'payload_too_large',
  'invalid_credentials',
  'account_not_activated',
  'too_many_attempts',
  'unauthenticated',
  'session_expired',
  'forbidden',
  'origin_not_allowed',
  'token_invalid',
  'token_expired',
  'token_used',
  'conflict',
  'file_too_large',
  'file_type_not_accepted',
  'file_empty',
  /** A PDF that is not a plain document: unreadable, or carrying JavaScript, actions, embedded files or HTML. */
  'file_active_content',
  /** Online payment refused: the total is under the provider's minimum (PayFiP: 1 €); pay at the counter. */
  'amount_below_minimum',
  /** An online payment of one of these invoices is under way: wait for its outcome. */
  'payment_in_progress',
  /** Nothing left to pay on this invoice. */
  'invoice_already_paid',
  /** The payment provider could not be reached or refused the request; nothing was taken. */
  'payment_provider_unavailable',
  /** Too many logins (or other password checks) at once: try again after `retryAfterSeconds`. */
  'server_busy',
  'tenant_not_found',
  'not_found',
  'method_not_allowed',
  'internal_error',
] as const;
/**
 * Stable codes for one field's error, so that each client can word it in its own
 * language. `params` carries the numbers the message needs (e.g. `{ maximum: 254 }`).
 */
export const fieldErrorCodes = [
  'required',
  'too_short',
  'too_long',
  'too_small',
  'too_large',
  'invalid_format',
  'invalid_value',
  'invalid_type',
  /** A control character, an invalid Unicode sequence, or a line break in a one-line field. */
  'invalid_characters',
  'unknown_field',
  'not_in_past',
  /** Already used by another account (identifiant). */
  'taken',
  /** The password breaks the tenant's policy (the checklist says which rule). */
  'too_weak',
  /** The password is on the list of the most common passwords. */
  'too_common',
  /** A date that must be in the future is not (expected birth date). */
  'not_in_future',
  /** A reference to something that does not exist or is not the family's (document, member). */
  'unknown_reference',
  /** The same person as a member already declared (same names and birth date): `params.member` names them; confirm to add anyway. */
  'possible_duplicate',
  /** A stored document whose validity has passed (a justificatif de domicile older than 3 months): replace it. */
  'expired',
] as const;
