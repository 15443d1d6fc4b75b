// Loaders' helpers for the document store's stories and tests (<famille-documents>, and the
// pre-registration's "Utiliser un document déjà enregistré"): documents stored through the
// SDK on the mock server, as the parent would have stored them earlier.
import { familyDocuments, uploadDocument, type FamilleClient, type StoredDocument, type StoredDocumentInput } from '@famille/sdk';
import { isoIn, pdfFile } from './mock.ts';

/** Uploads `name` and keeps it in the store under `type`, dated `daysAgo` days ago where it needs a date. */
export async function storeDocument(client: FamilleClient, type: string, name: string, daysAgo?: number): Promise<StoredDocument> {
  const upload = await uploadDocument(client, pdfFile(name));
  const input: StoredDocumentInput = { type, documentId: upload.id, ...(daysAgo !== undefined && { documentDate: isoIn(-daysAgo) }) };
  return familyDocuments(client).store(input);
}

/** A justificatif de domicile of 10 days ago (valid), one of 120 days ago (expired) and a birth certificate. */
export async function storedJustificatifs(client: FamilleClient): Promise<void> {
  await storeDocument(client, 'justificatif-domicile', 'facture-electricite.pdf', 10);
  await storeDocument(client, 'justificatif-domicile', 'quittance-ancienne.pdf', 120);
  await storeDocument(client, 'extrait-naissance', 'acte-naissance-leo.pdf');
}
