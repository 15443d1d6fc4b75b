import { sendKeys } from '@web/test-runner-commands';
import { startMockServer } from '@famille/mock-server';
import { familyDocuments, preregistration, type FamilleClient } from '@famille/sdk';
import type { FamillePreregistration, FamillePreregistrationEvents } from '@famille/elements';
import * as preregistrationStories from '../../stories/preregistration.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { downloadsOf } from './support/downloads.ts';
import { assert, focusedHeading, focusJustBefore, pressButton, tabTo, text } from './keyboard.ts';
import { attach, buttonByText, click, inputByLabel, pick, selectByLabel, settle, type, waitFor, waitForText } from '../../stories/support/play.ts';
import { isoIn, pdfFile } from '../../stories/support/mock.ts';
import { typedIn } from '../../stories/support/preregistration.ts';
import { anotherParentOffline, anotherParentWhileLoading } from './session.ts';
import { wizardModule } from '../../packages/elements/src/preregistration/preregistration.ts';

const stories = preregistrationStories as unknown as StoriesModule;

const element = (canvas: HTMLElement) => canvas.querySelector('famille-preregistration') as FamillePreregistration;

type DraftSaved = CustomEvent<FamillePreregistrationEvents['famille-draft-saved']>;
type Submitted = CustomEvent<FamillePreregistrationEvents['famille-request-submitted']>;

/** Renders a story and puts focus just before it, as a page would. */
async function start(story: object): Promise<{ canvas: HTMLElement; drafts: DraftSaved[]; submitted: Submitted[] }> {
  const canvas = await runStory(stories, story);
  const drafts: DraftSaved[] = [];
  const submitted: Submitted[] = [];
  canvas.addEventListener('famille-draft-saved', (e) => drafts.push(e));
  // The global event map has `<famille-entourage>`'s detail under this name; this element sends its own.
  canvas.addEventListener('famille-request-submitted', (e) => submitted.push(e as unknown as Submitted));
  focusJustBefore(canvas);
  return { canvas, drafts, submitted };
}

describe('famille-preregistration by keyboard alone', () => {
  it('goes from "Commencer" to the confirmation with its number, reordering choices with the buttons', async () => {
    const { canvas, drafts, submitted } = await start(preregistrationStories.Information);
    await waitForText(canvas, 'button', 'Commencer');
    await pressButton('Commencer');
    await focusedHeading('Étape 1 sur 6');

    await tabTo((el) => (el as HTMLInputElement).type === 'radio', 'the child');
    await sendKeys({ press: 'Space' });
    await pressButton('Continuer');
    await focusedHeading('Étape 2 sur 6');
    assert(drafts.at(-1)?.detail.step === 2, 'famille-draft-saved for step 2');

    const date = inputByLabel(canvas, 'Date d’entrée souhaitée en crèche')!;
    await tabTo((el) => el === date, 'the date');
    await sendKeys({ type: typedIn(90) });
    await pressButton('Continuer');
    await focusedHeading('Étape 3 sur 6');

    const first = selectByLabel(canvas, 'Choix 1')!;
    await tabTo((el) => el === first, 'Choix 1');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => first.value === 'fleur-de-pyrus', 'Fleur de Pyrus chosen with the arrow keys');
    await pressButton('+ Ajouter un choix');
    const second = await waitFor(() => selectByLabel(canvas, 'Choix 2'), 'Choix 2');
    await waitFor(() => document.activeElement === second, 'focus on the new choice');
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => second.value === 'cocon-de-soie', 'Cocon de Soie chosen');
    await pressButton('Monter EAJE Cocon de Soie');
    await waitForText(canvas, '[role=status]', 'EAJE Cocon de Soie est maintenant en choix 1');
    assert(text(document.activeElement).includes('EAJE Cocon de Soie'), `focus stays on the moved choice: ${text(document.activeElement)}`);
    assert(selectByLabel(canvas, 'Choix 1')!.value === 'cocon-de-soie' && selectByLabel(canvas, 'Choix 2')!.value === 'fleur-de-pyrus', 'the order changed');
    await pressButton('Continuer');
    await focusedHeading('Étape 4 sur 6');

    // The OS file picker is outside the page: files are given as a picker would.
    await attach(canvas, 'Extrait d’acte de naissance de l’enfant', pdfFile('acte.pdf'));
    await attach(canvas, 'Justificatif de domicile de moins de 3 mois', pdfFile('domicile.pdf'));
    await waitFor(() => canvas.querySelectorAll('.famille-upload').length === 2 && !canvas.querySelector('progress'), 'both files sent');
    (document.activeElement as HTMLElement | null)?.blur();
    canvas.querySelector<HTMLElement>('[part=heading]')!.focus();
    await pressButton('Continuer');
    await focusedHeading('Étape 5 sur 6');

    await tabTo((el) => (el as HTMLInputElement).type === 'radio', 'the yes/no question');
    await sendKeys({ press: 'Space' });
    assert((canvas.querySelector('input[name="q-domicile-agglomeration"][value=true]') as HTMLInputElement).checked, 'Oui chosen');
    await tabTo((el) => (el as HTMLInputElement).type === 'checkbox', 'the first box');
    await sendKeys({ press: 'Space' });
    await pressButton('Continuer');
    await focusedHeading('Étape 6 sur 6');
    await waitForText(canvas, 'dd li', 'EAJE Cocon de Soie');

    await pressButton('Valider');
    await focusedHeading('Nous avons bien enregistré votre demande');
    const number = canvas.querySelector('.famille-request-number');
    assert(/Demande n° \d+/.test(text(number)), `the number: ${text(number)}`);
    await waitForText(canvas, '[part=badge]', 'Déposée');
    assert(submitted.length === 1 && submitted[0]!.detail.preregistration.choices[0] === 'cocon-de-soie', 'famille-request-submitted, ranked as reordered');
  });
});

describe('famille-preregistration eligibility (the contract’s rule, as the server applies it)', () => {
  it('a 30-month-old child, 37 months at the start date: Gém’minis (up to 36 months) is greyed with why; three others go through to the request', async () => {
    const { canvas, submitted } = await start(preregistrationStories.ChoicesGreyedForAge);
    const first = selectByLabel(canvas, 'Choix 1')!;
    const options = [...first.options].filter((o) => o.value);
    const gem = options.find((o) => o.value === 'gem-minis')!;
    assert(gem.disabled, 'Gém’minis cannot be chosen');
    assert(text(gem).includes('n’accueille pas un enfant de 37 mois (de 2 à 36 mois)'), `with why: ${text(gem)}`);
    assert(options.filter((o) => o.disabled).length === 1, 'every other structure can be chosen');

    await pick(canvas, 'Choix 1', 'EAJE Fleur de Pyrus');
    await click(canvas, '+ Ajouter un choix');
    await pick(canvas, 'Choix 2', 'EAJE Cocon de Soie');
    await click(canvas, '+ Ajouter un choix');
    await pick(canvas, 'Choix 3', 'EAJE Grain d’Aile');
    await click(canvas, 'Continuer');
    await focusedHeading('Étape 4 sur 6');
    await click(canvas, 'Continuer');
    await focusedHeading('Étape 5 sur 6');
    await click(canvas, 'Continuer');
    await focusedHeading('Étape 6 sur 6');
    await click(canvas, 'Valider');
    await focusedHeading('Nous avons bien enregistré votre demande');
    assert(
      submitted.length === 1 && submitted[0]!.detail.preregistration.choices.join() === 'fleur-de-pyrus,cocon-de-soie,grain-d-aile',
      `submitted with the three choices: ${submitted[0]?.detail.preregistration.choices.join()}`,
    );
  });
});

describe('famille-preregistration drafts', () => {
  it('keeps the step’s values when the network is cut, offers "Réessayer", and continues once back online', async () => {
    // The story resumes the draft at the date step.
    const { canvas } = await start(preregistrationStories.StartDateEmpty);
    await type(canvas, 'Date d’entrée souhaitée en crèche', typedIn(90));
    const mock = await startMockServer();
    mock.setOffline(true);
    await click(canvas, 'Continuer');
    await waitFor(() => document.activeElement?.matches('[part=alert]'), 'focus on the message');
    assert(text(canvas.querySelector('[part=alert]')).includes('injoignable'), 'says the service is unreachable');
    assert(inputByLabel(canvas, 'Date d’entrée souhaitée en crèche')!.value === typedIn(90), 'the typed date is kept');
    mock.setOffline(false);
    await click(canvas, 'Réessayer');
    await focusedHeading('Structures souhaitées');
    const client = element(canvas).client as FamilleClient;
    const { drafts } = await preregistration(client).drafts();
    assert(drafts[0]?.startDate === isoIn(90) && drafts[0].step === 3, `the draft was saved: ${JSON.stringify(drafts[0])}`);
  });

  it('resumes on a new element (the page closed and opened again) at the same step with everything in place', async () => {
    // The story has pressed "Commencer".
    const { canvas } = await start(preregistrationStories.ChooseChild);
    (canvas.querySelector('input[name=child]') as HTMLInputElement).click();
    await click(canvas, 'Continuer');
    await focusedHeading('Date d’entrée souhaitée');
    await type(canvas, 'Date d’entrée souhaitée en crèche', typedIn(100));
    await click(canvas, 'Continuer');
    await focusedHeading('Structures souhaitées');
    await pick(canvas, 'Choix 1', 'EAJE Grain d’Aile');
    await click(canvas, '+ Ajouter un choix');
    await pick(canvas, 'Choix 2', 'EAJE Gém’minis');
    const notes = canvas.querySelector('textarea')!;
    notes.value = 'Graine de Malice aussi, si possible.';
    notes.dispatchEvent(new Event('input', { bubbles: true }));
    await click(canvas, 'Continuer');
    await focusedHeading('Pièces justificatives');

    // Close the page: a new element, the same session.
    const old = element(canvas);
    const client = old.client!;
    old.remove();
    const again = document.createElement('famille-preregistration');
    again.client = client;
    canvas.append(again);
    await click(canvas, 'Reprendre ma demande pour Léo');
    await focusedHeading('Étape 4 sur 6');
    await click(canvas, 'Retour');
    await focusedHeading('Structures souhaitées');
    assert(
      selectByLabel(canvas, 'Choix 1')!.value === 'grain-d-aile' && selectByLabel(canvas, 'Choix 2')!.value === 'gem-minis',
      'the ranked choices are back',
    );
    assert(canvas.querySelector('textarea')!.value === 'Graine de Malice aussi, si possible.', 'the observations are back');
    await click(canvas, 'Retour');
    await focusedHeading('Date d’entrée souhaitée');
    assert(inputByLabel(canvas, 'Date d’entrée souhaitée en crèche')!.value === typedIn(100), 'the date is back');
  });
});

describe('famille-preregistration for another town', () => {
  it('renders ville-exemple’s own structures and questionnaire with no code change', async () => {
    const { canvas } = await start(preregistrationStories.SecondTenant);
    const radios = [...canvas.querySelectorAll<HTMLInputElement>('input[name="q-accueil-souhaite"]')];
    assert(radios.length === 3 && radios.every((r) => r.type === 'radio'), 'a single-choice question as three radios');
    assert(canvas.querySelectorAll('input[name="q-fratrie"]').length === 2, 'a yes/no question');
    assert(!canvas.querySelector('input[type=checkbox]'), 'no Vienne multiple-choice question');
    await click(canvas, 'Retour');
    await click(canvas, 'Retour');
    await focusedHeading('Structures souhaitées');
    const options = [...selectByLabel(canvas, 'Choix 1')!.options].map((o) => o.value).filter((v) => v);
    assert(options.join() === 'les-lutins,petits-pas', `its two structures: ${options.join()}`);
    assert(text(canvas).includes('jusqu’à 2 structures'), 'its maximum, said');
    assert(!selectByLabel(canvas, 'Choix 2'), 'one choice so far');
    await click(canvas, '+ Ajouter un choix');
    await waitFor(() => selectByLabel(canvas, 'Choix 2'), 'a second choice');
    assert(!buttonByText(canvas, '+ Ajouter un choix'), 'no third choice offered: at most 2');
  });
});

describe('famille-preregistration when another parent logs in', () => {
  it('shows nothing of the previous family while theirs loads: no draft, no child', async () => {
    const canvas = await runStory(stories, preregistrationStories.ResumeOffer);
    const alert = await anotherParentOffline(element(canvas));
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(!text(canvas).includes('Léo') && !buttonByText(canvas, 'Reprendre'), `nothing of the previous draft: ${text(canvas)}`);
  });

  it('drops the previous family’s answers that arrive after the change', async () => {
    const canvas = await runStory(stories, preregistrationStories.ResumeOffer);
    const alert = await anotherParentWhileLoading(element(canvas));
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(!text(canvas).includes('Léo') && !buttonByText(canvas, 'Reprendre'), `nothing of the previous draft: ${text(canvas)}`);
  });
});

describe('famille-preregistration headings', () => {
  it('follows heading-level (title h3, sections h4) and hide-heading hides the title visually only', async () => {
    const canvas = await runStory(stories, preregistrationStories.ResumeOffer);
    const prereg = element(canvas);
    const levels = () => ({
      title: canvas.querySelector('[part=heading]')?.tagName,
      sections: [...canvas.querySelectorAll('section.famille-card')].map((s) => s.firstElementChild?.tagName),
    });
    assert(JSON.stringify(levels()) === JSON.stringify({ title: 'H2', sections: ['H3'] }), `by default: ${JSON.stringify(levels())}`);
    prereg.setAttribute('heading-level', '3');
    await prereg.updateComplete;
    assert(JSON.stringify(levels()) === JSON.stringify({ title: 'H3', sections: ['H4'] }), `heading-level="3": ${JSON.stringify(levels())}`);
    const draft = canvas.querySelector('section.famille-card')!;
    assert(
      draft.getAttribute('aria-labelledby') === draft.firstElementChild!.id && text(draft.firstElementChild).includes('Léo'),
      'each draft named by its heading',
    );

    prereg.setAttribute('hide-heading', '');
    await prereg.updateComplete;
    const hidden = canvas.querySelector('[part=heading]')!;
    assert(hidden.classList.contains('famille-sr') && text(hidden) === 'Vous avez une demande en cours', 'the title hidden visually, still in the page');
    assert(hidden.getBoundingClientRect().height <= 1, 'takes no room');
    await click(canvas, 'Reprendre ma demande pour Léo');
    await focusedHeading('Étape 3 sur 6');
    const step = document.activeElement!;
    assert(step.tagName === 'H3' && step.classList.contains('famille-sr'), `a step's title: same level, hidden, focused: ${step.outerHTML}`);
  });
});

describe('famille-preregistration and the document store', () => {
  /** The child's draft as the server keeps it, once it names `type`'s document (saved in the background). */
  async function draftDocument(client: FamilleClient, type: string) {
    return waitForAsync(async () => (await preregistration(client).drafts()).drafts[0]?.documents.find((d) => d.type === type), `the draft names ${type}`);
  }
  async function waitForAsync<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
    for (let i = 0; i < 100; i++) {
      const found = await probe();
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never: ${what}`);
  }

  it('gives a stored justificatif de domicile by keyboard instead of uploading it again; the expired one is flagged, not offered', async () => {
    const { canvas } = await start(preregistrationStories.DocumentsFromStore);
    const offered = [...canvas.querySelectorAll('[data-use-stored]')].map(text);
    assert(
      offered.some((t) => t === 'Utiliser facture-electricite.pdf'),
      `the valid one is offered: ${offered.join(' | ')}`,
    );
    assert(!offered.some((t) => t.includes('quittance-ancienne.pdf')), 'the expired one is not offered');
    assert(text(canvas.querySelector('[data-expired]')).includes('quittance-ancienne.pdf n’est plus valable depuis le'), 'the expired one is flagged');
    const fileInputs = canvas.querySelectorAll('input[type=file]').length;

    await pressButton('Utiliser facture-electricite.pdf');
    await waitForText(canvas, '[role=status]', 'facture-electricite.pdf est joint à votre demande.');
    await waitFor(() => text(document.activeElement) === 'Remplacer facture-electricite.pdf', 'focus on the given document');
    assert(!canvas.querySelector('progress'), 'nothing uploaded');
    assert(canvas.querySelectorAll('input[type=file]').length === fileInputs, 'the file fields stay');
    const client = element(canvas).client as FamilleClient;
    const given = await draftDocument(client, 'justificatif-domicile');
    assert(given.storedDocumentId && given.document.fileName === 'facture-electricite.pdf', 'the draft names the stored document');

    // "Retirer" takes it out of the request, never out of the store.
    await pressButton('Retirer facture-electricite.pdf');
    await waitForText(canvas, '[data-use-stored]', 'facture-electricite.pdf');
    const stored = (await familyDocuments(client).list()).documents;
    assert(
      stored.some((d) => d.fileName === 'facture-electricite.pdf'),
      'still in the store',
    );
  });

  it('offers a document stored meanwhile by <famille-documents> on the same page', async () => {
    const { canvas } = await start(preregistrationStories.DocumentsEmpty);
    assert(!canvas.querySelector('[data-use-stored]'), 'nothing stored yet');
    const store = document.createElement('famille-documents');
    store.client = element(canvas).client;
    canvas.append(store);
    await waitFor(() => selectByLabel(store, 'Type de document'), 'the store’s form');
    const select = selectByLabel(store, 'Type de document')!;
    select.value = 'justificatif-domicile';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await type(store, 'Date du document', typedIn(-3));
    await attach(store, 'Fichier', pdfFile('facture-du-mois.pdf'));
    await click(store, 'Enregistrer le document');
    const offer = await waitForText(canvas, 'famille-preregistration [data-use-stored]', 'facture-du-mois.pdf');
    assert(text(offer) === 'Utiliser facture-du-mois.pdf', text(offer));
  });

  it('resumes a draft with a stored document as given, and the submission attaches it to the request', async () => {
    const { canvas, submitted } = await start(preregistrationStories.DocumentsFromStore);
    await click(canvas, 'Utiliser facture-electricite.pdf');
    await click(canvas, 'Utiliser acte-naissance-leo.pdf');
    const client = element(canvas).client as FamilleClient;
    await draftDocument(client, 'extrait-naissance');
    const { drafts } = await preregistration(client).drafts();
    const draft = drafts[0]!;
    await preregistration(client).saveDraft(draft.childId, {
      step: 6,
      ...(draft.startDate && { startDate: draft.startDate }),
      choices: draft.choices,
      documents: draft.documents.map((d) => ({ type: d.type, storedDocumentId: d.storedDocumentId! })),
      answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille'] },
    });
    // A new element, as on the page opened again: the draft resumes at the check step.
    element(canvas).remove();
    const again = document.createElement('famille-preregistration');
    again.client = client;
    canvas.append(again);
    await click(canvas, 'Reprendre ma demande pour Léo');
    await focusedHeading('Étape 6 sur 6');
    await waitForText(canvas, 'dd li', 'facture-electricite.pdf');
    await click(canvas, 'Valider');
    await focusedHeading('Nous avons bien enregistré votre demande');
    const request = submitted[0]!.detail.preregistration;
    assert(request.documents.find((d) => d.type === 'justificatif-domicile')?.document.fileName === 'facture-electricite.pdf', 'the request holds it');
  });
});

describe('famille-preregistration: the steps, loaded on demand', () => {
  const downloads = downloadsOf(wizardModule);
  afterEach(() => downloads.restore());

  it('"Commencer" stays focused and busy while the steps’ code loads, then step 1 has the focus', async () => {
    const end = downloads.hold();
    const { canvas } = await start(preregistrationStories.Information);
    await pressButton('Commencer');
    const button = buttonByText(canvas, 'Commencer')!;
    await settle(button);
    assert(button.getAttribute('aria-busy') === 'true' && button.getAttribute('aria-disabled') === 'true', 'the button is busy while the code loads');
    assert(document.activeElement === button && !button.hasAttribute('disabled'), 'and keeps the focus');
    await sendKeys({ press: 'Enter' });
    assert(text(canvas.querySelector('[part=heading]')) === 'Préinscrire mon enfant en crèche', 'the information stays meanwhile');
    end(true);
    await focusedHeading('Étape 1 sur 6');
    assert(canvas.querySelectorAll('[part=heading]').length === 1 && !canvas.querySelector('[aria-busy=true]'), 'one step, nothing busy');
  });

  it('shows the network error with "Réessayer" when that code cannot be fetched; "Réessayer" is busy in turn, then opens step 1', async () => {
    downloads.fail();
    const { canvas } = await start(preregistrationStories.Information);
    await click(canvas, 'Commencer');
    const alert = await waitForText(canvas, '[part=alert]', 'injoignable');
    await waitFor(() => document.activeElement === alert, 'focus on the message');
    assert(!buttonByText(canvas, 'Commencer')!.hasAttribute('aria-busy'), '"Commencer" no longer busy');
    const end = downloads.hold();
    const retry = buttonByText(alert, 'Réessayer')!;
    retry.click();
    await settle(retry);
    assert(retry.isConnected && retry.getAttribute('aria-busy') === 'true', '"Réessayer" busy while the code loads again');
    end(true);
    await focusedHeading('Étape 1 sur 6');
    assert(!canvas.querySelector('[part=alert]'), 'the message is gone');
  });

  it('stays on "Mes demandes" when the parent opens it while that code loads', async () => {
    const end = downloads.hold();
    const { canvas } = await start(preregistrationStories.Information);
    await click(canvas, 'Commencer');
    await click(canvas, 'Mes demandes');
    await focusedHeading('Mes demandes de place en crèche');
    end(true);
    await wizardModule.get('fr');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert(text(canvas.querySelector('[part=heading]')) === 'Mes demandes de place en crèche', 'still "Mes demandes"');
    assert(!canvas.querySelector('[aria-busy=true]'), 'nothing busy');
    await click(canvas, 'Faire une demande');
    await click(canvas, 'Commencer');
    await focusedHeading('Étape 1 sur 6');
    assert(!canvas.querySelector('[aria-busy=true]'), 'nothing busy');
  });

  it('resumes a draft once that code is here, after a failed download, with everything the draft holds', async () => {
    downloads.fail();
    const canvas = await runStory(stories, preregistrationStories.ResumeOffer);
    const resume = await click(canvas, 'Reprendre ma demande pour Léo');
    const alert = await waitForText(canvas, '[part=alert]', 'injoignable');
    await waitFor(() => document.activeElement === alert, 'focus on the message');
    assert(resume.isConnected && buttonByText(canvas, 'Recommencer'), 'the offer stays, as it was');
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    await focusedHeading('Étape 3 sur 6');
    await click(canvas, 'Retour');
    await focusedHeading('Date d’entrée souhaitée');
    assert(inputByLabel(canvas, 'Date d’entrée souhaitée en crèche')!.value === typedIn(240), 'the draft’s start date');
  });

  it('speaks English in the steps of an English page', async () => {
    const canvas = await runStory(stories, preregistrationStories.English);
    await click(canvas, 'Back');
    await focusedHeading('Questionnaire');
    assert(!/Continuer|Retour|Étape/.test(text(canvas)), `no French left: ${text(canvas)}`);
  });
});
