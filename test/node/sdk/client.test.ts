// The SDK against the server's own app, through an injected fetch (no network).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, isApiError, memoryTokenStore, resolveTransport, type ClientOptions } from '@famille/sdk';
import { DEMO, startDemoApp, type DemoApp } from './support/demo-app.ts';

let app: DemoApp;
const client = (extra?: Partial<ClientOptions>) => app.client(extra);

before(async () => {
  app = await startDemoApp();
});
after(() => app?.close());

describe('SDK against the reference app', () => {
  test('logs in with a bearer token, reads the session with it, and logs out', async () => {
    const tokens = memoryTokenStore();
    const sdk = client({ tokenStore: tokens });
    assert.equal(await sdk.auth.session(), null, 'nobody is logged in yet');
    const session = await sdk.auth.login(DEMO);
    assert.equal(session.account.identifiant, 'parent.demo');
    assert.equal(session.transport, 'token');
    assert.ok(tokens.get() && tokens.get()!.length >= 40, 'the token is kept by the store');
    assert.equal((await sdk.auth.session())?.account.prenoms, session.account.prenoms);
    await sdk.auth.logout();
    assert.equal(tokens.get(), undefined);
    assert.equal(await sdk.auth.session(), null);
  });

  test('a token revoked on the server reads as "nobody logged in" and is forgotten', async () => {
    const tokens = memoryTokenStore();
    const sdk = client({ tokenStore: tokens });
    await sdk.auth.login(DEMO);
    const stolen = tokens.get()!;
    await client({ tokenStore: memoryTokenStore(stolen) }).auth.logout();
    assert.equal(await sdk.auth.session(), null);
    assert.equal(tokens.get(), undefined);
  });

  test('wrong credentials are an http ApiError with the stable code, never a parsed message', async () => {
    const error = await client().auth.login({ identifiant: 'parent.demo', password: 'not-the-password' }).catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 401);
    assert.equal(error.code, 'invalid_credentials');
    assert.equal(error.problem?.code, 'invalid_credentials');
  });

  test('an invalid body is refused with field errors the caller can map to fields', async () => {
    const error = await client().auth.login({ identifiant: '', password: 'x' }).catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fieldErrors.map((f) => [f.path, f.code]), [['identifiant', 'required']]);
  });

  test('reads the tenant configuration, validated by the contract', async () => {
    const config = await client().tenantConfig();
    assert.equal(config.id, 'vienne-condrieu');
    assert.ok(config.passwordPolicy.minLength >= 8);
  });
});

describe('SDK failure kinds', () => {
  test('no answer at all is a network error', async () => {
    const sdk = client({ fetch: async () => { throw new TypeError('Failed to fetch'); }, retries: 0 });
    const error = await sdk.tenantConfig().catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'network');
    assert.equal(error.code, 'network_error');
  });

  test('an answer that breaks the contract is a validation error', async () => {
    const sdk = client({ fetch: async () => Response.json({ id: 42 }) });
    const error = await sdk.tenantConfig().catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'validation');
    assert.equal(error.code, 'invalid_response');
  });

  test('an answer that never comes is a timeout', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const sdk = client({ fetch: hang, timeout: 50, retries: 0 });
    const error = await sdk.tenantConfig().catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'timeout');
  });

  test('a GET is retried after a 503 but a login is never retried', async () => {
    const calls: string[] = [];
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      calls.push(request.method);
      if (calls.length === 1 || request.method === 'POST') {
        return new Response(JSON.stringify({ type: 'about:blank', title: 'Unavailable', status: 503, code: 'internal_error' }), {
          status: 503, headers: { 'content-type': 'application/problem+json', 'retry-after': '0' },
        });
      }
      return app.fetch(request);
    };
    const sdk = client({ fetch: flaky });
    assert.equal((await sdk.tenantConfig()).id, 'vienne-condrieu');
    assert.deepEqual(calls, ['GET', 'GET']);
    calls.length = 0;
    await assert.rejects(sdk.auth.login({ identifiant: 'parent.demo', password: 'x' }));
    assert.deepEqual(calls, ['POST']);
  });
});

describe('session transport', () => {
  test('auto picks the cookie when the API is on the page site, a token otherwise', () => {
    const location = globalThis.location;
    try {
      Object.defineProperty(globalThis, 'location', { value: new URL('https://www.ville.fr/famille'), configurable: true });
      assert.equal(resolveTransport('https://famille.ville.fr/api'), 'cookie');
      assert.equal(resolveTransport('/api'), 'cookie');
      assert.equal(resolveTransport('https://api.editeur.com/api'), 'token');
      assert.equal(resolveTransport('http://famille.ville.fr/api'), 'token');
    } finally {
      Object.defineProperty(globalThis, 'location', { value: location, configurable: true });
    }
    assert.equal(resolveTransport('https://famille.ville.fr/api'), 'token', 'outside a browser: token');
  });
});
