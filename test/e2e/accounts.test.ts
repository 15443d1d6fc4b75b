// Accounts end to end, on the demo page against the real Node server: create an account,
// activate it from the e-mail's link (read from the development outbox), log in; forget
// the password, reset it from the e-mail's link, log in with the new one.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import type { Problem } from '@famille/contract';
import { launchChromium, logInOnPage, startDemo, type Demo } from './harness.ts';

let demo: Demo;
let browser: Browser;
/** The tenant's API base URL, for calls whose status a test checks. */
const tenantUrl = () => `${demo.api}/tenants/vienne-condrieu`;

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** The link of the newest e-mail sent to `to` whose link carries `fragment`. */
async function linkFromOutbox(to: string, fragment: string): Promise<string> {
  const response = await fetch(`${tenantUrl()}/dev/outbox`);
  assert.equal(response.status, 200);
  const { messages } = (await response.json()) as { messages: { to: string; text: string }[] };
  for (const message of messages) {
    if (message.to !== to) continue;
    const link = new RegExp(`https?://\\S+#${fragment}=[A-Za-z0-9_-]+`).exec(message.text)?.[0];
    if (link) return link;
  }
  throw new Error(`no e-mail to ${to} with #${fragment}`);
}

/**
 * Resolves with the detail of `type` once it fires on the page. The listener is installed
 * now and on every document the page loads next (for events fired at load).
 */
async function armEvent(page: Page, type: string): Promise<() => Promise<unknown>> {
  const key = `__event_${type.replaceAll('-', '_')}`;
  const listen = (type: string, key: string) => {
    document.addEventListener(type, (event) => ((window as unknown as Record<string, unknown>)[key] = (event as CustomEvent<unknown>).detail ?? true));
  };
  await page.evaluateOnNewDocument(listen, type, key);
  await page.evaluate(listen, type, key);
  return async () => {
    await page.waitForFunction((key) => key in window, { timeout: 20_000 }, key);
    return page.evaluate((key) => (window as unknown as Record<string, unknown>)[key], key);
  };
}

async function clickText(page: Page, scope: string, text: string): Promise<void> {
  await page.click(`${scope} ::-p-text(${text})`);
}

describe('accounts on the demo page against the real Node server', () => {
  test('creates an account, activates it from the e-mail link, and logs in', async () => {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    const scope = 'famille-create-account';
    await page.waitForSelector(`${scope} [name="acceptCgu"]`);
    const created = await armEvent(page, 'famille-account-created');

    const type = (name: string, value: string) => page.type(`${scope} [name="${name}"]`, value);
    await page.click(`${scope} [name="acceptCgu"]`);
    await clickText(page, scope, 'Continuer');
    await page.waitForSelector(`${scope} [name="identity.nomUsage"]`);
    await clickText(page, scope, 'Madame');
    await type('identity.nomUsage', 'Durand');
    await type('identity.prenoms', 'Léa');
    await type('identity.dateNaissance', '14/07/1990');
    await clickText(page, scope, 'Continuer');
    await page.waitForSelector(`${scope} [name="address.codePostal"]`);
    await type('address.numero', '12');
    await type('address.voie', 'rue des Lilas');
    await type('address.codePostal', '38200');
    await type('address.commune', 'Vienne');
    await clickText(page, scope, 'Continuer');
    await page.waitForSelector(`${scope} [name="contacts.email"]`);
    await type('contacts.email', 'lea.durand@example.fr');
    await clickText(page, scope, 'Continuer');
    await page.waitForSelector(`${scope} [name="credentials.identifiant"]`);
    await type('credentials.identifiant', 'lea.durand');
    await type('credentials.password', 'Lilas-en-fleur-2026');
    await clickText(page, scope, 'Continuer');
    // Check your answers, then create.
    await page.waitForSelector(`${scope} ::-p-text(Modifier)`);
    assert.match(await page.$eval(scope, (el) => el.textContent ?? ''), /lea\.durand@example\.fr/);
    await page.click(`${scope} button[type="submit"]`);
    assert.deepEqual(await created(), { email: 'lea.durand@example.fr' });
    await page.waitForSelector(`${scope} ::-p-text(Consultez votre messagerie)`);

    const link = await linkFromOutbox('lea.durand@example.fr', 'famille-activation');
    assert.ok(link.startsWith(`http://localhost:${demo.demoPort}/#famille-activation=`), 'the link leads to the town page, token in the fragment');
    // Not yet active: the right password is answered "account not activated".
    const early = await fetch(`${tenantUrl()}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifiant: 'lea.durand', password: 'Lilas-en-fleur-2026', transport: 'token' }),
    });
    assert.equal(((await early.json()) as Problem).code, 'account_not_activated');

    const activationPage = await context.newPage();
    const activated = await armEvent(activationPage, 'famille-account-activated');
    await activationPage.goto(link);
    assert.deepEqual(await activated(), { identifiant: 'lea.durand' });
    await activationPage.waitForSelector(`${scope} ::-p-text(Votre compte est activé)`);
    assert.equal(new URL(activationPage.url()).hash, '', 'the token is removed from the address bar');

    await logInOnPage(activationPage, 'lea.durand', 'Lilas-en-fleur-2026');
    assert.match(await activationPage.$eval('famille-login', (el) => el.textContent ?? ''), /Léa/);
    await context.close();
  });

  test('forgets the password, resets it from the e-mail link, logs in with the new one; the old session is gone', async () => {
    // An active account of its own, made through the API.
    const email = 'noe.petit@example.fr';
    const register = await fetch(`${tenantUrl()}/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        acceptCgu: true,
        identity: { civilite: 'monsieur', nomUsage: 'Petit', prenoms: 'Noé' },
        address: {},
        contacts: { email },
        credentials: { identifiant: 'noe.petit', password: 'Ancien-Secret-2026' },
      }),
    });
    assert.equal(register.status, 202);
    const token = new URL(await linkFromOutbox(email, 'famille-activation')).hash.split('=')[1];
    assert.equal(
      (
        await fetch(`${tenantUrl()}/accounts/activation`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token }),
        })
      ).status,
      200,
    );

    // A first browser logs in (cookie session, same site).
    const first = await browser.createBrowserContext();
    const firstPage = await first.newPage();
    await firstPage.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(firstPage, 'noe.petit', 'Ancien-Secret-2026');
    const sessionUrl = `${tenantUrl()}/auth/session`;
    const cookie = (await firstPage.cookies(sessionUrl)).find((c) => c.httpOnly)!;
    const oldSession = { cookie: `${cookie.name}=${cookie.value}` };
    assert.equal((await fetch(sessionUrl, { headers: oldSession })).status, 200);

    // Another browser: "J'ai oublié mon mot de passe".
    const second = await browser.createBrowserContext();
    const page = await second.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await page.waitForSelector('famille-login input[autocomplete="username"]');
    await clickText(page, 'famille-login', 'oublié mon mot de passe');
    await page.waitForSelector('famille-login ::-p-text(Mot de passe oublié)');
    await page.type('famille-login input[name="identifiant"]', email);
    await page.keyboard.press('Enter');
    await page.waitForSelector('famille-login ::-p-text(Si un compte correspond)', { timeout: 20_000 });

    const link = await linkFromOutbox(email, 'famille-reset');
    const resetPage = await second.newPage();
    await resetPage.goto(link);
    await resetPage.waitForSelector('famille-login ::-p-text(Choisir un nouveau mot de passe)');
    assert.equal(new URL(resetPage.url()).hash, '', 'the token is removed from the address bar');
    await resetPage.type('famille-login input[autocomplete="new-password"]', 'Nouveau-Secret-2026');
    await resetPage.keyboard.press('Enter');
    await resetPage.waitForSelector('famille-login ::-p-text(Votre mot de passe a été modifié)', { timeout: 20_000 });
    await logInOnPage(resetPage, 'noe.petit', 'Nouveau-Secret-2026');

    // The session opened before the reset is gone, and the old password no longer works.
    assert.equal((await fetch(sessionUrl, { headers: oldSession })).status, 401);
    const withOld = await fetch(`${tenantUrl()}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifiant: 'noe.petit', password: 'Ancien-Secret-2026', transport: 'token' }),
    });
    assert.equal(withOld.status, 401);
    await first.close();
    await second.close();
  });
});
