// The kit as a town uses it: a page on the town's own server (another origin than the
// API) holds one <script type="module" src="<API origin>/famille.js"> and the tags, and
// nothing else. Against the real demo server (which serves the kit) in Chromium:
// - a parent logs in, pays an invoice with the demo card, comes back, reloads, and is
//   still logged in — on the API's site (cookie session) and on another site (token);
// - the loader and chunks arrive compressed, with CORS and their cache headers, and no
//   element's chunk is fetched for a tag the page does not hold;
// - cookie or token is chosen by the browser's own public suffix list (co.uk hosts);
// - a wrong tenant, a page origin the tenant does not allow, an unreachable API, an `api`
//   that is not ours and a server of another API version each show the parent a message
//   at once, tell the web team the cause in the console, and fire `famille-error`.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Browser, HTTPResponse, Page } from 'puppeteer-core';
import { freePort, launchChromium, logInOnPage, startDemo, startHostPage, type Demo } from './harness.ts';
import type { KitManifest } from '../../scripts/kit-output.ts';

const tenant = 'vienne-condrieu';
/** The page's host → the API's host: same registrable domain for the first two pairs' cookie cases. */
const apiHostFor: Record<string, string> = {
  localhost: 'localhost',
  '127.0.0.1': 'localhost',
  'www.ville-test.co.uk': 'famille.ville-test.co.uk',
  // Same last two labels, different sites: co.uk is a public suffix.
  'mairie-a.co.uk': 'famille.co.uk',
  '127.0.0.2': 'localhost',
};

interface Captured {
  url: string;
  status: number;
  headers: Record<string, string>;
}

describe('a town page on another origin loading the kit from the API server', () => {
  let demo: Demo;
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHostPage>>;
  let manifest: KitManifest;
  /** Per page variant: the tags and attributes the town writes. */
  const bodies = new Map<string, (api: string) => string>();

  before(async () => {
    // The town's page: its body depends on the path's query (?page=…), its API on the host name.
    const hostPort = await freePort();
    host = await startHostPage((hostHeader, url) => {
      const [name] = hostHeader.split(':');
      const apiOrigin = `http://${apiHostFor[name!] ?? 'localhost'}:${demo.apiPort}`;
      const body = bodies.get(new URL(url, 'http://x').searchParams.get('page') ?? 'invoices') ?? (() => '');
      return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Ville de test — Espace Famille</title>
<script type="module" src="${apiOrigin}/famille.js"></script></head>
<body><main><h1>Espace Famille</h1>${body(`${apiOrigin}/api`)}</main></body></html>`;
    }, hostPort);
    const origins = Object.keys(apiHostFor)
      .filter((name) => name !== '127.0.0.2')
      .map((name) => `http://${name}:${hostPort}`);
    [demo, browser] = await Promise.all([
      startDemo({ ALLOWED_ORIGINS: origins.join(','), DEMO_INVOICES: '1' }),
      launchChromium(['--host-resolver-rules=MAP *.co.uk 127.0.0.1']),
    ]);
    manifest = JSON.parse(readFileSync('packages/elements/dist/cdn/kit-manifest.json', 'utf8')) as KitManifest;
    bodies.set(
      'invoices',
      (api) => `<famille-portal api="${api}" tenant="${tenant}"><famille-login></famille-login><famille-invoices></famille-invoices></famille-portal>`,
    );
    bodies.set('login', (api) => `<famille-portal api="${api}" tenant="${tenant}"><famille-login></famille-login></famille-portal>`);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
    await host?.close();
  });

  const pageUrl = (name: string, page = 'invoices') => `http://${name}:${host.port}/?page=${page}`;

  async function newPage(): Promise<Page> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __errors: unknown[] };
      w.__errors = [];
      document.addEventListener('famille-error', (event) => w.__errors.push((event as CustomEvent).detail));
    });
    return page;
  }

  /**
   * The message shows at once; the console line and `famille-error` follow once the
   * web team's diagnosis (a chunk of its own) has loaded.
   */
  async function errorReported(page: Page): Promise<void> {
    await page.waitForFunction(() => (window as unknown as { __errors: unknown[] }).__errors.length > 0, { timeout: 20_000, polling: 50 });
  }

  /** The kit's files the page fetched from the API server, with their headers. */
  function captureKit(page: Page): Captured[] {
    const captured: Captured[] = [];
    page.on('response', (response: HTTPResponse) => {
      const url = new URL(response.url());
      if (url.port === String(demo.apiPort) && (url.pathname === '/famille.js' || url.pathname.startsWith('/kit/'))) {
        captured.push({ url: url.pathname.slice(1), status: response.status(), headers: response.headers() });
      }
    });
    return captured;
  }

  /** The transport the SDK chose, read from the login request's body. */
  function loginTransport(page: Page): Promise<string> {
    return new Promise((resolve) => {
      page.on('request', (request) => {
        if (request.url().endsWith(`/tenants/${tenant}/auth/login`) && request.method() === 'POST') {
          // fetch() sends the body as a stream: DevTools hands it over on request.
          void request.fetchPostData().then((body) => resolve((JSON.parse(body ?? '{}') as { transport: string }).transport));
        }
      });
    });
  }

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '');

  for (const [mode, name] of [
    ['cookie', 'localhost'],
    ['token', '127.0.0.1'],
  ] as const) {
    test(`${mode} session (page on ${name}): logs in, pays an invoice, comes back, reloads and is still logged in`, async () => {
      const page = await newPage();
      const kit = captureKit(page);
      const transport = loginTransport(page);
      // The family's invoice lists as they came over the wire.
      const lists: Record<string, string>[] = [];
      page.on('response', (response) => {
        if (response.request().method() === 'GET' && new URL(response.url()).pathname.endsWith(`/tenants/${tenant}/invoices`)) lists.push(response.headers());
      });
      await page.goto(pageUrl(name));
      await logInOnPage(page);
      assert.equal(await transport, mode);

      // One payable invoice, paid with the demo card that pays.
      const box = 'famille-invoices tbody input[type=checkbox]';
      await page.waitForSelector(box, { timeout: 20_000 });
      const number = await page.$eval(box, (el) => el.closest('tr')!.querySelector('th')!.textContent.trim());
      await page.click(box);
      await Promise.all([page.waitForNavigation({ timeout: 20_000 }), page.click('famille-invoices [part=totals] button ::-p-text(Payer)')]);
      assert.ok(page.url().startsWith(`${demo.api}/payment-providers/${tenant}/demo/page/`), page.url());
      await page.click('label ::-p-text(4000 0000 0000 0002)');
      await Promise.all([page.waitForNavigation({ timeout: 20_000 }), page.click('button[value="pay"]')]);
      assert.equal(new URL(page.url()).origin, `http://${name}:${host.port}`, 'back on the town page');
      await page.waitForSelector('famille-invoices ::-p-text(Paiement accepté)', { timeout: 20_000 });

      // Reload: the session is still there, and so is the paid invoice.
      await page.reload();
      await page.waitForSelector('famille-login ::-p-text(Se déconnecter)', { timeout: 20_000 });
      await page.waitForFunction(
        (n) =>
          [...document.querySelectorAll('famille-invoices tbody tr')].some(
            (tr) => tr.querySelector('th')?.textContent?.trim() === n && tr.textContent.includes('Réglée'),
          ),
        { timeout: 20_000 },
        number,
      );

      // JSON of 1 KB and more arrives gzip'd, and the page reads it.
      assert.ok(lists.length > 0, 'the invoice list was fetched');
      for (const headers of lists) assert.equal(headers['content-encoding'], 'gzip', 'the invoice list arrives gzip’d');

      // What the first load fetched from the API server: the loader and the chunks of these tags only.
      const first = kit.filter((c, i) => kit.findIndex((o) => o.url === c.url) === i);
      const loader = first.find((c) => c.url === 'famille.js');
      assert.ok(loader, 'the loader was fetched');
      const tagsFiles = ['famille-portal', 'famille-login', 'famille-invoices'].flatMap((tag) => manifest.elements[tag]!);
      // …and what those chunks fetch the first time it is needed (paying: the invoices' flows).
      const allowed = new Set(['famille.js', ...tagsFiles, ...tagsFiles.flatMap((file) => manifest.onDemand[file] ?? [])]);
      for (const file of first) assert.ok(allowed.has(file.url), `${file.url} belongs to a tag on the page`);
      for (const tag of ['famille-create-account', 'famille-entourage', 'famille-preregistration']) {
        assert.ok(!first.some((c) => c.url === manifest.elements[tag]![0]), `no chunk of <${tag}>, absent from the page`);
      }
      for (const tag of ['famille-portal', 'famille-login', 'famille-invoices']) {
        assert.ok(
          first.some((c) => c.url === manifest.elements[tag]![0]),
          `the chunk of <${tag}> was fetched`,
        );
      }
      for (const file of first) {
        assert.equal(file.status, 200, file.url);
        assert.match(file.headers['content-type'] ?? '', /^text\/javascript/, file.url);
        assert.equal(file.headers['access-control-allow-origin'], '*', file.url);
        assert.equal(file.headers['content-encoding'], 'br', `${file.url} arrives brotli-compressed`);
      }
      assert.match(loader.headers['cache-control'] ?? '', /max-age=\d{1,4}\b/, 'the loader: a short max-age');
      assert.doesNotMatch(loader.headers['cache-control'] ?? '', /immutable/);
      for (const chunk of first.filter((c) => c !== loader))
        assert.match(chunk.headers['cache-control'] ?? '', /max-age=31536000.*immutable|immutable.*max-age=31536000/, chunk.url);
      await page.browserContext().close();
    });
  }

  test('the portal comes with the runtime; an element whose chunk arrives last still gets the session', async () => {
    // No file of its own: every element's chunk needs the runtime, so the portal is always
    // defined before them (see test/browser/portal-defined-last.test.ts for npm bundles).
    assert.deepEqual(manifest.elements['famille-portal'], manifest.elements['famille-login']!.slice(1));
    const page = await newPage();
    await page.goto(pageUrl('localhost'));
    await logInOnPage(page);
    // Reload with the invoices' own chunk held back: the portal and the login are there long before.
    const invoicesChunk = manifest.elements['famille-invoices']![0]!;
    // Without the HTTP cache: a cached chunk would bypass the interception.
    await page.setCacheEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.url().endsWith(invoicesChunk)) setTimeout(() => void request.continue(), 1500);
      else void request.continue();
    });
    await page.reload();
    await page.waitForSelector('famille-login ::-p-text(Se déconnecter)', { timeout: 20_000 });
    await page.waitForSelector('famille-invoices tbody tr', { timeout: 20_000 });
    await page.browserContext().close();
  });

  test('the first element on screen comes first: the invoices’ chunk is asked for only once the login’s has arrived', async () => {
    // Tags not yet defined have no height: both are "on screen", and the login comes first
    // in the page. On a slow line it then does not share the bandwidth with the invoices.
    const loginChunk = manifest.elements['famille-login']![0]!;
    const invoicesChunk = manifest.elements['famille-invoices']![0]!;
    const page = await newPage();
    await page.setCacheEnabled(false);
    const events: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith(invoicesChunk)) events.push('invoices asked');
      if (request.url().endsWith(loginChunk)) events.push('login asked');
    });
    page.on('requestfinished', (request) => {
      if (request.url().endsWith(loginChunk)) events.push('login arrived');
    });
    await page.goto(pageUrl('localhost'));
    await page.waitForSelector('famille-invoices [part~=heading]', { timeout: 20_000 });
    assert.deepEqual(events, ['login asked', 'login arrived', 'invoices asked']);
    await page.browserContext().close();
  });

  for (const [mode, name] of [
    ['cookie', 'localhost'],
    ['token', '127.0.0.1'],
  ] as const) {
    test(`${mode} session: the configuration and the session are asked for beside the chunks, once each, and used`, async () => {
      const page = await newPage();
      await page.goto(pageUrl(name, 'login'));
      await logInOnPage(page);
      await page.setCacheEnabled(false);
      const runtime = manifest.elements['famille-portal']![0]!;
      const events: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.endsWith(`/tenants/${tenant}/config`)) events.push(`config asked (${request.headers().authorization ? 'bearer' : 'no bearer'})`);
        if (url.endsWith(`/tenants/${tenant}/auth/session`) && request.method() === 'GET')
          events.push(`session asked (${request.headers().authorization ? 'bearer' : 'no bearer'})`);
      });
      page.on('requestfinished', (request) => {
        if (request.url().endsWith(runtime)) events.push('runtime arrived');
      });
      await page.reload();
      await page.waitForSelector('famille-login ::-p-text(Se déconnecter)', { timeout: 20_000 });
      const bearer = mode === 'token' ? 'bearer' : 'no bearer';
      // Sent by the loader, before the runtime (and the SDK in it) is even here; the SDK takes those answers.
      assert.deepEqual(events, ['config asked (no bearer)', `session asked (${bearer})`, 'runtime arrived']);
      await page.browserContext().close();
    });
  }

  test('chooses cookie or token by the browser’s public suffix list: same site under ville-test.co.uk, different sites under co.uk', async () => {
    for (const [name, expected] of [
      ['www.ville-test.co.uk', 'cookie'],
      ['mairie-a.co.uk', 'token'],
    ] as const) {
      const page = await newPage();
      const transport = loginTransport(page);
      await page.goto(pageUrl(name, 'login'));
      const input = 'famille-login input[autocomplete="username"]';
      await page.waitForSelector(input, { timeout: 20_000 });
      await page.type(input, 'parent.demo');
      await page.type('famille-login input[autocomplete="current-password"]', 'not-the-password');
      await page.keyboard.press('Enter');
      assert.equal(await transport, expected, `${name} → ${apiHostFor[name]}`);
      await page.browserContext().close();
    }
  });

  describe('configuration errors, shown at load', () => {
    let fakeApi: { port: number; close(): Promise<void> };
    before(async () => {
      // An API of another version: answers the configuration, with an older version header.
      const port = await freePort();
      const server = createServer((_request, response) => {
        response
          .writeHead(200, {
            'Content-Type': 'application/json',
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Expose-Headers': 'Famille-Api-Version',
            'Famille-Api-Version': '0.9',
          })
          .end('{}');
      });
      await new Promise<void>((resolve) => server.listen(port, resolve));
      fakeApi = { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
      const closedPort = await freePort();
      bodies.set('unknown-tenant', (api) => `<famille-portal api="${api}" tenant="nulle-part"><famille-login></famille-login></famille-portal>`);
      bodies.set(
        'unreachable',
        () => `<famille-portal api="http://localhost:${closedPort}/api" tenant="${tenant}"><famille-login></famille-login></famille-portal>`,
      );
      // The most common slip: the server's address without its API path.
      bodies.set(
        'not-ours',
        () => `<famille-portal api="http://localhost:${demo.apiPort}" tenant="${tenant}"><famille-login></famille-login></famille-portal>`,
      );
      bodies.set(
        'old-server',
        () => `<famille-portal api="http://localhost:${fakeApi.port}/api" tenant="${tenant}"><famille-login></famille-login></famille-portal>`,
      );
      bodies.set('alone-unknown-tenant', (api) => `<famille-login api="${api}" tenant="nulle-part"></famille-login>`);
      // No URL at all: the loader, which sends the first requests ahead, must not stop there.
      bodies.set('no-url', () => `<famille-portal api="http://" tenant="${tenant}"></famille-portal><famille-login></famille-login>`);
    });
    after(() => fakeApi?.close());

    const cases = [
      { page: 'unknown-tenant', host: 'localhost', code: 'tenant_not_found', cause: /no tenant "nulle-part"/, message: /n’est pas disponible sur cette page/ },
      // 127.0.0.2 is not among the tenant's allowed origins.
      {
        page: 'login',
        host: '127.0.0.2',
        code: 'origin_not_allowed',
        cause: /origin http:\/\/127\.0\.0\.2:\d+ is not among the allowed origins/,
        message: /n’est pas disponible sur cette page/,
      },
      { page: 'unreachable', host: 'localhost', code: 'network_error', cause: /could not be reached/, message: /ne répond pas pour le moment/ },
      { page: 'not-ours', host: 'localhost', code: 'not_famille_api', cause: /is not an Espace Famille API/, message: /n’est pas disponible sur cette page/ },
      {
        page: 'old-server',
        host: 'localhost',
        code: 'version_mismatch',
        cause: /speaks API version 1\.\d+, the server .* answers 0\.9/,
        message: /n’est pas disponible sur cette page/,
      },
    ];
    for (const c of cases) {
      test(`${c.code}: the parent reads a calm message at once, the console names the cause, famille-error carries the code`, async () => {
        const page = await newPage();
        const errors: string[] = [];
        page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
        await page.goto(pageUrl(c.host, c.page));
        // Polled: a mutation inside the portal's shadow root is not one of the document's.
        const message = await page.waitForFunction(() => document.querySelector('famille-portal')?.shadowRoot?.querySelector('[part=alert]')?.textContent, {
          timeout: 20_000,
          polling: 100,
        });
        assert.match(String(await message.jsonValue()), c.message);
        assert.equal(await page.$eval('famille-login', (el) => el.checkVisibility()), false, 'no login form that could only fail');
        await errorReported(page);
        assert.ok(
          errors.some((line) => c.cause.test(line)),
          `console: ${errors.join(' | ')}`,
        );
        const events = await page.evaluate(() => (window as unknown as { __errors: { code: string }[] }).__errors);
        assert.deepEqual(
          events.map((e) => e.code),
          [c.code],
        );
        await page.browserContext().close();
      });
    }

    test('an api attribute that is no URL stops neither the loader nor the other tags, and is reported like an API out of reach', async () => {
      const page = await newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      page.on('pageerror', (error) => errors.push(`uncaught: ${String(error)}`));
      await page.goto(pageUrl('localhost', 'no-url'));
      await page.waitForFunction(() => customElements.get('famille-portal') && customElements.get('famille-login'), { timeout: 20_000 });
      const message = await page.waitForFunction(() => document.querySelector('famille-portal')?.shadowRoot?.querySelector('[part=alert]')?.textContent, {
        timeout: 20_000,
        polling: 100,
      });
      assert.match(String(await message.jsonValue()), /ne répond pas pour le moment/);
      await errorReported(page);
      const events = await page.evaluate(() => (window as unknown as { __errors: { code: string }[] }).__errors);
      assert.deepEqual(
        events.map((e) => e.code),
        ['network_error'],
      );
      assert.ok(
        errors.some((line) => /the API at http:\/\/ could not be reached.*Check the api attribute/.test(line)),
        `console: ${errors.join(' | ')}`,
      );
      assert.deepEqual(
        errors.filter((line) => line.startsWith('uncaught')),
        [],
      );
      await page.browserContext().close();
    });

    test('an element on its own (no portal) shows the message in place of its form', async () => {
      const page = await newPage();
      await page.goto(pageUrl('localhost', 'alone-unknown-tenant'));
      await page.waitForSelector('famille-login [part=alert]', { timeout: 20_000 });
      assert.match(await text(page, 'famille-login [part=alert]'), /n’est pas disponible sur cette page/);
      assert.equal(await page.$('famille-login form'), null);
      await errorReported(page);
      const events = await page.evaluate(() => (window as unknown as { __errors: { code: string }[] }).__errors);
      assert.deepEqual(
        events.map((e) => e.code),
        ['tenant_not_found'],
      );
      await page.browserContext().close();
    });
  });
});
