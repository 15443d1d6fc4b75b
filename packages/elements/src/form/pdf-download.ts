// The family's PDFs (an invoice, an attestation fiscale), for <famille-invoices> and the
// dashboard's "Édition de documents": the SDK's request and the file's name, and the alert
// of a download that failed, with "Réessayer".
import { html, nothing, type TemplateResult } from 'lit';
import { endpoints, type ApiError, type FamilleClient } from '@famille/sdk';
import type { Localizer, Messages } from '../i18n/localize.ts';
import { messageBox, secondaryButton } from './field.ts';

/** A PDF the SDK fetches (with the session's credentials, which a plain link would not carry), and the name it is saved under. */
export interface Pdf {
  fetch(client: FamilleClient): Promise<Blob>;
  name: string;
}

export const invoicePdf = (invoice: { id: string; number: string }): Pdf => ({
  fetch: (client) => client.call(endpoints.invoicePdf, { params: { invoiceId: invoice.id } }),
  name: `facture-${invoice.number}.pdf`,
});

export const attestationPdf = (year: number): Pdf => ({
  fetch: (client) => client.call(endpoints.attestationPdf, { params: { year: String(year) } }),
  name: `attestation-fiscale-${year}.pdf`,
});

/** A PDF that could not be downloaded, and how to try it again. */
export interface DownloadProblem {
  error: ApiError;
  retry: () => void;
}

/** The element's words for it ("Le PDF n'a pas pu être téléchargé. …"). */
type DownloadMessages = Messages & { downloadFailed: (p: { reason: string }) => string };

/** A PDF that could not be downloaded: why, and "Réessayer". */
export function downloadAlert(i18n: Localizer<DownloadMessages>, problem: DownloadProblem | undefined): TemplateResult | typeof nothing {
  if (!problem) return nothing;
  const { t } = i18n;
  return html`<div part="download-alert">
    ${messageBox(t('downloadFailed', { reason: i18n.problem(problem.error.code) }), { prefix: t('errorPrefix'), action: secondaryButton(t('retry'), problem.retry) })}
  </div>`;
}
