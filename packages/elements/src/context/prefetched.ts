/**
 * The answers the loader fetched ahead (loader.ts `prefetch`: the tenant's configuration and
 * the session, sent beside the chunks), by `credentials URL bearer`.
 */
const prefetched = () => (globalThis as Record<symbol, Record<string, Promise<Response | void>> | undefined>)[Symbol.for('famille.prefetched')];

/**
 * A ky `beforeRequest` hook: the loader's answer to this very request, once (ky then
 * treats it as its own: hooks, errors, a retry sent anew). A public request is matched
 * without its bearer token, which the SDK takes off after this hook.
 * `undefined` (the request goes out) when there is none, or when that fetch failed.
 */
export function takePrefetched(request: Request): Promise<Response | void> | undefined {
  const answers = prefetched();
  if (!answers || request.method !== 'GET') return undefined;
  const key = `${request.credentials} ${request.url} `;
  for (const candidate of [key + (request.headers.get('authorization') ?? ''), key]) {
    const answer = answers[candidate];
    if (answer) {
      delete answers[candidate];
      return answer;
    }
  }
  return undefined;
}
