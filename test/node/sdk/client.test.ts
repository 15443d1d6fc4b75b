// The SDK against the server's own app, through an injected fetch (no network).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, isApiError, memoryTokenStore, type ClientOptions } from '@famille/sdk';
import { DEMO, startDemoApp, type DemoApp } from './support/demo-app.ts';
import { problem } from './support/fakes.ts';

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
    const error = await client()
      .auth.login({ identifiant: 'parent.demo', password: 'not-the-password' })
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 401);
    assert.equal(error.code, 'invalid_credentials');
    assert.equal(error.problem?.code, 'invalid_credentials');
  });

  test('an invalid body is refused with field errors the caller can map to fields', async () => {
    const error = await client()
      .auth.login({ identifiant: '', password: 'x' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(
      error.fieldErrors.map((f) => [f.path, f.code]),
      [['identifiant', 'required']],
    );
  });

  test('reads the tenant configuration, validated by the contract', async () => {
    const config = await client().tenantConfig();
    assert.equal(config.id, 'vienne-condrieu');
    assert.ok(config.passwordPolicy.minLength >= 8);
  });
});

describe('SDK retries against the reference app', () => {
  test('a GET is retried after a 503 but a login is never retried', async () => {
    const calls: string[] = [];
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      calls.push(request.method);
      if (calls.length === 1 || request.method === 'POST') {
        return problem(503, 'internal_error', { 'retry-after': '0' });
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
