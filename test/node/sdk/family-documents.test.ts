// The SDK's document store functions against the server's own app (injected fetch, no network).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { familyDocuments, isApiError, uploadDocument } from '@famille/sdk';
import { startDemoApp, type DemoApp } from './support/demo-app.ts';
import { minimalPdf } from '../../fixtures/minimal-pdf.ts';

let app: DemoApp;
before(async () => {
  app = await startDemoApp();
});
after(() => app?.close());

const pdf = () => new Blob([minimalPdf], { type: 'application/pdf' });
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

test('SDK: familyDocuments(client) stores, lists, replaces, downloads and removes; field errors come as an ApiError', async () => {
  const sdk = await app.parent();
  const store = familyDocuments(sdk);
  const upload = await uploadDocument(sdk, pdf(), { fileName: 'facture.pdf' });
  const stored = await store.store({ type: 'justificatif-domicile', documentId: upload.id, documentDate: daysAgo(3) });
  assert.equal(stored.expired, false);
  assert.ok((await store.list()).documents.some((d) => d.id === stored.id && d.fileName === 'facture.pdf'));

  const newer = await uploadDocument(sdk, pdf(), { fileName: 'facture-2.pdf' });
  const replaced = await store.replace(stored.id, { documentId: newer.id, documentDate: daysAgo(1) });
  assert.equal(replaced.fileName, 'facture-2.pdf');
  const blob = await store.download(stored.id);
  assert.equal(blob.size, minimalPdf.length);

  const refused = await store.store({ type: 'justificatif-domicile', documentId: newer.id }).catch((e: unknown) => e);
  assert.ok(isApiError(refused) && refused.code === 'validation_failed', String(refused));
  assert.deepEqual(refused.fieldErrors.map((f) => `${f.path}:${f.code}`).sort(), ['documentDate:required', 'documentId:unknown_reference']);

  await store.remove(stored.id);
  assert.ok(!(await store.list()).documents.some((d) => d.id === stored.id));
});
