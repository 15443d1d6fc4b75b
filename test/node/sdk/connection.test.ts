// tenantConfig() is the connection check: a server of another API version, a URL that is
// not a Famille API, a wrong tenant or origin each fail with their own code, the URL and
// what the server said, for the web team to fix. Against the reference app (through an
// injected fetch) and fakes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { apiVersion, apiVersionHeader } from '@famille/contract';
import { endpoints, isApiError, type ClientOptions } from '@famille/sdk';
import { startDemoApp, tenant, type DemoApp } from './support/demo-app.ts';

let app: DemoApp;
before(async () => {
  app = await startDemoApp();
});
after(() => app?.close());

/** The app's answers, their version header replaced (`undefined`: removed). */
const withVersion =
  (version: string | undefined): typeof fetch =>
  async (input, init) => {
    const answer = await app.fetch(input, init);
    const headers = new Headers(answer.headers);
    if (version === undefined) headers.delete(apiVersionHeader);
    else headers.set(apiVersionHeader, version);
    return new Response(answer.body, { status: answer.status, headers });
  };

const failure = (extra: Partial<ClientOptions>) =>
  app
    .client(extra)
    .tenantConfig()
    .then(
      () => assert.fail('the connection check passed'),
      (error: unknown) => {
        assert.ok(isApiError(error), String(error));
        return error;
      },
    );

const configUrl = `http://api.test/api/tenants/${tenant}/config`;
const [major = 0, minor = 0] = apiVersion.split('.').map(Number);

describe('the connection check: API versions', () => {
  test('passes with the reference server, and with a server of a later minor version', async () => {
    assert.equal((await app.client().tenantConfig()).id, tenant);
    assert.equal((await app.client({ fetch: withVersion(`${major}.${minor + 1}`) }).tenantConfig()).id, tenant);
  });

  test('a server that sends no version is a version mismatch, whose message says so', async () => {
    const error = await failure({ fetch: withVersion(undefined) });
    assert.equal(error.kind, 'validation');
    assert.equal(error.code, 'version_mismatch');
    assert.equal(error.serverVersion, undefined);
    assert.equal(error.url, configUrl);
    assert.match(error.message, new RegExp(`no ${apiVersionHeader} header`));
  });

  test('an earlier minor version, or another major one, is a version mismatch naming it', async () => {
    for (const version of [`${major}.${minor - 1}`, `${major + 1}.${minor}`, `${major - 1}.${minor + 5}`, 'banana']) {
      const error = await failure({ fetch: withVersion(version) });
      assert.equal(error.code, 'version_mismatch', version);
      assert.equal(error.serverVersion, version);
      assert.ok(error.message.includes(version) && error.message.includes(apiVersion), error.message);
    }
  });

  test('a configuration that breaks the contract is a version mismatch too (another version of it)', async () => {
    const error = await failure({ fetch: async () => Response.json({ id: 42 }, { headers: { [apiVersionHeader]: apiVersion } }) });
    assert.equal(error.kind, 'validation');
    assert.equal(error.code, 'version_mismatch');
    assert.equal(error.serverVersion, apiVersion);
    assert.ok(error.cause, 'the validation issues are kept as the cause');
  });

  test("another site's page answered 200 (not an API at all) is a version mismatch: no version header", async () => {
    const error = await failure({ fetch: async () => new Response('<!doctype html><title>Ville</title>', { headers: { 'content-type': 'text/html' } }) });
    assert.equal(error.code, 'version_mismatch');
    assert.equal(error.serverVersion, undefined);
  });
});

describe('the connection check: wrong URL, tenant or origin', () => {
  test("another server's HTML 404 says the api URL does not lead to a Famille API", async () => {
    const html404: typeof fetch = async () => new Response('<h1>Not Found</h1>', { status: 404, headers: { 'content-type': 'text/html' } });
    const error = await failure({ fetch: html404 });
    assert.equal(error.kind, 'http');
    assert.equal(error.code, 'not_famille_api');
    assert.equal(error.status, 404);
    assert.equal(error.problem, undefined);
    assert.equal(error.url, configUrl);
    assert.match(error.message, /not a Famille API.*404/);
    const elsewhere = await app
      .client({ fetch: html404 })
      .call(endpoints.health)
      .catch((e: unknown) => e);
    assert.ok(isApiError(elsewhere) && elsewhere.code === 'not_found', 'other calls keep the generic code');
  });

  test('a gateway error page, or a Famille answer whose problem this client does not know, is not "not a Famille API"', async () => {
    const gateway = await failure({
      retries: 0,
      fetch: async () => new Response('<h1>Bad Gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }),
    });
    assert.deepEqual([gateway.code, gateway.status], ['internal_error', 502]);
    const signed = await failure({
      fetch: async () => Response.json({ code: 'from_the_future' }, { status: 400, headers: { [apiVersionHeader]: apiVersion } }),
    });
    assert.deepEqual([signed.kind, signed.code], ['http', 'forbidden']);
  });

  test('an unknown tenant and a page origin the tenant does not allow are their problems, not "not a Famille API"', async () => {
    const unknown = await app
      .client({ tenant: 'nowhere' })
      .tenantConfig()
      .catch((e: unknown) => e);
    assert.ok(isApiError(unknown));
    assert.deepEqual([unknown.kind, unknown.status, unknown.code], ['http', 404, 'tenant_not_found']);
    const origin = await failure({ ky: { headers: { origin: 'https://www.elsewhere.example' } } });
    assert.deepEqual([origin.kind, origin.status, origin.code], ['http', 403, 'origin_not_allowed']);
  });

  test('no answer stays a network error', async () => {
    const error = await failure({
      retries: 0,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    assert.equal(error.code, 'network_error');
    assert.equal(error.url, configUrl);
  });
});
