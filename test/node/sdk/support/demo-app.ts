// The reference server's own app on a fresh, seeded PGlite, reached through an injected
// fetch: the SDK's tests run against the real API without a network.
import { PGlite } from '@electric-sql/pglite';
import { createApp, createDemoDeps, createPgliteDatabase, migrate, seedDemo } from '@famille/server';
import { createClient, type ClientOptions, type FamilleClient } from '@famille/sdk';

export const baseUrl = 'http://api.test/api';
export const tenant = 'vienne-condrieu';

export interface DemoApp {
  /** The app as a fetch function. */
  readonly fetch: typeof fetch;
  /** A bearer-token client of the app (its own token store unless `extra` gives one). */
  client(extra?: Partial<ClientOptions>): FamilleClient;
  /** A client logged in as the demo parent. */
  parent(): Promise<FamilleClient>;
}

export async function startDemoApp(): Promise<DemoApp> {
  const db = createPgliteDatabase(new PGlite());
  await migrate(db);
  const deps = createDemoDeps({ db, allowedOrigins: [] });
  await seedDemo(deps);
  const app = createApp(deps);
  const appFetch: typeof fetch = async (input, init) => app.fetch(new Request(input, init));
  const client = (extra: Partial<ClientOptions> = {}) => createClient({ baseUrl, tenant, auth: 'token', fetch: appFetch, ...extra });
  return {
    fetch: appFetch,
    client,
    async parent() {
      const sdk = client();
      await sdk.auth.login({ identifiant: 'parent.demo', password: 'Famille-Demo-2026' });
      return sdk;
    },
  };
}
