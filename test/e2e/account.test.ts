// "Mon compte" end to end, against the real Node server, on the demo page (a town page on
// its own origin, with the kit's one script tag from the API's): the demo parent changes a
// phone number and the address (saved, the agent sees the change), changes e-mail (it takes
// effect only once the outbox's link is opened, on the same page), and changes the password
// (another session ended, the old password refused, the new one accepted).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import type { AccountChangeList, AccountDetails, Outbox } from '@famille/contract';
import { agentToken, launchChromium, logInOnPage, parentToken, startDemo, tenantApi, type Demo } from './harness.ts';

const tenant = 'vienne-condrieu';
let demo: Demo;
let browser: Browser;
const api = tenantApi(() => demo);
const scope = 'famille-account';

before(async () => {
  // The demo page (its own origin, the kit from the API's): the e-mails' links lead back to
  // it (the tenant's account page), where <famille-account> opens them.
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Replaces the value of the input labelled `label` in the form `form` as a parent types it. */
async function retype(page: Page, form: string, label: string, value: string): Promise<void> {
  const id = await page.$eval(`${scope} [data-form=${form}] label ::-p-text(${label})`, (el) => (el as HTMLLabelElement).htmlFor);
  await page.click(`#${id}`, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(`#${id}`, value);
}

async function submit(page: Page, form: string): Promise<void> {
  await page.click(`${scope} [data-form=${form}] button[type=submit]`);
  await page.waitForSelector(`${scope} [data-form=${form}] :is([part~="notice"], [part~="alert"], [part~="error-summary"])`, { timeout: 20_000 });
}

describe('Mon compte on the demo page against the real Node server', () => {
  test('phone and address saved and seen by the agent; a new e-mail only once its link is opened; a new password ends the other session', async () => {
    const other = await parentToken(api);
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);
    await page.waitForSelector(`${scope} [part~="last-login"]`, { timeout: 20_000 });

    // Coordonnées: saved at once, and the agent's list has the change.
    await retype(page, 'contact', 'Téléphone mobile', '06 99 88 77 66');
    await retype(page, 'contact', 'Voie (rue, avenue…)', 'place du Marché');
    await submit(page, 'contact');
    await page.waitForSelector(`${scope} [data-form=contact] [part~="notice"]`);
    const agent = await agentToken(api);
    const { changes } = await api<AccountChangeList>('/agent/account-changes', { token: agent });
    assert.equal(changes[0]?.after['mobile'], '06 99 88 77 66');
    assert.equal((changes[0]?.after['address'] as { voie: string }).voie, 'place du Marché');

    // E-mail: the link goes to the new address; nothing changes until it is opened.
    await retype(page, 'email', 'Nouvelle adresse e-mail', 'nouvelle.adresse@example.fr');
    await retype(page, 'email', 'Mot de passe actuel', 'Famille-Demo-2026');
    await submit(page, 'email');
    const before = await api<AccountDetails>('/account', { token: other });
    assert.equal(before.pendingEmail, 'nouvelle.adresse@example.fr');
    assert.notEqual(before.email, 'nouvelle.adresse@example.fr');
    const outbox = await api<Outbox>('/dev/outbox');
    const link = /https?:\/\/\S+#famille-email=[A-Za-z0-9_-]+/.exec(outbox.messages.find((m) => m.to === 'nouvelle.adresse@example.fr')!.text)![0];
    assert.ok(
      outbox.messages.some((m) => m.to === before.email && /nouvelle\.adresse@example\.fr/.test(m.text)),
      'the old address is told',
    );
    // A new document (a hash change alone would not reload the page), as a click in the e-mail opens it.
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForSelector(`${scope} [part~="notice"] ::-p-text(nouvelle.adresse@example.fr)`, { timeout: 20_000 });
    assert.equal((await api<AccountDetails>('/account', { token: other })).email, 'nouvelle.adresse@example.fr');

    // Password: this session stays, the other one ends; the old password is refused, the new accepted.
    await page.waitForSelector(`${scope} [data-form=password]`, { timeout: 20_000 });
    await retype(page, 'password', 'Mot de passe actuel', 'Famille-Demo-2026');
    await retype(page, 'password', 'Nouveau mot de passe', 'Glycine-Rivière-2027');
    await submit(page, 'password');
    await page.waitForSelector(`${scope} [data-form=password] [part~="notice"] ::-p-text(session)`);
    const gone = await fetch(`${demo.api}/tenants/${tenant}/account`, { headers: { authorization: `Bearer ${other}` } });
    assert.equal(gone.status, 401);
    const login = (password: string) =>
      fetch(`${demo.api}/tenants/${tenant}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifiant: 'parent.demo', password, transport: 'token' }),
      });
    assert.equal((await login('Famille-Demo-2026')).status, 401);
    assert.equal((await login('Glycine-Rivière-2027')).status, 200);
    await context.close();
  });
});
