// The crèche pre-registration end to end, on the demo page against the real Node server:
// start, fill three steps, close the page, come back and resume at the same step with
// everything in place, finish and submit ("Demande n° N", "Déposée"); an agent proposes a
// place through the API; the parent sees it, and the e-mail saying so is in the outbox.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { AgentPreregistrationList, Outbox } from '@famille/contract';
import { agentToken, launchChromium, logInOnPage, parentToken, startDemo, tenantApi, type Demo } from './harness.ts';
import { minimalPdf } from '../fixtures/minimal-pdf.ts';

let demo: Demo;
let browser: Browser;
let scratch: string;
const wizard = 'famille-preregistration:not([view="requests"])';
const requestsView = 'famille-preregistration[view="requests"]';
const pdf = minimalPdf;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'famille-e2e-prereg-'));
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

const api = tenantApi(() => demo);

/** dd/mm/yyyy, `days` from now, as a parent types it. */
function typedDate(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return date.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
}

async function openDemo(page: Page): Promise<void> {
  await page.goto(`http://localhost:${demo.demoPort}/`);
}

const heading = (page: Page, text: string) => page.waitForSelector(`${wizard} [part=heading] ::-p-text(${text})`, { timeout: 20_000 });
const continueButton = (page: Page) => page.click(`${wizard} ::-p-text(Continuer)`);
const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ') ?? '');

describe('crèche pre-registration on the demo page against the real Node server', () => {
  test('resumes after the page is closed, submits, and sees the place proposed by an agent', async () => {
    // The demo parent declares a child first (the démarche needs one), through the API.
    const token = await parentToken(api);
    await api('/family/members', {
      method: 'POST',
      token,
      body: JSON.stringify({ role: 'enfant', nomUsage: 'Martin', prenoms: 'Léa', dateNaissance: '2025-06-01' }),
    });

    const context = await browser.createBrowserContext();
    let page = await context.newPage();
    await openDemo(page);
    await logInOnPage(page);

    // Three steps: the child, the start date, the choices.
    await page.waitForSelector(`${wizard} ::-p-text(Commencer)`, { timeout: 20_000 });
    await page.click(`${wizard} ::-p-text(Commencer)`);
    await heading(page, 'Étape 1 sur 6');
    await page.click(`${wizard} input[type="radio"]`);
    await continueButton(page);
    await heading(page, 'Étape 2 sur 6');
    const startDate = typedDate(120);
    await page.type(`${wizard} [name="startDate"]`, startDate);
    await continueButton(page);
    await heading(page, 'Étape 3 sur 6');
    await page.select(`${wizard} select[name="choice"]`, 'fleur-de-pyrus');
    await page.type(`${wizard} [name="observations"]`, 'Quatrième souhait : EAJE Grain d’Aile.');
    await continueButton(page);
    await heading(page, 'Étape 4 sur 6');
    await page.close(); // the parent closes the tab

    // Back later: the draft is offered, and resumes at the same step with everything in place.
    page = await context.newPage();
    await openDemo(page);
    await page.waitForSelector(`${wizard} ::-p-text(Reprendre ma demande pour Léa)`, { timeout: 20_000 });
    await page.click(`${wizard} ::-p-text(Reprendre ma demande pour Léa)`);
    await heading(page, 'Étape 4 sur 6');

    // Documents, questionnaire, review.
    for (const [index, name] of ['acte.pdf', 'domicile.pdf'].entries()) {
      const file = join(scratch, name);
      writeFileSync(file, pdf);
      const inputs = await page.$$(`${wizard} input[type="file"]`);
      await (inputs[index] as ElementHandle<HTMLInputElement>).uploadFile(file);
      await page.waitForFunction(
        (s, n) => {
          const root = document.querySelector(s)!;
          return !root.querySelector('progress') && root.textContent.includes(n);
        },
        { timeout: 20_000 },
        wizard,
        name,
      );
    }
    await continueButton(page);
    await heading(page, 'Étape 5 sur 6');
    await page.click(`${wizard} input[name="q-domicile-agglomeration"]`); // Oui
    await page.click(`${wizard} input[type="checkbox"]`); // Parent 1 travaille…
    await continueButton(page);
    await heading(page, 'Étape 6 sur 6');
    const review = await textOf(page, wizard);
    assert.match(review, /Fleur de Pyrus/, 'the choice made before closing the page');
    assert.match(review, /Quatrième souhait/, 'the observations typed before closing the page');
    await page.click(`${wizard} button ::-p-text(Valider)`);
    await page.waitForSelector(`${wizard} ::-p-text(Nous avons bien enregistré votre demande)`, { timeout: 20_000 });
    const confirmation = await textOf(page, wizard);
    const number = Number(/Demande n°\s*(\d+)/.exec(confirmation)?.[1]);
    assert.ok(number > 0, `the request number: ${confirmation}`);
    assert.match(confirmation, /Déposée/);

    // The service proposes a place.
    const agent = await agentToken(api);
    const { preregistrations } = await api<AgentPreregistrationList>('/agent/preregistrations?status=deposee', { token: agent });
    const mine = preregistrations.find((p) => p.preregistration.number === number);
    assert.ok(mine, 'the agent sees the request');
    assert.deepEqual(mine.preregistration.choices, ['fleur-de-pyrus']);
    assert.equal(mine.preregistration.startDate, startDate.split('/').reverse().join('-'), 'the start date typed before closing the page');
    await api(`/agent/preregistrations/${mine.preregistration.id}/status`, {
      method: 'POST',
      token: agent,
      body: JSON.stringify({ status: 'place_proposee', comment: 'Place à Fleur de Pyrus en septembre.' }),
    });

    // The parent sees it in "Mes demandes", and has the e-mail.
    await page.reload();
    await page.waitForFunction(
      (s, n) => {
        const text = document.querySelector(s)?.textContent ?? '';
        return text.includes(`n° ${n}`) && text.includes('Place proposée');
      },
      { timeout: 20_000 },
      requestsView,
      number,
    );
    const { messages } = await api<Outbox>('/dev/outbox');
    const mail = messages.find((m) => m.to === 'parent.demo@example.fr' && m.text.includes(String(number)) && /place proposée/i.test(m.subject + m.text));
    assert.ok(mail, 'the "place proposée" e-mail is in the outbox');
    await context.close();
  });
});
