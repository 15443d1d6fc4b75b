// Invoices and online payment end to end, on the demo page against the real Node server,
// once with the demo provider (its payment page is served by the server) and once in
// `payfip` mode against the local fake PayFiP (PAYMENT_PROVIDER=payfip FAKE_PAYFIP=1):
// an agent issues two invoices through the API; the parent selects both (a click and the
// keyboard), sees "Total à régler", pays in the same window, comes back to the host page
// (`#famille-payment=<id>`), sees both "Réglée" with a zero balance, and the confirmation
// e-mail is in the outbox. A refused, then an abandoned, payment leaves them "À payer".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { AgentRequest, Invoice, InvoiceList, MemberChange, Outbox, PaymentTransaction } from '@famille/contract';
import { agentToken, launchChromium, logInOnPage, parentToken, startDemo, tenantApi, type Demo } from './harness.ts';
import { pdfText } from '../node/server/support/pdf.ts';

/** French money as the element and the e-mails write it: narrow no-break space for thousands, no-break space before €. */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

interface Issued {
  id: string;
  number: string;
  totalCents: number;
}

interface Mode {
  name: string;
  env: Record<string, string>;
  /** Where "Payer" leads (a prefix of the URL). */
  providerPage: (demo: Demo) => string;
  /** The amount as the provider's page shows it. */
  amountShown: (formatted: string) => string;
  /** Pays, refuses or abandons on the provider's page (the browser then comes back). */
  choose: (page: Page, choice: 'pay' | 'refuse' | 'abandon') => Promise<void>;
}

const modes: Mode[] = [
  {
    name: 'demo provider',
    env: {},
    providerPage: (demo) => `${demo.api}/payment-providers/vienne-condrieu/demo/page/`,
    amountShown: (formatted) => `Montant : ${formatted}`,
    async choose(page, choice) {
      if (choice === 'abandon') return page.click('button[value="abandon"]');
      // The card decides the outcome: …0002 pays, …0069 is refused.
      await page.click(`label ::-p-text(${choice === 'pay' ? '4000 0000 0000 0002' : '4000 0000 0000 0069'})`);
      const card = await page.$eval('input[name="card"]:checked', (el) => el.value);
      assert.equal(card, choice === 'pay' ? 'paid' : 'refused');
      await page.click('button[value="pay"]');
    },
  },
  {
    name: 'PayFiP (local fake)',
    env: { PAYMENT_PROVIDER: 'payfip', FAKE_PAYFIP: '1' },
    providerPage: () => 'http://127.0.0.1:',
    amountShown: (formatted) => formatted,
    async choose(page, choice) {
      assert.match(page.url(), /^http:\/\/127\.0\.0\.1:\d+\/tpa\/paiementws\.web\?idop=/);
      await page.click(`button[value="${{ pay: 'P', refuse: 'R', abandon: 'A' }[choice]}"]`);
    },
  },
];

const scope = 'famille-invoices';
type Host = 'localhost' | '127.0.0.1';
const text = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent?.replace(/[ \n\t]+/g, ' ').trim() ?? '');

/** ISO date, `days` from today. */
const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

for (const mode of modes) {
  describe(`invoices on the demo page against the real Node server — ${mode.name}`, () => {
    let demo: Demo;
    let browser: Browser;
    let parent: string;
    let office: string;
    let familyId: string;
    let childId: string;
    const api = tenantApi(() => demo);

    before(async () => {
      [demo, browser] = await Promise.all([startDemo(mode.env), launchChromium()]);
      // The parent has declared a child (through the API); the agent reaches the family through that request.
      parent = await parentToken(api);
      const { member, request } = await api<MemberChange>('/family/members', {
        method: 'POST',
        token: parent,
        body: JSON.stringify({ role: 'enfant', nomUsage: 'Martin', prenoms: 'Léo', dateNaissance: '2024-02-03' }),
      });
      childId = member.id;
      office = await agentToken(api);
      familyId = (await api<AgentRequest>(`/agent/requests/${request.id}`, { token: office })).family.id;
    });
    after(async () => {
      await browser?.close();
      await demo?.stop();
    });

    /** The agent issues an invoice of these lines (quantity × unit price in cents). */
    async function issue(issuedDaysAgo: number, lines: [activity: string, quantity: number, unitPriceCents: number][]): Promise<Issued> {
      const invoice = await api<Invoice>('/agent/invoices', {
        method: 'POST',
        token: office,
        body: JSON.stringify({
          familyId,
          issuedOn: isoDate(-issuedDaysAgo),
          dueOn: isoDate(30),
          // Meals are not childcare: the attestation fiscale leaves them out.
          lines: lines.map(([activity, quantity, unitPriceCents]) => ({
            childId,
            childLabel: 'Léo Martin',
            activity,
            period: 'Octobre 2026',
            quantity,
            unitPriceCents,
            ...(activity === 'Restauration' && { childcare: false }),
          })),
        }),
      });
      return { id: invoice.id, number: invoice.number, totalCents: invoice.totalCents };
    }

    /** On the demo page at `host`: `localhost` is the API's site (cookie session), `127.0.0.1` another one (bearer token). */
    async function logIn(page: Page, host: Host = 'localhost'): Promise<void> {
      await page.goto(`http://${host}:${demo.demoPort}/`);
      await logInOnPage(page);
    }

    /** The table as the parent reads it: number → status badge(s), balance, whether it has a checkbox. */
    function rows(page: Page) {
      return page.$$eval(`${scope} tbody tr`, (trs) =>
        Object.fromEntries(
          trs.map((tr) => [
            tr.querySelector('th')!.textContent.trim(),
            {
              status: [...tr.querySelectorAll('[part=badge]')].map((b) => b.textContent.trim()).join(' + '),
              amount: tr.querySelector('td[data-label="Montant dû"]')!.textContent.trim(),
              balance: tr.querySelector('td[data-label="Solde"]')!.textContent.trim(),
              selectable: !!tr.querySelector('input[type=checkbox]'),
            },
          ]),
        ),
      );
    }

    /** The number of the invoice whose checkbox has the focus ('' when none). */
    const focusedInvoice = (page: Page) =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return el?.type === 'checkbox' ? (el.closest('tr')?.querySelector('th')?.textContent?.trim() ?? '') : '';
      });

    /** Selects two invoices: the upper one with a click on its box, the other with the keyboard (Tab to its box, Space). */
    async function selectBoth(page: Page, a: Issued, b: Issued): Promise<void> {
      await page.waitForFunction(
        (s, a, b) => {
          const table = document.querySelector(`${s} tbody`);
          return table?.textContent?.includes(a) && table.textContent.includes(b) && table.querySelectorAll('input[type=checkbox]').length >= 2;
        },
        { timeout: 20_000 },
        scope,
        a.number,
        b.number,
      );
      const order = await page.$$eval(`${scope} tbody th`, (ths) => ths.map((th) => th.textContent.trim()));
      const [upper, lower] = order.indexOf(a.number) < order.indexOf(b.number) ? [a, b] : [b, a];
      const box = (await page.evaluateHandle(
        (s, n) =>
          [...document.querySelectorAll(`${s} tbody tr`)]
            .find((tr) => tr.querySelector('th')?.textContent?.trim() === n)!
            .querySelector('input[type=checkbox]')!,
        scope,
        upper.number,
      )) as ElementHandle<HTMLInputElement>;
      await box.click();
      for (let tab = 0; (await focusedInvoice(page)) !== lower.number; tab++) {
        assert.ok(tab < 10, `the checkbox of ${lower.number} is reachable with Tab`);
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Space');
      const checked = await page.$$eval(`${scope} tbody input[type=checkbox]`, (boxes) =>
        boxes.map((b) => [b.closest('tr')!.querySelector('th')!.textContent.trim(), b.checked]),
      );
      assert.deepEqual(Object.fromEntries(checked), { [a.number]: true, [b.number]: true });
    }

    /** "Payer" (by keyboard or a click), then the provider's page; answers what it showed. */
    async function goPay(page: Page, expectedTotal: string, how: 'click' | 'keyboard'): Promise<string> {
      const payButton = `${scope} [part=totals] button ::-p-text(Payer)`;
      const navigation = page.waitForNavigation({ timeout: 20_000 });
      if (how === 'click') await page.click(payButton);
      else {
        await (await page.$(payButton))!.focus();
        await page.keyboard.press('Enter');
      }
      await navigation;
      assert.ok(page.url().startsWith(mode.providerPage(demo)), `same window, on the provider's page: ${page.url()}`);
      const shown = await text(page, 'body');
      assert.ok(shown.includes(mode.amountShown(expectedTotal)), `the provider's page asks for ${expectedTotal}: ${shown}`);
      return shown;
    }

    /** The provider's choice, then back on the host page with `#famille-payment=<id>`; answers the id. */
    async function chooseAndComeBack(page: Page, choice: 'pay' | 'refuse' | 'abandon', host: Host = 'localhost'): Promise<string> {
      const navigation = page.waitForNavigation({ timeout: 20_000 });
      await mode.choose(page, choice);
      await navigation;
      // The element removes the fragment once read: the hash seen when the document started.
      const hash = await page.evaluate(() => (window as unknown as { __hashAtStart: string }).__hashAtStart);
      const id = /^#famille-payment=([0-9a-f-]{36})$/.exec(hash)?.[1];
      assert.ok(id, `back on the host page with the transaction in the fragment: ${page.url()} ${hash}`);
      // The very page the parent paid from (the element sends it as `returnTo`).
      assert.equal(new URL(page.url()).origin, `http://${host}:${demo.demoPort}`);
      return id;
    }

    async function newPage(): Promise<Page> {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.evaluateOnNewDocument(() => {
        (window as unknown as { __hashAtStart: string }).__hashAtStart = location.hash;
        document.addEventListener('famille-payment-result', (event) => {
          (window as unknown as { __result: unknown }).__result = (event as HTMLElementEventMap['famille-payment-result']).detail.transaction;
        });
      });
      return page;
    }

    test('an agent issues two invoices; the parent pays both in one transaction, sees them "Réglée", and gets the e-mail', async () => {
      // 42.5 h × 1,37 € = 58,225 → 58,23 € (rounded once per line); 160 h × 7,35 € + 18 meals × 3,85 € = 1 245,30 €.
      const october = await issue(12, [['Multi-accueil Cocon de Soie — accueil occasionnel', 42.5, 137]]);
      const november = await issue(2, [
        ['Multi-accueil Cocon de Soie — accueil régulier', 160, 735],
        ['Restauration', 18, 385],
      ]);
      assert.equal(october.totalCents, 5_823);
      assert.equal(november.totalCents, 124_530);
      const total = `1${NNBSP}303,53${NBSP}€`;

      const page = await newPage();
      await logIn(page);
      await selectBoth(page, november, october);
      assert.deepEqual(await rows(page), {
        [october.number]: { status: 'À payer', amount: `58,23${NBSP}€`, balance: `58,23${NBSP}€`, selectable: true },
        [november.number]: { status: 'À payer', amount: `1${NNBSP}245,30${NBSP}€`, balance: `1${NNBSP}245,30${NBSP}€`, selectable: true },
      });
      const totals = await text(page, `${scope} [part=totals]`);
      assert.ok(totals.includes(`Solde dû : ${total}`), totals);
      assert.equal(await text(page, `${scope} [part=total]`), `Total à régler : ${total}`);
      assert.equal(await page.$eval(`${scope} [part=total]`, (el) => el.getAttribute('aria-live')), 'polite', 'the total is announced');

      await goPay(page, total, 'click');
      const id = await chooseAndComeBack(page, 'pay');

      // The outcome, read from the server, then the table: both paid, nothing left to pay.
      await page.waitForSelector(`${scope} ::-p-text(Paiement accepté)`, { timeout: 20_000 });
      const notice = await text(page, `${scope} [part=notice]`);
      assert.ok(notice.includes(`Paiement accepté : ${total}.`), notice);
      const result = await page.evaluate(
        () =>
          (window as unknown as { __result: { id: string; status: string; amountCents: number; invoices: { number: string; amountCents: number }[] } })
            .__result,
      );
      assert.equal(result.id, id);
      assert.equal(result.status, 'paid');
      assert.equal(result.amountCents, 130_353);
      assert.deepEqual(
        result.invoices.map((i) => i.amountCents).sort((a, b) => a - b),
        [5_823, 124_530],
      );
      await page.waitForFunction(
        (s) => document.querySelectorAll(`${s} tbody tr`).length === 2 && !document.querySelector(`${s} tbody input[type=checkbox]`),
        { timeout: 20_000 },
        scope,
      );
      assert.deepEqual(await rows(page), {
        [october.number]: { status: 'Réglée', amount: `58,23${NBSP}€`, balance: `0,00${NBSP}€`, selectable: false },
        [november.number]: { status: 'Réglée', amount: `1${NNBSP}245,30${NBSP}€`, balance: `0,00${NBSP}€`, selectable: false },
      });
      const after = await text(page, `${scope} [part=totals]`);
      assert.ok(after.includes(`Solde dû : 0,00${NBSP}€`), after);
      const history = await text(page, `${scope} [part=history]`);
      assert.ok(history.includes(`${total} le`) && history.includes('Carte bancaire (en ligne)'), history);
      assert.ok(
        history.includes(`Facture n° ${october.number} : 58,23${NBSP}€`) && history.includes(`Facture n° ${november.number} : 1${NNBSP}245,30${NBSP}€`),
        history,
      );

      // This year's attestation fiscale: the childcare paid for Léo (under 6), meals left out:
      // 58,23 € + 160 h × 7,35 € = 1 234,23 € (not the 69,30 € of Restauration).
      const year = new Date().getFullYear();
      const care = `1${NNBSP}234,23${NBSP}€`;
      const attestation = await text(page, `${scope} [part=attestations]`);
      assert.ok(attestation.includes(`Année ${year} : ${care}`) && attestation.includes(`Léo Martin : ${care}`), attestation);

      // The confirmation e-mail, with the amounts, exactly.
      const { messages } = await api<Outbox>('/dev/outbox');
      const mail = messages.find((m) => m.to === 'parent.demo@example.fr' && m.subject.startsWith('Paiement reçu'));
      assert.ok(mail, 'the confirmation e-mail is in the outbox');
      assert.equal(mail.subject, `Paiement reçu : ${total} — Vienne Condrieu Agglomération`);
      assert.ok(mail.text.includes(`Nous avons bien reçu votre paiement en ligne de ${total}`), mail.text);
      assert.ok(mail.text.includes(`Facture n° ${october.number} : 58,23${NBSP}€ réglés.`), mail.text);
      assert.ok(mail.text.includes(`Facture n° ${november.number} : 1${NNBSP}245,30${NBSP}€ réglés.`), mail.text);

      // And the API agrees: nothing due, the one transaction paid.
      const list = await api<InvoiceList>('/invoices', { token: parent });
      assert.equal(list.balanceDueCents, 0);
      assert.equal((await api<PaymentTransaction>(`/payments/transactions/${id}`, { token: parent })).status, 'paid');
      await page.browserContext().close();
    });

    test('on another site than the API (bearer token): a refused, then an abandoned, payment comes back to that page, still logged in, the invoices "À payer" and selectable', async () => {
      const first = await issue(5, [['Accueil périscolaire — matin', 14, 120]]); // 16,80 €
      const second = await issue(4, [['Accueil périscolaire — soir', 9.5, 210]]); // 19,95 €
      const total = `36,75${NBSP}€`;
      const page = await newPage();
      await logIn(page, '127.0.0.1');

      for (const choice of ['refuse', 'abandon'] as const) {
        await selectBoth(page, first, second);
        assert.equal(await text(page, `${scope} [part=total]`), `Total à régler : ${total}`);
        await goPay(page, total, choice === 'refuse' ? 'click' : 'keyboard');
        await chooseAndComeBack(page, choice, '127.0.0.1');
        const outcome = choice === 'refuse' ? 'Paiement refusé : rien n’a été débité.' : 'Paiement abandonné : rien n’a été débité.';
        await page.waitForSelector(`${scope} ::-p-text(${outcome})`, { timeout: 20_000 });
        // The token kept in this tab for the trip was taken back once and removed.
        assert.equal(await page.evaluate(() => sessionStorage.getItem('famille-payment-session')), null);
        await page.waitForFunction((s) => document.querySelectorAll(`${s} tbody input[type=checkbox]`).length === 2, { timeout: 20_000 }, scope);
        const table = await rows(page);
        assert.deepEqual(table[first.number], { status: 'À payer', amount: `16,80${NBSP}€`, balance: `16,80${NBSP}€`, selectable: true }, choice);
        assert.deepEqual(table[second.number], { status: 'À payer', amount: `19,95${NBSP}€`, balance: `19,95${NBSP}€`, selectable: true }, choice);
        const totals = await text(page, `${scope} [part=totals]`);
        assert.ok(totals.includes(`Solde dû : ${total}`), totals);
        assert.equal(await text(page, `${scope} [part=total]`), `Total à régler : 0,00${NBSP}€`, 'nothing selected on the way back');
      }
      const { messages } = await api<Outbox>('/dev/outbox');
      assert.equal(messages.filter((m) => m.subject === `Paiement reçu : ${total} — Vienne Condrieu Agglomération`).length, 0, 'no confirmation e-mail');
      await page.browserContext().close();
    });
  });
}

describe('npm start as a newcomer runs it (sample invoices on)', () => {
  let demo: Demo;
  let browser: Browser;
  before(async () => {
    // '' is "not set": start-demo's own default applies.
    [demo, browser] = await Promise.all([startDemo({ DEMO_INVOICES: '' }), launchChromium()]);
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  /** axe-core's WCAG 2.0/2.1 A and AA violations on the whole host page, every element on it. */
  async function axeViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    return page.evaluate(async () => {
      const axe = (
        window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      const { violations } = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
      return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  test('the demo parent finds three invoices to pay on the demo page, one of them "En retard", and last year’s paid; the page has no axe violation, before and after login, on a phone', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    // axe is injected as an inline script, which the page's own CSP refuses (see the next test).
    await page.setBypassCSP(true);
    await page.setViewport({ width: 375, height: 812 });
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await page.waitForSelector('famille-create-account input');
    assert.deepEqual(await axeViolations(page), [], 'logged out');
    await logInOnPage(page);
    await page.waitForFunction((s) => document.querySelectorAll(`${s} tbody input[type=checkbox]`).length === 3, { timeout: 20_000 }, scope);
    const badges = await page.$$eval(`${scope} tbody [part=badge]`, (els) => els.map((el) => el.textContent.trim()).sort());
    // And last year's, paid at the counter.
    assert.deepEqual(badges, ['En retard', 'Réglée', 'À payer', 'À payer']);
    const totals = await text(page, `${scope} [part=totals]`);
    assert.ok(totals.includes(`Solde dû : 343,54${NBSP}€`), totals);
    assert.deepEqual(await axeViolations(page), [], 'logged in, with invoices');
    await page.browserContext().close();
  });

  test('the demo page sends a CSP allowing only the API origin, no framing and a referrer policy; the whole flow runs under it', async () => {
    const response = await fetch(`http://localhost:${demo.demoPort}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    const apiOrigin = new URL(demo.api).origin;
    assert.match(csp, new RegExp(`script-src ${apiOrigin}(;|$)`), csp);
    assert.match(csp, new RegExp(`connect-src ${apiOrigin}(;|$)`), csp);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(response.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');

    const page = await (await browser.createBrowserContext()).newPage();
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);
    await page.waitForFunction((s) => document.querySelectorAll(`${s} tbody input[type=checkbox]`).length === 3, { timeout: 20_000 }, scope);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), [], 'nothing the page needs is blocked');
    await page.browserContext().close();
  });

  test('the demo parent pays the three, then downloads this year’s attestation fiscale: a real PDF with the care paid for each child', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.goto(`http://localhost:${demo.demoPort}/`);
    await logInOnPage(page);
    await page.waitForFunction((s) => document.querySelectorAll(`${s} tbody input[type=checkbox]`).length === 3, { timeout: 20_000 }, scope);
    // Last year's attestation is there from the start.
    const year = new Date().getFullYear();
    assert.ok((await text(page, `${scope} [part=attestations]`)).includes(`Année ${year - 1} : 147,68${NBSP}€`));
    for (const box of await page.$$(`${scope} tbody input[type=checkbox]`)) await box.click();
    const navigation = page.waitForNavigation({ timeout: 20_000 });
    await page.click(`${scope} [part=totals] button ::-p-text(Payer)`);
    await navigation;
    await modes[0]!.choose(page, 'pay');
    await page.waitForSelector(`${scope} ::-p-text(Paiement accepté)`, { timeout: 20_000 });

    // Care only (meals left out): Léa 136,32 € + 125,67 €, Hugo 12,25 €.
    const attestations = `${scope} [part=attestations]`;
    await page.waitForFunction((s, y) => document.querySelector(s)?.textContent?.includes(`Année ${y}`), { timeout: 20_000 }, attestations, String(year));
    const shown = await text(page, attestations);
    assert.ok(shown.includes(`Année ${year} : 274,24${NBSP}€`), shown);
    const pdf = page.waitForResponse((r) => r.url().endsWith(`/attestations/${year}/pdf`), { timeout: 20_000 });
    // With the keyboard: the blocks above (the dashboard reading its summary again after the
    // payment) may still move the page, and a mouse click at the button's former place misses.
    const download = await page.waitForSelector(`${attestations} button ::-p-text(Télécharger l’attestation fiscale ${year})`);
    await download!.focus();
    await page.keyboard.press('Enter');
    const response = await pdf;
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    const drawn = pdfText(new Uint8Array(await response.buffer()));
    for (const expected of [`année ${year}`, 'Léa Martin', '261,99', 'Hugo Martin', '12,25', '274,24'])
      assert.ok(drawn.includes(expected), `${expected} in the PDF:\n${drawn}`);
    await page.browserContext().close();
  });
});
