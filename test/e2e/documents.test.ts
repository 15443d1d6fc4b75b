// The family's document store end to end, on the demo page against the real Node server:
// the demo parent stores a justificatif de domicile in "Mes pièces justificatives" (and an
// expired one), then the pre-registration wizard offers the valid one: "Utiliser" gives it
// without uploading it again, the expired one is flagged and not offered, and the submitted
// request holds the stored document.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import type { PreregistrationList, StoredDocumentList } from '@famille/contract';
import { launchChromium, logInOnPage, parentToken, startDemo, tenantApi, type Demo } from './harness.ts';
import { minimalPdf } from '../fixtures/minimal-pdf.ts';

let demo: Demo;
let browser: Browser;
const store = 'section[aria-labelledby="mes-pieces"] famille-documents';
const wizard = 'famille-preregistration:not([view="requests"])';

before(async () => {
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
});

const api = tenantApi(() => demo);

/** DD/MM/YYYY, `days` from today in Paris, as a parent types it. */
const typedDay = (days: number): string =>
  new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' }).split('-').reverse().join('/');

/** Chooses a PDF named `name` in the file input `selector`, as the file picker would. */
async function choosePdf(page: Page, selector: string, name: string): Promise<void> {
  await page.$eval(
    selector,
    (input, fileName, content) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/pdf' }));
      (input as HTMLInputElement).files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    name,
    minimalPdf,
  );
}

const heading = (page: Page, text: string) => page.waitForSelector(`${wizard} [part=heading] ::-p-text(${text})`, { timeout: 20_000 });
const continueButton = (page: Page) => page.click(`${wizard} ::-p-text(Continuer)`);
const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent?.replace(/\s+/g, ' ') ?? '');

/** In "Mes pièces justificatives": a justificatif de domicile dated `days` from today, stored. */
async function storeJustificatif(page: Page, name: string, days: number): Promise<void> {
  await page.select(`${store} select[name="type"]`, 'justificatif-domicile');
  await page.waitForSelector(`${store} input[name="documentDate"]`);
  await page.type(`${store} input[name="documentDate"]`, typedDay(days));
  await choosePdf(page, `${store} input[type="file"]`, name);
  await page.click(`${store} button[type="submit"]`);
  await page.waitForSelector(`${store} [part=notice] ::-p-text(${name} est enregistré)`, { timeout: 20_000 });
}

describe('pièces justificatives on the demo page against the real Node server', () => {
  test('a stored justificatif de domicile is given to the pre-registration without uploading it again; an expired one is flagged and not offered', async () => {
    // The démarche needs a child: declared through the API.
    const token = await parentToken(api);
    const zoe = { role: 'enfant', nomUsage: 'Martin', prenoms: 'Zoé', sexe: 'feminin', dateNaissance: '2025-05-01' };
    await api('/family/members', { method: 'POST', token, body: JSON.stringify(zoe) });

    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);

    // "Mes pièces justificatives": a recent justificatif, and one of four months ago.
    await page.waitForSelector(`${store} select[name="type"]`, { timeout: 20_000 });
    await storeJustificatif(page, 'facture-electricite.pdf', -10);
    await storeJustificatif(page, 'quittance-ancienne.pdf', -120);
    const listed = await textOf(page, store);
    assert.match(listed, /facture-electricite\.pdf.*Valable jusqu’au/, 'the recent one with its validity');
    assert.match(listed, /Expiré/, 'the old one flagged');
    assert.match(listed, /quittance-ancienne\.pdf.*N’est plus valable depuis le/s, 'the old one says since when');

    // From now on, every upload the page sends is counted.
    const uploads: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/documents$/.test(new URL(request.url()).pathname)) uploads.push(request.url());
    });

    // The wizard, to the documents step: each step's answer, then "Continuer".
    await page.waitForSelector(`${wizard} ::-p-text(Commencer)`, { timeout: 20_000 });
    await page.click(`${wizard} ::-p-text(Commencer)`);
    const answers: [string, () => Promise<unknown>][] = [
      ['Étape 1 sur 6', () => page.click(`${wizard} input[type="radio"]`)],
      ['Étape 2 sur 6', () => page.type(`${wizard} [name="startDate"]`, typedDay(120))],
      ['Étape 3 sur 6', () => page.select(`${wizard} select[name="choice"]`, 'fleur-de-pyrus')],
    ];
    for (const [step, answer] of answers) {
      await heading(page, step);
      await answer();
      await continueButton(page);
    }
    await heading(page, 'Étape 4 sur 6');

    // "Utiliser un document déjà enregistré": the recent one only; the expired one said so.
    const offered = await page.$$eval(`${wizard} [data-use-stored]`, (buttons) => buttons.map((b) => b.textContent?.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(offered, ['Utiliser facture-electricite.pdf']);
    assert.match(await textOf(page, wizard), /quittance-ancienne\.pdf n’est plus valable depuis le/);
    await page.click(`${wizard} [data-use-stored]`);
    await page.waitForSelector(`${wizard} ::-p-text(facture-electricite.pdf est joint à votre demande)`, { timeout: 20_000 });
    // The birth certificate is not in the store: uploaded as usual.
    await choosePdf(page, `${wizard} input[type="file"]`, 'acte.pdf');
    await page.waitForFunction(
      (s) => !document.querySelector(s)!.querySelector('progress') && document.querySelector(s)!.textContent.includes('acte.pdf'),
      { timeout: 20_000 },
      wizard,
    );
    await continueButton(page);
    await heading(page, 'Étape 5 sur 6');
    await page.click(`${wizard} input[name="q-domicile-agglomeration"]`);
    await page.click(`${wizard} input[type="checkbox"]`);
    await continueButton(page);
    await heading(page, 'Étape 6 sur 6');
    assert.match(await textOf(page, wizard), /facture-electricite\.pdf/, 'the review names the stored document');
    await page.click(`${wizard} button ::-p-text(Valider)`);
    await page.waitForSelector(`${wizard} ::-p-text(Nous avons bien enregistré votre demande)`, { timeout: 20_000 });
    assert.equal(uploads.length, 1, `only the birth certificate was uploaded: ${uploads.join(', ')}`);

    // The request holds the stored document; the store keeps it for the next démarche.
    const { preregistrations } = await api<PreregistrationList>('/preregistrations', { token });
    const given = preregistrations[0]?.documents.find((d) => d.type === 'justificatif-domicile');
    assert.equal(given?.document.fileName, 'facture-electricite.pdf');
    const { documents } = await api<StoredDocumentList>('/family/documents', { token });
    assert.deepEqual(documents.map((d) => [d.fileName, d.expired]).sort(), [
      ['facture-electricite.pdf', false],
      ['quittance-ancienne.pdf', true],
    ]);
    await context.close();
  });
});
