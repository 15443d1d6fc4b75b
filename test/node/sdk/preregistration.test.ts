// The SDK's pre-registration functions against the server's own app (injected fetch, no network).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { agent, documents, family, isApiError, preregistration } from '@famille/sdk';
import { startDemoApp, type DemoApp } from './support/demo-app.ts';
import { minimalPdf } from '../../fixtures/minimal-pdf.ts';

let app: DemoApp;
const parent = () => app.parent();

before(async () => {
  app = await startDemoApp();
});
after(() => app?.close());

const pdf = () => new Blob([minimalPdf], { type: 'application/pdf' });
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('SDK: preregistration(client) and the agent calls against the reference app', () => {
  test('saves a draft, lists it, refuses a submission missing a document with a field error naming the step, then submits', async () => {
    const sdk = await parent();
    const { member } = await family(sdk).addMember({ role: 'enfant', nomUsage: 'Huby', prenoms: 'Léo', dateNaissance: '2025-06-02' });
    const saved = await preregistration(sdk).saveDraft(member.id, {
      step: 4,
      startDate: inDays(60),
      choices: ['fleur-de-pyrus', 'cocon-de-soie'],
      answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille'] },
    });
    assert.equal(saved.step, 4);
    assert.deepEqual(saved.choices, ['fleur-de-pyrus', 'cocon-de-soie']);
    const { drafts } = await preregistration(sdk).drafts();
    assert.ok(
      drafts.some((d) => d.childId === member.id && d.step === 4),
      'the draft is listed to resume',
    );

    const refused = await preregistration(sdk)
      .submit(member.id)
      .catch((e: unknown) => e);
    assert.ok(isApiError(refused) && refused.code === 'validation_failed');
    assert.ok(
      refused.fieldErrors.some((f) => f.path === 'documents.justificatif-domicile' && f.code === 'required'),
      JSON.stringify(refused.fieldErrors),
    );

    const birth = await documents(sdk).upload(pdf(), { fileName: 'acte.pdf' });
    const home = await documents(sdk).upload(pdf(), { fileName: 'domicile.pdf' });
    await preregistration(sdk).saveDraft(member.id, {
      ...saved,
      step: 6,
      startDate: saved.startDate!,
      observations: '',
      documents: [
        { type: 'extrait-naissance', documentId: birth.id },
        { type: 'justificatif-domicile', documentId: home.id },
      ],
    });
    const request = await preregistration(sdk).submit(member.id);
    assert.equal(request.status, 'deposee');
    assert.ok(request.number > 0);
    assert.ok(!(await preregistration(sdk).drafts()).drafts.some((d) => d.childId === member.id), 'a submitted draft is no longer offered');
    assert.ok((await preregistration(sdk).list()).preregistrations.some((p) => p.id === request.id));
  });

  test('an agent finds the request by status and proposes a place; the parent cannot cancel a decided request', async () => {
    const sdk = await parent();
    const { member } = await family(sdk).addMember({ role: 'enfant', nomUsage: 'Huby', dateNaissancePrevue: inDays(40) });
    const home = await documents(sdk).upload(pdf(), { fileName: 'domicile.pdf' });
    await preregistration(sdk).saveDraft(member.id, {
      step: 6,
      startDate: inDays(200),
      choices: ['gem-minis'],
      documents: [{ type: 'justificatif-domicile', documentId: home.id }],
      answers: { 'domicile-agglomeration': false, 'situation-professionnelle': ['aucun'] },
    });
    const request = await preregistration(sdk).submit(member.id);
    const office = await app.agent();
    const waiting = await agent(office).preregistrations({ status: 'deposee' });
    assert.ok(waiting.preregistrations.some((p) => p.preregistration.id === request.id));
    assert.ok(
      waiting.preregistrations.every((p) => p.preregistration.status === 'deposee'),
      'filtered by status',
    );
    const moved = await agent(office).setPreregistrationStatus(request.id, { status: 'place_proposee', comment: 'Place à Gém’minis en septembre.' });
    assert.equal(moved.status, 'place_proposee');
    const seen = (await preregistration(sdk).list()).preregistrations.find((p) => p.id === request.id)!;
    assert.equal(seen.status, 'place_proposee');
    assert.equal(seen.history.at(-1)?.comment, 'Place à Gém’minis en septembre.');
    const late = await preregistration(sdk)
      .cancel(request.id)
      .catch((e: unknown) => e);
    assert.ok(isApiError(late) && late.code === 'conflict', 'a decided request is not cancelled');
  });

  test('the parent cancels a request not yet decided, and abandons a draft', async () => {
    const sdk = await parent();
    const { member } = await family(sdk).addMember({ role: 'enfant', nomUsage: 'Huby', dateNaissancePrevue: inDays(30) });
    await preregistration(sdk).saveDraft(member.id, { step: 2 });
    await preregistration(sdk).deleteDraft(member.id);
    assert.ok(!(await preregistration(sdk).drafts()).drafts.some((d) => d.childId === member.id), 'the abandoned draft is gone');
    const home = await documents(sdk).upload(pdf(), { fileName: 'domicile.pdf' });
    await preregistration(sdk).saveDraft(member.id, {
      step: 6,
      startDate: inDays(200),
      choices: ['cocon-de-soie'],
      documents: [{ type: 'justificatif-domicile', documentId: home.id }],
      answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent2-recherche'] },
    });
    const request = await preregistration(sdk).submit(member.id);
    const cancelled = await preregistration(sdk).cancel(request.id);
    assert.equal(cancelled.status, 'annulee');
  });
});
