// Crèche pre-registration: the démarche as tenant data, drafts, submission checked whole
// against the tenant's configuration, numbers, statuses, agents, e-mails — on PGlite or PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AgentPreregistrationList,
  Preregistration,
  PreregistrationDraft,
  PreregistrationDraftList,
  PreregistrationList,
  TenantConfig,
} from '@famille/contract';
import { createTenantRegistry, demoTenants, nextCommission, renderMail, vienneCondrieuPreregistration } from '@famille/server';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { BASE, OTHER_BASE, TestClock, login, testApp, type TestApp } from './support/app.ts';
import { outbox, problemCode } from './support/accounts.ts';
import { addMember, agentLogin, child, contact, dateFromToday, files, futureChild, newFamily, send, upload, type Auth } from './support/family.ts';

let database: TestDatabase;
let app: TestApp;
let clock: TestClock;
let agent: Auth;
let parent: { auth: Auth; email: string };

before(async () => {
  database = await openTestDatabase();
  // The server's clock at the real now: start dates are judged by both the schema and the server.
  clock = new TestClock(new Date().toISOString());
  ({ app } = await testApp(database.db, { clock }));
  parent = await newFamily(app);
  agent = await agentLogin(app);
});
after(() => database?.close());

type Problem = { code: string; fieldErrors?: { path: string; code: string; params?: Record<string, unknown> }[] };
const problem = async (response: Response) => (await response.json()) as Problem;
const paths = (p: Problem) => (p.fieldErrors ?? []).map((e) => `${e.path}:${e.code}`).sort();

const draftUrl = (childId: string, base = BASE) => `${base}/preregistration/drafts/${childId}`;
const saveDraft = (auth: Auth, childId: string, body: unknown, base = BASE) => send(app, draftUrl(childId, base), 'PUT', auth, body);
const submit = (auth: Auth, childId: string, base = BASE) => send(app, `${draftUrl(childId, base)}/submission`, 'POST', auth);
const drafts = async (auth: Auth, base = BASE) =>
  PreregistrationDraftList.parse(await (await send(app, `${base}/preregistration/drafts`, 'GET', auth)).json()).drafts;
const mine = async (auth: Auth, base = BASE) =>
  PreregistrationList.parse(await (await send(app, `${base}/preregistrations`, 'GET', auth)).json()).preregistrations;
const agentList = async (auth: Auth, query = '', base = BASE) =>
  AgentPreregistrationList.parse(await (await send(app, `${base}/agent/preregistrations${query}`, 'GET', auth)).json()).preregistrations;
const setStatus = (auth: Auth, id: string, body: unknown, base = BASE) => send(app, `${base}/agent/preregistrations/${id}/status`, 'POST', auth, body);
const cancel = (auth: Auth, id: string, base = BASE) => send(app, `${base}/preregistrations/${id}/cancellation`, 'POST', auth);

/** A new session for an account of `newFamily` (after the clock jumped past the old one's expiry). */
async function relogin(identifiant: string): Promise<Auth> {
  const response = await login(app, { identifiant, password: 'Tilleul-Orange-2026', transport: 'token' });
  assert.equal(response.status, 200);
  return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
}

let childrenMade = 0;
/** A child of the family (born about ten months ago; each another child), its member id. */
async function newChild(auth: Auth, base = BASE, overrides: Record<string, unknown> = {}): Promise<string> {
  return (await addMember(app, auth, child({ dateNaissance: dateFromToday(-300 - childrenMade++), ...overrides }), base)).member.id;
}

/** A complete Vienne draft: its documents are uploaded now (each submission claims its own). */
async function completeDraft(auth: Auth, overrides: Record<string, unknown> = {}) {
  const birth = await upload(app, auth, files.pdf(), 'application/pdf', 'acte.pdf');
  const address = await upload(app, auth, files.png(), 'image/png', 'facture.png');
  return {
    step: 6,
    startDate: dateFromToday(120),
    choices: ['cocon-de-soie', 'grain-d-aile', 'fleur-de-pyrus'],
    observations: 'Graine de Malice en 4e choix',
    documents: [
      { type: 'extrait-naissance', documentId: birth.id },
      { type: 'justificatif-domicile', documentId: address.id },
    ],
    answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille', 'parent2-recherche'] },
    ...overrides,
  };
}

/** A child with a complete draft, submitted: the pre-registration. */
async function submitted(auth: Auth = parent.auth): Promise<Preregistration> {
  const childId = await newChild(auth);
  const saved = await saveDraft(auth, childId, await completeDraft(auth));
  assert.equal(saved.status, 200, await saved.clone().text());
  const response = await submit(auth, childId);
  assert.equal(response.status, 201, await response.clone().text());
  return Preregistration.parse(await response.json());
}

describe('the démarche as tenant data', () => {
  test('the demo tenant publishes the five EAJE of the Vienne guide, 3 choices, its documents, its two questions and commissions in March, June, September, December', async () => {
    const config = TenantConfig.parse(await (await app.request(`${BASE}/config`)).json()).preregistration;
    assert.deepEqual(
      config.structures.map((s) => s.name),
      ['EAJE Cocon de Soie', 'EAJE Fleur de Pyrus', 'EAJE Gém’minis', 'EAJE Grain d’Aile', 'EAJE Graine de Malice'],
    );
    assert.equal(config.maxChoices, 3);
    assert.deepEqual(config.commissionMonths, [3, 6, 9, 12]);
    assert.deepEqual(
      config.documents.map((d) => [d.type, d.required, d.bornChildOnly ?? false]),
      [
        ['extrait-naissance', true, true],
        ['justificatif-domicile', true, false],
        ['attestation-caf-msa', false, false],
      ],
    );
    const [domicile, situation] = config.questionnaire;
    assert.equal(domicile?.kind, 'yesNo');
    assert.equal(domicile?.label.fr, 'La famille est-elle domiciliée ou contribuable sur une commune de Vienne Condrieu Agglomération ?');
    assert.ok(domicile?.label.en);
    assert.equal(situation?.kind, 'multiple');
    assert.equal(situation?.label.fr, 'Quelle est la situation professionnelle des parents ?');
    assert.ok(situation?.kind === 'multiple' && situation.minSelected === 1 && situation.options.length === 5 && situation.options.every((o) => o.label.en));
  });

  test('the second tenant has its own structures, 2 choices and a single-choice question', async () => {
    const config = TenantConfig.parse(await (await app.request(`${OTHER_BASE}/config`)).json()).preregistration;
    assert.equal(config.structures.length, 2);
    assert.equal(config.maxChoices, 2);
    assert.deepEqual(
      config.questionnaire.map((q) => q.kind),
      ['single', 'yesNo'],
    );
  });

  test('a configuration with duplicate ids, an empty option list, an impossible minimum or a format uploads refuse does not start', () => {
    const [vienne] = demoTenants({ allowedOrigins: [] });
    const broken = (preregistration: object) => () =>
      createTenantRegistry([{ ...vienne!, config: { ...vienne!.config, preregistration: { ...vienneCondrieuPreregistration, ...preregistration } } }]);
    const s = vienneCondrieuPreregistration.structures;
    const q = vienneCondrieuPreregistration.questionnaire;
    const d = vienneCondrieuPreregistration.documents;
    assert.throws(broken({ structures: [s[0], s[0], s[1]] }), /structure "cocon-de-soie" is declared twice/);
    assert.throws(broken({ questionnaire: [q[0], { ...q[1], options: [] }] }), /question "situation-professionnelle": no options/);
    assert.throws(broken({ questionnaire: [q[0], { ...q[1], minSelected: 6 }] }), /minSelected \(6\) exceeds its 5 options/);
    assert.throws(broken({ documents: [{ ...d[0], acceptedTypes: ['image/gif'] }] }), /image\/gif is not accepted by uploads/);
    assert.throws(broken({ commissionMonths: [] }), /commissionMonths is empty/);
    assert.throws(broken({ maxChoices: 6 }), /maxChoices \(6\) exceeds the 5 structures/);
    assert.doesNotThrow(broken({}));
  });
});

describe('drafts', () => {
  test('a draft saved step by step comes back whole: resuming keeps the step, date, ranked choices, observations, documents and answers', async () => {
    const childId = await newChild(parent.auth);
    const first = await saveDraft(parent.auth, childId, { step: 1, startDate: dateFromToday(90) });
    assert.equal(first.status, 200);
    const body = await completeDraft(parent.auth, { step: 4, choices: ['grain-d-aile', 'cocon-de-soie'] });
    clock.advance(60);
    const saved = PreregistrationDraft.parse(await (await saveDraft(parent.auth, childId, body)).json());
    const resumed = (await drafts(parent.auth)).find((d) => d.childId === childId);
    assert.deepEqual(resumed, saved);
    assert.equal(resumed?.step, 4);
    assert.equal(resumed?.childLabel, 'Léo Martin (enfant)');
    assert.equal(resumed?.startDate, body.startDate);
    assert.deepEqual(resumed?.choices, ['grain-d-aile', 'cocon-de-soie']);
    assert.equal(resumed?.observations, 'Graine de Malice en 4e choix');
    assert.deepEqual(
      resumed?.documents.map((d) => [d.type, d.document.id, d.document.fileName]),
      [
        ['extrait-naissance', body.documents[0]!.documentId, 'acte.pdf'],
        ['justificatif-domicile', body.documents[1]!.documentId, 'facture.png'],
      ],
    );
    assert.deepEqual(resumed?.answers, body.answers);
    assert.equal(resumed?.updatedAt, clock.now().toISOString());
  });

  test('one draft per child: saving again replaces it, and abandoning it removes it', async () => {
    const childId = await newChild(parent.auth);
    await saveDraft(parent.auth, childId, { step: 2, choices: ['cocon-de-soie'] });
    await saveDraft(parent.auth, childId, { step: 3, choices: ['fleur-de-pyrus'] });
    const forChild = (await drafts(parent.auth)).filter((d) => d.childId === childId);
    assert.deepEqual(
      forChild.map((d) => [d.step, d.choices]),
      [[3, ['fleur-de-pyrus']]],
    );
    assert.equal((await send(app, draftUrl(childId), 'DELETE', parent.auth)).status, 204);
    assert.equal((await drafts(parent.auth)).filter((d) => d.childId === childId).length, 0);
    assert.equal((await send(app, draftUrl(childId), 'DELETE', parent.auth)).status, 404);
  });

  test('a draft is lenient (an incomplete draft, an unknown structure) but refuses a document that is not the family’s', async () => {
    const childId = await newChild(parent.auth);
    assert.equal((await saveDraft(parent.auth, childId, { step: 3, choices: ['ancienne-creche'] })).status, 200);
    const stranger = await newFamily(app);
    const theirs = await upload(app, stranger.auth);
    const response = await saveDraft(parent.auth, childId, { step: 4, documents: [{ type: 'justificatif-domicile', documentId: theirs.id }] });
    assert.equal(response.status, 422);
    assert.deepEqual(paths(await problem(response)), ['documents.justificatif-domicile:unknown_reference']);
    const forged = await saveDraft(parent.auth, childId, { step: 4, documents: [{ type: 'extrait-naissance', documentId: 'not-a-uuid' }] });
    assert.deepEqual(paths(await problem(forged)), ['documents.extrait-naissance:unknown_reference']);
  });

  test('a draft is only for an `enfant` of the family: a contact, another family’s child or an unknown id answer 404', async () => {
    const contactId = (await addMember(app, parent.auth, contact())).member.id;
    assert.equal((await saveDraft(parent.auth, contactId, { step: 1 })).status, 404);
    const stranger = await newFamily(app);
    const theirChild = await newChild(stranger.auth);
    assert.equal((await saveDraft(parent.auth, theirChild, { step: 1 })).status, 404);
    assert.equal((await saveDraft(parent.auth, '00000000-0000-4000-8000-000000000000', { step: 1 })).status, 404);
    assert.equal((await saveDraft(parent.auth, 'nope', { step: 1 })).status, 404);
  });
});

describe('submission is checked whole against the tenant’s démarche', () => {
  test('refused with field errors on the documents step when a required document is missing', async () => {
    const childId = await newChild(parent.auth);
    const body = await completeDraft(parent.auth);
    await saveDraft(parent.auth, childId, { ...body, documents: body.documents.slice(0, 1) });
    const response = await submit(parent.auth, childId);
    assert.equal(response.status, 422);
    const p = await problem(response);
    assert.equal(p.code, 'validation_failed');
    assert.deepEqual(paths(p), ['documents.justificatif-domicile:required']);
  });

  test('refused with field errors on the questionnaire step when a required answer is missing or wrong', async () => {
    const childId = await newChild(parent.auth);
    await saveDraft(parent.auth, childId, await completeDraft(parent.auth, { answers: { 'situation-professionnelle': [] } }));
    assert.deepEqual(paths(await problem(await submit(parent.auth, childId))), [
      'answers.domicile-agglomeration:required',
      'answers.situation-professionnelle:required',
    ]);
    await saveDraft(
      parent.auth,
      childId,
      await completeDraft(parent.auth, { answers: { 'domicile-agglomeration': 'oui', 'situation-professionnelle': ['parent3-travaille'], age: true } }),
    );
    assert.deepEqual(paths(await problem(await submit(parent.auth, childId))), [
      'answers.age:unknown_field',
      'answers.domicile-agglomeration:invalid_type',
      'answers.situation-professionnelle:invalid_value',
    ]);
  });

  test('refused on the choices step when a choice is not one of the tenant’s structures, repeated, or beyond the maximum', async () => {
    const childId = await newChild(parent.auth);
    await saveDraft(parent.auth, childId, await completeDraft(parent.auth, { choices: ['cocon-de-soie', 'les-lutins'] }));
    assert.deepEqual(paths(await problem(await submit(parent.auth, childId))), ['choices.1:unknown_reference']);
    await saveDraft(parent.auth, childId, await completeDraft(parent.auth, { choices: ['cocon-de-soie', 'cocon-de-soie'] }));
    assert.deepEqual(paths(await problem(await submit(parent.auth, childId))), ['choices.1:invalid_value']);
    await saveDraft(parent.auth, childId, await completeDraft(parent.auth, { choices: ['cocon-de-soie', 'fleur-de-pyrus', 'gem-minis', 'grain-d-aile'] }));
    const tooMany = await problem(await submit(parent.auth, childId));
    assert.deepEqual(tooMany.fieldErrors, [{ path: 'choices', code: 'too_large', params: { maximum: 3 } }]);
    await saveDraft(parent.auth, childId, await completeDraft(parent.auth, { choices: [] }));
    assert.deepEqual(paths(await problem(await submit(parent.auth, childId))), ['choices:required']);
  });

  test('refused on the date step without a start date, and on the choices step when the child is too old for a structure then', async () => {
    const childId = await newChild(parent.auth, BASE, { dateNaissance: dateFromToday(-3 * 365) });
    const body = await completeDraft(parent.auth, { choices: ['gem-minis', 'cocon-de-soie'] });
    await saveDraft(parent.auth, childId, { ...body, startDate: undefined });
    assert.deepEqual(paths(await problem(await submit(parent.auth, childId))), ['startDate:required']);
    // Three years old plus four months: beyond Gém'minis' 36 months, within Cocon de Soie's 48.
    await saveDraft(parent.auth, childId, body);
    const p = await problem(await submit(parent.auth, childId));
    assert.deepEqual(paths(p), ['choices.0:invalid_value']);
    assert.equal(p.fieldErrors?.[0]?.params?.['ageMaxMonths'], 36);
  });

  test('a start date that has become past by submission time (clock moved on) is refused on the date step', async () => {
    const family = await newFamily(app);
    const childId = await newChild(family.auth);
    await saveDraft(family.auth, childId, await completeDraft(family.auth, { startDate: dateFromToday(10) }));
    const saved = clock.current;
    clock.advance(20 * 86_400);
    try {
      const auth = await relogin(family.identifiant);
      assert.deepEqual(paths(await problem(await submit(auth, childId))), ['startDate:not_in_future']);
    } finally {
      clock.current = saved;
    }
  });

  test('refused on the documents step when a document of the draft went to an entourage request meanwhile', async () => {
    const childId = await newChild(parent.auth);
    const body = await completeDraft(parent.auth);
    await saveDraft(parent.auth, childId, body);
    await addMember(app, parent.auth, contact({ attachments: [body.documents[1]!.documentId] }));
    assert.deepEqual(paths(await problem(await submit(parent.auth, childId))), ['documents.justificatif-domicile:unknown_reference']);
    // The resumed draft no longer shows it.
    assert.deepEqual(
      (await drafts(parent.auth)).find((d) => d.childId === childId)?.documents.map((d) => d.type),
      ['extrait-naissance'],
    );
  });

  test('submitting for a child that is not the family’s answers 404, and nothing is created', async () => {
    const stranger = await newFamily(app);
    const theirChild = await newChild(stranger.auth);
    await saveDraft(stranger.auth, theirChild, await completeDraft(stranger.auth));
    assert.equal((await submit(parent.auth, theirChild)).status, 404);
    assert.equal((await mine(stranger.auth)).length, 0);
    assert.equal((await drafts(stranger.auth)).length, 1);
  });

  test('a future child needs no birth certificate; a born child does', async () => {
    const futureId = (await addMember(app, parent.auth, futureChild({ dateNaissancePrevue: dateFromToday(60) }))).member.id;
    const body = await completeDraft(parent.auth, { startDate: dateFromToday(200) });
    await saveDraft(parent.auth, futureId, { ...body, documents: body.documents.slice(1) });
    const response = await submit(parent.auth, futureId);
    assert.equal(response.status, 201, await response.clone().text());
    const bornId = await newChild(parent.auth);
    const fresh = await completeDraft(parent.auth);
    await saveDraft(parent.auth, bornId, { ...fresh, documents: fresh.documents.slice(1) });
    assert.deepEqual(paths(await problem(await submit(parent.auth, bornId))), ['documents.extrait-naissance:required']);
  });
});

describe('a submitted pre-registration', () => {
  test('is numbered, "déposée", dated, with its next commission; its documents are claimed and the draft is gone', async () => {
    const before = (await mine(parent.auth)).length;
    const p = await submitted();
    assert.ok(p.number >= 1);
    assert.equal(p.status, 'deposee');
    assert.equal(p.submittedAt, clock.now().toISOString());
    assert.equal(p.nextCommission, nextCommission(clock.now(), [3, 6, 9, 12]));
    assert.deepEqual(p.choices, ['cocon-de-soie', 'grain-d-aile', 'fleur-de-pyrus']);
    assert.deepEqual(
      p.documents.map((d) => d.type),
      ['extrait-naissance', 'justificatif-domicile'],
    );
    assert.deepEqual(
      p.history.map((h) => [h.status, h.by, h.at]),
      [['deposee', 'parent', clock.now().toISOString()]],
    );
    assert.equal((await mine(parent.auth)).length, before + 1);
    assert.ok(!(await drafts(parent.auth)).some((d) => d.childId === p.childId));
    const removal = await send(app, `${BASE}/documents/${p.documents[0]!.document.id}`, 'DELETE', parent.auth);
    assert.equal(removal.status, 409);
  });

  test('two concurrent submissions of the same draft create one request and both answer it', async () => {
    const childId = await newChild(parent.auth);
    await saveDraft(parent.auth, childId, await completeDraft(parent.auth));
    const before = (await mine(parent.auth)).length;
    const responses = await Promise.all([submit(parent.auth, childId), submit(parent.auth, childId), submit(parent.auth, childId)]);
    assert.deepEqual(
      responses.map((r) => r.status),
      [201, 201, 201],
    );
    const bodies = await Promise.all(responses.map(async (r) => Preregistration.parse(await r.json())));
    assert.equal(new Set(bodies.map((b) => b.id)).size, 1);
    assert.equal(new Set(bodies.map((b) => b.number)).size, 1);
    assert.equal((await mine(parent.auth)).length, before + 1);
    // And a later retry (the answer was lost) answers the same one again.
    assert.equal(Preregistration.parse(await (await submit(parent.auth, childId)).json()).id, bodies[0]!.id);
  });

  test('request numbers are sequential per tenant with no gaps under concurrency, shared with entourage requests, refused submissions giving theirs back', async () => {
    const children = await Promise.all([0, 1, 2, 3].map(() => newChild(parent.auth)));
    for (const childId of children) await saveDraft(parent.auth, childId, await completeDraft(parent.auth));
    const invalid = await newChild(parent.auth);
    await saveDraft(parent.auth, invalid, { step: 2, startDate: dateFromToday(30) });
    const results = await Promise.all([
      ...children.map(async (childId) => Preregistration.parse(await (await submit(parent.auth, childId)).json()).number),
      ...[0, 1, 2].map(async () => (await addMember(app, parent.auth, contact())).request.number),
      (async () => {
        assert.equal((await submit(parent.auth, invalid)).status, 422);
        return undefined;
      })(),
    ]);
    const numbers = results.filter((n): n is number => n !== undefined).sort((a, b) => a - b);
    assert.equal(numbers.length, 7);
    const first = numbers[0]!;
    assert.deepEqual(
      numbers,
      numbers.map((_, i) => first + i),
    );
    const next = (await addMember(app, parent.auth, contact())).request.number;
    assert.equal(next, numbers.at(-1)! + 1);
    // The other tenant counts on its own.
    const elsewhere = await newFamily(app, OTHER_BASE);
    assert.equal((await addMember(app, elsewhere.auth, contact(), OTHER_BASE)).request.number, 1);
  });

  test('an e-mail announces the submission (number, date, status, next commission), then each status change', async () => {
    const family = await newFamily(app);
    const p = await submitted(family.auth);
    const ofFamily = async () => (await outbox(app)).filter((m) => m.to === family.email && m.subject.includes('préinscription'));
    const [submittedMail] = await ofFamily();
    assert.match(submittedMail!.subject, new RegExp(`Demande de préinscription n° ${p.number} déposée`));
    assert.match(submittedMail!.text, new RegExp(`Demande n° ${p.number} — statut : déposée`));
    const month = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${p.nextCommission}T00:00:00Z`));
    assert.ok(submittedMail!.text.includes(`commission d’attribution des places, en ${month}`), submittedMail!.text);
    assert.ok(submittedMail!.text.includes('Léo Martin'));
    await setStatus(agent, p.id, { status: 'en_instruction' });
    const moved = await setStatus(agent, p.id, { status: 'place_proposee', comment: 'Place à Cocon de Soie dès septembre' });
    assert.equal(moved.status, 200);
    const mails = await ofFamily();
    assert.equal(mails.length, 3);
    assert.match(mails[0]!.subject, new RegExp(`n° ${p.number} : place proposée`));
    assert.ok(mails[0]!.text.includes('« Place à Cocon de Soie dès septembre »'));
    assert.match(mails[1]!.subject, /en cours d’instruction/);
  });

  test('the English e-mail says the same', () => {
    const config = demoTenants({ allowedOrigins: [] })[0]!.config;
    const submitted = {
      kind: 'preregistration_submitted',
      prenoms: 'Camille',
      number: 36,
      childLabel: 'Léo Martin (enfant)',
      submittedAt: new Date('2021-11-04T09:13:00Z'),
      nextCommission: '2021-12-01',
    } as const;
    const mail = renderMail(submitted, config, 'en');
    assert.equal(mail.subject, 'Pre-registration request no. 36 submitted — Vienne Condrieu Agglomération');
    assert.ok(mail.text.includes('on 4 November 2021 at 10:13'), mail.text);
    assert.ok(mail.text.includes('in December 2021'));
    const fr = renderMail(submitted, config, 'fr');
    assert.ok(fr.text.includes('le 4 novembre 2021 à 10:13'), fr.text);
    assert.ok(fr.text.includes('en décembre 2021'));
  });
});

describe('statuses', () => {
  test('the agent instructs, then decides; a decided pre-registration never changes, and the parent can no longer cancel it', async () => {
    const p = await submitted();
    const instructing = Preregistration.parse(await (await setStatus(agent, p.id, { status: 'en_instruction' })).json());
    assert.equal(instructing.status, 'en_instruction');
    const waiting = Preregistration.parse(await (await setStatus(agent, p.id, { status: 'liste_attente' })).json());
    assert.equal(waiting.status, 'liste_attente');
    const offered = Preregistration.parse(await (await setStatus(agent, p.id, { status: 'place_proposee' })).json());
    assert.deepEqual(
      offered.history.map((h) => [h.status, h.by]),
      [
        ['deposee', 'parent'],
        ['en_instruction', 'agent'],
        ['liste_attente', 'agent'],
        ['place_proposee', 'agent'],
      ],
    );
    assert.equal((await setStatus(agent, p.id, { status: 'refusee', comment: 'Non' })).status, 409);
    const late = await cancel(parent.auth, p.id);
    assert.equal(late.status, 409);
    assert.equal(await problemCode(late), 'conflict');
  });

  test('a refusal needs a comment, which the family reads in the history', async () => {
    const p = await submitted();
    const silent = await setStatus(agent, p.id, { status: 'refusee', comment: '   ' });
    assert.equal(silent.status, 422);
    assert.deepEqual(paths(await problem(silent)), ['comment:required']);
    await setStatus(agent, p.id, { status: 'refusee', comment: 'Famille hors agglomération' });
    const seen = (await mine(parent.auth)).find((x) => x.id === p.id);
    assert.equal(seen?.status, 'refusee');
    assert.deepEqual(seen?.history.at(-1), { status: 'refusee', at: clock.now().toISOString(), by: 'agent', comment: 'Famille hors agglomération' });
  });

  test('the parent cancels a pending one (annulée, by the parent); the agent cannot move it afterwards', async () => {
    const p = await submitted();
    const cancelled = await cancel(parent.auth, p.id);
    assert.equal(cancelled.status, 200);
    const body = Preregistration.parse(await cancelled.json());
    assert.equal(body.status, 'annulee');
    assert.deepEqual(body.history.at(-1)?.by, 'parent');
    assert.equal((await cancel(parent.auth, p.id)).status, 409);
    assert.equal((await setStatus(agent, p.id, { status: 'en_instruction' })).status, 409);
    assert.equal((await setStatus(agent, p.id, { status: 'annulee' })).status, 422);
  });

  test('agents list the tenant’s pre-registrations oldest first, filtered by status, with the family’s name', async () => {
    const p = await submitted();
    await setStatus(agent, p.id, { status: 'liste_attente' });
    const waiting = await agentList(agent, '?status=liste_attente');
    assert.ok(waiting.some((x) => x.preregistration.id === p.id && x.family.label === 'Léa Marie Durand'));
    assert.ok(waiting.every((x) => x.preregistration.status === 'liste_attente'));
    assert.ok(!(await agentList(agent, '?status=deposee')).some((x) => x.preregistration.id === p.id));
    const all = (await agentList(agent)).map((x) => x.preregistration.number);
    assert.deepEqual(
      all,
      [...all].sort((a, b) => a - b),
    );
    assert.equal((await send(app, `${BASE}/agent/preregistrations?status=validee`, 'GET', agent)).status, 422);
  });
});

describe('isolation', () => {
  test('family B cannot read, save, submit, abandon or cancel family A’s drafts and pre-registrations', async () => {
    const a = await newFamily(app);
    const b = await newFamily(app);
    const p = await submitted(a.auth);
    const childId = await newChild(a.auth);
    await saveDraft(a.auth, childId, { step: 2, startDate: dateFromToday(100) });
    assert.deepEqual(await drafts(b.auth), []);
    assert.deepEqual(await mine(b.auth), []);
    assert.equal((await saveDraft(b.auth, childId, { step: 3 })).status, 404);
    assert.equal((await submit(b.auth, childId)).status, 404);
    assert.equal((await submit(b.auth, p.childId)).status, 404);
    assert.equal((await send(app, draftUrl(childId), 'DELETE', b.auth)).status, 404);
    assert.equal((await cancel(b.auth, p.id)).status, 404);
    // A's draft and pre-registration are untouched.
    assert.equal((await drafts(a.auth))[0]?.step, 2);
    assert.equal((await mine(a.auth))[0]?.status, 'deposee');
  });

  test('an agent of another tenant sees nothing of this one and cannot move it; a parent is not an agent', async () => {
    const p = await submitted();
    const agentY = await agentLogin(app, OTHER_BASE);
    assert.ok(!(await agentList(agentY, '', OTHER_BASE)).some((x) => x.preregistration.id === p.id));
    assert.equal((await setStatus(agentY, p.id, { status: 'en_instruction' }, OTHER_BASE)).status, 404);
    assert.equal((await setStatus(agentY, p.id, { status: 'en_instruction' })).status, 401);
    assert.equal((await send(app, `${BASE}/agent/preregistrations`, 'GET', parent.auth)).status, 403);
    assert.equal((await cancel(agent, p.id)).status, 401);
  });
});

describe('next commission', () => {
  test('is the first day of the next commission month strictly after the submission day, in Paris', () => {
    const months = [3, 6, 9, 12];
    assert.equal(nextCommission(new Date('2021-11-04T09:13:00Z'), months), '2021-12-01');
    assert.equal(nextCommission(new Date('2021-12-01T08:00:00Z'), months), '2022-03-01');
    assert.equal(nextCommission(new Date('2021-12-31T12:00:00Z'), months), '2022-03-01');
    assert.equal(nextCommission(new Date('2022-03-01T10:00:00Z'), months), '2022-06-01');
    assert.equal(nextCommission(new Date('2022-02-28T12:00:00Z'), months), '2022-03-01');
    // 30 November, 23:30 UTC is already 1 December in Paris: the December commission is not "after" it.
    assert.equal(nextCommission(new Date('2021-11-30T23:30:00Z'), months), '2022-03-01');
    assert.equal(nextCommission(new Date('2021-11-30T22:30:00Z'), months), '2021-12-01');
    assert.equal(nextCommission(new Date('2022-05-10T12:00:00Z'), [10, 4]), '2022-10-01');
  });

  test('a submission on 4 November is for the December commission; one in December waits for March (injected clock)', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const saved = clock.current;
    try {
      clock.current = new Date(`${year}-11-04T09:13:00Z`);
      const family = await newFamily(app);
      const childId = await newChild(family.auth);
      await saveDraft(family.auth, childId, await completeDraft(family.auth, { startDate: `${year + 1}-01-04` }));
      const november = Preregistration.parse(await (await submit(family.auth, childId)).json());
      assert.equal(november.nextCommission, `${year}-12-01`);
      assert.equal(november.submittedAt, `${year}-11-04T09:13:00.000Z`);
      clock.current = new Date(`${year}-12-01T07:00:00Z`);
      const auth = await relogin(family.identifiant);
      const december = await newChild(auth);
      await saveDraft(auth, december, await completeDraft(auth, { startDate: `${year + 1}-01-04` }));
      assert.equal(Preregistration.parse(await (await submit(auth, december)).json()).nextCommission, `${year + 1}-03-01`);
    } finally {
      clock.current = saved;
    }
  });
});

describe('the second tenant', () => {
  test('its own questionnaire, structures, maximum and formats are enforced by its own rules', async () => {
    const family = await newFamily(app, OTHER_BASE);
    const childId = await newChild(family.auth, OTHER_BASE);
    const png = await upload(app, family.auth, files.png(), 'image/png', 'facture.png', OTHER_BASE);
    const vienneLike = {
      step: 5,
      startDate: dateFromToday(120),
      choices: ['les-lutins', 'petits-pas', 'cocon-de-soie'],
      documents: [{ type: 'justificatif-domicile', documentId: png.id }],
      answers: { 'domicile-agglomeration': true, 'accueil-souhaite': 'mi-temps' },
    };
    assert.equal((await saveDraft(family.auth, childId, vienneLike, OTHER_BASE)).status, 200);
    const refused = await problem(await submit(family.auth, childId, OTHER_BASE));
    assert.deepEqual(paths(refused), [
      'answers.accueil-souhaite:invalid_value',
      'answers.domicile-agglomeration:unknown_field',
      'choices.2:unknown_reference',
      'choices:too_large',
      'documents.justificatif-domicile:invalid_format',
    ]);
    assert.equal(refused.fieldErrors?.find((e) => e.path === 'choices')?.params?.['maximum'], 2);
    assert.equal(refused.fieldErrors?.find((e) => e.path.startsWith('documents'))?.params?.['format'], 'application/pdf');

    const pdf = await upload(app, family.auth, files.pdf(), 'application/pdf', 'facture.pdf', OTHER_BASE);
    await saveDraft(
      family.auth,
      childId,
      { ...vienneLike, choices: ['petits-pas'], documents: [{ type: 'justificatif-domicile', documentId: pdf.id }], answers: {} },
      OTHER_BASE,
    );
    assert.deepEqual(paths(await problem(await submit(family.auth, childId, OTHER_BASE))), ['answers.accueil-souhaite:required']);
    await saveDraft(
      family.auth,
      childId,
      {
        ...vienneLike,
        choices: ['petits-pas'],
        documents: [{ type: 'justificatif-domicile', documentId: pdf.id }],
        answers: { 'accueil-souhaite': 'temps-partiel' },
      },
      OTHER_BASE,
    );
    const accepted = await submit(family.auth, childId, OTHER_BASE);
    assert.equal(accepted.status, 201, await accepted.clone().text());
    const p = Preregistration.parse(await accepted.json());
    // Commissions in April and October.
    assert.match(p.nextCommission, /-(04|10)-01$/);
    assert.deepEqual(p.answers, { 'accueil-souhaite': 'temps-partiel' });
  });
});
