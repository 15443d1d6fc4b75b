import type { FamilleClient } from '@famille/sdk';

/**
 * A bearer-token session lives in memory only (page and API on different sites), so the
 * trip to the payment page and back, in the same tab, would end it. Just before leaving,
 * the token is kept in this tab's sessionStorage for that transaction; on the way back
 * (`#famille-payment=<that id>`) it is taken back once and removed. Nothing is kept for a
 * cookie session, and a token found without its return fragment is dropped.
 */
const key = 'famille-payment-session';

export function keepSessionForReturn(client: FamilleClient, transactionId: string): void {
  const token = client.transport === 'token' && client.tokens.get();
  if (token) {
    try {
      sessionStorage.setItem(key, JSON.stringify([client.tenant, transactionId, token]));
    } catch {
      // Storage refused (private mode, quota): the parent logs in again on return.
    }
  }
}

export function takeSessionBack(client: FamilleClient): void {
  let kept: string | null = null;
  try {
    kept = sessionStorage.getItem(key);
    sessionStorage.removeItem(key);
  } catch {
    return;
  }
  if (!kept) return;
  const [tenant, transactionId, token] = JSON.parse(kept) as string[];
  // That very transaction (tx-1 is not tx-10); the fragment stays for <famille-invoices> to read.
  const returned = new URLSearchParams(location.hash.slice(1)).get('famille-payment');
  if (client.transport === 'token' && !client.tokens.get() && tenant === client.tenant && returned === transactionId) {
    client.tokens.set(token);
  }
}
