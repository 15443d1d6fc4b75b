// "Pièces justificatives" (the family's document store, <famille-documents>, defined by the
// loader when the parent opens the block) and "Édition de documents": the latest invoices' PDFs and the attestations fiscales.
import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardSummary } from '@famille/contract';
import { secondaryButton } from '../form/field.ts';
import { attestationPdf, downloadAlert, invoicePdf, type DownloadProblem, type Pdf } from '../form/pdf-download.ts';
import type { DashboardView } from './view.ts';

/**
 * "Pièces justificatives": how many documents the family stored (and how many expired),
 * and a disclosure button that shows the store itself, `<famille-documents>`, below it.
 * The element is made only once the parent opens the block, as a node (not in the
 * template): the loader then fetches its chunk, so a dashboard page does not load the
 * store's code (5.6 KB gzip) for a parent who does not open it. `store` makes it once.
 */
export function documentsSection(
  view: DashboardView,
  stored: DashboardSummary['storedDocuments'],
  open: boolean,
  toggle: () => void,
  store: () => HTMLElement,
  headingLevel: number,
): TemplateResult {
  const { t } = view.i18n;
  const panel = view.id('documents-panel');
  let element: HTMLElement | undefined;
  if (open) {
    element = store();
    // Its own title would repeat the block's: read by screen readers only, one level below.
    element.setAttribute('heading-level', String(headingLevel + 1));
    element.toggleAttribute('hide-heading', true);
  }
  return html`<section class="famille-block" part="documents" aria-labelledby=${view.id('documents')}>
    ${view.heading(t('documentsHeading'), { depth: 1, id: view.id('documents') })}
    <p>${stored.count ? t('storedDocuments', stored) : t('noStoredDocuments')}</p>
    <button type="button" class="famille-button famille-button--secondary" part="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${toggle}>
      ${t(open ? 'hideDocuments' : 'showDocuments')}
    </button>
    <div id=${panel}>${element ?? nothing}</div>
    ${view.link('documents', t('manageDocuments')) ?? nothing}
  </section>`;
}

export function editionSection(
  view: DashboardView,
  documents: DashboardSummary['documents'],
  download: (pdf: Pdf) => void,
  problem: DownloadProblem | undefined,
): TemplateResult {
  const { t } = view.i18n;
  const items = [
    ...documents.invoices.map((i) => secondaryButton(t('invoicePdf', { number: i.number, date: view.i18n.date(i.issuedOn) }), () => download(invoicePdf(i)))),
    ...documents.attestationYears.map((year) => secondaryButton(t('attestationPdf', { year }), () => download(attestationPdf(year)))),
  ];
  return html`<section class="famille-block" part="edition" aria-labelledby=${view.id('edition')}>
    ${view.heading(t('editionHeading'), { depth: 1, id: view.id('edition') })} ${downloadAlert(view.i18n, problem)}
    ${items.length ? html`<ul class="famille-list famille-downloads" role="list">${items.map((item) => html`<li>${item}</li>`)}</ul>` : html`<p>${t('noEdition')}</p>`}
    ${view.link('invoices', t('allInvoices')) ?? nothing}
  </section>`;
}
