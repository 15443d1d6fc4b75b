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

/**
 * Another parent logs in while the previous family's answers are still on their way: a
 * first change of session is answered slowly (with the previous family's data), the
 * second fails at once. Resolves once the slow answers have arrived, with the failure box.
 */
export async function anotherParentWhileLoading(el: FamilleElement): Promise<Element> {
  const mock = await startMockServer();
  const session = el.session!;
  const other = (suffix: string) => ({ ...session, account: { ...session.account, id: `${session.account.id}-${suffix}` } });
  try {
    mock.setLatency(400);
    el.session = other('slow');
    await new Promise((resolve) => setTimeout(resolve, 100));
    mock.setLatency(0);
    mock.setOffline(true);
    el.session = other('other');
    await waitFor(() => el.querySelector('[part=alert]'), 'the failure to read the other family');
    mock.setOffline(false);
    // The slow answers arrive now, after the failure.
    await new Promise((resolve) => setTimeout(resolve, 700));
    return await waitFor(() => el.querySelector('[part=alert]'), 'the failure, still shown');
  } finally {
    mock.setLatency(0);
    mock.setOffline(false);
  }
}
