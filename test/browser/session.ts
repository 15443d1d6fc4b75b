// A change of parent on the page, for the browser tests.
import { startMockServer } from '@famille/mock-server';
import type { FamilleElement } from '@famille/elements';
import { waitFor } from '../../stories/support/play.ts';

/**
 * Another parent logs in (a new session, as a portal passes on after `famille-login`)
 * while the server cannot be reached, so that their family never arrives: what the
 * element shows then is all it kept of the previous one. Resolves with the failure box.
 */
export async function anotherParentOffline(el: FamilleElement): Promise<Element> {
  const mock = await startMockServer();
  mock.setOffline(true);
  try {
    const session = el.session!;
    el.session = { ...session, account: { ...session.account, id: `${session.account.id}-other` } };
    return await waitFor(() => el.querySelector('[part=alert]'), 'the failure to read the other family');
  } finally {
    mock.setOffline(false);
  }
}
