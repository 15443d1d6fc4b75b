// Account creation, activation by e-mail and password reset, through app.request(), on PGlite or PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { ActivationResult, Problem, RegistrationAccepted } from '@famille/contract';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, DEMO, OTHER_BASE, PAGE_ORIGIN, TestClock, login, loginAs, testApp } from './support/app.ts';
import { createTenantRegistry, demoTenants, mailKeys } from '@famille/server';
import { mailEn } from '../../../packages/server/src/mail/messages.en.ts';
import {
  activate,
  count,
  lastMailTo,
  outbox,
  problemCode,
  register,
  registration,
  requestReset,
  resend,
  resetPassword,
  tokenIn,
  unique,
} from './support/accounts.ts';

let database: TestDatabase;
before(async () => {
  database = await openTestDatabase();
});
after(() => database?.close());

// Each test starts a day after the previous one: throttling windows of earlier tests are over.
let day = 0;
const nextDayClock = () => new TestClock(new Date(Date.UTC(2026, 2, 2 + day++, 8)).toISOString());
const app = async (options: Parameters<typeof testApp>[1] = {}) => testApp(database.db, { clock: nextDayClock(), ...options });

async function registerAndGetToken(a: Awaited<ReturnType<typeof app>>['app'], body = registration()) {
  const response = await register(a, body);
  assert.equal(response.status, 202, await response.clone().text());
  return { body, token: tokenIn((await lastMailTo(a, body.contacts.email)).text, 'activation') };
}

describe('registration', () => {
  test('creates a pending account and e-mails an activation link to the host page, token in the fragment; activation then login works', async () => {
    const { app: a } = await app();
    const body = registration();
    const response = await register(a, body);
    assert.equal(response.status, 202);
    assert.deepEqual(RegistrationAccepted.parse(await response.json()), { email: body.contacts.email, activationTtlHours: 48 });

    const mail = await lastMailTo(a, body.contacts.email);
    assert.equal(mail.subject, 'Activez votre Espace Famille — Vienne Condrieu Agglomération');
    assert.match(mail.text, /https:\/\/vienne-condrieu\.example\.fr\/espace-famille#famille-activation=[\w-]{43}/);
    assert.match(mail.text, /48 heures/);
    assert.match(mail.text, /Point Info Mode de Garde/);
    assert.match(mail.html, /href="https:\/\/vienne-condrieu\.example\.fr\/espace-famille#famille-activation=/);
    assert.doesNotMatch(mail.html, /<img|src=/, 'no remote image');

    const credentials = { identifiant: body.credentials.identifiant, password: body.credentials.password };
    assert.equal(await problemCode(await login(a, credentials)), 'account_not_activated');
    const activated = await activate(a, tokenIn(mail.text, 'activation'));
    assert.equal(activated.status, 200);
    assert.deepEqual(ActivationResult.parse(await activated.json()), { identifiant: body.credentials.identifiant });
    assert.equal((await login(a, credentials)).status, 200);
  });

  test('stores every field of the form, the e-mail token only as its SHA-256', async () => {
    const { app: a } = await app();
    const { body, token } = await registerAndGetToken(a);
    const [row] = (
      (await database.db.execute(sql`select * from accounts where identifiant = ${body.credentials.identifiant}`)) as unknown as {
        rows: Record<string, unknown>[];
      }
    ).rows;
    assert.equal(row!['nom_naissance'], 'Petit');
    assert.equal(String(row!['date_naissance']).slice(0, 4) === '1990' || row!['date_naissance'] instanceof Date, true);
    assert.deepEqual(row!['address'], { numero: '12', voie: 'rue des Tilleuls', codePostal: '38200', commune: 'Vienne' });
    assert.equal(row!['mobile'], '+33 6 12 34 56 78');
    assert.equal(row!['preferred_contact'], 'mobile');
    assert.equal(row!['status'], 'pending_activation');
    assert.ok(row!['cgu_accepted_at']);
    const tokens = JSON.stringify(((await database.db.execute(sql`select * from email_tokens`)) as unknown as { rows: unknown[] }).rows);
    assert.ok(!tokens.includes(token), 'the raw token is nowhere in the tokens table');
  });

  test('answers an e-mail that already has an account exactly like a new one, and tells that address instead of creating anything', async () => {
    const { app: a } = await app();
    const fresh = await register(a, registration({ email: `new.${unique()}@example.fr` }));
    const known = await register(a, registration({ email: 'Parent.Demo@Example.fr' }));
    assert.equal(known.status, fresh.status);
    assert.equal(known.status, 202);
    const freshBody = (await fresh.json()) as { email: string };
    const knownBody = (await known.json()) as { email: string };
    assert.deepEqual({ ...knownBody, email: 'x' }, { ...freshBody, email: 'x' }, 'the same body but the address it echoes');
    assert.deepEqual(Object.keys(knownBody), Object.keys(freshBody));
    const headers = (r: Response) => [...r.headers].filter(([n]) => n !== 'x-request-id');
    assert.deepEqual(headers(known), headers(fresh));

    assert.equal(await count(database.db, 'accounts', sql`email_key = 'parent.demo@example.fr' and tenant_id = 'vienne-condrieu'`), 1, 'no second account');
    const mail = await lastMailTo(a, 'parent.demo@example.fr');
    assert.equal(mail.subject, 'Vous avez déjà un Espace Famille — Vienne Condrieu Agglomération');
    assert.match(mail.text, /« parent\.demo »/);
    assert.match(mail.text, /espace-famille#famille-forgot-password/);
  });

  test('an address whose account was never activated gets a new activation link for that account', async () => {
    const { app: a } = await app();
    const { body, token: first } = await registerAndGetToken(a);
    const again = await register(a, registration({ email: body.contacts.email.toUpperCase() }));
    assert.equal(again.status, 202);
    const second = tokenIn((await lastMailTo(a, body.contacts.email)).text, 'activation');
    assert.notEqual(second, first);
    assert.equal(await problemCode(await activate(a, first)), 'token_expired', 'the newer link retires the older one');
    assert.deepEqual(await (await activate(a, second)).json(), { identifiant: body.credentials.identifiant });
  });

  test('refuses an identifiant already taken (in any case) with a field error', async () => {
    const { app: a } = await app();
    const response = await register(a, registration({ identifiant: 'Parent.Demo' }));
    assert.equal(response.status, 422);
    const problem = Problem.parse(await response.json());
    assert.equal(problem.code, 'validation_failed');
    assert.deepEqual(problem.fieldErrors, [{ path: 'credentials.identifiant', code: 'taken' }]);
  });

  test('refuses a password from the common list (too_common) and one that breaks the policy (too_weak)', async () => {
    const { app: a } = await app();
    for (const [password, code] of [
      ['Azerty123!', 'too_common'],
      ['Marseille13', 'too_common'],
      ['motdepasse', 'too_weak'],
      ['Ab1', 'too_weak'],
    ] as const) {
      const response = await register(a, registration({ password }));
      assert.equal(response.status, 422, password);
      assert.deepEqual(Problem.parse(await response.json()).fieldErrors, [{ path: 'credentials.password', code }], password);
    }
  });

  test('accepts a 64-character passphrase', async () => {
    const { app: a } = await app();
    const password = 'Quatre chevaux blancs galopent le long de la Loire en 2026, hue!';
    assert.equal([...password].length, 64);
    const { body, token } = await registerAndGetToken(a, registration({ password }));
    assert.equal((await activate(a, token)).status, 200);
    assert.equal((await login(a, { identifiant: body.credentials.identifiant, password })).status, 200);
  });

  test("applies the tenant's own rule: Ville d’Exemple takes 8 characters with a lower-case letter and a digit", async () => {
    const { app: a } = await app();
    assert.equal((await register(a, registration({ password: 'tilleul24' }), {}, OTHER_BASE)).status, 202);
    const weak = await register(a, registration({ password: 'TILLEUL-ORANGE' }), {}, OTHER_BASE);
    assert.deepEqual(Problem.parse(await weak.json()).fieldErrors, [{ path: 'credentials.password', code: 'too_weak' }]);
  });

  test('validates every field of the contract', async () => {
    const { app: a } = await app();
    const long = (n: number) => 'a'.repeat(n);
    const cases: [string, (b: ReturnType<typeof registration>) => unknown, string, string][] = [
      ['CGU not accepted', (b) => ({ ...b, acceptCgu: false }), 'acceptCgu', 'invalid_value'],
      ['CGU missing', ({ acceptCgu: _, ...b }) => b, 'acceptCgu', 'required'],
      ['civilité unknown', (b) => ({ ...b, identity: { ...b.identity, civilite: 'mx' } }), 'identity.civilite', 'invalid_value'],
      ['nom usuel empty', (b) => ({ ...b, identity: { ...b.identity, nomUsage: '  ' } }), 'identity.nomUsage', 'required'],
      ['nom usuel too long', (b) => ({ ...b, identity: { ...b.identity, nomUsage: long(101) } }), 'identity.nomUsage', 'too_long'],
      ['nom de naissance too long', (b) => ({ ...b, identity: { ...b.identity, nomNaissance: long(101) } }), 'identity.nomNaissance', 'too_long'],
      ['prénoms missing', (b) => ({ ...b, identity: { ...b.identity, prenoms: undefined } }), 'identity.prenoms', 'required'],
      ['prénoms too long', (b) => ({ ...b, identity: { ...b.identity, prenoms: long(151) } }), 'identity.prenoms', 'too_long'],
      ['birth date in the future', (b) => ({ ...b, identity: { ...b.identity, dateNaissance: '2999-01-01' } }), 'identity.dateNaissance', 'not_in_past'],
      ['birth date not a date', (b) => ({ ...b, identity: { ...b.identity, dateNaissance: '17/05/1990' } }), 'identity.dateNaissance', 'invalid_format'],
      ['numéro too long', (b) => ({ ...b, address: { ...b.address, numero: long(11) } }), 'address.numero', 'too_long'],
      ['voie too long', (b) => ({ ...b, address: { ...b.address, voie: long(151) } }), 'address.voie', 'too_long'],
      ['bâtiment too long', (b) => ({ ...b, address: { ...b.address, batiment: long(61) } }), 'address.batiment', 'too_long'],
      ['appartement too long', (b) => ({ ...b, address: { ...b.address, appartement: long(31) } }), 'address.appartement', 'too_long'],
      ['complément too long', (b) => ({ ...b, address: { ...b.address, complement: long(151) } }), 'address.complement', 'too_long'],
      ['postal code of 4 digits', (b) => ({ ...b, address: { ...b.address, codePostal: '3820' } }), 'address.codePostal', 'invalid_format'],
      ['postal code with letters', (b) => ({ ...b, address: { ...b.address, codePostal: '2A004' } }), 'address.codePostal', 'invalid_format'],
      ['commune too long', (b) => ({ ...b, address: { ...b.address, commune: long(101) } }), 'address.commune', 'too_long'],
      ['téléphone with letters', (b) => ({ ...b, contacts: { ...b.contacts, telephone: '04 CALL ME' } }), 'contacts.telephone', 'invalid_format'],
      ['mobile too short', (b) => ({ ...b, contacts: { ...b.contacts, mobile: '0612' } }), 'contacts.mobile', 'invalid_format'],
      ['e-mail malformed', (b) => ({ ...b, contacts: { ...b.contacts, email: 'lea.example.fr' } }), 'contacts.email', 'invalid_format'],
      ['e-mail missing', (b) => ({ ...b, contacts: { ...b.contacts, email: undefined } }), 'contacts.email', 'required'],
      ['e-mail too long', (b) => ({ ...b, contacts: { ...b.contacts, email: `${long(64)}@${long(190)}.fr` } }), 'contacts.email', 'too_long'],
      ['preferred contact unknown', (b) => ({ ...b, contacts: { ...b.contacts, preferredContact: 'pigeon' } }), 'contacts.preferredContact', 'invalid_value'],
      ['identifiant too short', (b) => ({ ...b, credentials: { ...b.credentials, identifiant: 'ab' } }), 'credentials.identifiant', 'too_short'],
      ['identifiant too long', (b) => ({ ...b, credentials: { ...b.credentials, identifiant: long(65) } }), 'credentials.identifiant', 'too_long'],
      [
        'identifiant with a space',
        (b) => ({ ...b, credentials: { ...b.credentials, identifiant: 'léa durand' } }),
        'credentials.identifiant',
        'invalid_format',
      ],
      ['password too long', (b) => ({ ...b, credentials: { ...b.credentials, password: long(1025) } }), 'credentials.password', 'too_long'],
      ['locale unknown', (b) => ({ ...b, locale: 'de' }), 'locale', 'invalid_value'],
    ];
    for (const [name, change, path, code] of cases) {
      const response = await register(a, change(registration()));
      assert.equal(response.status, 422, name);
      const errors = Problem.parse(await response.json()).fieldErrors ?? [];
      assert.ok(
        errors.some((e) => e.path === path && e.code === code),
        `${name}: ${JSON.stringify(errors)}`,
      );
    }
  });

  test('writes the account, its token and its e-mail in one transaction: a failure midway leaves none of them', async () => {
    const { app: a, logs } = await app();
    await database.db.execute(
      sql.raw(`create or replace function famille_test_fail() returns trigger language plpgsql as $$ begin raise exception 'outbox down'; end $$`),
    );
    await database.db.execute(sql.raw(`create trigger famille_test_fail before insert on outbox_messages for each row execute function famille_test_fail()`));
    try {
      const body = registration();
      const [accounts, tokens, messages] = [
        await count(database.db, 'accounts'),
        await count(database.db, 'email_tokens'),
        await count(database.db, 'outbox_messages'),
      ];
      const response = await register(a, body);
      assert.equal(response.status, 500);
      assert.equal(await problemCode(response), 'internal_error');
      assert.equal(await count(database.db, 'accounts'), accounts);
      assert.equal(await count(database.db, 'email_tokens'), tokens);
      assert.equal(await count(database.db, 'outbox_messages'), messages);
      assert.ok(logs.some((l) => l.msg === 'unhandled error'));
    } finally {
      await database.db.execute(sql.raw('drop trigger famille_test_fail on outbox_messages'));
    }
  });
});

describe('activation links', () => {
  test('work once: a second use is token_used', async () => {
    const { app: a } = await app();
    const { token } = await registerAndGetToken(a);
    assert.equal((await activate(a, token)).status, 200);
    const again = await activate(a, token);
    assert.equal(again.status, 410);
    assert.equal(await problemCode(again), 'token_used');
  });

  test('expire after the tenant’s 48 hours (token_expired), and the expired link gets a new one', async () => {
    const { app: a, clock } = await app();
    const { body, token } = await registerAndGetToken(a);
    clock.advance(48 * 3600 - 1);
    clock.advance(1);
    const expired = await activate(a, token);
    assert.equal(expired.status, 410);
    assert.equal(await problemCode(expired), 'token_expired');
    const resent = await resend(a, { token });
    assert.equal(resent.status, 202);
    assert.deepEqual(await resent.json(), { accepted: true });
    const fresh = tokenIn((await lastMailTo(a, body.contacts.email)).text, 'activation');
    assert.notEqual(fresh, token);
    assert.equal((await activate(a, fresh)).status, 200);
  });

  test('a forged or malformed token is token_invalid', async () => {
    const { app: a } = await app();
    for (const token of ['A'.repeat(43), 'x'.repeat(16), 'a'.repeat(200)]) {
      const response = await activate(a, token);
      assert.equal(response.status, 400, token);
      assert.equal(await problemCode(response), 'token_invalid');
    }
    assert.equal((await activate(a, 'not a token!')).status, 422, 'not even the format: a validation error');
  });

  test('the same token used twice at once activates once', async () => {
    const { app: a } = await app();
    const { token } = await registerAndGetToken(a);
    const responses = await Promise.all([activate(a, token), activate(a, token), activate(a, token)]);
    assert.deepEqual(responses.map((r) => r.status).sort(), [200, 410, 410]);
  });

  test('resending by identifiant sends a new link to an account not yet activated; an unknown or active one gets the same answer and nothing', async () => {
    const { app: a } = await app();
    const { body } = await registerAndGetToken(a);
    const before = (await outbox(a)).length;
    const answers = [];
    for (const identifiant of [body.credentials.identifiant, 'nobody.here', 'parent.demo']) {
      const response = await resend(a, { identifiant });
      answers.push([response.status, await response.text()]);
    }
    assert.deepEqual(answers[1], answers[0]);
    assert.deepEqual(answers[2], answers[0]);
    assert.equal((await outbox(a)).length, before + 1, 'one e-mail: to the pending account');
    assert.equal((await resend(a, {})).status, 422);
  });
});

describe('password reset', () => {
  test('answers the same for an identifiant, an e-mail address and an unknown one (status and body)', async () => {
    const { app: a } = await app();
    const answers = [];
    for (const identifiant of ['parent.demo', 'PARENT.DEMO@example.fr', 'nobody.here', 'nobody@example.fr']) {
      const response = await requestReset(a, { identifiant });
      answers.push([response.status, await response.text(), response.headers.get('content-type')]);
    }
    for (const answer of answers) assert.deepEqual(answer, [202, '{"accepted":true}', 'application/json']);
    const mail = await lastMailTo(a, 'parent.demo@example.fr');
    assert.equal(mail.subject, 'Réinitialisez votre mot de passe — Vienne Condrieu Agglomération');
    assert.match(mail.text, /espace-famille#famille-reset=[\w-]{43}/);
  });

  test('sets the new password, ends every session of the account, and the old password no longer works', async () => {
    const { app: a } = await app();
    const sessions = [await loginAs(a, 'token'), await loginAs(a, 'cookie')];
    for (const headers of sessions) assert.equal((await a.request(`${BASE}/auth/session`, { headers })).status, 200);
    await requestReset(a, { identifiant: 'parent.demo' });
    const token = tokenIn((await lastMailTo(a, 'parent.demo@example.fr')).text, 'reset');
    const response = await resetPassword(a, token, 'Nouveau-Tilleul-2026');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { identifiant: 'parent.demo' });
    for (const headers of sessions) assert.equal((await a.request(`${BASE}/auth/session`, { headers })).status, 401, 'session ended');
    assert.equal((await login(a, DEMO)).status, 401, 'the old password is refused');
    assert.equal((await login(a, { identifiant: 'parent.demo', password: 'Nouveau-Tilleul-2026' })).status, 200);
    const notice = await lastMailTo(a, 'parent.demo@example.fr');
    assert.equal(notice.subject, 'Votre mot de passe a été modifié — Vienne Condrieu Agglomération');
    // Put the demo password back for the other tests.
    await requestReset(a, { identifiant: 'parent.demo' });
    assert.equal((await resetPassword(a, tokenIn((await lastMailTo(a, 'parent.demo@example.fr')).text, 'reset'), DEMO.password)).status, 200);
  });

  test('forgives the failed logins of the client that resets: it logs in at once with the new password', async () => {
    const config = { throttle: { identifiant: { maxFailures: 3, windowSeconds: 300, firstLockSeconds: 30 } } };
    const { app: a } = await app({ config });
    for (let i = 0; i < 3; i++) await login(a, { identifiant: 'parent.demo', password: `wrong-${i}` });
    assert.equal((await login(a, DEMO)).status, 429, 'this client is slowed down');
    await requestReset(a, { identifiant: 'parent.demo' });
    assert.equal((await resetPassword(a, tokenIn((await lastMailTo(a, 'parent.demo@example.fr')).text, 'reset'), DEMO.password)).status, 200);
    assert.equal((await login(a, DEMO)).status, 200);
  });

  test('links work once, expire after one hour, and a newer request retires the older link', async () => {
    const { app: a, clock } = await app();
    const { body, token: activation } = await registerAndGetToken(a);
    await activate(a, activation);
    const email = body.contacts.email;
    const next = async () => {
      await requestReset(a, { identifiant: email });
      return tokenIn((await lastMailTo(a, email)).text, 'reset');
    };
    const used = await next();
    assert.equal((await resetPassword(a, used, 'Premier-Essai-2026')).status, 200);
    assert.equal(await problemCode(await resetPassword(a, used, 'Second-Essai-2026')), 'token_used');

    const expiring = await next();
    clock.advance(3600);
    assert.equal(await problemCode(await resetPassword(a, expiring, 'Second-Essai-2026')), 'token_expired');

    const older = await next();
    const newer = await next();
    assert.equal(await problemCode(await resetPassword(a, older, 'Second-Essai-2026')), 'token_expired');
    assert.equal(await problemCode(await resetPassword(a, 'B'.repeat(43), 'Second-Essai-2026')), 'token_invalid');
    assert.equal(await problemCode(await resetPassword(a, activation, 'Second-Essai-2026')), 'token_invalid', 'an activation token is no reset token');
    assert.equal((await resetPassword(a, newer, 'Second-Essai-2026')).status, 200);
  });

  test('refuses a weak or common new password without spending the link', async () => {
    const { app: a } = await app();
    await requestReset(a, { identifiant: 'parent.demo' });
    const token = tokenIn((await lastMailTo(a, 'parent.demo@example.fr')).text, 'reset');
    const weak = await resetPassword(a, token, 'Password1');
    assert.equal(weak.status, 422);
    assert.deepEqual(Problem.parse(await weak.json()).fieldErrors, [{ path: 'password', code: 'too_common' }]);
    assert.equal((await resetPassword(a, token, DEMO.password)).status, 200, 'the link still works');
  });

  test('does not activate an account that was never activated', async () => {
    const { app: a } = await app();
    const { body } = await registerAndGetToken(a);
    await requestReset(a, { identifiant: body.credentials.identifiant });
    const token = tokenIn((await lastMailTo(a, body.contacts.email)).text, 'reset');
    assert.equal((await resetPassword(a, token, 'Nouveau-Tilleul-2026')).status, 200);
    assert.equal(await problemCode(await login(a, { identifiant: body.credentials.identifiant, password: 'Nouveau-Tilleul-2026' })), 'account_not_activated');
  });
});

describe('e-mail requests are throttled', () => {
  const config = { throttle: { mailTarget: { maxFailures: 2, windowSeconds: 600 }, mailIp: { maxFailures: 5, windowSeconds: 600 } } };

  test('per target address: registration, resend and reset each allow the configured number, then 429 with Retry-After', async () => {
    const { app: a, clock } = await app({ config });
    const email = `flood.${unique()}@example.fr`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await register(a, registration({ email }))).status);
    assert.deepEqual(statuses, [202, 202, 429]);
    for (const send of [() => requestReset(a, { identifiant: 'parent.demo' }), () => resend(a, { identifiant: 'nobody.known' })]) {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await send());
      assert.deepEqual(
        answers.map((r) => r.status),
        [202, 202, 429],
      );
      const problem = Problem.parse(await answers[2]!.json());
      assert.equal(problem.code, 'too_many_attempts');
      assert.equal(problem.retryAfterSeconds, 600);
      assert.equal(answers[2]!.headers.get('retry-after'), '600');
    }
    clock.advance(600);
    assert.equal((await requestReset(a, { identifiant: 'parent.demo' })).status, 202, 'released after the window');
  });

  test('per client address, across targets and operations', async () => {
    const { app: a } = await app({ config, clientIp: '203.0.113.9' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await requestReset(a, { identifiant: `someone.${unique()}` })).status);
    for (let i = 0; i < 3; i++) statuses.push((await register(a, registration())).status);
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
    const other = await testApp(database.db, {
      config,
      clientIp: '198.51.100.4',
      seed: false,
      clock: new TestClock(new Date(Date.UTC(2026, 2, 1 + day, 8)).toISOString()),
    });
    assert.equal((await requestReset(other.app, { identifiant: `someone.${unique()}` })).status, 202);
  });
});

describe('the e-mails’ words', () => {
  test('a tenant’s rewording reaches the outbox, with its parameters, in the parent’s language; the other texts stay the kit’s', async () => {
    const tenants = demoTenants({ allowedOrigins: [PAGE_ORIGIN] }).map((tenant) =>
      tenant.config.id === 'vienne-condrieu'
        ? {
            ...tenant,
            mailStrings: {
              fr: { activationSubject: 'Bienvenue {prenoms} : activez votre compte — {tenant}', activationButton: 'Je confirme mon adresse' },
              en: { activationSubject: 'Welcome {prenoms}: activate your account — {tenant}' },
            },
          }
        : tenant,
    );
    const { app: a } = await app({ deps: { tenants: createTenantRegistry(tenants) } });
    const french = registration();
    await register(a, french);
    const mail = await lastMailTo(a, french.contacts.email);
    assert.equal(mail.subject, `Bienvenue ${french.identity.prenoms} : activez votre compte — Vienne Condrieu Agglomération`);
    assert.match(mail.text, /^Bonjour .*,\n\nVotre Espace Famille a été créé avec l’identifiant/);
    assert.match(mail.text, /Je confirme mon adresse\nhttps?:\/\/\S+#famille-activation=/);
    assert.match(mail.html, />Je confirme mon adresse</);

    const english = registration({ locale: 'en' });
    await register(a, english);
    const englishMail = await lastMailTo(a, english.contacts.email);
    assert.equal(englishMail.subject, `Welcome ${english.identity.prenoms}: activate your account — Vienne Condrieu Agglomération`);
    assert.match(englishMail.text, /Activate my account\n/);

    // The other tenant keeps the kit's words.
    const other = registration();
    await register(a, other, {}, OTHER_BASE);
    assert.equal((await lastMailTo(a, other.contacts.email, OTHER_BASE)).subject, 'Activez votre Espace Famille — Ville d’Exemple');
  });

  test('a rewording of a message that does not exist stops the server at start, naming it', () => {
    const [tenant] = demoTenants({ allowedOrigins: [PAGE_ORIGIN] });
    assert.throws(
      () => createTenantRegistry([{ ...tenant!, mailStrings: { fr: { activationSubjet: 'x' } as never } }]),
      /mailStrings has no message "activationSubjet"/,
    );
  });

  test('French and English tables have the same messages', () => {
    assert.deepEqual(Object.keys(mailEn).sort(), [...mailKeys].sort());
  });
});

describe('development outbox', () => {
  test('answers 404 unless enabled (it is in the demo)', async () => {
    const { app: a } = await app({ config: { devOutbox: false } });
    const response = await a.request(`${BASE}/dev/outbox`);
    assert.equal(response.status, 404);
    assert.equal(await problemCode(response), 'not_found');
  });

  test('lists only its own tenant’s messages, in English for an English registration', async () => {
    const { app: a } = await app();
    const body = registration({ locale: 'en' });
    await register(a, body, {}, OTHER_BASE);
    const mail = await lastMailTo(a, body.contacts.email, OTHER_BASE);
    assert.equal(mail.subject, 'Activate your Espace Famille account — Ville d’Exemple');
    assert.match(mail.text, /within 72 hours/);
    assert.match(mail.text, /portail-famille#famille-activation=/);
    assert.ok(!(await outbox(a)).some((m) => m.to === body.contacts.email), 'not in the other tenant’s outbox');
  });
});
