// English words load on demand: a French page fetches none of them; an element given
// lang="en" fetches the kit's and its own, and speaks English. The stories and elements
// are imported inside the test, so that every module they fetch is listed below.
import { assert } from './keyboard.ts';

// The page keeps 250 resource entries by default, far fewer than the modules it fetches
// (those it gets from a cache are listed too).
performance.setResourceTimingBufferSize(100_000);

/** The elements' English message modules this page has fetched, by path. */
const englishFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /^\/packages\/elements\/src\/.*\ben\.ts$/.test(path))
    .sort();

describe('English words, loaded on demand', () => {
  it('a French login fetches no English; lang="en" fetches the kit’s and the login’s own English only, and the login speaks English', async () => {
    const [{ runStory }, loginStories, { loginTables }, { buttonByText, inputByLabel, waitFor }] = await Promise.all([
      import('./stories.ts'),
      import('../../stories/login.stories.ts'),
      import('../../packages/elements/src/login/messages.ts'),
      import('../../stories/support/play.ts'),
    ]);
    const canvas = await runStory(loginStories, loginStories.Empty);
    assert(buttonByText(canvas, 'Se connecter') && inputByLabel(canvas, 'Identifiant'), 'a French login');
    assert(englishFetched().length === 0, `a French page fetched English: ${englishFetched().join(', ')}`);
    assert(loginTables.get('en') === undefined, 'no English table before an English element');

    canvas.querySelector('famille-login')!.setAttribute('lang', 'en');
    await waitFor(() => buttonByText(canvas, 'Log in'), 'the English "Log in"');
    assert(inputByLabel(canvas, 'Username') && inputByLabel(canvas, 'Password'), 'English labels');
    assert(canvas.querySelector('famille-login [lang="en"]'), 'the content marked as English');
    assert(!/Identifiant|Mot de passe|Se connecter|Connexion/.test(canvas.textContent), `no French left: ${canvas.textContent}`);
    // The browser lists a fetch once it is over, a little after the module runs.
    const expected = ['/packages/elements/src/i18n/en.ts', '/packages/elements/src/login/messages.en.ts'];
    await waitFor(() => expected.every((path) => englishFetched().includes(path)), `${expected.join(' and ')} listed`).catch(() => undefined);
    assert(englishFetched().join() === expected.join(), `the kit’s and the login’s English, nothing else: ${englishFetched().join(', ')}`);
  });
});
