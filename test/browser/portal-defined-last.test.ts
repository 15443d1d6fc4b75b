// A page bundled from the npm entry points may define an element before its portal (the
// portal's module arriving last): the element must still get the client, the tenant's
// configuration and the session once the portal is defined (`reconnectContext`). The
// served kit cannot show this any more (the portal is in its runtime), so it is tested
// here, with the modules imported in that order.
import { startMockServer } from '@famille/mock-server';
import { assert } from './keyboard.ts';
import { buttonByText, type, waitFor, waitForText } from '../../stories/support/play.ts';
import { demo } from '../../stories/support/mock.ts';

describe('an element defined before its portal', () => {
  it('gets the configuration, logs in, and the session reaches a second element defined before the portal too', async () => {
    const mock = await startMockServer();
    await mock.reset();
    await import('../../packages/elements/src/login/define.ts');
    const host = document.createElement('div');
    host.innerHTML = `<famille-portal api="/api" tenant="${demo.tenant}" auth="token"><famille-login></famille-login><famille-login id="second"></famille-login></famille-portal>`;
    document.body.append(host);
    assert(!customElements.get('famille-portal'), 'the portal is not defined yet');
    await import('../../packages/elements/src/portal/define.ts');

    // Only the configuration (from the portal) lets the form out of "Chargement…".
    await waitFor(() => buttonByText(host.querySelector('famille-login')!, 'Se connecter'), 'the login form');
    const first = host.querySelector('famille-login')!;
    await type(first, 'Identifiant', demo.identifiant);
    await type(first, 'Mot de passe', demo.password);
    buttonByText(first, 'Se connecter')!.click();
    await waitForText(first, 'h2', 'Bonjour');
    // The portal passed the session on to the other element, defined before it as well.
    await waitForText(host.querySelector('#second')!, 'h2', 'Bonjour');
    host.remove();
  });
});
