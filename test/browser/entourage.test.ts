import { sendKeys } from '@web/test-runner-commands';
import { startMockServer } from '@famille/mock-server';
import * as entourageStories from '../../stories/entourage.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { downloadsOf } from './support/downloads.ts';
import { assert, fill, focusedHeading, focusJustBefore, tabTo, text } from './keyboard.ts';
import { buttonByText, inputByLabel, settle, waitFor, waitForText } from '../../stories/support/play.ts';
import { anotherParentOffline, anotherParentWhileLoading } from './session.ts';
import { recordRequests } from './support/requests.ts';
import type { FamilleEntourage, FamilleEntourageEvents } from '@famille/elements';
import { memberInput, validateMember } from '../../packages/elements/src/entourage/rules.ts';
import { editorModule } from '../../packages/elements/src/entourage/entourage.ts';

const stories = entourageStories as unknown as StoriesModule;

type Saved = CustomEvent<FamilleEntourageEvents['famille-member-saved']>;
type Submitted = CustomEvent<FamilleEntourageEvents['famille-request-submitted']>;

/** Renders the empty household and puts focus just before it, as a page would. */
async function start(): Promise<{ canvas: HTMLElement; saved: Saved[]; submitted: Submitted[] }> {
  const canvas = await runStory(stories, entourageStories.Empty);
  const saved: Saved[] = [];
  const submitted: Submitted[] = [];
  canvas.addEventListener('famille-member-saved', (e) => saved.push(e));
  canvas.addEventListener('famille-request-submitted', (e) => submitted.push(e));
  focusJustBefore(canvas);
  return { canvas, saved, submitted };
}

/** "Continuer" (past the optional attachment), the check step, then "Valider ma demande": the confirmation. */
async function validate(canvas: HTMLElement): Promise<void> {
  await tabTo((el) => text(el) === 'Continuer', '"Continuer"');
  await sendKeys({ press: 'Enter' });
  await focusedHeading('Vérifier et valider');
  await tabTo((el) => text(el) === 'Valider ma demande', '"Valider ma demande"');
  await sendKeys({ press: 'Enter' });
  await focusedHeading('Votre demande a bien été enregistrée et transmise au service pour traitement');
  const notice = canvas.querySelector('[part=notice]')!;
  assert(/Demande n° \d+/.test(text(notice)), `the request number: ${text(notice)}`);
  assert(text(notice).includes('Déposée'), 'the status "Déposée"');
}

describe('famille-entourage by keyboard alone', () => {
  it('adds a child up to the confirmation with its number', async () => {
    const { canvas, saved, submitted } = await start();
    await tabTo((el) => text(el) === '+ Ajouter un enfant', '"+ Ajouter un enfant"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Déclarer un enfant');
    await fill(canvas, 'Nom d’usage', 'Huby');
    await fill(canvas, 'Prénom(s)', 'Léo');
    await tabTo((el) => (el as HTMLInputElement).type === 'radio', 'the "Sexe" group');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowRight' });
    assert((canvas.querySelector('input[value=masculin]') as HTMLInputElement).checked, 'the arrow key picks "Masculin"');
    await fill(canvas, 'Date de naissance', '02/03/2024');
    await validate(canvas);
    assert(saved.length === 1 && saved[0]!.detail.member.profile.prenoms === 'Léo', 'famille-member-saved with the member');
    assert(submitted.length === 1 && submitted[0]!.detail.request.status === 'deposee', 'famille-request-submitted with the request');
    await tabTo((el) => text(el) === 'Retour à mon entourage', '"Retour à mon entourage"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Mon entourage');
    await waitForText(canvas, '.famille-member h4', 'Léo Huby');
  });

  it('warns before declaring the same child twice and sends it only once confirmed; a twin (other first name) goes without a word', async () => {
    const { canvas, saved } = await start();
    const declare = async (prenoms: string) => {
      await tabTo((el) => text(el) === '+ Ajouter un enfant', '"+ Ajouter un enfant"');
      await sendKeys({ press: 'Enter' });
      await focusedHeading('Déclarer un enfant');
      await fill(canvas, 'Nom d’usage', 'Huby');
      await fill(canvas, 'Prénom(s)', prenoms);
      await fill(canvas, 'Date de naissance', '02/03/2024');
      await tabTo((el) => text(el) === 'Continuer', '"Continuer"');
      await sendKeys({ press: 'Enter' });
      await focusedHeading('Vérifier et valider');
    };
    const backToList = async () => {
      await tabTo((el) => text(el) === 'Retour à mon entourage', '"Retour à mon entourage"');
      await sendKeys({ press: 'Enter' });
      await focusedHeading('Mon entourage');
    };
    await declare('Léo');
    assert(!canvas.querySelector('input[name=confirmDuplicate]'), 'no warning for the first Léo');
    await tabTo((el) => text(el) === 'Valider ma demande', '"Valider ma demande"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Votre demande a bien été enregistrée');
    await backToList();

    await declare('Léo');
    await waitForText(canvas, '[part=notice]', 'Léo Huby figure déjà dans votre entourage');
    const { exchanges, restore } = recordRequests('/family/members', 'POST');
    try {
      await tabTo((el) => text(el) === 'Valider ma demande', '"Valider ma demande"');
      await sendKeys({ press: 'Enter' });
      const summary = await waitFor(() => canvas.querySelector<HTMLElement>('[part=error-summary]'), 'the summary');
      await waitFor(() => document.activeElement === summary, 'focus on the summary');
      assert(text(summary).includes('cochez « Il s’agit d’une autre personne'), `what to do: ${text(summary)}`);
      assert(exchanges.length === 0, 'nothing sent before the confirmation');
      summary.querySelector('a')!.click();
      const box = canvas.querySelector<HTMLInputElement>('input[name=confirmDuplicate]')!;
      assert(document.activeElement === box, 'the summary’s link leads to the box');
      await sendKeys({ press: 'Space' });
      await tabTo((el) => text(el) === 'Valider ma demande', '"Valider ma demande"');
      await sendKeys({ press: 'Enter' });
      await focusedHeading('Votre demande a bien été enregistrée');
      assert(exchanges.map((x) => x.status).join() === '201', 'sent once confirmed');
    } finally {
      restore();
    }
    await backToList();

    await declare('Lou');
    assert(!canvas.querySelector('input[name=confirmDuplicate]'), 'a twin: no warning');
    await tabTo((el) => text(el) === 'Valider ma demande', '"Valider ma demande"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Votre demande a bien été enregistrée');
    assert(saved.map((e) => e.detail.member.profile.prenoms).join() === 'Léo,Léo,Lou', saved.map((e) => e.detail.member.profile.prenoms).join());
  });

  it('adds a contact with its permissions', async () => {
    const { canvas, saved } = await start();
    await tabTo((el) => text(el) === '+ Ajouter un contact', '"+ Ajouter un contact"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Déclarer un contact');
    await fill(canvas, 'Nom d’usage', 'Huby');
    await fill(canvas, 'Prénom(s)', 'Odette');
    await fill(canvas, 'Lien avec l’enfant', 'Grand-mère');
    await fill(canvas, 'Téléphone', '06 12 34 56 78');
    await tabTo((el) => (el as HTMLInputElement).name === 'autoriseRecuperation', 'the pick-up box');
    await sendKeys({ press: 'Space' });
    await tabTo((el) => (el as HTMLInputElement).name === 'appelUrgence', 'the emergency box');
    await sendKeys({ press: 'Space' });
    await validate(canvas);
    const profile = saved[0]!.detail.member.profile;
    assert(profile.role === 'contact' && profile.autoriseRecuperation && profile.appelUrgence, 'both permissions sent');
  });

  it('adds the co-représentant', async () => {
    const { canvas, saved } = await start();
    await tabTo((el) => text(el) === '+ Ajouter le co-représentant', '"+ Ajouter le co-représentant"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Déclarer un co-représentant');
    await tabTo((el) => (el as HTMLInputElement).type === 'radio', 'the civilité group');
    await sendKeys({ press: 'ArrowRight' });
    await fill(canvas, 'Nom d’usage', 'Huby');
    await fill(canvas, 'Prénom(s)', 'Marcel');
    await fill(canvas, 'Mobile', '06 98 76 54 32');
    await validate(canvas);
    assert(saved[0]!.detail.member.profile.role === 'coRepresentant', 'a co-représentant');
    await tabTo((el) => text(el) === 'Retour à mon entourage', '"Retour à mon entourage"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Mon entourage');
    // The list reloads after the return: wait for it rather than read it at once.
    await waitFor(() => !buttonByText(canvas, '+ Ajouter le co-représentant') || null, 'only one co-représentant');
  });
});

describe('famille-entourage attachments', () => {
  it('a refused upload keeps the rest of the form, and the form still goes on', async () => {
    const canvas = await runStory(stories, entourageStories.UploadWrongType);
    assert(inputByLabel(canvas, 'Nom d’usage')!.value === 'Huby', 'the name is kept');
    assert(inputByLabel(canvas, 'Prénom(s)')!.value === 'Léo', 'the first name is kept');
    assert(inputByLabel(canvas, 'Date de naissance')!.value === '02/03/2024', 'the date is kept');
    assert((canvas.querySelector('input[value=masculin]') as HTMLInputElement).checked, 'the choice is kept');
    const file = inputByLabel(canvas, 'Ajouter une pièce jointe')!;
    assert(file.getAttribute('aria-invalid') === 'true', 'the file input says it is invalid');
    assert(
      file
        .getAttribute('aria-describedby')!
        .split(' ')
        .every((id) => canvas.querySelector(`#${id}`)),
      'its hint, rules and error are in its root',
    );
    assert(!canvas.querySelector('.famille-upload'), 'nothing attached');
    canvas.querySelector('form')!.requestSubmit();
    await focusedHeading('Vérifier et valider');
    assert(text(canvas.querySelector('[part=review]')).includes('Aucune pièce jointe'), 'the check step shows no attachment');
  });

  it('a file over the maximum size is refused before sending', async () => {
    const uploads = recordRequests('/documents', 'POST');
    const canvas = await runStory(stories, entourageStories.UploadTooLarge).finally(uploads.restore);
    assert(uploads.exchanges.length === 0, `nothing was sent: ${JSON.stringify(uploads.exchanges)}`);
    const file = inputByLabel(canvas, 'Ajouter une pièce jointe')!;
    const described = file
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => text(canvas.querySelector(`#${id}`)))
      .join(' ');
    assert(described.includes('Ce fichier est trop volumineux'), `the refusal, linked to the file input: ${described}`);
    assert(file.getAttribute('aria-invalid') === 'true', 'the file input says it is invalid');
    assert(inputByLabel(canvas, 'Nom d’usage')!.value === 'Huby', 'the name is kept');
    assert(!canvas.querySelector('progress, .famille-upload'), 'no bar, nothing attached');
  });

  it('cancels an upload in flight: the bar goes, focus returns to the file input, nothing is attached', async () => {
    const canvas = await runStory(stories, entourageStories.Uploading);
    const progress = canvas.querySelector('progress')!;
    assert(progress.getAttribute('aria-label')?.includes('acte-de-naissance.pdf'), 'the bar is named after the file');
    const cancel = canvas.querySelector<HTMLButtonElement>('[data-cancel-upload]')!;
    cancel.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement === inputByLabel(canvas, 'Ajouter une pièce jointe'), 'focus on the file input');
    assert(!canvas.querySelector('progress'), 'the bar is gone');
    assert(text(canvas.querySelector('[role=status]')).includes('annulé'), 'the cancellation is announced');
    (await startMockServer()).setLatency(0);
    canvas.querySelector('form')!.requestSubmit();
    await focusedHeading('Vérifier et valider');
    assert(text(canvas.querySelector('[part=review]')).includes('Aucune pièce jointe'), 'nothing attached');
  });
});

describe('famille-entourage removal and failures', () => {
  it('asks before removing, returns focus on cancel, then sends the request', async () => {
    const canvas = await runStory(stories, entourageStories.RemoveConfirmation);
    await tabTo((el) => text(el) === 'Annuler', '"Annuler"');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(document.activeElement).startsWith('Supprimer Marcel Huby'), 'focus back on "Supprimer Marcel Huby"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Supprimer Marcel Huby de votre entourage');
    await tabTo((el) => text(el) === 'Confirmer la suppression', '"Confirmer la suppression"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Votre demande a bien été enregistrée');
    buttonByText(canvas, 'Retour à mon entourage')!.click();
    await focusedHeading('Mon entourage');
    await waitFor(
      () => [...canvas.querySelectorAll('.famille-member')].find((m) => text(m).includes('Marcel Huby') && text(m).includes('Suppression demandée')),
      'Marcel marked "Suppression demandée"',
    );
  });

  it('a network failure on validation keeps everything and retries', async () => {
    const canvas = await runStory(stories, entourageStories.NetworkFailure);
    assert(text(document.activeElement).includes('injoignable'), 'the message says the service cannot be reached');
    (await startMockServer()).setOffline(false);
    await tabTo((el) => text(el) === 'Réessayer', '"Réessayer"');
    await sendKeys({ press: 'Enter' });
    await focusedHeading('Votre demande a bien été enregistrée');
    assert(text(canvas).includes('Léo Huby'), 'the request is about the child typed before the failure');
  });
});

describe('famille-entourage: role choice, member form and removal, loaded on demand', () => {
  const downloads = downloadsOf(editorModule);
  afterEach(() => downloads.restore());
  const ready = (canvas: HTMLElement) => waitForText(canvas, 'h3', 'Mes demandes');

  it('opens the form once its code is here: the button busy meanwhile (and still focusable), then focus on the form’s heading, and back', async () => {
    const end = downloads.hold();
    const { canvas } = await start();
    await ready(canvas);
    await tabTo((el) => text(el) === '+ Ajouter un enfant', '"+ Ajouter un enfant"');
    await sendKeys({ press: 'Enter' });
    const button = document.activeElement as HTMLElement;
    await settle(button);
    assert(button.getAttribute('aria-busy') === 'true' && button.getAttribute('aria-disabled') === 'true', 'the button is busy while the code loads');
    assert(document.activeElement === button, 'focus stays on it');
    assert(text(canvas.querySelector('h2')) === 'Mon entourage', 'the list stays meanwhile');
    button.click();
    end(true);
    await focusedHeading('Déclarer un enfant');
    assert(canvas.querySelectorAll('form').length === 1, 'one form, opened once');
    await fill(canvas, 'Nom d’usage', 'Huby');
    await tabTo((el) => text(el) === 'Annuler', '"Annuler"');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(document.activeElement) === '+ Ajouter un enfant', 'focus back on "+ Ajouter un enfant"');
    assert(document.activeElement?.getAttribute('aria-busy') !== 'true', 'no longer busy');
  });

  it('shows the network error with "Réessayer" when that code cannot be fetched, keeping the list, and opens the confirmation on retry', async () => {
    downloads.fail();
    const canvas = await runStory(stories, entourageStories.Household);
    await ready(canvas);
    buttonByText(canvas, 'Supprimer Marcel Huby')!.click();
    const alert = await waitForText(canvas, '[part=alert]', 'injoignable');
    await waitFor(() => document.activeElement === alert, 'focus on the message');
    assert(text(canvas).includes('Marcel Huby') && canvas.querySelector('.famille-member'), 'the household stays');
    assert(!canvas.querySelector('[aria-busy="true"]'), 'nothing left busy');
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    await focusedHeading('Supprimer Marcel Huby de votre entourage');
    await tabTo((el) => text(el) === 'Annuler', '"Annuler"');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => text(document.activeElement).startsWith('Supprimer Marcel Huby'), 'focus back on "Supprimer Marcel Huby"');
    assert(!canvas.querySelector('[part=alert]'), 'the message is gone');
  });

  it('tries again on the next press after a failed download', async () => {
    const end = downloads.hold();
    const canvas = await runStory(stories, entourageStories.Household);
    await ready(canvas);
    buttonByText(canvas, 'Modifier Léo Huby')!.click();
    end(false);
    await waitForText(canvas, '[part=alert]', 'injoignable');
    downloads.restore();
    buttonByText(canvas, 'Modifier Léo Huby')!.click();
    await focusedHeading('Modifier : Léo Huby');
    assert(inputByLabel(canvas, 'Prénom(s)')?.value === 'Léo', 'the form prefilled');
  });

  it('speaks English in the form of an English page', async () => {
    const canvas = await runStory(stories, entourageStories.English);
    await waitForText(canvas, 'h3', 'My requests');
    buttonByText(canvas, '+ Add a member')!.click();
    await waitFor(() => document.activeElement?.matches('[part=heading]') && !/Qui/.test(text(document.activeElement)), 'focus on the English heading');
    assert(!/Qui souhaitez|Type de membre|Continuer|Annuler/.test(text(canvas)), `no French left: ${text(canvas)}`);
  });
});

describe('famille-entourage when another parent logs in', () => {
  it('shows nothing of the previous family while theirs loads', async () => {
    const canvas = await runStory(stories, entourageStories.Household);
    assert(text(canvas).includes('Marcel Huby'), 'the previous family at first');
    const alert = await anotherParentOffline(canvas.querySelector('famille-entourage') as FamilleEntourage);
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(!canvas.querySelector('.famille-member, [part=requests]'), `no member or request: ${text(canvas)}`);
    assert(!['Marcel', 'Jeanne', 'Odette', 'Léo'].some((name) => text(canvas).includes(name)), `none of its names: ${text(canvas)}`);
  });

  it('drops the previous family’s answers that arrive after the change', async () => {
    const canvas = await runStory(stories, entourageStories.Household);
    const alert = await anotherParentWhileLoading(canvas.querySelector('famille-entourage') as FamilleEntourage);
    assert(text(alert).includes('Réessayer'), `the failure, with "Réessayer": ${text(alert)}`);
    assert(!canvas.querySelector('.famille-member, [part=requests]'), `no member or request: ${text(canvas)}`);
    assert(!['Marcel', 'Jeanne', 'Odette', 'Léo'].some((name) => text(canvas).includes(name)), `none of its names: ${text(canvas)}`);
  });
});

describe('famille-entourage headings', () => {
  it('takes its levels from heading-level, and hide-heading hides its title from sight only', async () => {
    const canvas = await runStory(stories, entourageStories.Household);
    const element = canvas.querySelector('famille-entourage') as FamilleEntourage;
    element.setAttribute('heading-level', '3');
    await element.updateComplete;
    const title = element.querySelector('[part=heading]')!;
    assert(title.tagName === 'H3' && text(title) === 'Mon entourage', `the title is an h3: ${title.outerHTML}`);
    const sections = [...element.querySelectorAll('[part=group], [part=requests]')];
    assert(sections.length === 4, `three groups and the requests: ${sections.length}`);
    for (const section of sections) {
      const heading = section.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)')!;
      assert(heading.tagName === 'H4', `a section heading is an h4: ${heading.outerHTML}`);
      assert(section.getAttribute('aria-labelledby') === heading.id, 'the section is named by its heading');
    }
    const items = [...element.querySelectorAll('.famille-member, .famille-request')].map((item) => item.querySelector(':scope > :is(h1, h2, h3, h4, h5, h6)')!);
    assert(items.length > 0 && items.every((h) => h.tagName === 'H5'), `members and requests under them are h5: ${items.map((h) => h.tagName).join()}`);
    assert(!title.classList.contains('famille-sr'), 'the title is shown');

    element.setAttribute('hide-heading', '');
    await element.updateComplete;
    const hidden = element.querySelector('[part=heading]')!;
    assert(hidden.classList.contains('famille-sr') && hidden.tagName === 'H3', `the title is only visually hidden: ${hidden.outerHTML}`);
    buttonByText(canvas, '+ Ajouter un enfant')!.click();
    await focusedHeading('Déclarer un enfant');
    const form = document.activeElement!;
    assert(form.tagName === 'H3' && form.classList.contains('famille-sr'), `the form's title takes focus, at the same level: ${form.outerHTML}`);
  });
});

describe('famille-entourage rules (no DOM)', () => {
  it('checks a child: names required, born before today', () => {
    const errors = validateMember('enfant', memberInput('enfant', { nomUsage: ' Huby ', dateNaissance: '02/03/2030' }, []), '2026-01-15');
    assert(errors['prenoms']?.code === 'required', `the first name is required: ${JSON.stringify(errors)}`);
    assert(errors['dateNaissance']?.code === 'not_in_past', `a birth date after today is refused: ${JSON.stringify(errors)}`);
    assert(!errors['nomUsage'] && !errors['sexe'], 'the name is given, the sex is optional');
    const born = memberInput('enfant', { nomUsage: 'Huby', prenoms: 'Léo', dateNaissance: '02/03/2024' }, []);
    assert(Object.keys(validateMember('enfant', born, '2026-01-15')).length === 0, 'a child born in 2024 is accepted');
  });

  it('sends a future child as a child with its expected date, and only the documents sent', () => {
    const input = memberInput('futur', { nomUsage: 'Huby', dateNaissancePrevue: '1/6/2026', sexe: 'masculin' }, ['doc-1']);
    assert(
      JSON.stringify(input) === JSON.stringify({ role: 'enfant', nomUsage: 'Huby', dateNaissancePrevue: '2026-06-01', attachments: ['doc-1'] }),
      `the future child's fields only, the date in ISO: ${JSON.stringify(input)}`,
    );
    const errors = validateMember('futur', input, '2026-06-01');
    assert(errors['dateNaissancePrevue']?.code === 'not_in_future', `an expected date must be after today: ${JSON.stringify(errors)}`);
  });
});
