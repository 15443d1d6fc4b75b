// Mes actualités: agents post to one family or to all; each family lists, counts and reads
// its own copies; the e-mail says a message waits, never what it says.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { Message, MessageList, PostedMessage } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, TestClock, testApp, type TestApp } from './support/app.ts';
import { count, fieldErrors, outbox } from './support/accounts.ts';
import { agentLogin, newFamily, send, type Auth } from './support/family.ts';
import { newBillingFamily, type BillingFamily } from './support/invoices.ts';
import { startTestServer } from './support/node-server.ts';

let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let agent: Auth;
let a: BillingFamily;
let b: BillingFamily;

before(async () => {
  database = await openTestDatabase();
  clock = new TestClock(new Date().toISOString());
  ({ app } = await testApp(database.db, { clock }));
  agent = await agentLogin(app);
  a = await newBillingFamily(app, database.db);
  b = await newBillingFamily(app, database.db);
});
after(() => database?.close());

const post = async (body: unknown, base = BASE, auth = agent) => send(app, `${base}/agent/messages`, 'POST', auth, body);
async function posted(body: unknown, base = BASE, auth = agent): Promise<PostedMessage> {
  const response = await post(body, base, auth);
  assert.equal(response.status, 201, await response.clone().text());
  return PostedMessage.parse(await response.json());
}
async function list(auth: Auth, query = '', base = BASE): Promise<MessageList> {
  const response = await send(app, `${base}/messages${query}`, 'GET', auth);
  assert.equal(response.status, 200, await response.clone().text());
  return MessageList.parse(await response.json());
}
const read = (auth: Auth, id: string, base = BASE) => send(app, `${base}/messages/${id}`, 'GET', auth);
const families = async () => {
  const result = (await database.db.execute(sql`select count(*)::int as n from families where tenant_id = 'vienne-condrieu'`)) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]!.n;
};

describe('a message to all families', () => {
  const secret = 'Code du portail de la crèche : 4711';
  let message: PostedMessage;

  test('reaches every family of the tenant, and each family sees it unread', async () => {
    clock.advance(60);
    message = await posted({ audience: 'all', title: 'Fermeture le 26 décembre', body: `Les crèches ferment.\n${secret}` });
    assert.equal(message.recipients, await families());
    for (const family of [a, b]) {
      const mine = await list(family.auth);
      assert.equal(mine.messages[0]?.id, message.id);
      assert.equal(mine.messages[0]?.read, false);
      assert.ok(mine.unread >= 1);
    }
  });

  test('an e-mail tells each active parent a message waits, through the outbox, with nothing of the message in it', async () => {
    const mails = (await outbox(app)).filter((m) => m.to === a.email || m.to === b.email);
    const notices = mails.filter((m) => m.subject.includes('Un message vous attend'));
    assert.equal(notices.length, 2);
    for (const mail of notices) {
      for (const part of [mail.subject, mail.text, mail.html]) {
        assert.ok(!part.includes('4711') && !part.includes('Fermeture') && !part.includes('crèches ferment'), part);
      }
      assert.match(mail.text, /Mes actualités/);
    }
    // Written to the outbox (pending, sent later by the dispatcher), one per active account.
    const pending = await count(database.db, 'outbox_messages', sql`status = 'pending' and subject like 'Un message vous attend%'`);
    const active = await count(database.db, 'accounts', sql`tenant_id = 'vienne-condrieu' and status = 'active'`);
    assert.equal(pending, active);
  });

  test('reading marks it read for that family only; the first reading’s date stays', async () => {
    const before = (await list(a.auth)).unread;
    const response = await read(a.auth, message.id);
    assert.equal(response.status, 200);
    const opened = Message.parse(await response.json());
    assert.equal(opened.body, `Les crèches ferment.\n${secret}`);
    assert.equal((await list(a.auth)).unread, before - 1);
    assert.equal((await list(a.auth)).messages.find((m) => m.id === message.id)?.read, true);
    assert.equal((await list(b.auth)).messages.find((m) => m.id === message.id)?.read, false);
    clock.advance(120);
    const again = Message.parse(await (await read(a.auth, message.id)).json());
    assert.equal(again.readAt, opened.readAt);
  });

  test('a family created afterwards does not get it', async () => {
    const late = await newFamily(app);
    assert.ok((await list(late.auth)).messages.every((m) => m.id !== message.id));
    assert.equal((await read(late.auth, message.id)).status, 404);
  });

  test("another tenant's families never see it, nor read it", async () => {
    const other = await newFamily(app, OTHER_BASE);
    assert.deepEqual((await list(other.auth, '', OTHER_BASE)).messages, []);
    assert.equal((await read(other.auth, message.id, OTHER_BASE)).status, 404);
    assert.equal((await read(other.auth, message.id)).status, 401);
  });
});

describe('a message to one family', () => {
  test('only that family lists and reads it; another family gets 404 and its count does not move', async () => {
    clock.advance(60);
    const unreadOfA = (await list(a.auth)).unread;
    const message = await posted({ audience: 'family', familyId: b.familyId, title: 'Votre dossier', body: 'Merci de passer au guichet.' });
    assert.equal(message.recipients, 1);
    assert.equal((await list(b.auth)).messages[0]?.id, message.id);
    assert.ok((await list(a.auth)).messages.every((m) => m.id !== message.id));
    assert.equal((await list(a.auth)).unread, unreadOfA);
    assert.equal((await read(a.auth, message.id)).status, 404);
    assert.equal((await read(b.auth, message.id)).status, 200);
    const mails = (await outbox(app)).filter((m) => m.subject.includes('Un message vous attend'));
    assert.equal(mails.filter((m) => m.to === b.email).length, 2);
    assert.equal(mails.filter((m) => m.to === a.email).length, 1);
  });

  test('the family is required, must be of the tenant, and a broadcast names none: 422 naming familyId', async () => {
    const other = await newBillingFamily(app, database.db, OTHER_BASE);
    const cases: [unknown, string][] = [
      [{ audience: 'family', title: 'T', body: 'B' }, 'required'],
      [{ audience: 'family', familyId: other.familyId, title: 'T', body: 'B' }, 'unknown_reference'],
      [{ audience: 'family', familyId: 'not-a-uuid', title: 'T', body: 'B' }, 'unknown_reference'],
      [{ audience: 'all', familyId: a.familyId, title: 'T', body: 'B' }, 'invalid_value'],
    ];
    for (const [body, code] of cases) {
      const response = await post(body);
      assert.equal(response.status, 422, JSON.stringify(body));
      assert.deepEqual(await fieldErrors(response), [{ path: 'familyId', code }]);
    }
    const blank = await post({ audience: 'all', title: '  ', body: '' });
    assert.deepEqual((await fieldErrors(blank)).map((e) => e.path).sort(), ['body', 'title']);
    const multiline = await post({ audience: 'all', title: 'a\nb', body: 'ok' });
    assert.deepEqual(await fieldErrors(multiline), [{ path: 'title', code: 'invalid_characters' }]);
  });

  test('a parent cannot post; an agent of another tenant cannot post to this one', async () => {
    assert.equal((await post({ audience: 'all', title: 'T', body: 'B' }, BASE, a.auth)).status, 403);
    const otherAgent = await agentLogin(app, OTHER_BASE);
    assert.equal((await post({ audience: 'all', title: 'T', body: 'B' }, BASE, otherAgent)).status, 401);
  });
});

test('the list pages newest first with nextOffset, and the unread count covers every page', async () => {
  const family = await newBillingFamily(app, database.db);
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    clock.advance(60);
    ids.push((await posted({ audience: 'family', familyId: family.familyId, title: `Message ${n}`, body: 'x' })).id);
  }
  const first = await list(family.auth, '?limit=2');
  assert.deepEqual(
    first.messages.map((m) => m.title),
    ['Message 3', 'Message 2'],
  );
  assert.equal(first.nextOffset, 2);
  assert.equal(first.unread, 3);
  const second = await list(family.auth, `?limit=2&offset=${first.nextOffset}`);
  assert.deepEqual(
    second.messages.map((m) => m.title),
    ['Message 1'],
  );
  assert.equal(second.nextOffset, undefined);
  assert.equal((await send(app, `${BASE}/messages?limit=0`, 'GET', family.auth)).status, 422);
});

describe('npm run post-message', () => {
  const run = (args: string[], env: Record<string, string> = {}) =>
    promisify(execFile)(process.execPath, ['--conditions=source', 'scripts/post-message.ts', ...args], { env: { ...process.env, ...env } }).then(
      (out) => ({ code: 0, ...out }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  test("posts to all families through the running server's agent API; the password comes from the environment only", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'famille-post-message-'));
    const { server } = await startTestServer({ database: database.db, filesDir: join(dir, 'files') });
    try {
      const api = ['--api', `${server.url}/api`, '--tenant', 'vienne-condrieu'];
      const family = await newBillingFamily(app, database.db);
      const ok = await run([...api, '--all', '--title', 'Fermeture exceptionnelle', '--body', 'Lundi 5 janvier.'], { AGENT_PASSWORD: 'Agent-Demo-2026' });
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.stdout, /posted to \d+ families of vienne-condrieu/);
      const listed = await list(family.auth);
      assert.equal(listed.messages[0]?.title, 'Fermeture exceptionnelle');
      assert.equal(listed.messages[0]?.read, false);

      const refused = await run([...api, '--family', 'nope', '--title', 'T', '--body', 'B'], { AGENT_PASSWORD: 'Agent-Demo-2026' });
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /familyId: unknown_reference/);
      const wrongPassword = await run([...api, '--all', '--title', 'T', '--body', 'B'], { AGENT_PASSWORD: 'nope' });
      assert.equal(wrongPassword.code, 1);
      assert.match(wrongPassword.stderr, /invalid_credentials/);
      const noPassword = await run([...api, '--all', '--title', 'T', '--body', 'B'], { AGENT_PASSWORD: '' });
      assert.equal(noPassword.code, 2);
      const both = await run([...api, '--all', '--family', family.familyId, '--title', 'T', '--body', 'B'], { AGENT_PASSWORD: 'Agent-Demo-2026' });
      assert.equal(both.code, 2);
      assert.equal((await list(family.auth)).messages.filter((m) => m.title === 'T').length, 0);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
