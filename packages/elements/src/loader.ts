// The kit's one script tag (`famille.js`): defines each `famille-*` element the first
// time its tag appears on the page, by importing that element's chunk. Nothing else is
// loaded: a page with only <famille-portal> and <famille-login> never downloads the
// invoices' code. Kept tiny on purpose (it is on every page of the town's site).
//
// The build (rollup.config.mjs) rewrites each `import()` below so that the element's
// chunk and the shared chunks it needs are requested at once, not one after another.

const chunks: Record<string, () => Promise<unknown>> = {
  'famille-portal': () => import('./portal/define.ts'),
  'famille-login': () => import('./login/define.ts'),
  'famille-create-account': () => import('./create-account/define.ts'),
  'famille-entourage': () => import('./entourage/define.ts'),
  'famille-preregistration': () => import('./preregistration/define.ts'),
  'famille-invoices': () => import('./invoices/define.ts'),
  'famille-dashboard': () => import('./dashboard/define.ts'),
  'famille-documents': () => import('./documents/define.ts'),
  'famille-account': () => import('./account/define.ts'),
  'famille-tariff-simulator': () => import('./tariff-simulator/define.ts'),
};
const selector = Object.keys(chunks).join();
/** The chunks of what the parent sees first (the portal, the first element on screen). */
let first: Promise<unknown> = Promise.resolve();
/** Whether the first element on screen was seen: the others wait for its chunks. */
let firstSeen = false;

function load(element: Element): void {
  const tag = element.localName;
  const importChunk = chunks[tag];
  if (!importChunk) return;
  delete chunks[tag];
  const start = () =>
    importChunk().catch((cause: unknown) => {
      // The elements stay empty: tell the web team why, and let the page react.
      console.error(`Espace Famille: the code of <${tag}> could not be loaded (${String(cause)}). Check that the kit's server is reachable from this page.`);
      for (const same of document.querySelectorAll(tag)) {
        same.dispatchEvent(new CustomEvent('famille-error', { bubbles: true, composed: true, detail: { code: 'kit_unreachable' } }));
      }
    });
  // What the parent sees first comes first: on a slow line the login form does not share
  // the bandwidth (and the browser's six connections) with the invoices further down. Tags
  // not yet defined have no height, so "on screen" cannot tell the others apart: the
  // portal and the first element on screen (document order) load at once, the rest once
  // those are here, or after 2 s at most.
  const portal = tag === 'famille-portal';
  if (portal || (!firstSeen && element.getBoundingClientRect().top < innerHeight)) {
    firstSeen ||= !portal;
    first = Promise.all([first, start()]);
  } else void Promise.race([first, new Promise((resolve) => setTimeout(resolve, 2000))]).then(start);
}

/**
 * Defines the kit's elements found in `root` (the document at start, then every node
 * added to it). Call it with an open shadow root whose content holds `famille-*` tags:
 * the loader cannot see inside shadow roots by itself.
 */
export function scan(root: ParentNode | Element): void {
  if ('localName' in root) load(root);
  for (const element of root.querySelectorAll(selector)) load(element);
}

/**
 * The first two API calls of every page (the tenant's configuration and the session), sent
 * now, beside the chunks, rather than once they are here: a slow line waits one round trip
 * less for the first form. The elements take these answers (context/prefetched.ts) when
 * their own request is the same one (URL, credentials, bearer token), once; otherwise
 * they ask again. The cookie-or-token choice here is a cheap guess (last two host labels);
 * the SDK's own (the browser's public suffix list) decides whether an answer is used.
 */
function prefetch(): void {
  const host = [...document.querySelectorAll('[api][tenant]')].find((element) => element.localName in chunks);
  if (!host) return;
  const attribute = (name: string) => host.getAttribute(name);
  const tenant = attribute('tenant');
  const api = new URL(attribute('api')!, location.href);
  const base = `${api.href.replace(/\/?$/, '/')}tenants/${tenant}/`;
  const prefetched: Record<string, Promise<Response | void>> = ((globalThis as Record<symbol, unknown>)[Symbol.for('famille.prefetched')] = {});
  const send = (path: string, credentials: RequestCredentials, authorization = ''): void => {
    prefetched[`${credentials} ${base}${path} ${authorization}`] = fetch(base + path, {
      credentials,
      headers: authorization ? { authorization } : {},
      // A stalled answer must not hold the elements: they ask again.
      signal: AbortSignal.timeout(15e3),
    }).catch(() => {});
  };
  send('config', 'omit');
  let token;
  try {
    token = sessionStorage.getItem(`famille-session:${api.href}|${tenant}`);
  } catch {
    // Storage refused: no token kept either.
  }
  const auth = attribute('auth');
  const site = (url: URL | Location) => url.hostname.split('.').slice(-2).join();
  if (token) send('auth/session', 'omit', `Bearer ${token}`);
  else if (auth == 'cookie' || (auth != 'token' && site(api) == site(location))) send('auth/session', 'include');
}

try {
  prefetch();
} catch {
  // An `api` that is no URL (or a browser without AbortSignal.timeout): the elements ask
  // themselves, and report what is wrong.
}
scan(document);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) scan(node as Element);
}).observe(document, { childList: true, subtree: true });
