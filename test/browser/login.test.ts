import { sendKeys } from '@web/test-runner-commands';
import { startMockServer } from '@famille/mock-server';
import * as loginStories from '../../stories/login.stories.ts';
import * as portalStories from '../../stories/portal.stories.ts';
import { runStory, type StoriesModule } from './stories.ts';
import { downloadsOf } from './support/downloads.ts';
import { assert, focusedHeading, focusJustBefore, text } from './keyboard.ts';
import { recordRequests, untilSent } from './support/requests.ts';
import { buttonByText, click, inputByLabel, settle, submit, type, waitFor, waitForText } from '../../stories/support/play.ts';
import { recoveryModule } from '../../packages/elements/src/login/login.ts';
import { fieldErrors, presenceCheck } from '../../packages/elements/src/login/state.ts';
import { demo } from '../../stories/support/mock.ts';
import type { FamilleLoginEventDetail } from '@famille/elements';

const login = loginStories as unknown as StoriesModule;
const portal = portalStories as unknown as StoriesModule;

describe('famille-login', () => {
  it('logs in with the keyboard alone and announces it with famille-login', async () => {
    const canvas = await runStory(login, loginStories.Empty);
    const events: CustomEvent<FamilleLoginEventDetail>[] = [];
    document.body.addEventListener('famille-login', (e) => events.push(e), { once: true });
    // Start from a focusable point before the element, as a keyboard user would.
    focusJustBefore(canvas);

    await sendKeys({ press: 'Tab' });
    assert(document.activeElement === inputByLabel(canvas, 'Identifiant'), 'Tab reaches "Identifiant" first');
    await sendKeys({ type: demo.identifiant });
    await sendKeys({ press: 'Tab' });
    assert(document.activeElement === inputByLabel(canvas, 'Mot de passe'), 'then "Mot de passe"');
    await sendKeys({ type: demo.password });
    await sendKeys({ press: 'Enter' });

    const heading = await waitForText(canvas, 'h2', 'Bonjour');
    await waitFor(() => document.activeElement === heading, 'focus on the logged-in heading');
    assert(events.length === 1, 'famille-login fired once');
    assert(events[0]!.detail.session.account.identifiant === demo.identifiant, 'its detail carries the session');
    assert(events[0]!.bubbles && events[0]!.composed, 'it bubbles and is composed');
    assert(buttonByText(canvas, 'Se déconnecter'), 'offers "Se déconnecter"');
  });

  it('moves focus to the error summary on an empty submit, and its links to the fields', async () => {
    const canvas = await runStory(login, loginStories.MissingFields);
    const summary = canvas.querySelector<HTMLElement>('.famille-summary');
    assert(summary && document.activeElement === summary, 'the summary has focus');
    const links = [...summary.querySelectorAll('a')];
    assert(links.length === 2, `two links, one per field (got ${links.length})`);
    links[1]!.click();
    assert(document.activeElement === inputByLabel(canvas, 'Mot de passe'), 'the second link focuses "Mot de passe"');
    links[0]!.click();
    const identifiant = inputByLabel(canvas, 'Identifiant')!;
    assert(document.activeElement === identifiant, 'the first link focuses "Identifiant"');
    const described = identifiant.getAttribute('aria-describedby') ?? '';
    assert(canvas.querySelector(`#${described}`)?.textContent?.includes('Identifiant'), 'the error is linked by aria-describedby');
    assert(identifiant.getAttribute('aria-invalid') === 'true', 'the field is marked invalid');
  });

  it('shows neither the form nor the greeting while the session is read: no login form flashes by on a reload', async () => {
    await (await startMockServer()).reset();
    const fetch = globalThis.fetch;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes('/auth/session')) await released;
      return fetch(input, init);
    };
    const host = document.createElement('div');
    try {
      host.innerHTML = `<famille-login api="/api" tenant="${demo.tenant}" auth="cookie"></famille-login>`;
      document.body.append(host);
      const login = host.querySelector('famille-login')!;
      const status = await waitFor(() => login.querySelector('[role=status]'), 'the loading status');
      assert(text(status).includes('Chargement'), text(status));
      assert(!login.querySelector('form') && login.querySelector('[part=base]')?.getAttribute('aria-busy') === 'true', 'no form, busy');
    } finally {
      release();
      globalThis.fetch = fetch;
    }
    // Nobody logged in: the form.
    await waitFor(() => host.querySelector('famille-login form'), 'the form once the session is known');
    host.remove();
  });

  it('shows no error while typing, only once the field is left', async () => {
    const canvas = await runStory(login, loginStories.Empty);
    const input = await type(canvas, 'Identifiant', 'x');
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    assert(!canvas.querySelector('.famille-error'), 'no error while typing');
    input.blur();
    await waitForText(canvas, '.famille-error', 'Identifiant');
  });

  it('refuses an identifiant of spaces at once; leaves the contract’s length limit to the server, whose field error it shows alike', async () => {
    const canvas = await runStory(login, loginStories.Empty);
    const { exchanges, restore } = recordRequests('/auth/login', 'POST');
    try {
      await type(canvas, 'Identifiant', '   ');
      await type(canvas, 'Mot de passe', demo.password);
      await submit(canvas);
      // (French quotes hold their label with non-breaking spaces.)
      await waitForText(canvas, '.famille-summary a', 'Renseignez le champ «\u00a0Identifiant\u00a0»');
      assert(exchanges.length === 0, 'nothing sent for an empty identifiant');

      const long = await type(canvas, 'Identifiant', 'x'.repeat(255));
      await submit(canvas);
      await waitForText(canvas, '.famille-summary a', '«\u00a0Identifiant\u00a0» doit contenir au plus 254 caractères');
      await waitFor(() => document.activeElement?.matches('.famille-summary'), 'focus on the summary');
      assert(exchanges.map((e) => e.status).join() === '422', 'the login was sent once, and refused by the server');
      assert(long.value.length === 255 && long.getAttribute('aria-invalid') === 'true', 'the value kept, the field marked invalid');
    } finally {
      restore();
    }
  });

  it('shows and hides the password with an aria-pressed toggle', async () => {
    const canvas = await runStory(login, loginStories.Empty);
    const password = await type(canvas, 'Mot de passe', 'secret');
    const toggle = buttonByText(canvas, 'Afficher')!;
    assert(password.type === 'password' && toggle.getAttribute('aria-pressed') === 'false', 'masked at first');
    toggle.click();
    await waitFor(() => password.type === 'text', 'the password shown');
    assert(toggle.getAttribute('aria-pressed') === 'true' && toggle.textContent.includes('Masquer'), 'the toggle says so');
    toggle.click();
    await waitFor(() => password.type === 'password', 'the password masked again');
    assert(password.value === 'secret', 'the value is kept');
  });

  it('keeps what was typed after wrong credentials, and focuses the message', async () => {
    const canvas = await runStory(login, loginStories.WrongPassword);
    assert(inputByLabel(canvas, 'Identifiant')!.value === demo.identifiant, 'the identifiant is kept');
    assert(inputByLabel(canvas, 'Mot de passe')!.value !== '', 'the password is kept');
    await waitFor(() => document.activeElement?.matches('.famille-alert'), 'focus on the message');
  });

  it('gives the same answer for an unknown identifiant as for a wrong password: the server’s, the message, the focus and the form', async () => {
    /** Logs in with a wrong password as `identifiant`; what the server and the element answer. */
    const answer = async (identifiant: string) => {
      const logins = recordRequests('/auth/login', 'POST');
      try {
        const canvas = await runStory(login, loginStories.Empty);
        await type(canvas, 'Identifiant', identifiant);
        await type(canvas, 'Mot de passe', 'pas-le-bon-mot-de-passe');
        await submit(canvas);
        const alert = await waitFor(() => canvas.querySelector('[part=alert]'), 'the answer');
        await waitFor(() => document.activeElement === alert, 'focus on the answer');
        assert(logins.exchanges.length === 1, `one login request (${logins.exchanges.length})`);
        const { status, headers, body } = logins.exchanges[0]!;
        const { requestId, ...problem } = body as { requestId: string };
        return {
          status,
          problem,
          // Headers that say something about the account (Retry-After, WWW-Authenticate…), not the request's own.
          headers: Object.entries(headers!)
            .filter(([name]) => !/request-id|date/i.test(name))
            .sort(),
          message: text(alert),
          focus: `${document.activeElement!.tagName} ${document.activeElement!.getAttribute('part')}`,
          // What a screen reader or a sighted parent gets: the whole element, as markup.
          dom: canvas
            .querySelector('famille-login')!
            .innerHTML.replace(/<!--[^>]*-->/g, '')
            .replace(/famille-login-\d+/g, 'famille-login-N')
            .replaceAll(identifiant, '‹identifiant›'),
          identifiant: inputByLabel(canvas, 'Identifiant')!.value,
        };
      } finally {
        logins.restore();
      }
    };
    const wrongPassword = await answer(demo.identifiant);
    const unknown = await answer('personne.inconnue');
    assert(
      wrongPassword.status === 401 && (wrongPassword.problem as { code?: string }).code === 'invalid_credentials',
      `401 invalid_credentials: ${JSON.stringify(wrongPassword)}`,
    );
    assert(wrongPassword.message.includes('Identifiant ou mot de passe incorrect'), `the message: ${wrongPassword.message}`);
    assert(wrongPassword.focus.endsWith(' alert'), `focus on the message: ${wrongPassword.focus}`);
    assert(wrongPassword.identifiant === demo.identifiant && unknown.identifiant === 'personne.inconnue', 'each keeps what was typed');
    for (const aspect of ['status', 'problem', 'headers', 'message', 'focus', 'dom'] as const) {
      const [a, b] = [JSON.stringify(wrongPassword[aspect]), JSON.stringify(unknown[aspect])];
      assert(a === b, `the same ${aspect}:\n  wrong password: ${a}\n  unknown account: ${b}`);
    }
  });

  it('retries after a network failure with the same values', async () => {
    const canvas = await runStory(login, loginStories.NetworkError);
    const { startMockServer } = await import('@famille/mock-server');
    (await startMockServer()).setOffline(false);
    buttonByText(canvas, 'Réessayer')!.click();
    await waitForText(canvas, 'h2', 'Bonjour');
  });

  it('says how many minutes to wait when throttled', async () => {
    const canvas = await runStory(login, loginStories.Throttled);
    const text = canvas.querySelector('.famille-alert')!.textContent;
    assert(/Réessayez dans \d+ minutes?\./.test(text), `the wait is given in minutes: ${text}`);
  });

  it('offers to resend the activation e-mail to a not-yet-activated account', async () => {
    const canvas = await runStory(login, loginStories.AccountNotActivated);
    let detail: unknown;
    canvas.addEventListener('famille-resend-activation', (e) => (detail = e.detail));
    buttonByText(canvas, 'Renvoyer le courriel')!.click();
    assert((detail as { identifiant?: string })?.identifiant === demo.pendingIdentifiant, 'the event carries the identifiant');
  });

  it('refuses a second submission while pending: one request only', async () => {
    const logins = recordRequests('/auth/login', 'POST');
    try {
      const canvas = await runStory(login, loginStories.Pending);
      const button = canvas.querySelector<HTMLButtonElement>('button[type=submit]')!;
      assert(button.textContent.includes('Connexion…'), 'the button says "Connexion…"');
      assert(button.getAttribute('aria-disabled') === 'true' && button.getAttribute('aria-busy') === 'true', 'and is disabled and busy');
      assert(logins.exchanges.length === 1 && logins.exchanges[0]!.status === undefined, 'one request, still unanswered');
      button.click();
      inputByLabel(canvas, 'Mot de passe')!.focus();
      await sendKeys({ press: 'Enter' });
      await untilSent(button);
      assert(logins.exchanges.length === 1, `still one request (${logins.exchanges.length})`);
      assert(button.getAttribute('aria-busy') === 'true' && button.textContent.includes('Connexion…'), 'still pending');
    } finally {
      logins.restore();
    }
  });

  it('logs out on the server and returns focus to the form heading', async () => {
    let loggedOut = 0;
    const count = () => loggedOut++;
    document.body.addEventListener('famille-logout', count);
    const logins = recordRequests('/auth/login', 'POST');
    const logouts = recordRequests('/auth/logout', 'POST');
    const canvas = await runStory(login, loginStories.LoggedOut).finally(() => {
      logouts.restore();
      logins.restore();
      document.body.removeEventListener('famille-logout', count);
    });
    assert(loggedOut === 1, `famille-logout fired once (${loggedOut})`);
    const heading = canvas.querySelector('famille-login form [part=heading]');
    assert(
      heading && document.activeElement === heading && text(heading) === 'Connexion à mon espace',
      `focus on the form heading: ${text(document.activeElement)}`,
    );
    assert(inputByLabel(canvas, 'Identifiant') && !buttonByText(canvas, 'Se déconnecter'), 'the form is back');
    assert(logouts.exchanges.length === 1 && logouts.exchanges[0]!.status === 204, `the server was asked: ${JSON.stringify(logouts.exchanges)}`);
    assert(!Object.keys(sessionStorage).some((key) => key.startsWith('famille-session:')), 'the page keeps no token');
    // The token of that session is worthless now.
    const token = (logins.exchanges[0]?.body as { token?: string } | undefined)?.token;
    assert(token, 'the login answer carried a token');
    const after = await fetch(`/api/tenants/${demo.tenant}/auth/session`, { headers: { authorization: `Bearer ${token}` } });
    const problem = (await after.json()) as { code?: string };
    assert(after.status === 401 && problem.code === 'unauthenticated', `the server refuses the old token: ${after.status} ${problem.code}`);
  });

  it('lets the host route "Créer mon compte" itself by cancelling the event, and follows the link otherwise', async () => {
    const canvas = await runStory(login, loginStories.WithLinks);
    await type(canvas, 'Identifiant', 'marie.durand');
    const before = location.href;
    const requested: CustomEvent<{ identifiant: string }>[] = [];
    const cancel = (e: CustomEvent<{ identifiant: string }>) => {
      requested.push(e);
      e.preventDefault();
    };
    canvas.addEventListener('famille-create-account-requested', cancel, { once: true });
    buttonByText(canvas, 'Créer mon compte')!.click();
    assert(requested.length === 1 && requested[0]!.detail.identifiant === 'marie.durand', 'the event, with what was typed');
    assert(location.href === before, 'the link was not followed');
    try {
      buttonByText(canvas, 'Créer mon compte')!.click();
      await waitFor(() => location.hash === '#creer-mon-compte', 'the link followed when the host lets it');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('fits a 320 px wide phone without horizontal scrolling', async () => {
    const canvas = await runStory(login, loginStories.Phone);
    const frame = canvas.firstElementChild as HTMLElement;
    assert(frame.clientWidth <= 320, 'the frame is phone-sized');
    assert(frame.scrollWidth <= frame.clientWidth, `nothing overflows (${frame.scrollWidth} > ${frame.clientWidth})`);
    for (const el of canvas.querySelectorAll<HTMLElement>('input, .famille-button')) {
      assert(el.getBoundingClientRect().height >= 44, `${el.outerHTML.slice(0, 40)} is a 44 px touch target`);
    }
  });

  it('renders English when asked', async () => {
    const canvas = await runStory(login, loginStories.EnglishErrors);
    assert(inputByLabel(canvas, 'Username') && inputByLabel(canvas, 'Password'), 'English labels');
    assert(buttonByText(canvas, 'Log in'), 'an English button');
    assert(canvas.querySelector('[lang="en"]'), 'the content is marked as English');
    assert(!/Identifiant|Mot de passe|Se connecter/.test(canvas.textContent), 'no French left');
  });
});

describe('famille-login headings', () => {
  it('follows heading-level in each state and hide-heading hides the title visually only', async () => {
    const canvas = await runStory(login, loginStories.LoggedIn);
    const element = canvas.querySelector('famille-login')!;
    const title = () => element.querySelector('[part=heading]')!;
    assert(title().tagName === 'H2' && text(title()).startsWith('Bonjour'), `by default, an h2: ${title().outerHTML}`);
    element.setAttribute('heading-level', '3');
    await element.updateComplete;
    assert(title().tagName === 'H3' && title().getAttribute('tabindex') === '-1', `the logged-in title, an h3: ${title().outerHTML}`);
    const account = element.querySelector('.famille-account')!;
    assert(account.getAttribute('aria-labelledby') === title().id, 'the section named by its title');

    element.setAttribute('hide-heading', '');
    await click(canvas, 'Se déconnecter');
    await focusedHeading('Connexion à mon espace');
    const form = document.activeElement!;
    assert(form.tagName === 'H3' && form.classList.contains('famille-sr'), `the form's title: ${form.outerHTML}`);
    assert(element.querySelector('form')!.getAttribute('aria-labelledby') === form.id, 'the form named by its title');
    await click(canvas, 'J’ai oublié mon mot de passe');
    await focusedHeading('Mot de passe oublié');
    assert(document.activeElement!.tagName === 'H3' && document.activeElement!.classList.contains('famille-sr'), 'the recovery’s forms too');
    element.removeAttribute('hide-heading');
    await element.updateComplete;
    assert(!title().classList.contains('famille-sr'), 'shown again without hide-heading');
  });
});

describe('famille-login rules (no DOM)', () => {
  it('checks presence only: an identifiant of spaces is missing, a password of spaces is not', () => {
    const errors = fieldErrors(presenceCheck({ identifiant: '  ', password: '  ' }));
    assert(
      JSON.stringify(Object.keys(errors)) === '["identifiant"]' && errors.identifiant?.code === 'required',
      `only the identifiant: ${JSON.stringify(errors)}`,
    );
    assert(presenceCheck({ identifiant: 'x'.repeat(300), password: 'p' }).success, 'lengths are the server’s to refuse');
  });
});

describe('famille-login: forgotten password, reset link and activation e-mail, loaded on demand', () => {
  const downloads = downloadsOf(recoveryModule);
  afterEach(() => downloads.restore());

  it('opens the forgotten-password form once its code is here: the link busy meanwhile, then focus on its heading, the identifiant carried over', async () => {
    const end = downloads.hold();
    const canvas = await runStory(login, loginStories.Empty);
    const identifiant = await type(canvas, 'Identifiant', 'marie.durand');
    const link = buttonByText(canvas, 'J’ai oublié mon mot de passe')!;
    link.click();
    await settle(link);
    assert(link.getAttribute('aria-busy') === 'true' && link.getAttribute('aria-disabled') === 'true', 'the link is busy while the code loads');
    assert(text(canvas.querySelector('h2')) === 'Connexion à mon espace', 'the login form stays meanwhile');
    end(true);
    await focusedHeading('Mot de passe oublié');
    assert(inputByLabel(canvas, 'Identifiant ou adresse e-mail') === identifiant, 'the same input');
    assert(identifiant.value === 'marie.durand', 'with what was typed');
  });

  it('shows the network error with "Réessayer" when that code cannot be fetched, keeping what was typed, and opens the form on retry', async () => {
    downloads.fail();
    const canvas = await runStory(login, loginStories.Empty);
    await type(canvas, 'Identifiant', 'marie.durand');
    await type(canvas, 'Mot de passe', 'secret');
    await click(canvas, 'J’ai oublié mon mot de passe');
    const alert = await waitForText(canvas, '[part=alert]', 'injoignable');
    await waitFor(() => document.activeElement === alert, 'focus on the message');
    assert(inputByLabel(canvas, 'Identifiant')?.value === 'marie.durand', 'the identifiant stays');
    assert(inputByLabel(canvas, 'Mot de passe')?.value === 'secret', 'the password stays');
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    await focusedHeading('Mot de passe oublié');
    assert(inputByLabel(canvas, 'Identifiant ou adresse e-mail')?.value === 'marie.durand', 'the identifiant carried over');
    assert(!canvas.querySelector('[part=alert]'), 'the message is gone');
  });

  it('opens the reset link’s form once its code is here, or shows the network error with "Réessayer"', async () => {
    downloads.fail();
    const canvas = await runStory(login, { loaders: [() => ({ resetToken: 'a'.repeat(43) })] });
    const alert = await waitForText(canvas, '[part=alert]', 'injoignable');
    assert(!canvas.querySelector('form'), 'not the login form instead');
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    await focusedHeading('Choisir un nouveau mot de passe');
    assert(inputByLabel(canvas, 'Nouveau mot de passe'), 'the new-password input');
  });

  it('asks again for the activation e-mail with "Réessayer" when the code sending it cannot be fetched', async () => {
    const canvas = await runStory(login, loginStories.AccountNotActivated);
    const end = downloads.hold();
    const resend = await click(canvas, 'Renvoyer le courriel');
    await settle(resend);
    assert(resend.getAttribute('aria-busy') === 'true', 'the button is busy meanwhile');
    end(false);
    const alert = await waitForText(canvas, '[part=alert]', 'injoignable');
    downloads.restore();
    buttonByText(alert, 'Réessayer')!.click();
    await waitForText(canvas, '[part=notice]', 'Si ce compte attend son activation');
    await waitFor(() => document.activeElement?.matches('[part=notice]'), 'focus on the confirmation');
  });

  it('speaks English in the forgotten-password form of an English page', async () => {
    const canvas = await runStory(login, loginStories.English);
    await click(canvas, 'I forgot my password');
    await focusedHeading('Forgotten password');
    assert(inputByLabel(canvas, 'Username or e-mail address'), 'an English label');
    assert(!/Mot de passe|Identifiant|Recevoir/.test(canvas.textContent), 'no French left');
  });
});

describe('famille-portal', () => {
  it('provides the session to a nested login', async () => {
    const canvas = await runStory(portal, portalStories.SessionProvided);
    assert(!canvas.querySelector('form'), 'no login form for a logged-in parent');
    assert(canvas.querySelector('famille-portal')!.session?.account.identifiant === demo.identifiant, 'the portal holds the session');
  });

  it('updates its session when the nested login logs in', async () => {
    const canvas = await runStory(portal, portalStories.LoginInPortal);
    await waitFor(() => canvas.querySelector('famille-portal')!.session, 'the portal session');
  });

  it('provides its locale, and a new one when lang changes', async () => {
    const canvas = await runStory(portal, portalStories.PortalInEnglish);
    assert(buttonByText(canvas, 'Log in'), 'the nested login is in English');
    canvas.querySelector('famille-portal')!.setAttribute('lang', 'fr');
    await waitFor(() => buttonByText(canvas, 'Se connecter'), 'the nested login in French');
  });
});
