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

scan(document);
new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node.nodeType === 1) scan(node as Element);
}).observe(document, { childList: true, subtree: true });
