import type { HttpMethod } from '@famille/contract';

export interface HttpOptions {
  /** Absolute API base, ending with `/`. */
  base: string;
  credentials: RequestCredentials;
  /** Per-attempt timeout, in ms. */
  timeout: number;
  /** Extra attempts for an idempotent GET. */
  retries: number;
  fetch?: typeof globalThis.fetch;
  /** Headers computed for each attempt (the bearer token may change between them). */
  headers: () => Record<string, string>;
}

/** Statuses worth a second try: the request did not reach a working server. */
const retryStatuses = [408, 502, 503, 504];

/** No answer in time: distinct from a refused connection. */
export class RequestTimeout extends Error {
  override readonly name = 'RequestTimeout';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One API request on plain `fetch` (a few hundred bytes where ky weighs 9 KB gzip in
 * the drop-in bundle). GETs are retried on network failures and on 408/502/503/504,
 * honouring `Retry-After`; other methods are never retried. `raw` sends a file's bytes
 * (an upload) instead of JSON, with its headers and the caller's abort signal.
 * Resolves with any HTTP answer; rejects with the network error or `RequestTimeout`.
 */
export async function send(
  options: HttpOptions,
  method: HttpMethod,
  path: string,
  json?: unknown,
  raw?: { body: Blob; headers: Record<string, string>; signal?: AbortSignal | undefined },
): Promise<Response> {
  const retries = method === 'get' ? options.retries : 0;
  raw?.signal?.throwIfAborted();
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeout);
    const cancel = () => controller.abort(raw?.signal?.reason);
    raw?.signal?.addEventListener('abort', cancel);
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers(), ...raw?.headers };
    if (json !== undefined) headers['content-type'] = 'application/json';
    try {
      // Looked up at call time: test tools (msw) may patch the global.
      const response = await (options.fetch ?? globalThis.fetch)(new URL(path, options.base), {
        method: method.toUpperCase(),
        credentials: options.credentials,
        headers,
        body: raw?.body ?? (json === undefined ? null : JSON.stringify(json)),
        signal: controller.signal,
      });
      if (attempt < retries && retryStatuses.includes(response.status)) {
        const after = Number(response.headers.get('retry-after'));
        await pause(Number.isFinite(after) && response.headers.has('retry-after') ? after * 1000 : 300 * 2 ** attempt);
        continue;
      }
      return response;
    } catch (error) {
      // Cancelled by the caller: their own reason (an AbortError), never an ApiError.
      if (raw?.signal?.aborted) throw raw.signal.reason;
      if (controller.signal.aborted) throw new RequestTimeout('No answer in time', { cause: error });
      if (attempt >= retries) throw error;
      await pause(300 * 2 ** attempt);
    } finally {
      clearTimeout(timer);
      raw?.signal?.removeEventListener('abort', cancel);
    }
  }
}

/**
 * A file's upload through XMLHttpRequest, the one browser API that reports upload
 * progress. Never retried. Resolves with the answer as a `Response` (read like any
 * other); rejects with a network error, or with the signal's reason when cancelled.
 */
export function sendWithProgress(
  options: HttpOptions,
  path: string,
  body: Blob,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
  onProgress: (loaded: number, total: number) => void,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    signal?.throwIfAborted();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', new URL(path, options.base));
    xhr.withCredentials = options.credentials === 'include';
    for (const [name, value] of Object.entries({ accept: 'application/json', ...options.headers(), ...headers })) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : body.size);
    xhr.onload = () =>
      resolve(new Response(xhr.status === 204 ? null : xhr.response, { status: xhr.status, headers: { 'content-type': xhr.getResponseHeader('content-type') ?? '' } }));
    xhr.onerror = xhr.ontimeout = () => reject(new TypeError('Network error'));
    xhr.onabort = () => reject(signal?.reason);
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
