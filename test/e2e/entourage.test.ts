// The entourage end to end, on the demo page against the real Node server: a parent adds
// a child with an attachment, sees the request "Déposée"; an agent validates it through
// the API; the parent sees "Validée".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ElementHandle } from 'puppeteer-core';
import type { AgentRequestList } from '@famille/contract';
import { agentToken, launchChromium, logInOnPage, startDemo, tenantApi, type Demo } from './harness.ts';
import { minimalPdf } from '../fixtures/minimal-pdf.ts';

let demo: Demo;
let browser: Browser;
let scratch: string;
const api = tenantApi(() => demo);

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'famille-e2e-files-'));
  [demo, browser] = await Promise.all([startDemo(), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await demo?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('entourage on the demo page against the real Node server', () => {
  test('adds a child with an attachment, sees "Déposée"; an agent validates it; the parent sees "Validée"', async () => {
    const file = join(scratch, 'extrait-de-naissance.pdf');
    writeFileSync(file, minimalPdf); // a real PDF: the server checks the bytes, not just the name
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);

    const scope = 'famille-entourage';
    await page.waitForSelector(`${scope} ::-p-text(Ajouter un enfant)`, { timeout: 20_000 });
    await page.click(`${scope} ::-p-text(Ajouter un enfant)`);
    await page.waitForSelector(`${scope} [name="nomUsage"]`);
    await page.type(`${scope} [name="nomUsage"]`, 'Martin');
    await page.type(`${scope} [name="prenoms"]`, 'Léo');
    await page.type(`${scope} [name="dateNaissance"]`, '03/02/2024');
    const input = (await page.$(`${scope} input[type="file"]`)) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    // Uploaded: the progress bar gives way to the file's line.
    await page.waitForFunction(
      (scope) => {
        const root = document.querySelector(scope)!;
        return !root.querySelector('progress') && root.textContent.includes('extrait-de-naissance.pdf');
      },
      { timeout: 20_000 },
      scope,
    );
    await page.click(`${scope} ::-p-text(Continuer)`);
    await page.waitForSelector(`${scope} ::-p-text(Valider ma demande)`);
    await page.click(`${scope} ::-p-text(Valider ma demande)`);
    await page.waitForSelector(`${scope} ::-p-text(transmise au service pour traitement)`, { timeout: 20_000 });
    const confirmation = await page.$eval(scope, (el) => el.textContent ?? '');
    const number = Number(/Demande n°\s*(\d+)/.exec(confirmation)?.[1]);
    assert.ok(number > 0, `a request number is shown: ${confirmation}`);
    assert.match(confirmation, /Déposée/);

    // An agent of the tenant, through the API.
    const token = await agentToken(api);
    const { requests } = await api<AgentRequestList>('/agent/requests?status=deposee', { token });
    const mine = requests.find((r) => r.request.number === number);
    assert.ok(mine, 'the agent sees the request');
    assert.equal(mine.member!.profile.prenoms, 'Léo');
    const [uploaded] = mine.member!.documents;
    const download = await fetch(`${demo.api}/tenants/vienne-condrieu/documents/${uploaded!.id}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(download.status, 200);
    assert.equal(await download.text(), minimalPdf, 'the agent downloads the very bytes the parent sent');
    await api(`/agent/requests/${mine.request.id}/status`, { method: 'POST', token, body: JSON.stringify({ status: 'validee', comment: 'Bienvenue à Léo' }) });

    // The parent comes back: the member and the request are "Validée".
    await page.reload();
    await page.waitForFunction(
      (scope) => {
        const root = document.querySelector(scope);
        return root?.textContent?.includes('Léo') && root.textContent.includes('Validée');
      },
      { timeout: 20_000 },
      scope,
    );
    await context.close();
  });
});
