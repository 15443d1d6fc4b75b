// The SDK's transport on ky: retries and Retry-After, timeouts, the session's hooks, the
// caller's own ky options, credentials, and every failure as an ApiError. Fake fetches
// and a mocked clock: no network, no waiting.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, documents, endpoints, family, isApiError, memoryTokenStore, type ClientOptions, type DocumentInfo } from '@famille/sdk';
import { hang, problem, recorder, settle, withGlobals } from './support/fakes.ts';

const baseUrl = 'http://api.test/api';
const tenant = 'vienne-condrieu';
const client = (options: Partial<ClientOptions>) => createClient({ baseUrl, tenant, auth: 'token', ...options });
const health = { status: 'ok', version: 'test' };

describe('SDK transport: retries', () => {
  test('a GET is retried after a 503 when its Retry-After says, an hour capped to 10 s', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const { requests, fetch } = recorder(() =>
      requests.length === 1
        ? problem(503, 'internal_error', { 'retry-after': '3' })
        : requests.length === 2
          ? problem(503, 'internal_error', { 'retry-after': '3600' })
          : Response.json(health),
    );
    const pending = client({ fetch }).call(endpoints.health);
    const steps: [ms: number, requests: number, why?: string][] = [
      [0, 1],
      [2_999, 1, 'not before the 3 s of Retry-After'],
      [1, 2],
      [9_999, 2, 'an hour of Retry-After is waited 10 s'],
      [1, 3],
    ];
    for (const [ms, count, why] of steps) {
      t.mock.timers.tick(ms);
      await settle();
      assert.equal(requests.length, count, why);
    }
    assert.deepEqual(await pending, health);
  });

  test('a GET that got no answer is retried; once the retries are spent, it is a network error', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    let calls = 0;
    const offline: typeof fetch = async () => {
      calls++;
      throw new TypeError('fetch failed');
    };
    const pending = client({ fetch: offline, retries: 1 })
      .call(endpoints.health)
      .catch((e: unknown) => e);
    await settle();
    t.mock.timers.tick(300);
    const error = await pending;
    assert.equal(calls, 2);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'network');
    assert.equal(error.code, 'network_error');
    assert.equal(error.url, `${baseUrl}/health`);
  });

  test('a write is never retried, whatever the status or Retry-After', async () => {
    const { requests, fetch } = recorder(() => problem(503, 'internal_error', { 'retry-after': '0' }));
    const error = await family(client({ fetch, tokenStore: memoryTokenStore('t') }))
      .addMember({
        role: 'contact',
        nomUsage: 'Huby',
        prenoms: 'Odette',
        lien: 'Grand-mère',
        telephone: '06 12 34 56 78',
        autoriseRecuperation: true,
        appelUrgence: true,
      })
      .catch((e: unknown) => e);
    assert.ok(isApiError(error) && error.status === 503);
    assert.deepEqual(
      requests.map((r) => r.method),
      ['POST'],
    );
  });
});

describe('SDK transport: failures', () => {
  test('an answer that never comes is a timeout after 15 s by default', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const pending = client({ fetch: hang, retries: 0 })
      .call(endpoints.health)
      .catch((e: unknown) => e);
    await settle();
    t.mock.timers.tick(15_000);
    const error = await pending;
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.code, 'timeout');
  });

  test("an error answer is an http ApiError with the server's problem, status and URL", async () => {
    const { fetch } = recorder(() => problem(409, 'conflict'));
    const error = await client({ fetch, tokenStore: memoryTokenStore('t') })
      .call(endpoints.request, { params: { requestId: 'r1' } })
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 409);
    assert.equal(error.code, 'conflict');
    assert.equal(error.problem?.code, 'conflict');
    assert.equal(error.url, `${baseUrl}/tenants/${tenant}/requests/r1`);
    assert.match(error.message, /409 conflict.*api\.test/);
  });

  test('an answer that breaks the contract is a validation error', async () => {
    const error = await client({ fetch: async () => Response.json({ status: 'ok', version: 42 }) })
      .call(endpoints.health)
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.deepEqual([error.kind, error.code, error.status], ['validation', 'invalid_response', 200]);
  });

  test('a JSON error body that is not a problem is an http ApiError with a generic code; a problem code this SDK does not know is kept', async () => {
    const answers = [
      Response.json({ message: 'Forbidden by gateway' }, { status: 403 }),
      Response.json({ code: 'newer_code', status: 409, title: 'Later' }, { status: 409 }),
    ];
    const errors = [];
    for (const answer of answers) {
      errors.push(
        await client({ fetch: async () => answer.clone(), retries: 0 })
          .call(endpoints.health)
          .catch((e: unknown) => e),
      );
    }
    const [gateway, newer] = errors;
    assert.ok(isApiError(gateway) && isApiError(newer));
    assert.deepEqual([gateway.kind, gateway.status, gateway.code, gateway.problem?.title], ['http', 403, 'forbidden', 'HTTP error']);
    assert.deepEqual([newer.kind, newer.status, newer.code, newer.problem?.title], ['http', 409, 'newer_code', 'Later']);
  });

  test("a proxy's HTML error page is still an http ApiError with a generic code", async () => {
    const { fetch } = recorder(() => new Response('<h1>Bad gateway</h1>', { status: 502, headers: { 'content-type': 'text/html' } }));
    const error = await client({ fetch, retries: 0 })
      .call(endpoints.health)
      .catch((e: unknown) => e);
    assert.ok(isApiError(error));
    assert.deepEqual([error.kind, error.status, error.code], ['http', 502, 'internal_error']);
  });
});

describe('SDK transport: the session', () => {
  test('sends the bearer token and the language with each request, but no token with a public GET (no preflight)', async () => {
    const { requests, fetch } = recorder((request) => (request.method === 'GET' ? Response.json(health) : new Response(null, { status: 204 })));
    const sdk = client({ fetch, tokenStore: memoryTokenStore('t'), locale: 'en' });
    await sdk.call(endpoints.logout);
    assert.equal(requests[0]!.headers.get('authorization'), 'Bearer t');
    assert.equal(requests[0]!.headers.get('accept-language'), 'en');
    assert.equal(requests[0]!.headers.get('accept'), 'application/json');
    await sdk.call(endpoints.health);
    assert.equal(requests[1]!.headers.get('authorization'), null);
    assert.equal(requests[1]!.headers.get('accept-language'), 'en');
  });

  test('a 401 that ends the session clears the token and calls onSessionEnd', async () => {
    for (const code of ['session_expired', 'unauthenticated'] as const) {
      const tokens = memoryTokenStore('t');
      let ended = 0;
      const { fetch } = recorder(() => problem(401, code));
      const error = await family(client({ fetch, tokenStore: tokens, onSessionEnd: () => ended++ }))
        .get()
        .catch((e: unknown) => e);
      assert.ok(isApiError(error) && error.code === code, 'the caller still gets the error');
      assert.equal(tokens.get(), undefined);
      assert.equal(ended, 1);
    }
  });

  test('a 401 for a session no longer held, or for wrong credentials, ends nothing', async () => {
    const tokens = memoryTokenStore('old');
    let ended = 0;
    const { fetch } = recorder(() => {
      tokens.set('new'); // another parent logged in while the request was on its way
      return problem(401, 'session_expired');
    });
    await family(client({ fetch, tokenStore: tokens, onSessionEnd: () => ended++ }))
      .get()
      .catch(() => undefined);
    assert.equal(tokens.get(), 'new');

    const wrong = recorder(() => problem(401, 'invalid_credentials'));
    const held = memoryTokenStore('t');
    await client({ fetch: wrong.fetch, tokenStore: held, onSessionEnd: () => ended++ })
      .auth.login({ identifiant: 'a', password: 'b' })
      .catch(() => undefined);
    assert.equal(held.get(), 't');
    assert.equal(ended, 0);
  });

  test('public GETs go without credentials even in cookie mode; the others with them', async () => {
    const { requests, fetch } = recorder(() => Response.json(health));
    const sdk = client({ fetch, auth: 'cookie' });
    await sdk.tenantConfig().catch(() => undefined);
    await sdk.call(endpoints.health);
    await family(sdk)
      .get()
      .catch(() => undefined);
    await sdk.auth.requestPasswordReset({ identifiant: 'a' }).catch(() => undefined);
    assert.deepEqual(
      requests.map((r) => r.credentials),
      ['omit', 'omit', 'include', 'include'],
    );
    requests.length = 0;
    await family(client({ fetch }))
      .get()
      .catch(() => undefined);
    assert.deepEqual(
      requests.map((r) => r.credentials),
      ['omit'],
      'the token transport never sends cookies',
    );
  });
});

describe("SDK transport: the caller's own ky options", () => {
  test('their hooks run after the SDK’s, and their options apply', async () => {
    const { requests, fetch } = recorder(() => Response.json(health));
    const seen: (string | null)[] = [];
    const answered: number[] = [];
    const sdk = client({
      fetch,
      tokenStore: memoryTokenStore('t'),
      ky: {
        headers: { 'x-tenant-app': 'portail' },
        hooks: {
          beforeRequest: [
            (request) => {
              seen.push(request.headers.get('authorization'));
              request.headers.set('x-request-id', 'r1');
            },
          ],
          afterResponse: [(_request, _options, response) => void answered.push(response.status)],
        },
      },
    });
    assert.deepEqual(await sdk.call(endpoints.health), health);
    assert.deepEqual(seen, ['Bearer t'], 'the token was set before their hook ran');
    assert.deepEqual(answered, [200]);
    assert.equal(requests[0]!.headers.get('x-request-id'), 'r1');
    assert.equal(requests[0]!.headers.get('x-tenant-app'), 'portail');
  });

  test('their beforeError hooks see ky’s errors; the caller still gets an ApiError', async () => {
    const { fetch } = recorder(() => problem(404, 'not_found'));
    const names: string[] = [];
    const sdk = client({ fetch, ky: { hooks: { beforeError: [(error) => (names.push(error.name), error)] } } });
    const error = await sdk.call(endpoints.health).catch((e: unknown) => e);
    assert.deepEqual(names, ['HTTPError']);
    assert.ok(isApiError(error) && error.code === 'not_found');
  });
});

describe('SDK transport: uploads', () => {
  test('an upload has no timeout (a large file on a slow line takes long): its signal cancels it', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const controller = new AbortController();
    let settled = false;
    const pending = documents(client({ fetch: hang }))
      .upload(new Blob(['x']), { signal: controller.signal })
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    await settle();
    t.mock.timers.tick(10 * 60_000);
    await settle();
    assert.equal(settled, false);
    controller.abort();
    assert.equal(((await pending) as DOMException).name, 'AbortError');
  });
});

describe('SDK transport: uploads in a browser', () => {
  const info: DocumentInfo = { id: 'd1', fileName: 'a.pdf', contentType: 'application/pdf', size: 8, createdAt: '2026-01-01T00:00:00Z' };
  const file = new Blob(['%PDF-1.4'], { type: 'application/pdf' });

  /** XMLHttpRequest as a browser runs it: progress, then the answer (`answers: false`: none ever comes). */
  function fakeXhr({ answers = true } = {}) {
    const sent: Xhr[] = [];
    class Xhr {
      method = '';
      url = '';
      headers = new Map<string, string>();
      withCredentials = false;
      body: unknown;
      status = 0;
      response: unknown = null;
      upload: { onprogress?: (e: ProgressEvent) => void } = {};
      onload?: () => void;
      onabort?: () => void;
      open(method: string, url: string) {
        Object.assign(this, { method, url });
      }
      setRequestHeader(name: string, value: string) {
        this.headers.set(name, value);
      }
      getResponseHeader = (name: string) => (name === 'content-type' ? 'application/json' : null);
      send(body: Blob) {
        this.body = body;
        sent.push(this);
        if (!answers) return;
        queueMicrotask(() => {
          for (const loaded of [4, 8]) this.upload.onprogress?.({ loaded, total: 8, lengthComputable: true } as ProgressEvent);
          Object.assign(this, { status: 201, response: JSON.stringify(info) });
          this.onload?.();
        });
      }
      abort() {
        this.onabort?.();
      }
    }
    return { sent, Xhr };
  }

  test('with onProgress, an upload goes through XMLHttpRequest with the session headers and reports progress', async () => {
    const { sent, Xhr } = fakeXhr();
    await withGlobals({ XMLHttpRequest: Xhr }, async () => {
      const progress: number[][] = [];
      const sdk = client({ tokenStore: memoryTokenStore('t'), locale: 'en' });
      assert.deepEqual(await documents(sdk).upload(file, { fileName: 'a.pdf', onProgress: (loaded, total) => progress.push([loaded, total]) }), info);
      assert.deepEqual(progress, [
        [4, 8],
        [8, 8],
      ]);
      const [xhr] = sent;
      assert.deepEqual([xhr!.method, xhr!.url, xhr!.body, xhr!.withCredentials], ['POST', `${baseUrl}/tenants/${tenant}/documents`, file, false]);
      assert.equal(xhr!.headers.get('authorization'), 'Bearer t');
      assert.equal(xhr!.headers.get('accept-language'), 'en');
      assert.equal(xhr!.headers.get('content-type'), 'application/pdf');
      const cookie = createClient({ baseUrl, tenant, auth: 'cookie' });
      await documents(cookie).upload(file, { onProgress: () => undefined });
      assert.equal(sent[1]!.withCredentials, true, 'the cookie goes with it in cookie mode');
    });
  });

  test('without onProgress an upload goes through fetch; a cancelled XMLHttpRequest one rejects with the AbortError', async () => {
    const { sent, Xhr } = fakeXhr({ answers: false });
    const { requests, fetch } = recorder(() => Response.json(info, { status: 201 }));
    await withGlobals({ XMLHttpRequest: Xhr, fetch }, async () => {
      const sdk = client({});
      assert.deepEqual(await documents(sdk).upload(file), info);
      assert.equal(requests.length, 1);
      assert.equal(sent.length, 0);
      const controller = new AbortController();
      const pending = documents(sdk)
        .upload(file, { onProgress: () => undefined, signal: controller.signal })
        .catch((e: unknown) => e);
      await settle();
      assert.equal(sent.length, 1);
      controller.abort();
      const error = await pending;
      assert.ok(!isApiError(error));
      assert.equal((error as DOMException).name, 'AbortError');
    });
  });
});
