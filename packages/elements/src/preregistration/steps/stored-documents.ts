// Step 4, for each document type: the family's stored documents of that type, offered
// instead of uploading again ("Utiliser un document déjà enregistré"). An expired one is
// said so, and not offered (the server would refuse it: `expired`).
import { html, nothing, type TemplateResult } from 'lit';
import type { StoredDocument } from '@famille/contract';
import { abortUpload, discardUpload, sentUpload, type Upload } from '../../form/upload.ts';
import { focus, type PreregistrationHost } from '../host.ts';
import { withoutError } from '../validation.ts';

/** The stored documents of `type` to give instead of a file, and the expired ones, under the file input `inputId`. */
export function renderStoredChoices(host: PreregistrationHost, type: string, inputId: string): TemplateResult | typeof nothing {
  const { i18n, state, values } = host;
  const { t } = i18n;
  const ofType = (state.stored ?? []).filter((d) => d.type === type);
  if (!ofType.length) return nothing;
  const chosen = (values.docs[type] ?? []).find((u) => u.stored)?.info?.id;
  const usable = ofType.filter((d) => !d.expired && d.id !== chosen);
  const labelId = `${inputId}-stored`;
  return html`${
    usable.length
      ? html`<div role="group" aria-labelledby=${labelId} class="famille-stored">
          <p id=${labelId} class="famille-stored__title">${t('useStoredHeading')}</p>
          <ul class="famille-uploads" role="list">${usable.map(
            (d) => html`<li class="famille-stored__item">
              <span>${d.fileName}${d.validUntil ? `, ${t('storedValidUntil', { date: i18n.date(d.validUntil) })}` : ''}</span>
              <button type="button" class="famille-button famille-button--secondary" part="button" data-use-stored=${d.id}
                @click=${() => use(host, type, d, inputId)}>${t('useStored')}<span class="famille-sr"> ${d.fileName}</span></button>
            </li>`,
          )}</ul>
        </div>`
      : nothing
  }
  ${ofType
    .filter((d) => d.expired)
    .map(
      (d) => html`<p class="famille-hint" part="hint" data-expired=${d.id}>${t('storedExpired', { name: d.fileName, date: i18n.date(d.validUntil!) })}</p>`,
    )}`;
}

/** Gives the stored document for `type`: it replaces any file given or being sent; the draft knows it at once. */
function use(host: PreregistrationHost, type: string, d: StoredDocument, inputId: string): void {
  for (const old of host.values.docs[type] ?? []) {
    abortUpload(old);
    discardUpload(host.client, old);
  }
  const given: Upload = {
    ...sentUpload({ id: d.id, fileName: d.fileName, contentType: d.contentType, size: d.size, createdAt: d.uploadedAt }),
    stored: true,
  };
  host.setValues({ docs: { ...host.values.docs, [type]: [given] } });
  host.set({ errors: withoutError(host.state.errors, `documents.${type}`), announce: host.i18n.t('uploaded', { name: d.fileName }) });
  void host.save(host.state.step).catch(() => undefined);
  void focus(host, `#${inputId}-sent button`);
}
