import { TenantConfig } from '@famille/contract';

/** One municipality served by this deployment: what anyone may read, and what only the server uses. */
export interface Tenant {
  /** Public part, served at `GET /tenants/{tenant}/config`. */
  readonly config: TenantConfig;
  /** Origins of the host pages allowed to call the API (CORS and CSRF), e.g. `https://www.ville.fr`. */
  readonly allowedOrigins: readonly string[];
}

export interface TenantRegistry {
  get(id: string): Tenant | undefined;
  list(): readonly Tenant[];
}

/** `https://www.Ville.fr/` → `https://www.ville.fr`; anything that is not an http(s) origin throws. */
export function normalizeOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Not an http(s) origin: ${origin}`);
  return url.origin;
}

/** Checks each tenant against the contract at start-up, so a bad configuration fails early. */
export function createTenantRegistry(tenants: readonly Tenant[]): TenantRegistry {
  const byId = new Map<string, Tenant>();
  for (const tenant of tenants) {
    const config = TenantConfig.parse(tenant.config);
    if (byId.has(config.id)) throw new TypeError(`Tenant "${config.id}" is configured twice`);
    byId.set(config.id, Object.freeze({ config, allowedOrigins: Object.freeze([...new Set(tenant.allowedOrigins.map(normalizeOrigin))]) }));
  }
  const list = Object.freeze([...byId.values()]);
  return { get: (id) => byId.get(id), list: () => list };
}
