import ky, { type Input, type KyInstance } from 'ky';
import type { ClientOptions } from './client.ts';
import { gone } from './errors.ts';
import type { TokenStore } from './session.ts';

/** Statuses worth a second try: the request did not reach a working server. */
const retryStatuses = [408, 502, 503, 504];

/**
 * The client's ky instance. Each attempt times out after `timeout` ms; a GET is retried
 * `retries` times on a network failure and on 408/502/503/504, after a 503's `Retry-After`
 * (10 s at most) or a growing pause (0.3 s, 0.6 s…); other methods are never retried. The
 * bearer token of `tokens` goes with every request; a 401 `unauthenticated` or
 * `session_expired` to the token currently held clears `tokens` and calls `onSessionEnd`.
 * The caller's own `ky` options extend these (their hooks run after ours).
 */
export function createTransport(options: ClientOptions, tokens: TokenStore, credentials: RequestCredentials): KyInstance {
  return ky
    .create({
      timeout: options.timeout ?? 15_000,
      retry: { limit: options.retries ?? 2, methods: ['get'], statusCodes: retryStatuses, maxRetryAfter: 10_000 },
      credentials,
      headers: { accept: 'application/json', ...(options.locale && { 'accept-language': options.locale }) },
      ...(options.fetch && { fetch: options.fetch }),
      hooks: {
        beforeRequest: [
          (request) => {
            // Only token logins fill the store (a parent's with the token transport, an agent's always).
            const token = tokens.get();
            if (token) request.headers.set('authorization', `Bearer ${token}`);
          },
        ],
        afterResponse: [
          async (request, _options, response) => {
            const token = tokens.get();
            // The session this request was sent with only: another may have begun since.
            if (response.status === 401 && token && request.headers.get('authorization') === `Bearer ${token}` && gone(await response.json().catch(() => 0))) {
              tokens.set(undefined);
              options.onSessionEnd?.();
            }
          },
        ],
      },
    })
    .extend(options.ky ?? {});
}

/**
 * A `fetch` for ky that sends `body` through XMLHttpRequest, the one browser API that
 * reports upload progress (ky's `onUploadProgress` needs request streams, which browsers
 * only send over HTTP/2 and not all of them). It takes the method, URL, headers and
 * credentials of ky's request and stops when its signal aborts (the caller's cancellation).
 */
export const progressFetch =
  (body: Blob, onProgress: (loaded: number, total: number) => void) =>
  (input: Input): Promise<Response> =>
    new Promise((resolve, reject) => {
      const request = input as Request; // what ky always passes
      const { signal } = request;
      signal.throwIfAborted();
      const xhr = new XMLHttpRequest();
      xhr.open(request.method, request.url);
      xhr.withCredentials = request.credentials === 'include';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));
      xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
      xhr.onload = () =>
        resolve(
          new Response(xhr.status === 204 ? null : (xhr.response as string), {
            status: xhr.status,
            headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' },
          }),
        );
      xhr.onerror = xhr.ontimeout = () => reject(new TypeError('Failed to fetch'));
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as fetch() does: the signal's reason, an AbortError unless the caller gave another
      xhr.onabort = () => reject(signal.reason);
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
