/**
 * Reads the token of an e-mail link from the page's URL fragment
 * (`#famille-activation=TOKEN`, `#famille-reset=TOKEN`), or the transaction of a return
 * from the payment page (`#famille-payment=ID`), and removes it from the URL and the
 * history, so that it is neither bookmarked, shared nor sent as a referrer.
 */
export function takeLinkToken(name: string): string | undefined {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get(name);
  if (!token) return undefined;
  params.delete(name);
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  return token;
}
