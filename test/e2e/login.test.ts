import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { launchChromium, logInOnPage, startDemo, type Demo } from './harness.ts';

let demo: Demo;
let browser: Browser;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});


async function logOut(page: Page): Promise<void> {
  await page.click('famille-login ::-p-text(Se déconnecter)');
  await page.waitForSelector('famille-login input[autocomplete="username"]', { timeout: 15_000 });
}

describe('demo page against the real Node server', () => {
  test('page and API on different sites: logs in with a bearer token, and logout ends the session on the server', async () => {
    const page = await browser.newPage();
    // The token only ever lives in the page's memory: read it off the login answer.
    let token: string | undefined;
    page.on('response', async (response) => {
      // The CORS preflight answers the same URL: only the POST carries the token.
      if (response.url().endsWith('/auth/login') && response.request().method() === 'POST' && response.ok()) {
        token = (await response.json()).token;
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
    const afterLogout = await fetch(sessionUrl, { headers: { authorization } });
    assert.equal(afterLogout.status, 401);
    assert.equal((await afterLogout.json()).code.length > 0, true);
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
    assert.equal((await fetch(sessionUrl, { headers: { cookie } })).status, 401);
    await context.close();
  });

  test('the demo page reloaded after login still shows the parent as logged in (session restored)', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);
    await page.reload();
    await page.waitForSelector('famille-login ::-p-text(Se déconnecter)', { timeout: 15_000 });
    await context.close();
  });
});
