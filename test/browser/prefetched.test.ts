// The loader sends the tenant's configuration and the session requests beside the chunks
// (loader.ts `prefetch`); the elements' client takes those answers (context/prefetched.ts)
// only for the very same request (URL, credentials, bearer token), and only once. The
// whole path, from a town's page, is in test/e2e/delivery.test.ts.
import { startMockServer } from '@famille/mock-server';
import { assert } from './keyboard.ts';
import { demo } from '../../stories/support/mock.ts';
import { connect } from '../../packages/elements/src/context/connected-element.ts';

const slot = Symbol.for('famille.prefetched');
const registry = globalThis as unknown as Record<symbol, Record<string, Promise<Response | void>> | undefined>;

describe('answers fetched ahead by the loader', () => {
  afterEach(() => {
    delete registry[slot];
    sessionStorage.clear();
  });

  it('are used once, by the same request only: another bearer token, or other credentials, go to the network', async () => {
    const mock = await startMockServer();
    await mock.reset();
    const api = new URL('/api', location.href).href;
    const base = `${api}/tenants/${demo.tenant}/`;
    const real = await fetch(`${base}config`);
    const config = (await real.json()) as { name: string };
    const marked = (name: string) => Promise.resolve(new Response(JSON.stringify({ ...config, name }), { headers: real.headers }));
    registry[slot] = {
      [`omit ${base}config `]: marked('Fetched ahead'),
      // Another parent's session, and a cookie session: neither is this client's request.
      [`omit ${base}auth/session Bearer someone-else`]: Promise.resolve(Response.json({ not: 'this' })),
      [`include ${base}auth/session `]: Promise.resolve(Response.json({ not: 'this either' })),
    };
    sessionStorage.setItem(`famille-session:${api}|${demo.tenant}`, 'my-token');
    const client = connect({ api, tenant: demo.tenant, auth: 'token' }, () => undefined);

    assert((await client.tenantConfig()).name === 'Fetched ahead', 'the configuration fetched ahead is used');
    assert((await client.tenantConfig()).name === config.name, 'once: the next one comes from the server');
    // The server does not know "my-token": no session, not the one fetched ahead for another token.
    assert((await client.auth.session()) === null, 'the session of another token is not taken');
    assert(Object.keys(registry[slot] ?? {}).length === 2, 'the two answers for other requests are left');
  });

  it('a fetch that failed ahead is sent again', async () => {
    const mock = await startMockServer();
    await mock.reset();
    const api = new URL('/api', location.href).href;
    registry[slot] = { [`omit ${api}/tenants/${demo.tenant}/config `]: Promise.resolve() };
    const client = connect({ api, tenant: demo.tenant, auth: 'token' }, () => undefined);
    assert((await client.tenantConfig()).name.length > 0, 'the configuration, from the server');
  });
});
