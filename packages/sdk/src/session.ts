// How a session travels (an HttpOnly cookie or a bearer token) and where a token is kept.
import type { SessionTransport } from '@famille/contract';

/** Keeps the bearer token. Never localStorage by default. */
export interface TokenStore {
  get(): string | undefined;
  /** `undefined` forgets the token. */
  set(token: string | undefined): void;
}

/** A token kept in memory only: gone with the page, so a reload ends the session. */
export function memoryTokenStore(initial?: string): TokenStore {
  let token = initial;
  return { get: () => token, set: (value) => void (token = value) };
}

/**
 * A token kept in `sessionStorage` under `key`, so that a reload keeps the parent logged in
 * when the page and the API are on different sites (no cookie): what the elements use.
 * Falls back to memory where storage is refused (some private modes, sandboxed frames).
 *
 * Threat model: any script running on the host page can read the token (as it could drive
 * the elements themselves), so the host page must trust its scripts. The token stays in
 * this tab (other tabs and windows do not see it), goes when the tab closes, and is removed
 * at logout and as soon as the server says the session ended or expired. It is never put in
 * `localStorage`, which outlives the tab.
 */
export function sessionTokenStore(key: string): TokenStore {
  const memory = memoryTokenStore();
  let storage: Storage | undefined;
  try {
    storage = globalThis.sessionStorage;
    storage.getItem(key); // throws where storage is refused, and where there is none
  } catch {
    storage = undefined;
  }
  return {
    get: () => (storage ? (storage.getItem(key) ?? undefined) : memory.get()),
    set(token) {
      memory.set(token);
      try {
        if (token === undefined) storage?.removeItem(key);
        else storage?.setItem(key, token);
      } catch {
        storage = undefined; // full, or refused since: memory from now on
      }
    },
  };
}

/** Hosts that are their own site: IP addresses, `localhost` and other single labels. */
const ownSite = (hostname: string) => !hostname.includes('.') || hostname.includes(':') || /^[\d.]+$/.test(hostname);

const probe = 'famille-site-probe=1';

/**
 * The registrable domain (the "site") of the page's `hostname`, read from the browser's
 * own Public Suffix List at no download cost: a browser refuses a cookie for a public
 * suffix (`github.io`, `co.uk`, `fr`), so the shortest parent domain that accepts a
 * short-lived probe cookie is the registrable one (`a.github.io`, `ville.fr`). The probe is
 * deleted at once. IP addresses, `localhost` and single-label hosts are their own site.
 *
 * `undefined` when no domain accepts the cookie (cookies disabled, sandboxed frame) or
 * without a document (Node). Only the document's own hostname can be asked about: a
 * browser refuses cookies for the domains of other sites.
 */
export function registrableDomain(hostname: string, doc: { cookie: string } | undefined = globalThis.document): string | undefined {
  if (ownSite(hostname)) return hostname;
  const labels = hostname.split('.');
  try {
    for (let i = labels.length - 2; doc && i >= 0; i--) {
      const domain = labels.slice(i).join('.');
      const cookie = `${probe}; domain=${domain}; path=/; SameSite=Lax; max-age=`;
      doc.cookie = cookie + 10;
      if (doc.cookie.split('; ').includes(probe)) {
        doc.cookie = cookie + 0;
        return domain;
      }
    }
  } catch {
    // A sandboxed frame throws on document.cookie.
  }
  return undefined;
}

/**
 * The session transport for an API at `baseUrl`: `auth` itself unless it is `auto`; then
 * `cookie` when the API is on the page's site (same scheme, and its host is the page's
 * registrable domain or under it: `famille.ville.fr` for `www.ville.fr`, not `b.github.io`
 * for `a.github.io`), `token` otherwise, and outside a browser, and when the page's site
 * cannot be found (cookies disabled: a cookie would not work either).
 */
export function resolveTransport(baseUrl: string, auth: SessionTransport | 'auto' = 'auto'): SessionTransport {
  if (auth !== 'auto') return auth;
  const page = globalThis.location;
  if (!page?.href) return 'token';
  const api = new URL(baseUrl, page.href);
  const site = api.protocol === page.protocol ? registrableDomain(page.hostname) : undefined;
  return site && (api.hostname === site || (!ownSite(site) && api.hostname.endsWith(`.${site}`))) ? 'cookie' : 'token';
}
