import { html, nothing, type TemplateResult } from 'lit';
import { endpoints, uploadDocument, type FamilleClient } from '@famille/sdk';
import type { DocumentInfo } from '@famille/contract';
import type { Localizer } from '../i18n/localize.ts';
import type { UploadMessages } from '../i18n/upload.ts';

/** One file of a form: being sent (with its progress), or sent. */
export interface Upload {
  key: number;
  name: string;
  loaded: number;
  total: number;
  info?: DocumentInfo;
  controller?: AbortController;
  cancelled?: boolean;
  /** One of the family's stored documents given again (`info.id` is the stored id): never deleted from here. */
  stored?: boolean;
}

let keys = 0;

/** A new upload of `file`, not started yet. */
export function newUpload(file: { name: string; size: number }): Upload {
  return { key: ++keys, name: file.name, loaded: 0, total: file.size, controller: new AbortController() };
}

/** An upload already on the server (a resumed draft). */
export function sentUpload(info: DocumentInfo): Upload {
  return { key: ++keys, name: info.fileName, loaded: info.size, total: info.size, info };
}

/**
 * Sends `upload`'s file through the SDK, reporting progress to `onProgress`. Resolves
 * with the document, or `undefined` when it was cancelled (a document the server kept
 * anyway is deleted). Rejects with the SDK's error otherwise.
 */
export async function sendUpload(client: FamilleClient, file: File, upload: Upload, onProgress: () => void): Promise<DocumentInfo | undefined> {
  const info = await uploadDocument(client, file, {
    signal: upload.controller!.signal,
    onProgress: (loaded, total) => {
      upload.loaded = loaded;
      upload.total = total;
      onProgress();
    },
  });
  if (upload.cancelled) {
    // Cancelled as the answer came: the server kept it, take it back.
    discard(client, info);
    return undefined;
  }
  upload.info = info;
  delete upload.controller;
  return info;
}

/** Stops an upload in flight. */
export function abortUpload(u: Upload): void {
  u.cancelled = true;
  u.controller?.abort();
}

/** Deletes a sent document nobody will attach (removed, replaced). */
export function discardUpload(client: FamilleClient | undefined, u: Upload): void {
  if (u.info && client && !u.stored) discard(client, u.info);
}

/** Deletes a document on the server in the background; nobody waits for it, and a failure is ignored. */
const discard = (client: FamilleClient, info: DocumentInfo): void =>
  void client.call(endpoints.deleteDocument, { params: { documentId: info.id } }).catch(() => undefined);

/**
 * "PDF, JPEG, PNG" and "5 Mo": what the rules sentence says before a file is chosen.
 * Formatted by the element's localizer, which keeps its Intl formatters between renders.
 */
export function uploadRuleParts(
  rules: { acceptedTypes: readonly string[]; maxBytes: number },
  i18n: Pick<Localizer, 'locale' | 'number'>,
): { types: string; size: string } {
  return {
    types: rules.acceptedTypes.map((type) => type.split('/').pop()!.toUpperCase()).join(', '),
    size: `${i18n.number(rules.maxBytes / 1048576, { maximumFractionDigits: 1 })} ${i18n.locale === 'en' ? 'MB' : 'Mo'}`,
  };
}

/**
 * One file of a form as a list item: while sending, a named `<progress>` and "Annuler
 * l'envoi"; once sent, "Remplacer" and "Retirer". Buttons' names end with the file's.
 */
export function uploadItem(
  u: Upload,
  { t, number }: Localizer<UploadMessages>,
  actions: { cancel: () => void; replace: () => void; remove: () => void },
): TemplateResult {
  const sr = html`<span class="famille-sr"> ${u.name}</span>`;
  if (!u.info) {
    return html`<li class="famille-upload">
      <span>${u.name}</span>
      <progress part="progress" max=${u.total || 1} value=${u.loaded} aria-label=${t('uploading', { name: u.name })}></progress>
      <span aria-hidden="true">${number(u.total ? u.loaded / u.total : 0, { style: 'percent' })}</span>
      <button type="button" class="famille-button famille-button--secondary" part="button" data-cancel-upload
        @click=${actions.cancel}>${t('cancelUpload')}${sr}</button>
    </li>`;
  }
  return html`<li class="famille-upload">
    <span>${u.name}</span>
    <button type="button" class="famille-button famille-button--secondary" part="button" @click=${actions.replace}>${t('replaceFile')}${sr}</button>
    <button type="button" class="famille-button famille-button--secondary" part="button" @click=${actions.remove}>${t('removeFile')}${sr}</button>
  </li>`;
}

/** A file input with its label, hint (formats and size, before any choice) and error, linked. */
export function fileField(o: {
  id: string;
  label: string;
  hint?: string;
  rules?: string;
  accept?: string;
  required?: boolean;
  error?: string;
  errorPrefix: string;
  onChange: (e: Event) => void;
  onCancel?: () => void;
}): TemplateResult {
  const describedBy = [o.hint ? `${o.id}-hint` : '', o.rules ? `${o.id}-rules` : '', o.error ? `${o.id}-error` : ''].join(' ').trim();
  return html`<div class="famille-field ${o.error ? 'famille-field--error' : ''}" part="field">
    <label for=${o.id} part="label">${o.label}${o.required ? html`<span class="famille-required" aria-hidden="true"> *</span>` : nothing}</label>
    ${o.hint ? html`<p id="${o.id}-hint" class="famille-hint" part="hint">${o.hint}</p>` : nothing}
    ${o.rules ? html`<p id="${o.id}-rules" class="famille-hint" part="hint">${o.rules}</p>` : nothing}
    ${o.error ? html`<p id="${o.id}-error" class="famille-error" part="error"><span class="famille-sr">${o.errorPrefix}</span>${o.error}</p>` : nothing}
    <input id=${o.id} type="file" part="input" accept=${o.accept ?? nothing} ?required=${o.required}
      aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
      @change=${o.onChange} @cancel=${o.onCancel ?? nothing} />
  </div>`;
}

/**
 * The file a file input's `change` brings, the input emptied (choosing the same file again
 * is a change again). The event stops there: the form's own listeners are for its other fields.
 */
export function takeChosenFile(e: Event): File | undefined {
  e.stopPropagation();
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  return file;
}
