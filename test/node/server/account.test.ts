// "Mon compte": last logins, password and sessions, coordonnées, e-mail change, identity and
// closure requests, the personal-data export — on PGlite or PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { AccountChangeList, AccountDetails, AccountExport, AgentRequest, AgentRequestList, FamilyRequest, RequestList, SessionsEnded } from '@famille/contract';
import { previousLoginAt } from '../../../packages/server/src/db/accounts.ts';
import { linkedTables, unrelatedTables } from '../../../packages/server/src/accounts/export.ts';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, TestClock, json, testApp, type TestApp } from './support/app.ts';
import { fieldErrors, lastMailTo, outbox, problemCode, unique } from './support/accounts.ts';
import { addMember, agentLogin, child, newFamily, send, setStatus, upload, type Auth } from './support/family.ts';
import { billCents, newBillingFamily, recordPayment } from './support/invoices.ts';

const PASSWORD = 'Tilleul-Orange-2026';
let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let agent: Auth;

before(async () => {
  database = await openTestDatabase();
  ({ app, clock } = await testApp(database.db, { clock: new TestClock(new Date().toISOString()) }));
  agent = await agentLogin(app);
});
after(() => database?.close());

const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

async function logIn(identifiant: string, password = PASSWORD, transport: 'token' | 'cookie' = 'token') {
  return app.request(`${BASE}/auth/login`, json({ identifiant, password, transport }, { origin: 'https://www.ville.test' }));
}
async function session(identifiant: string, password = PASSWORD): Promise<Auth> {
  const response = await logIn(identifiant, password);
  assert.equal(response.status, 200, await response.clone().text());
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}
const details = async (auth: Auth) => {
  const response = await send(app, `${BASE}/account`, 'GET', auth);
  assert.equal(response.status, 200);
  return AccountDetails.parse(await response.json());
};
const stillLoggedIn = async (auth: Auth) => (await send(app, `${BASE}/auth/session`, 'GET', auth)).status === 200;
const accountIdOf = async (email: string) => (await rows<{ id: string }>(sql`select id from accounts where email = ${email}`))[0]!.id;

describe('last login', () => {
  test('each login moves the last one to "previous": the answer and previousLoginAt() say when the parent last came', async () => {
    const family = await newFamily(app);
    const first = await details(family.auth);
    assert.equal(first.previousLoginAt, undefined);
    assert.ok(first.lastLoginAt);
    const firstAt = first.lastLoginAt;
    clock.advance(120);
    const again = await session(family.identifiant);
    const second = await details(again);
    assert.equal(second.previousLoginAt, firstAt);
    assert.equal(second.lastLoginAt, clock.now().toISOString());
    const id = await accountIdOf(family.email);
    assert.equal((await previousLoginAt(database.db, id))?.toISOString(), firstAt);
    assert.equal(await previousLoginAt(database.db, id, 'ville-exemple'), null);
  });

  test('a failed login moves nothing', async () => {
    const family = await newFamily(app);
    const before = await details(family.auth);
    assert.equal((await logIn(family.identifiant, 'Wrong-Password-1')).status, 401);
    assert.deepEqual(await details(family.auth), before);
  });
});

describe('password', () => {
  const change = (auth: Auth, body: unknown) => send(app, `${BASE}/account/password`, 'POST', auth, body);

  test('a change ends every OTHER session, refuses the old password, accepts the new one and mails a notice', async () => {
    const family = await newFamily(app);
    const other = await session(family.identifiant);
    const response = await change(family.auth, { password: PASSWORD, newPassword: 'Glycine-Rivière-2027' });
    assert.equal(response.status, 200);
    assert.equal(SessionsEnded.parse(await response.json()).sessionsEnded, 1);
    assert.equal(await stillLoggedIn(family.auth), true);
    assert.equal(await stillLoggedIn(other), false);
    assert.equal((await logIn(family.identifiant)).status, 401);
    assert.equal((await logIn(family.identifiant, 'Glycine-Rivière-2027')).status, 200);
    const notice = await lastMailTo(app, family.email);
    assert.match(notice.subject, /mot de passe a été modifié/);
    assert.match(notice.text, /autres sessions ouvertes ont été fermées/);
  });

  test('a wrong current password is a field error, the weak new one too, and nothing changes', async () => {
    const family = await newFamily(app);
    const response = await change(family.auth, { password: 'Not-The-Password-9', newPassword: 'abc' });
    assert.equal(response.status, 422);
    assert.deepEqual(
      (await fieldErrors(response)).map((e) => `${e.path}:${e.code}`),
      ['password:invalid_value', 'newPassword:too_weak'],
    );
    const weak = await change(family.auth, { password: PASSWORD, newPassword: 'abc' });
    assert.deepEqual(
      (await fieldErrors(weak)).map((e) => `${e.path}:${e.code}`),
      ['newPassword:too_weak'],
    );
    assert.equal((await logIn(family.identifiant)).status, 200);
    assert.equal(await stillLoggedIn(family.auth), true);
  });

  test('wrong current passwords are throttled like logins: 429 after a few, and the session stays', async () => {
    const family = await newFamily(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12 && !statuses.includes(429); i++)
      statuses.push((await change(family.auth, { password: `Wrong-${i}-Password`, newPassword: 'Glycine-Rivière-2027' })).status);
    assert.equal(statuses[0], 422);
    assert.equal(statuses.at(-1), 429);
    // The right password is refused too while locked: guessing here is no faster than at the login form.
    assert.equal((await change(family.auth, { password: PASSWORD, newPassword: 'Glycine-Rivière-2027' })).status, 429);
    assert.equal(await stillLoggedIn(family.auth), true);
  });

  test('"log out of every device" ends every session, this one included, and clears the cookie', async () => {
    const family = await newFamily(app);
    const other = await session(family.identifiant);
    const cookieLogin = await logIn(family.identifiant, PASSWORD, 'cookie');
    const cookie = cookieLogin.headers.get('set-cookie')!.split(';')[0]!;
    const response = await app.request(`${BASE}/account/sessions/logout`, { method: 'POST', headers: { cookie, origin: 'https://www.ville.test' } });
    assert.equal(response.status, 200);
    assert.equal(SessionsEnded.parse(await response.json()).sessionsEnded, 3);
    assert.match(response.headers.get('set-cookie') ?? '', /famille_session=;/);
    assert.equal(await stillLoggedIn(family.auth), false);
    assert.equal(await stillLoggedIn(other), false);
    assert.equal((await logIn(family.identifiant)).status, 200);
  });
});

describe('coordonnées', () => {
  const save = (auth: Auth, body: unknown) => send(app, `${BASE}/account/contact-details`, 'PUT', auth, body);
  const changes = async (familyId?: string) =>
    AccountChangeList.parse(await (await send(app, `${BASE}/agent/account-changes${familyId ? `?familyId=${familyId}` : ''}`, 'GET', agent)).json()).changes;

  test('address and phones are saved at once and agents see the change (changed fields, before and after)', async () => {
    const family = await newBillingFamily(app, database.db);
    const body = {
      address: { numero: '4', voie: 'place du Marché', codePostal: '38200', commune: 'Vienne' },
      mobile: '06 11 22 33 44',
      preferredContact: 'mobile',
    };
    const response = await save(family.auth, body);
    assert.equal(response.status, 200);
    const saved = AccountDetails.parse(await response.json());
    assert.deepEqual(saved.address, body.address);
    assert.equal(saved.mobile, '06 11 22 33 44');
    assert.equal(saved.telephone, undefined, 'left out: cleared');
    const [latest] = await changes(family.familyId);
    assert.equal(latest?.kind, 'contact_details');
    assert.equal(latest?.familyLabel, family.label);
    assert.deepEqual(latest?.after, { address: body.address, telephone: null, mobile: '06 11 22 33 44' });
    assert.equal((latest?.before as { mobile: string }).mobile, '+33 6 12 34 56 78');
    assert.ok(latest && !('preferredContact' in latest.after), 'unchanged fields are not listed');
    // Saving the same again records nothing new.
    await save(family.auth, body);
    assert.equal((await changes(family.familyId)).length, 1);
    assert.ok((await changes()).some((c) => c.familyId === family.familyId));
  });

  test('a bad phone or postal code is a field error and nothing is saved', async () => {
    const family = await newFamily(app);
    const response = await save(family.auth, { address: { codePostal: '382' }, mobile: 'call me' });
    assert.equal(response.status, 422);
    assert.deepEqual((await fieldErrors(response)).map((e) => e.path).sort(), ['address.codePostal', 'mobile']);
    assert.equal((await details(family.auth)).address['codePostal'], '38200');
  });
});

describe('e-mail change', () => {
  const ask = (auth: Auth, body: unknown) => send(app, `${BASE}/account/email-change`, 'POST', auth, body);
  const confirm = (token: string) => app.request(`${BASE}/account/email-change/confirmation`, json({ token }));
  const tokenOf = (text: string) => /#famille-email=([A-Za-z0-9_-]+)/.exec(text)![1]!;

  test('the new address takes effect only once its link is opened; the old one is told; the link works once', async () => {
    const family = await newBillingFamily(app, database.db);
    const newEmail = `nouvelle.${unique()}@example.fr`;
    const response = await ask(family.auth, { email: newEmail, password: PASSWORD });
    assert.equal(response.status, 202);
    const pending = await details(family.auth);
    assert.equal(pending.email, family.email);
    assert.equal(pending.pendingEmail, newEmail);
    assert.match((await lastMailTo(app, family.email)).text, new RegExp(newEmail.replace('.', '\\.')));
    const link = await lastMailTo(app, newEmail);
    const confirmed = await confirm(tokenOf(link.text));
    assert.equal(confirmed.status, 200);
    assert.deepEqual(await confirmed.json(), { email: newEmail });
    const now = await details(family.auth);
    assert.equal(now.email, newEmail);
    assert.equal(now.pendingEmail, undefined);
    assert.equal((await confirm(tokenOf(link.text))).status, 410);
    const [change] = AccountChangeList.parse(await (await send(app, `${BASE}/agent/account-changes?familyId=${family.familyId}`, 'GET', agent)).json()).changes;
    assert.deepEqual([change?.kind, change?.before, change?.after], ['email', { email: family.email }, { email: newEmail }]);
  });

  test("another account's address is the field error `taken`; a wrong password `invalid_value`; nothing is sent", async () => {
    const family = await newFamily(app);
    const other = await newFamily(app);
    const before = (await outbox(app)).length;
    const taken = await ask(family.auth, { email: other.email.toUpperCase(), password: PASSWORD });
    assert.equal(taken.status, 422);
    assert.deepEqual(await fieldErrors(taken), [{ path: 'email', code: 'taken' }]);
    const wrong = await ask(family.auth, { email: `x.${unique()}@example.fr`, password: 'Wrong-Password-1' });
    assert.deepEqual(await fieldErrors(wrong), [{ path: 'password', code: 'invalid_value' }]);
    assert.equal((await outbox(app)).length, before);
  });

  test('an address taken between the request and the link is a 409 conflict, and the account keeps its address', async () => {
    const family = await newFamily(app);
    const wanted = `convoitee.${unique()}@example.fr`;
    assert.equal((await ask(family.auth, { email: wanted, password: PASSWORD })).status, 202);
    const token = tokenOf((await lastMailTo(app, wanted)).text);
    const rival = await newFamily(app);
    assert.equal((await ask(rival.auth, { email: wanted, password: PASSWORD })).status, 202);
    assert.equal((await confirm(tokenOf((await lastMailTo(app, wanted)).text))).status, 200);
    const late = await confirm(token);
    assert.equal(late.status, 409);
    assert.equal(await problemCode(late), 'conflict');
    assert.equal((await details(family.auth)).email, family.email);
  });

  test('an unknown or malformed token is refused without a 5xx', async () => {
    assert.equal(await problemCode(await confirm('q3Xv9kR2mT7wL0pZs8Yb4NcE1uHf6JdA')), 'token_invalid');
    assert.equal((await confirm('!')).status, 422);
  });
});

describe('identity and closure requests', () => {
  const identity = { civilite: 'madame', nomUsage: 'Martin', nomNaissance: 'Durand', prenoms: 'Léa Marie', dateNaissance: '1990-05-17' };
  const agentRequest = async (id: string) => AgentRequest.parse(await (await send(app, `${BASE}/agent/requests/${id}`, 'GET', agent)).json());

  test('an identity change needs a justificatif, is one request at a time, reaches agents and applies once validated', async () => {
    const family = await newFamily(app);
    const none = await send(app, `${BASE}/account/identity-requests`, 'POST', family.auth, { identity });
    assert.deepEqual(await fieldErrors(none), [{ path: 'attachments', code: 'required' }]);
    const doc = await upload(app, family.auth);
    const response = await send(app, `${BASE}/account/identity-requests`, 'POST', family.auth, { identity, attachments: [doc.id] });
    assert.equal(response.status, 201);
    const request = FamilyRequest.parse(await response.json());
    assert.equal(request.kind, 'identity_change');
    assert.equal(request.memberLabel, 'Léa Marie Durand');
    const again = await send(app, `${BASE}/account/identity-requests`, 'POST', family.auth, { identity, attachments: [(await upload(app, family.auth)).id] });
    assert.equal(again.status, 409);
    // The parent's requests and the agents' list include it.
    const mine = RequestList.parse(await (await send(app, `${BASE}/requests`, 'GET', family.auth)).json()).requests;
    assert.ok(mine.some((r) => r.id === request.id));
    const listed = AgentRequestList.parse(await (await send(app, `${BASE}/agent/requests?status=deposee`, 'GET', agent)).json()).requests;
    const seen = listed.find((r) => r.request.id === request.id);
    assert.equal(seen?.member, undefined);
    assert.equal(seen?.account?.current['nomUsage'], 'Durand');
    assert.equal(seen?.account?.requested?.['nomUsage'], 'Martin');
    assert.deepEqual(
      seen?.account?.documents.map((d) => d.id),
      [doc.id],
    );
    assert.equal((await details(family.auth)).identityRequest?.number, request.number);
    assert.equal((await setStatus(app, agent, request.id, { status: 'validee' })).status, 200);
    const after = await details(family.auth);
    assert.equal(after.identity.nomUsage, 'Martin');
    assert.equal(after.identityRequest, undefined);
    assert.match((await lastMailTo(app, family.email)).text, /modification de l’identité de Léa Marie Durand/);
  });

  test('the identity the parent and the agents read is its five parts only: no hash, key or other column of the account', async () => {
    const family = await newFamily(app);
    const identityKeys = ['civilite', 'dateNaissance', 'nomNaissance', 'nomUsage', 'prenoms'];
    // The raw answers: parsing with the contract's schema would drop unknown keys and hide a leak.
    const raw = (await (await send(app, `${BASE}/account`, 'GET', family.auth)).json()) as { identity: Record<string, unknown> };
    assert.ok(
      Object.keys(raw.identity).every((key) => identityKeys.includes(key)),
      `GET account identity: ${Object.keys(raw.identity).join(', ')}`,
    );
    const doc = await upload(app, family.auth);
    const filed = FamilyRequest.parse(
      await (await send(app, `${BASE}/account/identity-requests`, 'POST', family.auth, { identity, attachments: [doc.id] })).json(),
    );
    const seen = (await (await send(app, `${BASE}/agent/requests/${filed.id}`, 'GET', agent)).json()) as { account: { current: Record<string, unknown> } };
    assert.ok(
      Object.keys(seen.account.current).every((key) => identityKeys.includes(key)),
      `agent's current identity: ${Object.keys(seen.account.current).join(', ')}`,
    );
    assert.ok(!JSON.stringify([raw, seen]).includes('$argon2id$'), 'no password hash anywhere');
  });

  test('a refused identity change changes nothing', async () => {
    const family = await newFamily(app);
    const doc = await upload(app, family.auth);
    const request = FamilyRequest.parse(
      await (await send(app, `${BASE}/account/identity-requests`, 'POST', family.auth, { identity, attachments: [doc.id] })).json(),
    );
    assert.equal((await setStatus(app, agent, request.id, { status: 'refusee', comment: 'Acte illisible.' })).status, 200);
    assert.equal((await details(family.auth)).identity.nomUsage, 'Durand');
  });

  test('a closure request reaches agents; validated, the account is disabled and its sessions end, its invoices kept', async () => {
    const family = await newBillingFamily(app, database.db);
    const invoice = await billCents(app, agent, family, 1200);
    assert.equal((await send(app, `${BASE}/account/closure-requests`, 'POST', family.auth, { comment: 'Nous déménageons.' })).status, 422);
    const response = await send(app, `${BASE}/account/closure-requests`, 'POST', family.auth, { confirm: true, comment: 'Nous déménageons.' });
    assert.equal(response.status, 201);
    const request = FamilyRequest.parse(await response.json());
    assert.equal(request.kind, 'account_closure');
    assert.equal((await send(app, `${BASE}/account/closure-requests`, 'POST', family.auth, { confirm: true })).status, 409);
    const seen = await agentRequest(request.id);
    assert.equal(seen.account?.comment, 'Nous déménageons.');
    assert.equal(seen.family.id, family.familyId);
    assert.equal((await details(family.auth)).closureRequest?.id, request.id);
    assert.equal((await setStatus(app, agent, request.id, { status: 'validee', comment: 'Compte clôturé.' })).status, 200);
    assert.match((await lastMailTo(app, family.email)).text, /clôture du compte/);
    assert.equal(await stillLoggedIn(family.auth), false);
    assert.equal((await logIn(family.identifiant)).status, 401);
    assert.equal((await rows(sql`select id from invoices where id = ${invoice.id}`)).length, 1);
  });
});

describe('personal data export', () => {
  test('holds every row of every table about the family, and nothing of another family or any secret', async () => {
    const family = await newBillingFamily(app, database.db);
    const other = await newBillingFamily(app, database.db);
    for (const f of [family, other]) {
      const attached = await upload(app, f.auth);
      await addMember(app, f.auth, child({ attachments: [attached.id] }));
      await upload(app, f.auth);
      await send(app, `${BASE}/account/contact-details`, 'PUT', f.auth, { address: { commune: 'Vienne' }, mobile: '06 00 00 00 01' });
      await send(app, `${BASE}/account/closure-requests`, 'POST', f.auth, { confirm: true });
      const invoice = await billCents(app, agent, f, 2500);
      assert.equal((await recordPayment(app, agent, f, 1000, [invoice.id])).status, 201);
    }
    const response = await send(app, `${BASE}/account/export`, 'GET', family.auth);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="espace-famille-vienne-condrieu-/);
    const exported = AccountExport.parse(await response.json());
    assert.equal(exported.familyId, family.familyId);

    // Every table of the database is exported, or said to hold nothing about one family.
    const columns = await rows<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns where table_schema = current_schema()`,
    );
    const tables = [...new Set(columns.map((c) => c.table_name))];
    const withFamily = new Set(columns.filter((c) => c.column_name === 'family_id').map((c) => c.table_name));
    for (const table of tables) {
      const covered = withFamily.has(table) || table in linkedTables || table === 'families' || unrelatedTables.includes(table);
      assert.ok(covered, `table ${table}: export it (a family_id, linkedTables) or list it in unrelatedTables`);
    }
    // And each exported table holds exactly the family's rows.
    for (const table of [...withFamily, 'families']) {
      if (unrelatedTables.includes(table)) continue;
      const where = table === 'families' ? sql`id = ${family.familyId}` : sql`family_id = ${family.familyId}`;
      const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${where}`);
      assert.equal(exported.tables[table]?.length, count!.n, table);
    }
    const [linked] = await rows<{ events: number; allocations: number; sessions: number }>(sql`select
      (select count(*)::int from request_events e join requests r on r.id = e.request_id where r.family_id = ${family.familyId}) as events,
      (select count(*)::int from payment_allocations a join payments p on p.id = a.payment_id where p.family_id = ${family.familyId}) as allocations,
      (select count(*)::int from sessions s join accounts a on a.id = s.account_id where a.family_id = ${family.familyId}) as sessions`);
    assert.equal(exported.tables['request_events']?.length, linked!.events);
    assert.ok(linked!.events >= 2 && linked!.allocations === 1 && linked!.sessions >= 1);
    assert.equal(exported.tables['payment_allocations']?.length, linked!.allocations);
    assert.equal(exported.tables['sessions']?.length, linked!.sessions);
    for (const table of ['accounts', 'family_members', 'requests', 'documents', 'invoices', 'payments', 'account_changes']) {
      assert.ok((exported.tables[table]?.length ?? 0) > 0, `${table} has rows`);
    }
    // Documents and invoices come with their download paths, which work.
    const doc = exported.tables['documents']![0]!;
    assert.equal((await send(app, String(doc['download']), 'GET', family.auth)).status, 200);
    assert.equal((await send(app, String(exported.tables['invoices']![0]!['download']), 'GET', family.auth)).status, 200);

    // Nothing of the other family; no secret.
    const text = JSON.stringify(exported);
    const [secrets] = await rows<{ password_hash: string; token_hash: string }>(
      sql`select a.password_hash, s.token_hash from accounts a join sessions s on s.account_id = a.id where a.family_id = ${family.familyId} limit 1`,
    );
    const otherIds = await rows<{ id: string }>(
      sql`select id from family_members where family_id = ${other.familyId} union all select id from documents where family_id = ${other.familyId}
        union all select id from requests where family_id = ${other.familyId} union all select id from invoices where family_id = ${other.familyId}`,
    );
    for (const needle of [other.familyId, other.email, secrets!.password_hash, secrets!.token_hash, ...otherIds.map((r) => r.id)]) {
      assert.ok(!text.includes(needle), `export holds ${needle}`);
    }
    for (const key of ['passwordHash', 'tokenHash', 'storageKey', 'identifiantKey', 'emailKey', 'agentId']) assert.ok(!text.includes(`"${key}"`), key);
  });
});
