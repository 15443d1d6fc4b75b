import { sendKeys } from '@web/test-runner-commands';
import { startMockServer } from '@famille/mock-server';
import { familyDocuments, type FamilleClient } from '@famille/sdk';
import type { FamilleDocuments, FamilleDocumentsEvents } from '@famille/elements';
import { documentValidUntil } from '@famille/contract';
import * as documentsStories from '../../stories/documents.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { assert, fill, focusJustBefore, pressButton, tabTo, text } from './keyboard.ts';
import { attach, click, inputByLabel, selectByLabel, type, waitFor, waitForText } from '../../stories/support/play.ts';
import { pdfFile } from '../../stories/support/mock.ts';
import { anotherParentOffline, anotherParentWhileLoading } from './session.ts';

const stories = documentsStories as unknown as StoriesModule;
const element = (canvas: HTMLElement) => canvas.querySelector('famille-documents') as FamilleDocuments;
const clientOf = (canvas: HTMLElement) => element(canvas).client as FamilleClient;

/** JJ/MM/AAAA and ISO, `days` from today in Paris. */
function dayIn(days: number): { typed: string; iso: string } {
  const iso = new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
  return { iso, typed: iso.split('-').reverse().join('/') };
}
const longDate = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(iso));

/** Renders a story, records the element's events and puts focus just before it, as a page would. */
async function start(story: object) {
  const canvas = await runStory(stories, story);
  const stored: CustomEvent<FamilleDocumentsEvents['famille-document-stored']>[] = [];
  const deleted: CustomEvent<FamilleDocumentsEvents['famille-document-deleted']>[] = [];
  canvas.addEventListener('famille-document-stored', (e) => stored.push(e));
  canvas.addEventListener('famille-document-deleted', (e) => deleted.push(e));
  await waitFor(() => canvas.querySelector('form'), 'the form');
  focusJustBefore(canvas);
  return { canvas, stored, deleted };
}

const buttonFor = (canvas: HTMLElement, action: string, name: string) =>
  [...canvas.querySelectorAll<HTMLElement>(`[data-action=${action}]`)].find((b) => text(b).includes(name));

describe('famille-documents by keyboard alone', () => {
  it('stores a justificatif de domicile with its date: the confirmation takes focus, the list shows its validity', async () => {
    const { canvas, stored } = await start(documentsStories.Empty);
    const select = selectByLabel(canvas, 'Type de document')!;
    await tabTo((el) => el === select, 'the type');
    // A closed select takes the arrow keys: down to the justificatif de domicile.
    for (let i = 0; i < 5 && !select.selectedOptions[0]?.text.startsWith('Justificatif de domicile'); i++) await sendKeys({ press: 'ArrowDown' });
    assert(select.value === 'justificatif-domicile', `the type chosen: ${select.value}`);
    const date = dayIn(-5);
    await fill(canvas, 'Date du document', date.typed);
    // The OS file picker is outside the page: the file is given as a picker would.
    await attach(canvas, 'Fichier', pdfFile('facture-eau.pdf'));
    await pressButton('Enregistrer le document');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'focus on the confirmation');
    assert(text(document.activeElement).includes('facture-eau.pdf est enregistré'), text(document.activeElement));
    const card = await waitForText(canvas, '[part=document]', 'facture-eau.pdf');
    assert(text(card).includes(`Valable jusqu’au ${longDate(documentValidUntil(date.iso, 3))}`), text(card));
    assert(stored.length === 1 && stored[0]!.detail.document.type === 'justificatif-domicile', 'famille-document-stored');
    // The form is empty again, ready for the next document.
    assert(selectByLabel(canvas, 'Type de document')!.value === '' && !inputByLabel(canvas, 'Date du document'), 'the form starts again');
  });

  it('replaces the expired justificatif: focus on the form, then back on the list; "Annuler" returns to its button', async () => {
    const { canvas, stored } = await start(documentsStories.List);
    const replace = buttonFor(canvas, 'replace', 'quittance-ancienne.pdf')!;
    await tabTo((el) => el === replace, 'Remplacer quittance-ancienne.pdf');
    await sendKeys({ press: 'Enter' });
    await waitFor(
      () => document.activeElement?.matches('h3') && text(document.activeElement) === 'Remplacer quittance-ancienne.pdf',
      'focus on the form’s title',
    );
    await pressButton('Annuler');
    await waitFor(() => document.activeElement === buttonFor(canvas, 'replace', 'quittance-ancienne.pdf'), 'focus back on its button');

    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(document.activeElement) === 'Remplacer quittance-ancienne.pdf', 'the form again');
    await fill(canvas, 'Date du document', dayIn(-1).typed);
    await attach(canvas, 'Fichier', pdfFile('quittance-recente.pdf'));
    await pressButton('Enregistrer le document');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'focus on the confirmation');
    const card = await waitForText(canvas, '[part=document]', 'quittance-recente.pdf');
    assert(!card.querySelector('[part=badge]'), 'no longer expired');
    assert(!canvas.textContent?.includes('quittance-ancienne.pdf'), 'the old file is gone from the list');
    assert(stored.length === 1, 'famille-document-stored');
  });

  it('deletes only after confirming: "Annuler" keeps it and returns focus; "Supprimer le document" removes it from the store', async () => {
    const { canvas, deleted } = await start(documentsStories.List);
    const remove = buttonFor(canvas, 'remove', 'facture-electricite.pdf')!;
    await tabTo((el) => el === remove, 'Supprimer facture-electricite.pdf');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(document.activeElement) === 'Supprimer facture-electricite.pdf ?', 'focus on the question');
    await pressButton('Annuler');
    await waitFor(() => document.activeElement === buttonFor(canvas, 'remove', 'facture-electricite.pdf'), 'focus back on its button');
    assert(deleted.length === 0, 'nothing deleted');

    await sendKeys({ press: 'Enter' });
    await pressButton('Supprimer le document');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'focus on the confirmation');
    assert(text(document.activeElement).includes('facture-electricite.pdf a été supprimé'), text(document.activeElement));
    assert(!buttonFor(canvas, 'remove', 'facture-electricite.pdf'), 'gone from the list');
    const { documents } = await familyDocuments(clientOf(canvas)).list();
    assert(!documents.some((d) => d.fileName === 'facture-electricite.pdf'), 'gone from the store');
    assert(deleted.filter((e) => e.detail.id).length === 1, 'famille-document-deleted, with the id');
  });
});

describe('famille-documents keeps what the parent gave', () => {
  it('on errors: the summary takes focus and links to the field; type, date and file stay, and the corrected form is stored', async () => {
    const { canvas } = await start(documentsStories.Empty);
    await click(canvas, 'Enregistrer le document');
    const summary = await waitFor(() => (document.activeElement?.matches('[part=error-summary]') ? document.activeElement : null), 'the summary');
    assert(text(summary).includes('Choisissez le type de document.') && text(summary).includes('Choisissez le fichier du document.'), text(summary));

    const select = selectByLabel(canvas, 'Type de document')!;
    select.value = 'justificatif-domicile';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await type(canvas, 'Date du document', '31/02/2026');
    const file = await attach(canvas, 'Fichier', pdfFile('facture-internet.pdf'));
    await click(canvas, 'Enregistrer le document');
    const link = await waitFor(
      () => [...canvas.querySelectorAll<HTMLAnchorElement>('[part=error-summary] a')].find((a) => text(a).includes('JJ/MM/AAAA')),
      'the date’s error',
    );
    link.click();
    assert(document.activeElement === inputByLabel(canvas, 'Date du document'), 'the link leads to the date');
    assert(select.value === 'justificatif-domicile' && inputByLabel(canvas, 'Date du document')!.value === '31/02/2026', 'type and date kept');
    assert(file.files?.length === 1 && file.files[0]!.name === 'facture-internet.pdf', 'the file kept');

    await type(canvas, 'Date du document', dayIn(-2).typed);
    await click(canvas, 'Enregistrer le document');
    await waitForText(canvas, '[part=document]', 'facture-internet.pdf');
  });

  it('on a network failure: nothing lost, "Réessayer" stores it once the network is back', async () => {
    const { canvas } = await start(documentsStories.Empty);
    const select = selectByLabel(canvas, 'Type de document')!;
    select.value = 'extrait-naissance';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const file = await attach(canvas, 'Fichier', pdfFile('acte.pdf'));
    const mock = await startMockServer();
    mock.setOffline(true);
    await click(canvas, 'Enregistrer le document');
    await waitFor(() => document.activeElement?.matches('[part=alert]'), 'focus on the message');
    assert(text(document.activeElement).includes('injoignable'), text(document.activeElement));
    assert(select.value === 'extrait-naissance' && file.files?.[0]?.name === 'acte.pdf', 'type and file kept');
    mock.setOffline(false);
    await click(canvas, 'Réessayer');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'stored after the retry');
    const { documents } = await familyDocuments(clientOf(canvas)).list();
    assert(documents.length === 1 && documents[0]!.fileName === 'acte.pdf', 'stored once');
  });

  it('"Annuler l’envoi" stops the upload: no failure shown, focus on the file field, type and date kept, nothing stored', async () => {
    const { canvas } = await start(documentsStories.Empty);
    const select = selectByLabel(canvas, 'Type de document')!;
    select.value = 'justificatif-domicile';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await type(canvas, 'Date du document', dayIn(-1).typed);
    await attach(canvas, 'Fichier', pdfFile('facture-lente.pdf'));
    (await startMockServer()).setLatency('never');
    await click(canvas, 'Enregistrer le document');
    await waitFor(() => canvas.querySelector('progress'), 'the progress bar');
    await pressButton('Annuler l’envoi facture-lente.pdf');
    await waitFor(() => document.activeElement === inputByLabel(canvas, 'Fichier'), 'focus on the file field');
    assert(!canvas.querySelector('progress, [part=alert], [part=notice]'), `no progress, failure or confirmation: ${text(canvas)}`);
    assert(select.value === 'justificatif-domicile' && inputByLabel(canvas, 'Date du document')!.value === dayIn(-1).typed, 'type and date kept');
    (await startMockServer()).setLatency(0);
    const { documents } = await familyDocuments(clientOf(canvas)).list();
    assert(documents.length === 0, 'nothing stored');
  });

  it('downloads a document through the SDK, as a file of its name', async () => {
    const { canvas } = await start(documentsStories.List);
    const saved: { name: string; href: string }[] = [];
    // The anchor saveFile clicks: its download name and blob URL, instead of a real download.
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    };
    try {
      buttonFor(canvas, 'download', 'acte-naissance-leo.pdf')!.click();
      await waitFor(() => saved.length === 1, 'the download');
    } finally {
      // HTMLElement's own click again.
      delete (HTMLAnchorElement.prototype as { click?: unknown }).click;
    }
    assert(saved[0]!.name === 'acte-naissance-leo.pdf' && saved[0]!.href.startsWith('blob:'), JSON.stringify(saved));
  });
});

describe('famille-documents when another parent logs in', () => {
  it('shows nothing of the previous family while theirs cannot be read, not even the form’s choices', async () => {
    const { canvas } = await start(documentsStories.List);
    const select = selectByLabel(canvas, 'Type de document')!;
    select.value = 'extrait-naissance';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const alert = await anotherParentOffline(element(canvas));
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(!canvas.querySelector('[part=document], form'), `no document, no form: ${text(canvas)}`);
    assert(!text(canvas).includes('facture-electricite.pdf'), 'none of its file names');
  });

  it('drops the previous family’s list that arrives after the change', async () => {
    const { canvas } = await start(documentsStories.List);
    const alert = await anotherParentWhileLoading(element(canvas));
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(!canvas.querySelector('[part=document]') && !text(canvas).includes('facture-electricite.pdf'), `nothing of the previous family: ${text(canvas)}`);
  });
});
