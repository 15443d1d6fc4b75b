import { sendKeys } from '@web/test-runner-commands';
import * as createAccountStories from '../../stories/create-account.stories.ts';
import * as loginStories from '../../stories/login.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { assert, fill, focusedHeading, focusJustBefore, tabTo, text } from './keyboard.ts';
import { buttonByText, inputByLabel, submit, waitFor, waitForText } from '../../stories/support/play.ts';
import { demo, newParent, prepareMockServer, registeredToken } from '../../stories/support/mock.ts';
import { render, html } from 'lit';
import { firstStep, registrationInput, REVIEW, stepChecked, stepHasErrors, validate } from '../../packages/elements/src/create-account/state.ts';

const stories = createAccountStories as unknown as StoriesModule;
const login = loginStories as unknown as StoriesModule;

describe('famille-create-account', () => {
  it('is completed with the keyboard alone, up to "check your e-mail"', async () => {
    const canvas = await runStory(stories, createAccountStories.Conditions);
    const created: CustomEvent<{ email: string }>[] = [];
    canvas.addEventListener('famille-account-created', (e) => created.push(e));
    const parent = newParent();
    focusJustBefore(canvas);

    await tabTo((el) => (el as HTMLInputElement | null)?.type === 'checkbox', 'the CGU box');
    await sendKeys({ press: 'Space' });
    await tabTo((el) => el?.textContent?.trim() === 'Continuer', '"Continuer"');
    await sendKeys({ press: 'Enter' });

    await focusedHeading('Étape 2 sur 6');
    await tabTo((el) => (el as HTMLInputElement | null)?.type === 'radio', 'the civilité group');
    await sendKeys({ press: 'Space' });
    await fill(canvas, 'Nom d’usage', parent.identity.nomUsage);
    await fill(canvas, 'Prénom(s)', parent.identity.prenoms);
    await fill(canvas, 'Date de naissance', '14/07/1990');
    await sendKeys({ press: 'Enter' });

    await focusedHeading('Adresse');
    await fill(canvas, 'Numéro', '34');
    await fill(canvas, 'Nom de la voie', 'Avenue Général-Leclerc');
    await fill(canvas, 'Code postal', '38200');
    await fill(canvas, 'Commune', 'Vienne');
    await sendKeys({ press: 'Enter' });

    await focusedHeading('Moyens de contact');
    await fill(canvas, 'Courriel', parent.contacts.email);
    await sendKeys({ press: 'Enter' });

    await focusedHeading('Identifiant et mot de passe');
    await fill(canvas, 'Identifiant', parent.credentials.identifiant);
    await fill(canvas, 'Mot de passe', parent.credentials.password);
    await sendKeys({ press: 'Enter' });

    await focusedHeading('Vérifiez vos réponses');
    assert(canvas.textContent.includes('Avenue Général-Leclerc') && canvas.textContent.includes('Madame'), 'the review shows the answers');
    assert(!canvas.textContent.includes(parent.credentials.password), 'but never the password');
    await tabTo((el) => el?.textContent?.trim() === 'Créer mon espace', '"Créer mon espace"');
    await sendKeys({ press: 'Enter' });

    await focusedHeading('Consultez votre messagerie');
    assert(canvas.textContent.includes(parent.contacts.email), 'the address the e-mail went to');
    assert(canvas.textContent.includes('48'), 'how long the link lasts');
    assert(created.length === 1 && created[0]!.detail.email === parent.contacts.email, 'famille-account-created with the e-mail');
  });

  it('keeps every value after a server refusal, back on the step with the error summary focused', async () => {
    const canvas = await runStory(stories, createAccountStories.IdentifiantTaken);
    const summary = canvas.querySelector('.famille-summary')!;
    assert(document.activeElement === summary, 'the summary has focus');
    assert(summary.textContent.includes('Identifiant'), `the summary names the field: ${summary.textContent}`);
    assert(inputByLabel(canvas, 'Identifiant')!.value === demo.identifiant, 'the identifiant is kept');
    assert(inputByLabel(canvas, 'Mot de passe')!.value === newParent().credentials.password, 'the password is kept');
    buttonByText(canvas, 'Étape précédente')!.click();
    await focusedHeading('Moyens de contact');
    assert(inputByLabel(canvas, 'Courriel')!.value.endsWith('@example.fr'), 'the e-mail address is kept');
    buttonByText(canvas, 'Étape précédente')!.click();
    await focusedHeading('Adresse');
    assert(inputByLabel(canvas, 'Code postal')!.value === '38200', 'the postal code is kept');
  });

  it('keeps values going back and forward', async () => {
    const canvas = await runStory(stories, createAccountStories.Address);
    buttonByText(canvas, 'Étape précédente')!.click();
    await focusedHeading('Identité');
    assert(inputByLabel(canvas, 'Nom d’usage')!.value === 'Huby', 'the name is back');
    assert((canvas.querySelector('input[type=radio][value=madame]') as HTMLInputElement).checked, 'the civilité is back');
    assert(inputByLabel(canvas, 'Date de naissance')!.value === '14/07/1990', 'the date, as typed');
    await submit(canvas);
    await focusedHeading('Adresse');
  });

  it('"Modifier" on the review jumps to the field, then returns to the review', async () => {
    const canvas = await runStory(stories, createAccountStories.Review);
    const change = [...canvas.querySelectorAll('a')].find((a) => a.textContent.includes('Modifier') && a.textContent.includes('Commune'))!;
    change.click();
    const commune = await waitFor(() => document.activeElement === inputByLabel(canvas, 'Commune') && inputByLabel(canvas, 'Commune'), 'focus on "Commune"');
    commune.value = 'Condrieu';
    commune.dispatchEvent(new Event('input', { bubbles: true }));
    assert(buttonByText(canvas, 'Revenir à la vérification'), 'the button says where it goes');
    await submit(canvas);
    await focusedHeading('Vérifiez vos réponses');
    assert(canvas.textContent.includes('Condrieu'), 'the change shows');
  });

  it('updates the checklist as the password is typed, announcing only the count', async () => {
    const canvas = await runStory(stories, createAccountStories.Credentials);
    // The checklist renders once the tenant's policy is known.
    const live = await waitFor(() => canvas.querySelector('[aria-live=polite]'), 'the live region');
    const input = inputByLabel(canvas, 'Mot de passe')!;
    assert(input.autocomplete === 'new-password', 'autocomplete="new-password"');
    assert((input.getAttribute('aria-describedby') ?? '').includes('-rules'), 'the rules describe the input');
    input.focus();
    const announced = new Set<string>();
    for (const key of 'cocon-2026') {
      await sendKeys({ type: key });
      await waitFor(() => live.textContent.length, 'the count');
      announced.add(live.textContent.trim());
    }
    const met = canvas.querySelectorAll('.famille-met').length;
    const rules = canvas.querySelectorAll('.famille-checklist li').length;
    assert(met >= 2, `rules met after typing (${met} of ${rules})`);
    assert(announced.size <= rules + 1, `the live region changed only with the count: ${[...announced].join(' | ')}`);
    assert(!canvas.querySelector('.famille-error'), 'no error while typing');
  });

  it('activates from the URL fragment, removes the token and fires famille-account-activated', async () => {
    await prepareMockServer();
    const { token, identifiant } = await registeredToken();
    history.replaceState(null, '', `${location.pathname}#famille-activation=${token}`);
    document.body.replaceChildren();
    const canvas = document.createElement('div');
    document.body.append(canvas);
    let detail: { identifiant: string } | undefined;
    canvas.addEventListener('famille-account-activated', (e) => (detail = e.detail));
    render(html`<famille-create-account api="/api" tenant=${demo.tenant} auth="token"></famille-create-account>`, canvas);
    await focusedHeading('Votre compte est activé');
    assert(!location.hash.includes(token), 'the token left the URL');
    assert(detail?.identifiant === identifiant, 'the event carries the identifiant');
  });

  it('offers a new link for an expired one', async () => {
    const canvas = await runStory(stories, createAccountStories.ActivationExpired);
    buttonByText(canvas, 'Recevoir un nouveau lien')!.click();
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'the focused confirmation');
  });
});

describe('famille-create-account headings', () => {
  it('follows heading-level (title h3, sections h4) and hide-heading hides the title visually only', async () => {
    const canvas = await runStory(stories, createAccountStories.Review);
    const element = canvas.querySelector('famille-create-account')!;
    const sections = () => [...element.querySelectorAll('[part=review] section, .famille-notice')];
    const levels = () => ({
      title: element.querySelector('[part=heading]')?.tagName,
      sections: [...new Set(sections().map((section) => section.firstElementChild?.tagName))],
    });
    assert(JSON.stringify(levels()) === JSON.stringify({ title: 'H2', sections: ['H3'] }), `by default: ${JSON.stringify(levels())}`);
    element.setAttribute('heading-level', '3');
    await element.updateComplete;
    assert(JSON.stringify(levels()) === JSON.stringify({ title: 'H3', sections: ['H4'] }), `heading-level="3": ${JSON.stringify(levels())}`);
    assert(sections().length === 5, `a section per step on the review: ${sections().length}`);
    for (const section of sections()) assert(section.getAttribute('aria-labelledby') === section.firstElementChild!.id, 'each section named by its heading');
    const title = element.querySelector('[part=heading]')!;
    assert(text(title).endsWith('Vérifiez vos réponses') && title.getAttribute('tabindex') === '-1', `the title, focusable: ${text(title)}`);

    element.setAttribute('hide-heading', '');
    await element.updateComplete;
    const hidden = element.querySelector('[part=heading]')!;
    assert(hidden.classList.contains('famille-sr') && hidden.tagName === 'H3', `the title is only visually hidden: ${hidden.outerHTML}`);
    // "Modifier" for the terms of use: back to the first step, its notices at the same depth.
    [...canvas.querySelectorAll('a')].find((a) => a.textContent.includes('Modifier') && a.textContent.includes('Conditions'))!.click();
    await waitFor(() => element.querySelector('.famille-notice'), 'the terms of use step');
    assert(JSON.stringify(levels()) === JSON.stringify({ title: 'H3', sections: ['H4'] }), `on the first step: ${JSON.stringify(levels())}`);
    assert(element.querySelector('[part=heading]')!.classList.contains('famille-sr'), 'its title hidden too');
  });
});

describe('famille-create-account rules (no DOM)', () => {
  it('checks only the step continued from, keeping the errors of the others', () => {
    const values = { 'identity.civilite': 'madame', 'identity.nomUsage': 'Huby', 'identity.prenoms': 'Marie', 'identity.dateNaissance': '14/07/1990' };
    const all = validate(values, 'fr');
    assert(all['acceptCgu'] && all['contacts.email'] && !all['identity.nomUsage'], `the whole input's errors: ${Object.keys(all).join()}`);
    const earlier = {
      'identity.nomUsage': { path: 'identity.nomUsage', code: 'required' as const },
      'contacts.email': { path: 'contacts.email', code: 'required' as const },
    };
    const checked = stepChecked(earlier, all, 1);
    assert(
      !checked['identity.nomUsage'] && checked['contacts.email'] && !checked['acceptCgu'],
      `the identity step's errors only: ${Object.keys(checked).join()}`,
    );
    assert(!stepHasErrors(checked, 1) && stepHasErrors(checked, 3), 'the identity step may be left, the contacts step not');
    assert(firstStep(Object.keys(checked)) === 3 && firstStep([]) === REVIEW, 'back to the first step with an error, or the review');
  });

  it('builds the contract’s input: trimmed, the date in ISO, the password as typed, empty answers left out', () => {
    const input = registrationInput(
      {
        acceptCgu: 'true',
        'identity.nomUsage': ' Huby ',
        'identity.nomNaissance': ' ',
        'identity.dateNaissance': '14/07/1990',
        'credentials.password': ' mot de passe ',
      },
      'en',
    );
    const expected = {
      acceptCgu: true,
      identity: { nomUsage: 'Huby', dateNaissance: '1990-07-14' },
      address: {},
      contacts: {},
      credentials: { password: ' mot de passe ' },
      locale: 'en',
    };
    assert(JSON.stringify(input) === JSON.stringify(expected), `the input: ${JSON.stringify(input)}`);
  });
});

describe('famille-login password reset', () => {
  it('resets the password with the keyboard and prefills the login form', async () => {
    const canvas = await runStory(login, loginStories.ResetPassword);
    const input = inputByLabel(canvas, 'Nouveau mot de passe')!;
    assert(input.autocomplete === 'new-password', 'autocomplete="new-password"');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
    await sendKeys({ type: 'Graine-de-Malice-2027' });
    await sendKeys({ press: 'Enter' });
    await waitForText(canvas, '[part=notice]', 'Votre mot de passe a été modifié');
    assert(inputByLabel(canvas, 'Identifiant')!.value === demo.identifiant, 'the identifiant is prefilled');
    await fill(canvas, 'Mot de passe', 'Graine-de-Malice-2027');
    await sendKeys({ press: 'Enter' });
    await waitForText(canvas, 'h2', 'Bonjour');
  });

  it('answers the same for an unknown account when asked for a reset link', async () => {
    const canvas = await runStory(login, loginStories.ForgotPassword);
    await fill(canvas, 'Identifiant ou adresse e-mail', demo.identifiant);
    await sendKeys({ press: 'Enter' });
    const known = (await waitForText(canvas, '[part=notice]', 'Si un compte correspond')).textContent;
    const other = await runStory(login, loginStories.ForgotPasswordSent);
    assert(other.querySelector('[part=notice]')!.textContent === known, 'the same confirmation');
  });

  it('offers to ask again when the reset link has expired', async () => {
    const canvas = await runStory(login, loginStories.ResetExpired);
    buttonByText(canvas, 'Demander un nouveau lien')!.click();
    await focusedHeading('Mot de passe oublié');
  });
});
