// SessionLoad, the one guard of "load for this session, drop the answers of an ended
// one" that every element reading a family's data uses.
import { LitElement } from 'lit';
import type { Session } from '@famille/contract';
import type { FamilleClient } from '@famille/sdk';
import { SessionLoad } from '../../packages/elements/src/context/session-load.ts';
import { assert } from './keyboard.ts';
import { waitFor } from '../../stories/support/play.ts';

const sessionOf = (id: string): Session => ({
  account: { id, identifiant: id, email: `${id}@example.fr`, nomUsage: 'Durand', prenoms: 'Léa', status: 'active' },
  transport: 'token',
  expiresAt: '2030-01-01T00:00:00Z',
  idleExpiresAt: '2030-01-01T00:00:00Z',
});

/** An answer the test hands over when it wants. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

class LoadingHost extends LitElement {
  static override properties = { session: { attribute: false } };
  declare session: Session | null | undefined;
  client: FamilleClient | undefined = {} as FamilleClient;
  pending: { account: string; answer: ReturnType<typeof deferred<string>> }[] = [];
  log: string[] = [];
  data = new SessionLoad(this, {
    client: () => this.client,
    start: () => void this.log.push(`start ${this.session!.account.id}`),
    load: () => {
      const answer = deferred<string>();
      this.pending.push({ account: this.session!.account.id, answer });
      return answer.promise;
    },
    loaded: (value) => void this.log.push(`loaded ${value}`),
    failed: (error) => void this.log.push(`failed ${String(error)}`),
  });
}
customElements.define('session-load-host', LoadingHost);

const readings = (el: LoadingHost): number => el.pending.length;

async function host(): Promise<LoadingHost> {
  const el = document.createElement('session-load-host') as LoadingHost;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

describe('SessionLoad', () => {
  it('loads once per session, only with a client, and again on reload()', async () => {
    const el = await host();
    el.client = undefined;
    el.session = sessionOf('a');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert(readings(el) === 0, 'nothing read without a client');
    el.client = {} as FamilleClient;
    el.requestUpdate();
    await waitFor(() => el.pending.length === 1, 'the reading once the client is there');
    el.pending[0]!.answer.resolve('family a');
    await waitFor(() => el.log.includes('loaded family a'), 'its answer applied');
    el.requestUpdate();
    await el.updateComplete;
    assert(readings(el) === 1, 'another render of the same session reads nothing');
    void el.data.reload();
    assert(readings(el) === 2, 'reload() reads again');
    el.remove();
  });

  it('drops the answer and the failure of a session that ended meanwhile; the new session’s apply', async () => {
    const el = await host();
    el.session = sessionOf('a');
    await waitFor(() => el.pending.length === 1, 'the reading for a');
    el.session = sessionOf('b');
    await waitFor(() => el.pending.length === 2, 'the reading for b');
    el.pending[0]!.answer.resolve('family a');
    el.pending[1]!.answer.resolve('family b');
    await waitFor(() => el.log.includes('loaded family b'), "b's answer");
    assert(!el.log.includes('loaded family a'), `a's late answer dropped: ${el.log.join(', ')}`);
    assert(el.log.join() === 'start a,start b,loaded family b', el.log.join());

    el.session = sessionOf('c');
    await waitFor(() => el.pending.length === 3, 'the reading for c');
    void el.data.guard(
      () => Promise.reject(new Error('late failure')),
      () => el.log.push('guard done'),
      () => el.log.push('guard failed'),
    );
    el.session = sessionOf('d');
    el.pending[2]!.answer.reject(new Error('offline'));
    await waitFor(() => el.pending.length === 4, 'the reading for d');
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert(!el.log.some((line) => line.startsWith('failed') || line.startsWith('guard')), `c's failures dropped: ${el.log.join(', ')}`);
    el.remove();
  });
});
