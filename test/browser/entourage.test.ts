import { sendKeys } from '@web/test-runner-commands';
import { startMockServer } from '@famille/mock-server';
import * as entourageStories from '../../stories/entourage.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { assert, fill, focusedHeading, focusJustBefore, tabTo, text } from './keyboard.ts';
import { buttonByText, inputByLabel, waitFor, waitForText } from '../../stories/support/play.ts';
import { anotherParentOffline, anotherParentWhileLoading } from './session.ts';
import { recordRequests } from './support/requests.ts';
import type { FamilleEntourage, FamilleEntourageEvents } from '@famille/elements';

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
