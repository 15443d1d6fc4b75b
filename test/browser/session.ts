// A change of parent on the page, for the browser tests.
import { startMockServer } from '@famille/mock-server';
import type { FamilleElement } from '@famille/elements';
import { waitFor } from '../../stories/support/play.ts';
import { untilSent } from './support/requests.ts';

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

/** A request let through to the server whose answer the page gets only once released. */
interface Held {
  answered: Promise<Response>;
  release(): void;
  /** Once the page has read the answer's body (or the request was cancelled). */
  read: Promise<void>;
}

/** A `fetch` that sends at once but hands each answer over only once released. */
function holdingFetch(fetch: typeof globalThis.fetch, held: Held[]): typeof globalThis.fetch {
  return (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const answered = fetch(input, init);
    let release!: () => void;
    let read!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    held.push({ answered, release, read: new Promise<void>((resolve) => (read = resolve)) });
    return answered.then(async (response) => {
      const bytes = await response.arrayBuffer();
      await released;
      if (signal?.aborted) {
        read();
        throw signal.reason;
      }
      const init = { status: response.status, statusText: response.statusText, headers: response.headers };
      if (!bytes.byteLength) {
        read();
        return new Response(null, init);
      }
      // The body comes when the page reads it: then it is read.
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          controller.enqueue(new Uint8Array(bytes));
          controller.close();
          read();
        },
      });
      return new Response(body, init);
    });
  };
}

/**
 * Another parent logs in while the previous family's answers are still on their way: the
 * answers to a first change of session (the previous family's data) are held back, the
 * second change fails at once, then the held answers are handed over. Resolves once the
 * element has read them and rendered, with the failure box.
 */
export async function anotherParentWhileLoading(el: FamilleElement): Promise<Element> {
  const mock = await startMockServer();
  const session = el.session!;
  const other = (suffix: string) => ({ ...session, account: { ...session.account, id: `${session.account.id}-${suffix}` } });
  // The SDK looks the global `fetch` up at each request.
  const fetch = globalThis.fetch;
  const held: Held[] = [];
  globalThis.fetch = holdingFetch(fetch, held);
  try {
    el.session = other('slow');
    await waitFor(() => held.length, 'the requests for the first new session');
    // The server has answered them, with the previous family's data.
    await Promise.all(held.map((request) => request.answered));
    globalThis.fetch = fetch;
    mock.setOffline(true);
    el.session = other('other');
    await waitFor(() => el.querySelector('[part=alert]'), 'the failure to read the other family');
    mock.setOffline(false);
    // The previous family's answers arrive now, after the failure.
    for (const request of held) request.release();
    await Promise.all(held.map((request) => request.read));
    await untilSent(el);
    return await waitFor(() => el.querySelector('[part=alert]'), 'the failure, still shown');
  } finally {
    globalThis.fetch = fetch;
    for (const request of held) request.release();
    mock.setOffline(false);
  }
}
