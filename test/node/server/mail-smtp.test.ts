// The outbox delivered through a real SMTP server (smtp-server) listening on 127.0.0.1.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { sql } from 'drizzle-orm';
import { createOutboxDispatcher, type MailTransport } from '@famille/server';
import { createSmtpTransport, serverOptionsFromEnv } from '@famille/server/node';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { TestClock, login, testApp } from './support/app.ts';
import { activate, count, register, registration, tokenIn } from './support/accounts.ts';

let database: TestDatabase;
let smtp: SMTPServer;
let port: number;
const received: { envelopeTo: string[]; mail: ParsedMail; auth?: string }[] = [];
let onReceived: (() => void) | undefined;

before(async () => {
  database = await openTestDatabase();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail, ...(session.user !== undefined && { auth: String(session.user) }) });
          callback();
          onReceived?.();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  port = (smtp.server.address() as AddressInfo).port;
});
after(async () => {
  await new Promise<void>((done) => smtp.close(() => done()));
  await database?.close();
});

describe('mail through SMTP', () => {
  test('the activation e-mail reaches a real SMTP server: recipient, subject, sender and a link whose token activates', async () => {
    const clock = new TestClock();
    const { app, deps } = await testApp(database.db, { clock });
    const transport = createSmtpTransport({
      url: `smtp://famille:secret@127.0.0.1:${port}`,
      from: 'Espace Famille <espace-famille@vienne-condrieu.example.fr>',
    });
    const dispatcher = createOutboxDispatcher({ db: deps.db, transport, clock });
    try {
      const body = registration();
      assert.equal((await register(app, body)).status, 202);
      const arrived = new Promise<void>((done) => (onReceived = done));
      // Other tests' messages may be due too: send until ours is there.
      const result = await dispatcher.runOnce();
      assert.ok(result.sent >= 1);
      await arrived;
      const message = received.find((r) => r.envelopeTo.includes(body.contacts.email));
      assert.ok(message, 'received');
      assert.equal(message.auth, 'famille', 'authenticated with the URL credentials');
      const { mail } = message;
      assert.equal(mail.subject, 'Activez votre Espace Famille — Vienne Condrieu Agglomération');
      assert.deepEqual(mail.from?.value, [{ name: 'Vienne Condrieu Agglomération', address: 'espace-famille@vienne-condrieu.example.fr' }]);
      assert.equal(mail.replyTo?.value[0]?.address, 'point-info-mode-de-garde@vienne-condrieu.example.fr');
      assert.match(mail.text ?? '', /https:\/\/vienne-condrieu\.example\.fr\/espace-famille#famille-activation=[\w-]{43}/);
      assert.match(String(mail.html), /href="https:\/\/vienne-condrieu\.example\.fr\/espace-famille#famille-activation=/);
      assert.equal((await activate(app, tokenIn(mail.text ?? '', 'activation'))).status, 200);
      assert.equal((await login(app, { identifiant: body.credentials.identifiant, password: body.credentials.password })).status, 200);
      // Sent: marked so, and its link no longer sits in the database.
      assert.equal(
        await count(database.db, 'outbox_messages', sql`to_address = ${body.contacts.email} and status = 'sent' and text_body = '' and html_body = ''`),
        1,
      );
    } finally {
      await dispatcher.stop();
      transport.close?.();
    }
  });

  test('a failed delivery is retried with backoff, then marked sent', async () => {
    const clock = new TestClock('2026-04-01T08:00:00.000Z');
    const { app, deps } = await testApp(database.db, { clock });
    await database.db.execute(sql`update outbox_messages set status = 'sent' where status = 'pending'`);
    let fail = true;
    const sent: string[] = [];
    const flaky: MailTransport = {
      async send(mail) {
        if (fail) throw new Error('421 try later');
        sent.push(mail.to);
      },
    };
    const dispatcher = createOutboxDispatcher({ db: deps.db, transport: flaky, clock });
    const body = registration();
    await register(app, body);
    assert.deepEqual(await dispatcher.runOnce(), { sent: 0, failed: 1 });
    assert.deepEqual(await dispatcher.runOnce(), { sent: 0, failed: 0 }, 'not before its backoff');
    clock.advance(59);
    assert.deepEqual(await dispatcher.runOnce(), { sent: 0, failed: 0 });
    clock.advance(1);
    fail = false;
    assert.deepEqual(await dispatcher.runOnce(), { sent: 1, failed: 0 });
    assert.deepEqual(sent, [body.contacts.email]);
    assert.deepEqual(await dispatcher.runOnce(), { sent: 0, failed: 0 }, 'sent once');
  });

  test('SMTP_URL, MAIL_FROM and ACCOUNT_PAGE_URL are read from the environment', () => {
    assert.deepEqual(
      serverOptionsFromEnv({ SMTP_URL: 'smtp://u:p@mail.ville.fr:587', MAIL_FROM: 'famille@ville.fr', ACCOUNT_PAGE_URL: 'https://www.ville.fr/famille' }),
      {
        smtpUrl: 'smtp://u:p@mail.ville.fr:587',
        mailFrom: 'famille@ville.fr',
        accountPageUrl: 'https://www.ville.fr/famille',
      },
    );
  });
});
