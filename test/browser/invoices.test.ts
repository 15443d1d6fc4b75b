import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createClient, invoices } from '@famille/sdk';
import type { FamilleClient } from '@famille/sdk';
import { html, render } from 'lit';
import * as invoicesStories from '../../stories/invoices.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { downloadsOf } from './support/downloads.ts';
import { assert, fill, focusJustBefore, pressButton, tabTo, text } from './keyboard.ts';
import { buttonByText, settle, waitFor, waitForText } from '../../stories/support/play.ts';
import { startMockServer } from '@famille/mock-server';
import { demo, prepareMockServer } from '../../stories/support/mock.ts';
import { paymentOutcome } from '../../stories/support/invoices.ts';
import { anotherParentOffline, anotherParentWhileLoading } from './session.ts';
import { recordRequests, untilSent } from './support/requests.ts';
import type { FamilleInvoices } from '@famille/elements';
import { flowsModule } from '../../packages/elements/src/invoices/invoices.ts';

const stories = invoicesStories as unknown as StoriesModule;

describe('famille-invoices with the keyboard', () => {
  it('selects two invoices with Space, announces "Total à régler", and "Payer" with Enter starts one payment for both', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    const started: CustomEvent<{ transactionId: string; redirectUrl: string }>[] = [];
    // Cancelled: the test page must not leave for the payment page.
    canvas.addEventListener('famille-payment-started', (e) => {
      started.push(e);
      e.preventDefault();
    });
    focusJustBefore(canvas);

    const live = canvas.querySelector('[part=total]')!;
    assert(live.getAttribute('aria-live') === 'polite', '"Total à régler" sits in a polite live region');
    assert(text(live).includes('Total à régler : 0,00'), `nothing selected yet: ${text(live)}`);

    const named = (words: string) => (el: Element | null) =>
      el instanceof HTMLInputElement && el.type === 'checkbox' && !!el.labels?.[0]?.textContent?.includes(words);
    const rows = [...canvas.querySelectorAll('tbody tr')];
    const numbers = rows.map((row) => text(row.querySelector('th')));
    const payable = rows.filter((row) => row.querySelector('input[type=checkbox]')).map((row) => text(row.querySelector('th')));
    assert(payable.length === numbers.length - 1, 'every invoice but the paid one has a checkbox');

    // The 58,23 € invoice (à payer) and the 25,00 € late one.
    const numberOf = (amount: string) => text(rows.find((row) => text(row).includes(amount) && row.querySelector('input'))!.querySelector('th'));
    payable.splice(0, payable.length, numberOf('58,23'), numberOf('25,00'));
    await tabTo(named(`n° ${payable[0]}`), `the checkbox of ${payable[0]}`);
    await sendKeys({ press: 'Space' });
    await waitFor(() => text(live).includes('58,23'), '"Total à régler" after the first');
    await tabTo(named(`n° ${payable[1]}`), `the checkbox of ${payable[1]}`);
    await sendKeys({ press: 'Space' });
    await waitFor(() => text(live).includes('83,23'), '"Total à régler" after the second');
    assert(live.getAttribute('aria-live') === 'polite', 'still the same live region');

    await tabTo((el) => text(el) === 'Payer', '"Payer"');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => started.length === 1, 'famille-payment-started');
    const { transactionId, redirectUrl } = started[0]!.detail;
    assert(redirectUrl.includes(transactionId), `the payment page of this transaction: ${redirectUrl}`);

    const client = (canvas.querySelector('famille-invoices') as HTMLElement & { client: FamilleClient }).client;
    const transaction = await invoices(client).transaction(transactionId);
    assert(
      JSON.stringify(transaction.invoices.map((i) => i.number).sort()) === JSON.stringify([payable[0], payable[1]].sort()),
      `one transaction for both selected invoices: ${transaction.invoices.map((i) => i.number).join(', ')}`,
    );
    assert(transaction.amountCents === 8323, `the sum of both balances: ${transaction.amountCents}`);
  });

  it('"Payer" with nothing selected says why and starts nothing', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    let started = 0;
    canvas.addEventListener('famille-payment-started', (e) => {
      started++;
      e.preventDefault();
    });
    const pay = await waitFor(() => [...canvas.querySelectorAll('button')].find((b) => text(b) === 'Payer'), '"Payer"');
    assert(pay.getAttribute('aria-disabled') === 'true', '"Payer" is disabled');
    const hint = document.getElementById(pay.getAttribute('aria-describedby')!);
    assert(text(hint).includes('Sélectionnez au moins une facture'), `the reason is linked: ${text(hint)}`);
    const payments = recordRequests('/payments/transactions', 'POST');
    try {
      pay.focus();
      await sendKeys({ press: 'Enter' });
      pay.click();
      await untilSent(pay);
    } finally {
      payments.restore();
    }
    assert(payments.exchanges.length === 0, `no payment asked of the server: ${JSON.stringify(payments.exchanges)}`);
    assert(text(pay) === 'Payer' && pay.getAttribute('aria-busy') === 'false', `"Payer" not busy: ${text(pay)}`);
    assert(!canvas.querySelector('[part=totals] [part=alert]'), 'no failure shown');
    assert(text(canvas.querySelector('[part=total]')).includes('0,00') && started === 0, 'nothing selected, no payment started');
  });
});

/** Captures the files the element saves (the anchor it clicks), instead of downloading them. */
function captureDownloads(): { saved: { name: string; bytes: Promise<string> }[]; restore(this: void): void } {
  const saved: { name: string; bytes: Promise<string> }[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with `.call(this)` and put back by restore()
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (!this.download) return click.call(this);
    // Read at once: the element revokes the object URL right after.
    saved.push({
      name: this.download,
      bytes: fetch(this.href)
        .then((r) => r.blob())
        .then((b) => b.slice(0, 5).text()),
    });
  };
  return { saved, restore: () => void (HTMLAnchorElement.prototype.click = click) };
}

describe('famille-invoices PDFs', () => {
  it('downloads an invoice’s PDF with Enter; when the network fails, says so, keeps the page, and "Réessayer" downloads it', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    const downloads = captureDownloads();
    try {
      const rows = [...canvas.querySelectorAll('tbody tr')];
      const number = text(rows[0]!.querySelector('th'));
      const pdfButton = (el: Element | null) => el instanceof HTMLButtonElement && text(el).includes(`de la facture n° ${number}`);
      await tabTo(pdfButton, `the PDF button of ${number}`);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => downloads.saved.length === 1, 'the PDF saved');
      assert(downloads.saved[0]!.name === `facture-${number}.pdf`, `named after the invoice: ${downloads.saved[0]!.name}`);
      assert((await downloads.saved[0]!.bytes) === '%PDF-', 'a real PDF');

      const mock = await startMockServer();
      mock.setOffline(true);
      try {
        await sendKeys({ press: 'Enter' });
        const alert = await waitFor(() => canvas.querySelector('[part=download-alert] [part=alert]'), 'the download failure');
        await waitFor(() => document.activeElement === alert, 'focus on the failure');
        assert(text(alert).includes('Le PDF n’a pas pu être téléchargé'), `says what failed: ${text(alert)}`);
        assert(canvas.querySelectorAll('tbody tr').length === rows.length, 'the invoices stay on the page');
        assert(!canvas.querySelector('[part=totals] [part=alert]'), 'not mistaken for a payment failure');
      } finally {
        mock.setOffline(false);
      }
      await tabTo((el) => text(el) === 'Réessayer', '"Réessayer"');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => downloads.saved.length === 2, 'the PDF saved on retry');
      assert((await downloads.saved[1]!.bytes) === '%PDF-', 'a real PDF on retry');
      await waitFor(() => !canvas.querySelector('[part=download-alert]'), 'the failure cleared');
    } finally {
      downloads.restore();
    }
  });
});

describe('famille-invoices attestation fiscale and facture en ligne', () => {
  it('shows this year’s attestation (the counter payments for Léo, under 6) and downloads its PDF with the keyboard', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    const downloads = captureDownloads();
    try {
      const year = new Date().getFullYear();
      const section = await waitForText(canvas, '[part=attestations]', `Année ${year}`);
      // The story records 20,00 € by cheque and 10,00 € in cash for Léo's invoices.
      assert(text(section).includes(`Année ${year} : 30,00`), `the year's total: ${text(section)}`);
      assert(text(section).includes('Léo Martin : 30,00'), `per child: ${text(section)}`);
      await tabTo((el) => text(el) === `Télécharger l’attestation fiscale ${year} (PDF)`, 'the attestation button');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => downloads.saved.length === 1, 'the attestation saved');
      assert(downloads.saved[0]!.name === `attestation-fiscale-${year}.pdf`, `its name: ${downloads.saved[0]!.name}`);
      assert((await downloads.saved[0]!.bytes) === '%PDF-', 'a real PDF');
    } finally {
      downloads.restore();
    }
  });

  it('chooses the online invoice for Léo with the keyboard alone, saves it with "Valider", and the server has it', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    const section = await waitForText(canvas, '[part=preferences]', 'Léo Martin');
    const radio = (label: string) => (el: Element | null) =>
      el instanceof HTMLInputElement && el.type === 'radio' && !!el.labels?.[0]?.textContent?.includes(label);
    const paper = [...section.querySelectorAll('input[type=radio]')].find(radio('Facture papier')) as HTMLInputElement;
    assert(paper.checked, 'paper invoices until the parent chooses');
    await tabTo(radio('Facture papier'), 'the checked radio of Léo');
    // Arrow keys move within the radio group and check the one they reach.
    await sendKeys({ press: 'ArrowUp' });
    await waitFor(
      () => radio('Facture en ligne')(document.activeElement) && (document.activeElement as HTMLInputElement).checked,
      '"Facture en ligne" checked',
    );
    await tabTo((el) => text(el) === 'Valider', '"Valider"');
    await sendKeys({ press: 'Enter' });
    await waitForText(section, '[role=status]', 'Vos choix sont enregistrés.');
    const client = (canvas.querySelector('famille-invoices') as HTMLElement & { client: FamilleClient }).client;
    const { children } = await invoices(client).preferences();
    assert(children.length === 1 && children[0]!.name === 'Léo Martin' && children[0]!.electronicInvoice, `saved: ${JSON.stringify(children)}`);
  });
});

describe('famille-invoices with many invoices', () => {
  it('shows the newest 50, then the older ones with the keyboard, focus on the first that appeared; the whole history likewise', async () => {
    const canvas = await runStory(stories, invoicesStories.ManyInvoices);
    await waitForText(canvas, 'p', '3 factures plus anciennes non affichées');
    assert(canvas.querySelectorAll('tbody tr').length === 50, `50 rows at first: ${canvas.querySelectorAll('tbody tr').length}`);
    // Past each row's checkbox and PDF button.
    await tabTo((el) => text(el) === 'Afficher 3 factures plus anciennes', 'the button', 200);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => canvas.querySelectorAll('tbody tr').length === 53, 'every invoice shown');
    const rows = canvas.querySelectorAll('tbody tr');
    await waitFor(() => document.activeElement === rows[50]!.querySelector('th'), 'focus on the first row that appeared');
    assert(!canvas.textContent.includes('non affichée'), 'nothing hidden any more');

    const history = canvas.querySelector('[part=history]')!;
    assert(history.querySelectorAll(':scope > ul > li').length === 10, 'the newest 10 payments at first');
    await tabTo((el) => text(el) === 'Afficher tout l’historique (12 paiements)', 'the history button', 200);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => history.querySelectorAll(':scope > ul > li').length === 12, 'every payment shown');
    await waitFor(() => document.activeElement === history.querySelectorAll(':scope > ul > li')[10], 'focus on the first payment that appeared');
  });

  it('is a table on a wide page and a list of cards on a narrow one', async () => {
    const wide = await runStory(stories, invoicesStories.List);
    await waitForText(wide, 'table', 'F');
    assert(getComputedStyle(wide.querySelector('tbody tr')!).display === 'table-row', 'rows of a table on a wide page');
    const narrow = await runStory(stories, invoicesStories.PhoneWidth);
    await waitForText(narrow, 'table', 'F');
    assert(getComputedStyle(narrow.querySelector('tbody tr')!).display === 'grid', 'cards on a narrow one (a grid each)');
  });
});

describe('famille-invoices on a phone', () => {
  it('keeps "Total à régler" and "Payer" on screen while an invoice is selected, hides no card’s control from the keyboard, and the last card stays reachable', async () => {
    await setViewport({ width: 375, height: 667 });
    try {
      const canvas = await runStory(stories, invoicesStories.List);
      const rows = [...canvas.querySelectorAll('tbody tr')];
      assert(getComputedStyle(rows[0]!).display === 'grid', 'cards on a phone');
      const totals = canvas.querySelector<HTMLElement>('[part=totals]')!;
      const pay = [...totals.querySelectorAll('button')].find((b) => text(b) === 'Payer')!;
      const inView = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
      };

      const first = rows.find((row) => row.querySelector('input[type=checkbox]'))!;
      first.scrollIntoView({ block: 'start' });
      assert(!inView(pay), `"Payer" is below the cards while nothing is selected: ${JSON.stringify(pay.getBoundingClientRect())}`);
      const checkbox = first.querySelector('input')!;
      checkbox.focus();
      await sendKeys({ press: 'Space' });
      const balance = text(first.querySelectorAll('td.famille-amount')[1]!);
      await waitFor(() => text(canvas.querySelector('[part=total]')).includes(`Total à régler : ${balance}`), `"Total à régler : ${balance}"`);
      assert(inView(pay), `"Payer" on screen: ${JSON.stringify(pay.getBoundingClientRect())}, viewport ${innerWidth}×${innerHeight}`);
      assert(inView(canvas.querySelector('[part=total]')!), '"Total à régler" on screen');
      assert(checkbox.getBoundingClientRect().bottom <= totals.getBoundingClientRect().top, 'the selected card’s checkbox is not under the totals');
      const style = getComputedStyle(totals);
      assert(style.backgroundColor !== 'rgba(0, 0, 0, 0)' && parseFloat(style.borderTopWidth) > 0, `an opaque bar with a top border: ${style.backgroundColor}`);

      // Tab through the cards to "Payer": each control focused shows above the totals.
      for (let i = 0; i < 40 && document.activeElement !== pay; i++) {
        await sendKeys({ press: 'Tab' });
        const focused = document.activeElement!;
        if (!focused.closest('tbody')) continue;
        assert(
          focused.getBoundingClientRect().bottom <= totals.getBoundingClientRect().top,
          `${text(focused.closest('tr')?.querySelector('th') ?? null)}: its ${focused.tagName} is not hidden under the totals`,
        );
      }
      assert(document.activeElement === pay, 'Tab reaches "Payer" after the cards');

      // At the end of the list, the totals are back in their place, below the last card.
      const last = rows.at(-1)!;
      last.scrollIntoView({ block: 'start' });
      assert(last.getBoundingClientRect().bottom <= totals.getBoundingClientRect().top, 'the last card is above the totals, not under them');
      assert(inView(last.querySelector('button')!), 'the last card’s PDF button on screen');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('famille-invoices headings', () => {
  it('follows heading-level (title h3, sections h4) and hide-heading hides the title visually only', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    const element = canvas.querySelector('famille-invoices')!;
    const title = () => canvas.querySelector('[part=heading]')!;
    // Payment history, attestations fiscales (and the facture en ligne, with a child to bill).
    const sectionHeadings = () => [...canvas.querySelectorAll('section')].map((section) => section.firstElementChild!);
    const outline = () => [title(), ...sectionHeadings()].map((h) => h.tagName).join(' ');
    assert(sectionHeadings().length >= 2, `the sections: ${outline()}`);
    assert(title().tagName === 'H2' && sectionHeadings().every((h) => h.tagName === 'H3'), `by default: ${outline()}`);
    element.setAttribute('heading-level', '3');
    await element.updateComplete;
    assert(title().tagName === 'H3' && sectionHeadings().every((h) => h.tagName === 'H4'), `heading-level="3": ${outline()}`);
    assert(text(title()) === 'Mes factures' && title().getAttribute('tabindex') === '-1', 'the title, focusable');
    const history = canvas.querySelector('[part=history]')!;
    assert(history.getAttribute('aria-labelledby') === history.firstElementChild!.id, 'each section named by its heading');

    element.setAttribute('hide-heading', '');
    await element.updateComplete;
    const hidden = title();
    assert(hidden.classList.contains('famille-sr') && text(hidden) === 'Mes factures', 'the title hidden visually, still in the page');
    assert(hidden.getBoundingClientRect().height <= 1, 'takes no room');
  });
});

describe('famille-invoices back from the payment page', () => {
  it('when the outcome cannot be read, says so; "Réessayer" reads it again and the failure goes', async () => {
    await prepareMockServer();
    const { client, transactionId } = await paymentOutcome('paid');
    // The same parent, on a network that loses the reads of this transaction until `down` is false.
    let down = true;
    const url = (input: RequestInfo | URL) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const flaky = createClient({
      baseUrl: '/api',
      tenant: demo.tenant,
      auth: 'token',
      fetch: (input, init) => (down && url(input).includes(transactionId) ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init)),
    });
    flaky.tokens.set(client.tokens.get());
    document.body.replaceChildren();
    render(html`<famille-invoices .client=${flaky} payment-transaction=${transactionId}></famille-invoices>`, document.body);

    // Once the invoices are read, focus moves to the failure (rendered anew with them).
    await waitForText(document.body, 'table', 'F');
    const alert = await waitFor(() => document.activeElement?.matches('[part=alert]') && document.activeElement, 'focus on the failure');
    assert(text(alert).includes('Réessayer'), `with "Réessayer": ${text(alert)}`);
    down = false;
    await tabTo((el) => text(el) === 'Réessayer', '"Réessayer"');
    await sendKeys({ press: 'Enter' });
    const notice = await waitForText(document.body, '[part=notice]', 'Paiement accepté');
    assert(!document.querySelector('famille-invoices [part=alert]'), 'the failure is gone');
    await waitFor(() => document.activeElement === notice, 'focus on the outcome');
  });
});

describe('famille-invoices: paying, the outcome and the e-invoice choices, loaded on demand', () => {
  const downloads = downloadsOf(flowsModule);
  afterEach(() => downloads.restore());

  it('"Payer" is busy while that code loads; when it cannot be fetched, the network error with "Réessayer", the selection kept, and "Réessayer" starts the payment', async () => {
    const end = downloads.hold();
    const canvas = await runStory(stories, invoicesStories.List);
    const started: string[] = [];
    canvas.addEventListener('famille-payment-started', (e) => {
      started.push((e as CustomEvent<{ transactionId: string }>).detail.transactionId);
      e.preventDefault();
    });
    // The 58,23 € invoice: above the online minimum.
    const row = [...canvas.querySelectorAll('tbody tr')].find((r) => text(r).includes('58,23') && r.querySelector('input'))!;
    const box = row.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    box.click();
    const live = canvas.querySelector('[part=total]')!;
    await waitFor(() => !text(live).includes('0,00 €'), '"Total à régler" after the selection');
    const total = text(live);
    const pay = buttonByText(canvas, 'Payer')!;
    pay.focus();
    pay.click();
    await settle(pay);
    assert(pay.getAttribute('aria-busy') === 'true' && pay.getAttribute('aria-disabled') === 'true', 'the button is busy while the code loads');
    assert(document.activeElement === pay, 'and keeps focus');
    end(false);
    const alert = await waitForText(canvas, '[part=totals] [part=alert]', 'injoignable');
    await waitFor(() => document.activeElement === alert, 'focus on the message');
    assert(box.checked && text(live) === total, `the selection kept: ${text(live)}`);
    assert(started.length === 0, 'no payment started');
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    await waitFor(() => started.length === 1, 'famille-payment-started on retry');
  });

  it('back from the payment page, says the outcome is being checked while that code loads, the network error with "Réessayer" when it cannot be fetched, then the outcome', async () => {
    const end = downloads.hold();
    const canvas = await runStory(stories, { ...invoicesStories.PaidOutcome, play: undefined });
    await waitForText(canvas, '[role=status]', 'Vérification du résultat de votre paiement');
    end(false);
    const alert = await waitFor(() => document.activeElement?.matches('[part=alert]') && document.activeElement, 'focus on the failure');
    assert(text(alert).includes('injoignable') && text(alert).includes('Réessayer'), `the network error with "Réessayer": ${text(alert)}`);
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    const notice = await waitForText(canvas, '[part=notice]', 'Paiement accepté');
    await waitFor(() => document.activeElement === notice, 'focus on the outcome');
    assert(!canvas.querySelector('[part=alert]'), 'the failure is gone');
  });

  it('speaks English in the outcome of an English page', async () => {
    const canvas = await runStory(stories, { ...invoicesStories.PaidOutcome, args: { lang: 'en' }, play: undefined });
    await waitForText(canvas, '[part=notice]', 'Payment accepted');
    assert(!/Paiement|Vérification/.test(text(canvas)), 'no French left');
  });

  it('saves the e-invoice choices once that code is here, and says so when it cannot be fetched, keeping the choice', async () => {
    downloads.fail();
    const canvas = await runStory(stories, invoicesStories.List);
    const section = await waitForText(canvas, '[part=preferences]', 'Léo Martin');
    const online = [...section.querySelectorAll<HTMLInputElement>('input[type=radio]')].find((r) => r.labels?.[0]?.textContent?.includes('Facture en ligne'))!;
    online.click();
    buttonByText(section, 'Valider')!.click();
    const alert = await waitForText(section, '[part=alert]', 'injoignable');
    await waitFor(() => document.activeElement === alert, 'focus on the message');
    assert(online.checked, 'the choice kept');
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    await waitForText(section, '[role=status]', 'Vos choix sont enregistrés.');
    const client = (canvas.querySelector('famille-invoices') as HTMLElement & { client: FamilleClient }).client;
    assert((await invoices(client).preferences()).children[0]!.electronicInvoice, 'saved on the server');
  });
});

describe('famille-invoices when another parent logs in', () => {
  it('shows nothing of the previous family while theirs loads: no invoice, total, payment, attestation or choice', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    const numbers = [...canvas.querySelectorAll('tbody th')].map(text);
    const alert = await anotherParentOffline(canvas.querySelector('famille-invoices') as FamilleInvoices);
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(
      !canvas.querySelector('table, [part=totals], [part=history], [part=attestations], [part=preferences]'),
      `no section of the previous family: ${text(canvas)}`,
    );
    assert(numbers.length > 0 && !numbers.some((n) => text(canvas).includes(n)) && !text(canvas).includes('Léo'), `none of its words: ${text(canvas)}`);
  });

  it('drops the previous family’s answers that arrive after the change', async () => {
    const canvas = await runStory(stories, invoicesStories.List);
    const numbers = [...canvas.querySelectorAll('tbody th')].map(text);
    const alert = await anotherParentWhileLoading(canvas.querySelector('famille-invoices') as FamilleInvoices);
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(
      !canvas.querySelector('table, [part=totals], [part=history], [part=attestations], [part=preferences]'),
      `no section of the previous family: ${text(canvas)}`,
    );
    assert(numbers.length > 0 && !numbers.some((n) => text(canvas).includes(n)) && !text(canvas).includes('Léo'), `none of its words: ${text(canvas)}`);
  });
});

describe('a bearer-token session across a reload (page and API on different sites)', () => {
  it('is kept in this tab: the reloaded page’s portal finds the parent logged in, and logging out forgets it', async () => {
    await prepareMockServer();
    const page = document.createElement('div');
    document.body.append(page);
    // What the town's page holds; mounting it again is what a reload (or the way back from paying) does.
    const load = () => {
      render(html``, page);
      render(html`<famille-portal api="/api" tenant=${demo.tenant} auth="token"><famille-login></famille-login></famille-portal>`, page);
    };
    const kept = () => Object.keys(sessionStorage).filter((key) => key.startsWith('famille-session:'));
    try {
      load();
      await fill(page, 'Identifiant', demo.identifiant);
      await fill(page, 'Mot de passe', demo.password);
      await sendKeys({ press: 'Enter' });
      await waitForText(page, 'button', 'Se déconnecter');
      assert(kept().length === 1, `the token is kept in this tab: ${kept().join()}`);

      load();
      await waitForText(page, 'button', 'Se déconnecter');
      assert(!page.querySelector('input[autocomplete="current-password"]'), 'logged in after the reload, no login form');

      await pressButton('Se déconnecter');
      await waitFor(() => page.querySelector('input[autocomplete="current-password"]'), 'the login form after logging out');
      assert(kept().length === 0, `nothing kept after logging out: ${kept().join()}`);
      load();
      await waitFor(() => page.querySelector('input[autocomplete="current-password"]'), 'still logged out after a reload');
    } finally {
      render(html``, page);
      page.remove();
      for (const key of kept()) sessionStorage.removeItem(key);
    }
  });
});
