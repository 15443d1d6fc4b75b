import { sendKeys } from '@web/test-runner-commands';
import { account } from '@famille/sdk';
import type { FamilleClient } from '@famille/sdk';
import * as accountStories from '../../stories/account.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { assert, focusJustBefore, tabTo, text } from './keyboard.ts';
import { inputByLabel, waitFor, waitForText } from '../../stories/support/play.ts';

const stories = accountStories as unknown as StoriesModule;
const clientOf = (canvas: HTMLElement) => (canvas.querySelector('famille-account') as HTMLElement & { client: FamilleClient }).client;
const formOf = (canvas: HTMLElement, name: string) => canvas.querySelector<HTMLFormElement>(`[data-form=${name}]`)!;

/** Tabs to the field labelled `label` inside `root` and types `value`. */
async function fillIn(root: HTMLElement, label: string, value: string): Promise<HTMLInputElement> {
  const input = await waitFor(() => inputByLabel(root, label), `"${label}"`);
  await tabTo((el) => el === input, `"${label}"`, 120);
  // Select what is there (a prefilled value), as a user replacing it does.
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ type: value });
  return input;
}

/** Tabs to the button of `form` that says `label` and presses Enter. */
async function press(form: HTMLElement, label: string): Promise<void> {
  await tabTo((el) => !!el && form.contains(el) && text(el) === label, `"${label}"`, 120);
  await sendKeys({ press: 'Enter' });
}

describe('famille-account with the keyboard', () => {
  it('saves a new mobile number with the keyboard alone; the notice takes focus and the server has it', async () => {
    const canvas = await runStory(stories, accountStories.Loaded);
    await waitForText(canvas, '[part=last-login]', 'Dernière connexion');
    focusJustBefore(canvas);
    const contact = formOf(canvas, 'contact');
    await fillIn(contact, 'Téléphone mobile', '06 99 88 77 66');
    await press(contact, 'Enregistrer');
    await waitFor(() => document.activeElement?.matches('[data-form=contact] [part=notice]'), 'focus on the notice');
    assert((await account(clientOf(canvas)).get()).mobile === '06 99 88 77 66', 'saved on the server');
  });

  it('a refused form keeps what the parent typed; the summary takes focus and its link leads to the field', async () => {
    const canvas = await runStory(stories, accountStories.Loaded);
    await waitForText(canvas, '[part=last-login]', 'Dernière connexion');
    focusJustBefore(canvas);
    const email = formOf(canvas, 'email');
    const address = await fillIn(email, 'Nouvelle adresse e-mail', 'camille.nouvelle@example.fr');
    await fillIn(email, 'Mot de passe actuel', 'Pas-Le-Bon-2026');
    await press(email, 'Envoyer le lien de confirmation');
    const summary = await waitFor(
      () => (document.activeElement?.matches('[data-form=email] [part=error-summary]') ? document.activeElement : null),
      'focus on the summary',
    );
    assert(address.value === 'camille.nouvelle@example.fr', `the address typed stays: ${address.value}`);
    const password = inputByLabel(email, 'Mot de passe actuel')!;
    assert(password.getAttribute('aria-invalid') === 'true', 'the wrong field is marked');
    assert(password.getAttribute('aria-describedby')?.includes(`${password.id}-error`), 'its error is linked');
    await tabTo((el) => !!el && summary.contains(el), 'the summary’s link');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => document.activeElement === password, 'focus on the field');
    assert((await account(clientOf(canvas)).get()).pendingEmail === undefined, 'nothing asked on the server');
  });

  it('changes the password: the checklist follows the typing, the notice says the other sessions closed', async () => {
    const canvas = await runStory(stories, accountStories.Loaded);
    await waitForText(canvas, '[part=last-login]', 'Dernière connexion');
    focusJustBefore(canvas);
    const form = formOf(canvas, 'password');
    await fillIn(form, 'Mot de passe actuel', 'Famille-Demo-2026');
    await fillIn(form, 'Nouveau mot de passe', 'Glycine-Rivière-2027');
    await waitFor(() => form.querySelectorAll('.famille-met').length > 0, 'rules met');
    await press(form, 'Changer de mot de passe');
    const notice = await waitFor(
      () => (document.activeElement?.matches('[data-form=password] [part=notice]') ? document.activeElement : null),
      'focus on the notice',
    );
    assert(text(notice).includes('1 autre session fermée'), text(notice));
    assert(inputByLabel(form, 'Nouveau mot de passe')!.value === '', 'the form is emptied');
  });

  it('"Se déconnecter partout": the session ends, "Se connecter" is offered, and focus goes to the heading', async () => {
    const canvas = await runStory(stories, accountStories.Loaded);
    await waitForText(canvas, '[part=last-login]', 'Dernière connexion');
    const loggedOut: Event[] = [];
    canvas.addEventListener('famille-logout', (e) => loggedOut.push(e));
    focusJustBefore(canvas);
    await press(formOf(canvas, 'logout'), 'Se déconnecter partout');
    await waitForText(canvas, 'p', 'Connectez-vous');
    await waitFor(() => document.activeElement?.matches('[part=heading]'), 'focus on the heading');
    assert(loggedOut.length === 1, 'famille-logout');
    assert((await clientOf(canvas).auth.session()) === null, 'no session left');
  });
});
