import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import type { Problem, Session } from '@famille/contract';
import { launchChromium, logInOnPage, startDemo, type Demo } from './harness.ts';

let demo: Demo;
let browser: Browser;

before(async () => {
  // Both at once; whichever fails, the other is kept for `after` to stop (a Chromium left
  // running would keep this file from ever ending).
  const [started, launched] = await Promise.allSettled([startDemo(), launchChromium()]);
  if (started.status === 'fulfilled') demo = started.value;
  if (launched.status === 'fulfilled') browser = launched.value;
  for (const result of [started, launched]) if (result.status === 'rejected') throw result.reason;
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** The server's answer to a session whose logout is done: 401 `unauthenticated` (the session no longer exists). */
async function assertSessionGone(response: Response): Promise<void> {
  assert.equal(response.status, 401);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(response.headers.get('www-authenticate'), 'Bearer');
  const problem = (await response.json()) as Problem;
  assert.equal(problem.code, 'unauthenticated');
  assert.equal(problem.status, 401);
}

async function logOut(page: Page): Promise<void> {
  await page.click('famille-login ::-p-text(Se déconnecter)');
  await page.waitForSelector('famille-login input[autocomplete="username"]', { timeout: 15_000 });
}

describe('demo page against the real Node server', () => {
  test('page and API on different sites: logs in with a bearer token, and logout ends the session on the server', async () => {
    const page = await browser.newPage();
    // The token never reaches a cookie: read it off the login answer.
    let token: string | undefined;
    page.on('response', (response) => {
      // The CORS preflight answers the same URL: only the POST carries the token.
      if (response.url().endsWith('/auth/login') && response.request().method() === 'POST' && response.ok()) {
        void response.json().then((body: { token: string }) => (token = body.token));
      }
    });
    // 127.0.0.1 (page) and localhost (API) are different sites: cookies would be third-party.
    await page.goto(`http://127.0.0.1:${demo.demoPort}/`);
    await logInOnPage(page);
    assert.match(await page.$eval('famille-login', (el) => el.textContent ?? ''), /Camille/);
    assert.equal((await page.cookies(demo.api)).length, 0, 'no cookie is set in token mode');

    const sessionUrl = `${demo.api}/tenants/vienne-condrieu/auth/session`;
    assert.ok(token, 'the login answer carried a bearer token');
    const authorization = `Bearer ${token}`;
    // The same token works from outside the browser until logout...
    assert.equal((await fetch(sessionUrl, { headers: { authorization } })).status, 200);
    await logOut(page);
    // ...and is refused by the server afterwards.
    await assertSessionGone(await fetch(sessionUrl, { headers: { authorization } }));
    assert.equal(
      await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('famille-session:')).length),
      0,
      'the page forgot the token',
    );
    await page.close();
  });

  test('page and API on the same site: logs in with an HttpOnly cookie, and logout ends the session on the server', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);
    const cookies = await page.cookies(`${demo.api}/tenants/vienne-condrieu/auth/session`);
    const session = cookies.find((cookie) => cookie.httpOnly);
    assert.ok(session, 'an HttpOnly session cookie is set');
    assert.equal(await page.evaluate(() => document.cookie.includes('session')), false, 'the page script cannot read it');

    const sessionUrl = `${demo.api}/tenants/vienne-condrieu/auth/session`;
    const cookie = `${session.name}=${session.value}`;
    assert.equal((await fetch(sessionUrl, { headers: { cookie } })).status, 200);
    await logOut(page);
    await assertSessionGone(await fetch(sessionUrl, { headers: { cookie } }));
    assert.equal(
      (await page.cookies(sessionUrl)).some((c) => c.name === session.name),
      false,
      'the browser dropped the cookie',
    );
    await context.close();
  });

  test('the demo page reloaded after login still shows the parent as logged in (session restored)', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);
    // What the reloaded page asks the server about its session, and what it is told.
    const sessionAnswers: Promise<{ status: number; identifiant?: string }>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('/auth/session') && response.request().method() === 'GET') {
        sessionAnswers.push(
          response.json().then(
            (body: Partial<Session>) => ({ status: response.status(), identifiant: body.account?.identifiant }),
            () => ({ status: response.status() }),
          ),
        );
      }
    });
    await page.reload();
    const greeting = await page.waitForSelector('famille-login [part=heading]', { timeout: 15_000 });
    assert.equal(await greeting!.evaluate((el) => el.textContent?.trim()), 'Bonjour Camille Martin', 'the greeting names the demo parent');
    assert.equal(await page.$('famille-login form'), null, 'no login form');
    assert.equal(await page.$('famille-login input[autocomplete="current-password"]'), null, 'no password input');
    assert.ok(await page.$('famille-login ::-p-text(Se déconnecter)'), 'offers "Se déconnecter"');
    // The session came from the server, through the cookie, not from anything the page kept.
    assert.deepEqual(
      await Promise.all(sessionAnswers),
      [{ status: 200, identifiant: 'parent.demo' }],
      'one session request after the reload, answered 200 for the demo parent',
    );
    assert.equal(
      await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('famille-session:')).length),
      0,
      'no token kept in the page (cookie mode)',
    );
    await context.close();
  });
});
