// Loaders' helpers for <famille-preregistration> stories and tests: a parent of the demo
// data with a declared child, drafts and requests made through the SDK, statuses set by
// the tenant's demo agent. Everything runs for real on the mock server.
import { agent, createClient, documents, family, preregistration, type FamilleClient } from '@famille/sdk';
import type { PreregistrationDraftInput, PreregistrationStatusChange } from '@famille/contract';
import { demo, isoIn, pdfFile } from './mock.ts';
import { typedDate } from '../../packages/elements/src/form/dates.ts';

export const secondTenant = 'ville-exemple';

/** The demo parent logged in at `tenant` (token transport). */
export async function parentAt(tenant = demo.tenant): Promise<FamilleClient> {
  const client = createClient({ baseUrl: '/api', tenant, auth: 'token' });
  await client.auth.login({ identifiant: demo.identifiant, password: demo.password });
  return client;
}

/** The tenant's demo agent logged in. */
export async function agentAt(tenant = demo.tenant): Promise<FamilleClient> {
  const client = createClient({ baseUrl: '/api', tenant, auth: 'token' });
  await agent(client).login({ identifiant: 'agent.demo', password: 'Agent-Demo-2026' });
  return client;
}

/** Declares a child (born a year ago, or expected in four months) and returns its id. */
export async function declareChild(client: FamilleClient, prenoms = 'Léo', future = false): Promise<string> {
  const { member } = await family(client).addMember(
    future
      ? { role: 'enfant', nomUsage: 'Huby', prenoms, dateNaissancePrevue: isoIn(120) }
      : { role: 'enfant', nomUsage: 'Huby', prenoms, sexe: 'masculin', dateNaissance: isoIn(-365) },
  );
  return member.id;
}

/** A draft of the Vienne démarche filled up to `step`, with every document unless `withoutDocuments`. */
export async function vienneDraft(client: FamilleClient, childId: string, step: number, { withoutDocuments = false } = {}): Promise<void> {
  const draft: PreregistrationDraftInput = { step };
  if (step > 2) draft.startDate = isoIn(240);
  if (step > 3) {
    draft.choices = ['fleur-de-pyrus', 'cocon-de-soie', 'grain-d-aile'];
    draft.observations = 'Graine de Malice conviendrait aussi.';
  }
  if (step > 4 && !withoutDocuments) {
    const birth = await documents(client).upload(pdfFile('acte-de-naissance.pdf'));
    const home = await documents(client).upload(pdfFile('justificatif-domicile.pdf'));
    draft.documents = [
      { type: 'extrait-naissance', documentId: birth.id },
      { type: 'justificatif-domicile', documentId: home.id },
    ];
  }
  if (step > 5) draft.answers = { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille', 'parent2-travaille'] };
  await preregistration(client).saveDraft(childId, draft);
}

/**
 * Léo, 30 months old today (born 913 days ago), with a draft at step 3 whose start date
 * is in 215 days, when he will be 37 months old: too old for a structure that takes
 * children up to 36 months. Documents and answers are in the draft already.
 */
export async function thirtyMonthOldAtChoices(client: FamilleClient): Promise<string> {
  const { member } = await family(client).addMember({ role: 'enfant', nomUsage: 'Huby', prenoms: 'Léo', sexe: 'masculin', dateNaissance: isoIn(-913) });
  const birth = await documents(client).upload(pdfFile('acte-de-naissance.pdf'));
  const home = await documents(client).upload(pdfFile('justificatif-domicile.pdf'));
  await preregistration(client).saveDraft(member.id, {
    step: 3,
    startDate: isoIn(215),
    documents: [
      { type: 'extrait-naissance', documentId: birth.id },
      { type: 'justificatif-domicile', documentId: home.id },
    ],
    answers: { 'domicile-agglomeration': true, 'situation-professionnelle': ['parent1-travaille'] },
  });
  return member.id;
}

/** Submitted requests of every status (one child each), moved on by the demo agent. */
export async function requestsOfEveryStatus(client: FamilleClient): Promise<void> {
  const office = await agentAt();
  const changes: (PreregistrationStatusChange | 'cancel' | undefined)[] = [
    undefined,
    { status: 'en_instruction' },
    { status: 'place_proposee', comment: 'Une place vous est proposée à Fleur de Pyrus à partir de septembre. Merci de confirmer avant le 15 juin.' },
    { status: 'liste_attente', comment: 'Aucune place disponible à cette date : votre demande reste en liste d’attente.' },
    { status: 'refusee', comment: 'La famille n’est pas domiciliée sur l’Agglomération.' },
    'cancel',
  ];
  const names = ['Léo', 'Lou', 'Jade', 'Noé', 'Inès', 'Timéo'];
  for (const [i, change] of changes.entries()) {
    const childId = await declareChild(client, names[i]);
    await vienneDraft(client, childId, 6);
    const request = await preregistration(client).submit(childId);
    if (change === 'cancel') await preregistration(client).cancel(request.id);
    else if (change) await agent(office).setPreregistrationStatus(request.id, change);
  }
}

/** A start date `days` from today as the parent types it (JJ/MM/AAAA). */
export const typedIn = (days: number): string => typedDate(isoIn(days));
