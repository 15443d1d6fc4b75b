// Stand-ins for what the SDK meets outside Node: answers, a recording fetch, a browser's
// cookie jar and its sessionStorage.
import type { ProblemCode } from '@famille/sdk';

/** A problem+json answer. */
export const problem = (status: number, code: ProblemCode, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: code, status, code }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

/** A fetch that records the requests it gets and answers each with `answer(request)`. */
export function recorder(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request);
  };
  return { requests, fetch };
}

/** A fetch that never answers, and fails as a real one does when the request's signal aborts. */
export const hang: typeof fetch = async (input, init) => {
  const { signal } = new Request(input, init);
  signal.throwIfAborted();
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- as a real fetch() does
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
};

/** Lets pending promises and I/O callbacks run (timers mocked or not). */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * `document.cookie` of a page on `host`, as a browser keeps it: cookies for a public suffix
 * (`publicSuffixes`, the browser's Public Suffix List) or for another site's domain are
 * refused, `max-age=0` deletes. `accepts: false`: cookies disabled.
 */
export function cookieJar(host: string, { accepts = true, publicSuffixes = ['com', 'fr', 'io', 'github.io', 'uk', 'co.uk'] } = {}) {
  const jar = new Map<string, string>();
  return {
    get cookie() {
      return [...jar.values()].join('; ');
    },
    set cookie(line: string) {
      const [pair = '', ...attributes] = line.split(/;\s*/);
      const attribute = new Map(attributes.map((a) => a.toLowerCase().split('=') as [string, string]));
      const domain = attribute.get('domain') ?? host;
      if (!accepts || publicSuffixes.includes(domain) || (domain !== host && !host.endsWith(`.${domain}`))) return;
      const key = `${pair.split('=')[0]}@${domain}`;
      if (attribute.get('max-age') === '0') jar.delete(key);
      else jar.set(key, pair);
    },
    jar,
  };
}

/** A Storage in memory; `refuse`: every call throws, as in a sandboxed frame. */
export function fakeStorage({ refuse = false } = {}): Storage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const check = () => {
    if (refuse) throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (i) => [...entries.keys()][i] ?? null,
    getItem: (key) => (check(), entries.get(key) ?? null),
    setItem: (key, value) => (check(), void entries.set(key, value)),
    removeItem: (key) => (check(), void entries.delete(key)),
    clear: () => entries.clear(),
  };
}

/** Runs `body` with these browser globals set (`location`, `document`, `sessionStorage`…), then puts things back. */
export async function withGlobals<T>(globals: Record<string, unknown>, body: () => T | Promise<T>): Promise<T> {
  const saved = Object.keys(globals).map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  for (const [name, value] of Object.entries(globals)) Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  try {
    return await body();
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(globalThis, name, descriptor);
      else delete (globalThis as Record<string, unknown>)[name];
    }
  }
}
