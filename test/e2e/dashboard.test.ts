// Mon tableau de bord end to end, on the demo page against the real Node server: an agent
// posts a message to all families with `npm run post-message`; the demo parent sees
// "1 message non lu", reads it, and the count goes to 0; the dashboard lists the invoices
// to pay, a draft to finish and the latest requests with their statuses.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser } from 'puppeteer-core';
import type { Family, MessageList } from '@famille/contract';
import { launchChromium, logInOnPage, parentToken, startDemo, tenantApi, type Demo } from './harness.ts';

const tenant = 'vienne-condrieu';
let demo: Demo;
let browser: Browser;
const api = tenantApi(() => demo, tenant);

before(async () => {
  // The sample invoices: the demo family's two validated children and invoices to pay.
  [demo, browser] = await Promise.all([startDemo({ DEMO_INVOICES: '1' }), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

describe('the dashboard on the demo page against the real Node server', () => {
  test('a message to all families through the CLI: "1" unread, read, 0; invoices to pay, a draft to finish, the latest requests with their statuses', async () => {
    // The demo parent leaves a draft for a child and declares a contact (a request "Déposée").
    const token = await parentToken(api);
    const { members } = await api<Family>('/family', { token });
    const child = members.find((m) => m.role === 'enfant')!;
    await api(`/preregistration/drafts/${child.id}`, { method: 'PUT', token, body: JSON.stringify({ step: 1 }) });
    await api('/family/members', {
      method: 'POST',
      token,
      body: JSON.stringify({
        role: 'contact',
        nomUsage: 'Roux',
        prenoms: 'Simone',
        lien: 'Voisine',
        telephone: '06 11 22 33 44',
        autoriseRecuperation: true,
        appelUrgence: false,
      }),
    });
    const before = await api<MessageList>('/messages', { token });
    assert.equal(before.unread, 0);

    // The agent posts to all families with the command line, through the running server.
    const posted = await promisify(execFile)(
      process.execPath,
      [
        '--conditions=source',
        'scripts/post-message.ts',
        '--api',
        demo.api,
        '--tenant',
        tenant,
        '--all',
        '--title',
        'Fermeture des crèches le 26 décembre',
        '--body',
        'Les structures petite enfance seront fermées le vendredi 26 décembre.',
      ],
      { env: { ...process.env, AGENT_PASSWORD: 'Agent-Demo-2026' } },
    );
    assert.match(posted.stdout, /posted to \d+ famil/);

    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);
    const scope = 'famille-dashboard';
    await page.waitForSelector(`${scope} [part~="unread-count"] ::-p-text(1 message non lu)`, { timeout: 20_000 });

    // What needs doing: the invoices to pay, the draft to finish.
    const todo = await page.$eval(`${scope} [part~="todo"]`, (el) => el.textContent ?? '');
    assert.match(todo, /factures? à payer/);
    assert.match(todo, /à terminer/);
    // The latest requests, each with its number and status: the children validated, the contact submitted.
    const requests = await page.$eval(`${scope} [part~="requests"]`, (el) => el.textContent ?? '');
    assert.match(requests, /Demande n° \d+/);
    assert.match(requests, /Validée/);
    assert.match(requests, /Déposée/);
    assert.match(requests, /Simone Roux/);

    // Reading the message: its text shows, the count goes to 0, on the page and on the server.
    await page.click(`${scope} [part~="message-link"] ::-p-text(Fermeture des crèches)`);
    await page.waitForSelector(`${scope} [part~="message"] ::-p-text(fermées le vendredi 26 décembre)`, { timeout: 20_000 });
    await page.waitForSelector(`${scope} [part~="unread-count"] ::-p-text(Aucun message non lu)`);
    assert.equal((await api<MessageList>('/messages', { token })).unread, 0);
    await context.close();
  });
});
