// The Node entry: a real HTTP server on a free port, over PGlite on disk (or PostgreSQL).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginResult, Session } from '@famille/contract';
import { migrations } from '@famille/server';
import { nodeClientIp, serverOptionsFromEnv } from '@famille/server/node';
import { openTestDatabase, testDatabaseUrl } from './support/database.ts';
import { DEMO, PAGE_ORIGIN } from './support/app.ts';
import { startTestServer } from './support/node-server.ts';
import { agentLogin } from './support/family.ts';
import { invoiceBody, issue, newBillingFamily, started } from './support/invoices.ts';

describe('startServer', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'famille-server-test-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('migrates, seeds the demo parent and serves the API over HTTP; close() stops it', async () => {
    const { server, lines } = await startTestServer({
      ...(testDatabaseUrl ? { databaseUrl: testDatabaseUrl } : { dataDir }),
      filesDir: `${dataDir}/files`,
      allowedOrigins: [PAGE_ORIGIN],
      accountPageUrl: 'https://demo.ville.test/famille',
    });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal((await fetch(`${server.url}/api/health/ready`)).status, 200);
      const loginResponse = await fetch(`${server.url}/api/tenants/vienne-condrieu/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: PAGE_ORIGIN },
        body: JSON.stringify({ ...DEMO, transport: 'token' }),
      });
      assert.equal(loginResponse.status, 200);
      assert.equal(loginResponse.headers.get('access-control-allow-origin'), PAGE_ORIGIN);
      const { token } = LoginResult.parse(await loginResponse.json());
      const session = await fetch(`${server.url}/api/tenants/vienne-condrieu/auth/session`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(Session.parse(await session.json()).account.identifiant, 'parent.demo');
      assert.ok(lines.some((l) => l.msg === 'listening' && l['migration'] === migrations.length));

      // No SMTP configured: the e-mail stays in the outbox, its link is printed to the log and listed at the dev outbox.
      const email = `node.${Date.now()}@example.fr`;
      const registered = await fetch(`${server.url}/api/tenants/vienne-condrieu/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          acceptCgu: true,
          identity: { civilite: 'monsieur', nomUsage: 'Noeud', prenoms: 'Léo' },
          address: {},
          contacts: { email },
          credentials: { identifiant: `node.${Date.now()}`, password: 'Tilleul-Orange-2026' },
        }),
      });
      assert.equal(registered.status, 202);
      const logged = lines.find((l) => l['to'] === email);
      assert.match(String(logged?.['link']), /^https:\/\/demo\.ville\.test\/famille#famille-activation=[\w-]{43}$/);
      const outbox = (await (await fetch(`${server.url}/api/tenants/vienne-condrieu/dev/outbox`)).json()) as { messages: { to: string }[] };
      assert.equal(outbox.messages[0]?.to, email);
      assert.ok(lines.some((l) => l.msg === 'request' && l['path'] === '/api/tenants/vienne-condrieu/auth/session' && l['status'] === 200));
    } finally {
      await server.close();
    }
    await assert.rejects(fetch(`${server.url}/api/health`), 'the port is closed');
  });
});

test('configuration comes from the documented environment variables', () => {
  assert.deepEqual(
    serverOptionsFromEnv({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/famille',
      DATABASE_URL: 'postgres://famille@db/famille',
      ALLOWED_ORIGINS: 'https://www.ville.fr, https://mairie.example',
      COOKIE_SECURE: 'false',
      TRUST_PROXY: '2',
      SEED_DEMO: '0',
      LOG_LEVEL: 'warn',
    }),
    {
      port: 9000,
      host: '0.0.0.0',
      dataDir: '/var/lib/famille',
      databaseUrl: 'postgres://famille@db/famille',
      allowedOrigins: ['https://www.ville.fr', 'https://mairie.example'],
      cookieSecure: false,
      trustProxy: 2,
      seedDemo: false,
      logLevel: 'warn',
    },
  );
  assert.deepEqual(serverOptionsFromEnv({ TRUST_PROXY: 'true', COOKIE_SECURE: '1' }), { trustProxy: 1, cookieSecure: true });
  assert.deepEqual(
    serverOptionsFromEnv({ PUBLIC_URL: 'https://api.ville.fr/api/' }),
    { config: { publicUrl: 'https://api.ville.fr/api/' } },
    'the base of the PayFiP urlnotif and urlredirect',
  );
  assert.deepEqual(serverOptionsFromEnv({}), {});
  assert.deepEqual(serverOptionsFromEnv({ DEV_OUTBOX: '1' }), { devOutbox: true });
});

test('the development outbox (every activation and reset link) is served only when asked for, never by omission', async () => {
  const database = await openTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'famille-outbox-'));
  const previous = process.env['NODE_ENV'];
  delete process.env['NODE_ENV'];
  try {
    for (const [devOutbox, expected] of [
      [undefined, 404],
      [false, 404],
      [true, 200],
    ] as const) {
      // `devOutbox: undefined` on purpose: it replaces the test servers' own default.
      const { server } = await startTestServer({ database: database.db, filesDir: `${dir}/files`, devOutbox });
      try {
        assert.equal((await fetch(`${server.url}/api/tenants/vienne-condrieu/dev/outbox`)).status, expected, `devOutbox ${devOutbox}`);
      } finally {
        await server.close();
      }
    }
    await assert.rejects(startTestServer({ database: database.db, filesDir: `${dir}/files`, devOutbox: true, smtpUrl: 'smtp://127.0.0.1:1' }), /DEV_OUTBOX/);
  } finally {
    if (previous !== undefined) process.env['NODE_ENV'] = previous;
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
});

test('behind a trusted proxy, the client address is the one the proxy appended, not a forged one', () => {
  const context = (xff: string) => ({ req: { header: (name: string) => (name === 'x-forwarded-for' ? xff : undefined) } }) as never;
  assert.equal(nodeClientIp(1)(context('6.6.6.6, 203.0.113.9')), '203.0.113.9');
  assert.equal(nodeClientIp(2)(context('6.6.6.6, 203.0.113.9, 10.0.0.2')), '203.0.113.9');
  assert.equal(nodeClientIp(0)(context('6.6.6.6')), undefined, 'X-Forwarded-For ignored without a trusted proxy');
});

test('publicUrl (PUBLIC_URL) is where the payment provider sends the payer and its notifications, not the request’s own origin', async () => {
  const database = await openTestDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'famille-public-url-'));
  const { server } = await startTestServer({
    database: database.db,
    filesDir: `${dir}/files`,
    ...serverOptionsFromEnv({ PUBLIC_URL: 'https://api.ville.test/api/' }),
    allowedOrigins: [PAGE_ORIGIN],
  });
  try {
    const agent = await agentLogin(server.app);
    const family = await newBillingFamily(server.app, database.db);
    const invoice = await issue(server.app, agent, invoiceBody(family.familyId));
    const { redirectUrl } = await started(server.app, family.auth, [invoice.id]);
    assert.ok(redirectUrl.startsWith('https://api.ville.test/api/payment-providers/vienne-condrieu/demo/'), redirectUrl);
  } finally {
    await server.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
