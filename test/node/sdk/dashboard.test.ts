// The SDK's messages and dashboard namespaces, and the agent's postMessage, against the
// server's own app through an injected fetch (no network): answers validated by the contract.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { agent, dashboard, family, isApiError, messages } from '@famille/sdk';
import { startDemoApp, type DemoApp } from './support/demo-app.ts';

let app: DemoApp;
before(async () => {
  app = await startDemoApp();
});
after(() => app?.close());

test('an agent posts to all families; the demo parent lists it unread, reads it, and the count drops', async () => {
  const parent = await app.parent();
  const before = await messages(parent).list();
  const posted = await agent(await app.agent()).postMessage({ audience: 'all', title: 'Fermeture le 26 décembre', body: 'Les crèches ferment.' });
  assert.ok(posted.recipients >= 1);
  const listed = await messages(parent).list({ limit: 5 });
  assert.equal(listed.messages[0]?.id, posted.id);
  assert.equal(listed.unread, before.unread + 1);
  assert.equal((await dashboard(parent).summary()).unreadMessages, before.unread + 1);
  const read = await messages(parent).read(posted.id);
  assert.equal(read.body, 'Les crèches ferment.');
  assert.equal((await messages(parent).list()).unread, before.unread);
});

test("the dashboard's summary and the family's requests of every kind, paged", async () => {
  const parent = await app.parent();
  const summary = await dashboard(parent).summary();
  assert.deepEqual([summary.account.civilite, summary.account.nomUsage], ['madame', 'Martin']);
  for (const prenoms of ['Simone', 'Odette'])
    await family(parent).addMember({
      role: 'contact',
      nomUsage: 'Roux',
      prenoms,
      lien: 'Voisine',
      telephone: '06 12 34 56 78',
      autoriseRecuperation: true,
      appelUrgence: false,
    });
  // Two requests: two pages of one, the newest first.
  const first = await dashboard(parent).requests({ limit: 1 });
  assert.equal(first.requests.length, 1);
  assert.equal(first.nextOffset, 1);
  const next = await dashboard(parent).requests({ limit: 1, offset: first.nextOffset });
  assert.ok(next.requests[0]!.number < first.requests[0]!.number);
  const wrong = await messages(parent)
    .read('00000000-0000-0000-0000-000000000000')
    .catch((error: unknown) => error);
  assert.ok(isApiError(wrong) && wrong.code === 'not_found');
});
