// The reference server's own app on a fresh, seeded PGlite, reached through an injected
// fetch: the SDK's tests run against the real API without a network.
import { agent, createClient, type ClientOptions, type FamilleClient } from '@famille/sdk';
import { createApp, createDemoDeps, seedDemo } from '@famille/server';
import { openTestDatabase } from '../../server/support/database.ts';
import { DEMO, testHasherCost } from '../../server/support/app.ts';
import { AGENT } from '../../server/support/family.ts';

export { AGENT, DEMO };

export const baseUrl = 'http://api.test/api';
export const tenant = 'vienne-condrieu';

export interface DemoApp {
  /** The app as a fetch function. */
  readonly fetch: typeof fetch;
  /** A bearer-token client of the app (its own token store unless `extra` gives one). */
  client(extra?: Partial<ClientOptions>): FamilleClient;
  /** A client logged in as the demo parent. */
  parent(): Promise<FamilleClient>;
  /** A client logged in as the demo agent. */
  agent(): Promise<FamilleClient>;
  /** Closes the database. */
  close(): Promise<void>;
}

export async function startDemoApp(): Promise<DemoApp> {
  const database = await openTestDatabase();
  const deps = createDemoDeps({ db: database.db, allowedOrigins: [], hasherCost: testHasherCost });
  await seedDemo(deps);
  const app = createApp(deps);
  const appFetch: typeof fetch = async (input, init) => app.fetch(new Request(input, init));
  const client = (extra: Partial<ClientOptions> = {}) => createClient({ baseUrl, tenant, auth: 'token', fetch: appFetch, ...extra });
  return {
    fetch: appFetch,
    client,
    async parent() {
      const sdk = client();
      await sdk.auth.login(DEMO);
      return sdk;
    },
    async agent() {
      const sdk = client();
      await agent(sdk).login(AGENT);
      return sdk;
    },
    close: () => database.close(),
  };
}
