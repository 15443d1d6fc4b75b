// The SDK's account namespace ("Mon compte") and the agent's accountChanges, against the
// server's own app through an injected fetch (no network): answers validated by the contract.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { account, accounts, agent, isApiError, requests, uploadDocument } from '@famille/sdk';
import { minimalPdf } from '../../fixtures/minimal-pdf.ts';
import { DEMO, startDemoApp, type DemoApp } from './support/demo-app.ts';

let app: DemoApp;
before(async () => {
  app = await startDemoApp();
});
after(() => app?.close());

test('reads the account, saves the coordonnées, and the agent lists the change', async () => {
  const parent = await app.parent();
  const details = await account(parent).get();
  assert.equal(details.identifiant, DEMO.identifiant);
  assert.ok(details.lastLoginAt);
  const saved = await account(parent).saveContactDetails({
    address: { voie: 'rue du Rhône', codePostal: '38200', commune: 'Vienne' },
    mobile: '06 10 20 30 40',
  });
  assert.equal(saved.mobile, '06 10 20 30 40');
  const { changes } = await agent(await app.agent()).accountChanges();
  assert.deepEqual(changes[0]?.after['mobile'], '06 10 20 30 40');
});

test('an e-mail change waits for its link; a wrong password is a field error', async () => {
  const parent = await app.parent();
  const refused = await account(parent)
    .requestEmailChange({ email: 'autre@example.fr', password: 'Pas-Le-Bon-2026' })
    .catch((e: unknown) => e);
  assert.ok(isApiError(refused) && refused.problem?.fieldErrors?.[0]?.path === 'password');
  const accepted = await account(parent).requestEmailChange({ email: 'nouvelle@example.fr', password: DEMO.password });
  assert.equal(accepted.pendingEmail, 'nouvelle@example.fr');
  const { messages } = await accounts(app.client()).devOutbox();
  const token = messages.map((m) => /famille-email=([A-Za-z0-9_-]+)/.exec(m.text)?.[1]).find(Boolean)!;
  assert.equal((await account(app.client()).confirmEmailChange(token)).email, 'nouvelle@example.fr');
  assert.equal((await account(parent).get()).email, 'nouvelle@example.fr');
});

test('identity and closure requests land in the family’s requests; the export is the family’s', async () => {
  const parent = await app.parent();
  const doc = await uploadDocument(parent, new Blob([minimalPdf], { type: 'application/pdf' }));
  const identity = await account(parent).requestIdentityChange({
    identity: { civilite: 'madame', nomUsage: 'Rivière', prenoms: 'Camille' },
    attachments: [doc.id],
  });
  const closure = await account(parent).requestClosure({ confirm: true });
  const listed = (await requests(parent).list()).requests.map((r) => r.id);
  assert.ok(listed.includes(identity.id) && listed.includes(closure.id));
  const exported = await account(parent).export();
  assert.ok(exported.tables['requests']?.some((r) => r['id'] === closure.id));
});

test('changing the password keeps this session; logging out everywhere ends it', async () => {
  const parent = await app.parent();
  const other = await app.parent();
  assert.equal((await account(parent).changePassword({ password: DEMO.password, newPassword: 'Glycine-Rivière-2027' })).sessionsEnded >= 1, true);
  assert.equal(await other.auth.session(), null);
  assert.ok(await parent.auth.session());
  await account(parent).logOutEverywhere();
  assert.equal(await parent.auth.session(), null);
});
