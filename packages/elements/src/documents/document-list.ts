// The stored documents: type, file, dates, validity (the expired ones flagged), and
// "Télécharger", "Remplacer", "Supprimer" on each, named with the file for screen readers.
import { html, nothing, type TemplateResult } from 'lit';
import type { StoredDocument } from '@famille/contract';
import { typeLabel, type DocumentsView } from './view.ts';

export interface ListActions {
  download: (doc: StoredDocument) => void;
  replace: (doc: StoredDocument) => void;
  remove: (doc: StoredDocument) => void;
}

export function documentList(view: DocumentsView, documents: readonly StoredDocument[], actions: ListActions): TemplateResult {
  const { t, number, date } = view.i18n;
  if (!documents.length) return html`<p>${t('empty')}</p>`;
  const button = (label: string, doc: StoredDocument, action: (d: StoredDocument) => void, data: string) =>
    html`<button type="button" class="famille-button famille-button--secondary" part="button" data-action=${data} data-id=${doc.id}
      @click=${() => action(doc)}>${label}<span class="famille-sr"> ${doc.fileName}</span></button>`;
  return html`<ul class="famille-documents" role="list" aria-label=${t('listCaption')}>
    ${documents.map(
      (doc) => html`<li class="famille-document ${doc.expired ? 'famille-document--expired' : ''}" part="document">
        <p class="famille-document__type">
          <strong>${typeLabel(view, doc.type)}</strong>
          ${doc.expired ? html`<span class="famille-badge famille-badge--expired" part="badge">${t('expiredBadge')}</span>` : nothing}
        </p>
        <p>${doc.fileName} <span class="famille-hint">(${number(Math.max(1, Math.round(doc.size / 1024)), { style: 'unit', unit: 'kilobyte' })})</span></p>
        <p class="famille-hint">
          ${t('uploadedOn', { date: date(doc.uploadedAt) })}${doc.documentDate ? html` · ${t('datedOn', { date: date(doc.documentDate) })}` : nothing}
        </p>
        ${
          doc.validUntil
            ? doc.expired
              ? html`<p class="famille-error">${t('expiredSince', { date: date(doc.validUntil) })}</p>`
              : html`<p>${t('validUntil', { date: date(doc.validUntil) })}</p>`
            : nothing
        }
        <div class="famille-row">
          ${button(t('download'), doc, actions.download, 'download')} ${button(t('replace'), doc, actions.replace, 'replace')}
          ${button(t('remove'), doc, actions.remove, 'remove')}
        </div>
      </li>`,
    )}
  </ul>`;
}
