// What the page sends to the API and what it gets back, read off `fetch` (the SDK looks
// the global `fetch` up at each request) and XMLHttpRequest (the SDK's uploads with
// progress), for tests that compare or count answers.
import { settle } from '../../../stories/support/play.ts';

export interface Exchange {
  method: string;
  /** The path, e.g. `/api/tenants/vienne-condrieu/auth/login`. */
  path: string;
  /** Unset while the answer has not come (or never comes). */
  status?: number;
  headers?: Record<string, string>;
  /** The answer's body, parsed when it is JSON. */
  body?: unknown;
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Records every request whose path ends with `pathEnd` (and, if given, whose method is
 * `method`) until `restore()`; the page's requests go on to the server unchanged.
 */
export function recordRequests(pathEnd: string, method?: string): { exchanges: Exchange[]; restore(this: void): void } {
  const exchanges: Exchange[] = [];
  const record = (verb: string, url: string): Exchange | undefined => {
    const path = new URL(url, location.href).pathname;
    if (!path.endsWith(pathEnd) || (method && verb.toUpperCase() !== method)) return undefined;
    const exchange: Exchange = { method: verb.toUpperCase(), path };
    exchanges.push(exchange);
    return exchange;
  };

  const fetch = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const exchange = record(init?.method ?? request?.method ?? 'GET', input instanceof Request ? input.url : String(input));
    const response = await fetch(input, init);
    if (exchange)
      Object.assign(exchange, { status: response.status, headers: Object.fromEntries(response.headers), body: parsed(await response.clone().text()) });
    return response;
  };

  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with `.call(this, …)` and put back by restore()
  const { open, send } = XMLHttpRequest.prototype;
  const opened = new WeakMap<XMLHttpRequest, [string, string]>();
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, verb: string, url: string | URL, ...rest: unknown[]) {
    opened.set(this, [verb, String(url)]);
    return (open as (...args: unknown[]) => void).call(this, verb, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    const [verb, url] = opened.get(this) ?? ['GET', ''];
    const exchange = record(verb, url);
    if (exchange)
      this.addEventListener('load', () =>
        Object.assign(exchange, { status: this.status, body: typeof this.response === 'string' ? parsed(this.response) : (this.response as unknown) }),
      );
    return send.call(this, body);
  };

  return {
    exchanges,
    restore() {
      globalThis.fetch = fetch;
      Object.assign(XMLHttpRequest.prototype, { open, send });
    },
  };
}

/**
 * Lets a request that an input would start reach `fetch` or XMLHttpRequest: the closest
 * element's render, then the end of the task (the SDK starts a request without waiting
 * for any timer). For checking that an input sent nothing.
 */
export async function untilSent(node: Element): Promise<void> {
  await settle(node);
  await new Promise((resolve) => setTimeout(resolve));
}
