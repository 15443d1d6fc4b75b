// Step 4: the supporting documents, each sent as soon as it is chosen (with its progress,
// "Annuler l'envoi", "Remplacer", "Retirer"), or one of the family's stored documents given
// again (stored-documents.ts); the draft knows each document once sent.
import { html, nothing, type TemplateResult } from 'lit';
import { abortUpload, discardUpload, fileField, newUpload, sendUpload, takeChosenFile, uploadItem, uploadRuleParts, type Upload } from '../../form/upload.ts';
import { focus, local, type PreregistrationHost } from '../host.ts';
import type { Key } from '../state.ts';
import { childDatesOf, fieldError, isRequiredDocument, withoutError } from '../validation.ts';
import { renderStoredChoices } from './stored-documents.ts';

export function renderDocumentsStep(host: PreregistrationHost): TemplateResult {
  const { i18n, config, values, state } = host;
  const { t } = i18n;
  const child = childDatesOf(values, state.children);
  const future = !!child.dateNaissancePrevue;
  return html`<p>${t('documentsIntro')}</p>
    ${config.documents.map((req) => {
      const type = req.type;
      const uploads = values.docs[type] ?? [];
      const required = isRequiredDocument(config, type, child);
      const hint = req.bornChildOnly && future ? t('bornChildOnlyHint') : undefined;
      const error = fieldError(host, `documents.${type}`);
      return html`<div class="famille-document">
        ${fileField({
          id: inputId(host, type),
          label: `${local(i18n, req.label)}${required ? '' : t('optional')}`,
          ...(hint && { hint }),
          rules: t('fileRules', uploadRuleParts(req, i18n)),
          accept: req.acceptedTypes.join(','),
          required,
          ...(error && { error }),
          errorPrefix: t('errorPrefix'),
          onChange: (e) => onFile(host, e, type),
        })}
        ${renderStoredChoices(host, type, inputId(host, type))}
        ${
          uploads.length
            ? html`<ul id="${inputId(host, type)}-sent" class="famille-uploads" role="list">${uploads.map((u) =>
                uploadItem(u, i18n, {
                  cancel: () => cancelUpload(host, type, u),
                  replace: () => replace(host, type),
                  remove: () => removeUpload(host, type, u),
                }),
              )}</ul>`
            : nothing
        }
      </div>`;
    })}`;
}

const inputId = (host: PreregistrationHost, type: string): string => host.ids.field(`documents.${type}`);

const uploadsOf = (host: PreregistrationHost, type: string): readonly Upload[] => host.values.docs[type] ?? [];

function setUploads(host: PreregistrationHost, type: string, uploads: readonly Upload[]): void {
  host.setValues({ docs: { ...host.values.docs, [type]: uploads } });
}

function dropUpload(host: PreregistrationHost, type: string, upload: Upload): void {
  const left = uploadsOf(host, type).filter((u) => u !== upload);
  setUploads(host, type, left);
}

function onFile(host: PreregistrationHost, e: Event, type: string): void {
  const file = takeChosenFile(e);
  if (file) void upload(host, type, file);
}

async function upload(host: PreregistrationHost, type: string, file: File): Promise<void> {
  const { client, i18n } = host;
  const req = host.config.documents.find((d) => d.type === type);
  if (!client || !req) return;
  const path = `documents.${type}`;
  const errors = withoutError(host.state.errors, path);
  if (file.size > req.maxBytes) return host.set({ errors: { ...errors, [path]: { key: 'documentTooLarge' } } });
  if (file.type && !req.acceptedTypes.includes(file.type)) return host.set({ errors: { ...errors, [path]: { key: 'documentFormat' } } });
  const upload = newUpload(file);
  // A new file replaces the type's previous one once it is sent.
  setUploads(host, type, [...uploadsOf(host, type).filter((u) => u.info), upload]);
  host.set({ errors, announce: i18n.t('uploading', { name: file.name }) });
  try {
    // sendUpload moves the upload's progress in place: new documents render it.
    const info = await sendUpload(client, file, upload, () => host.setValues({ docs: { ...host.values.docs } }));
    if (!info) return;
    for (const old of uploadsOf(host, type).filter((u) => u !== upload)) discardUpload(client, old);
    setUploads(host, type, [upload]);
    host.set({ announce: i18n.t('uploaded', { name: file.name }) });
    // The draft knows the document at once: closing the page now loses nothing.
    void host.save(host.state.step).catch(() => undefined);
  } catch (error) {
    dropUpload(host, type, upload);
    if (upload.cancelled) return;
    const problem = host.asApiError(error);
    const key: Key =
      problem.code === 'file_too_large' ? 'documentTooLarge' : problem.code === 'file_type_not_accepted' ? 'documentFormat' : (problem.code as Key);
    host.set({ errors: { ...host.state.errors, [path]: { key } }, announce: '' });
  }
}

function cancelUpload(host: PreregistrationHost, type: string, u: Upload): void {
  abortUpload(u);
  dropUpload(host, type, u);
  host.set({ announce: host.i18n.t('uploadCancelled', { name: u.name }) });
  void focus(host, `#${inputId(host, type)}`);
}

/** "Remplacer": a new file for the type, which replaces the sent one once it is sent. */
function replace(host: PreregistrationHost, type: string): void {
  host.element.querySelector<HTMLInputElement>(`#${inputId(host, type)}`)?.click();
}

function removeUpload(host: PreregistrationHost, type: string, u: Upload): void {
  dropUpload(host, type, u);
  discardUpload(host.client, u);
  host.set({ announce: host.i18n.t('uploadRemoved', { name: u.name }) });
  void host.save(host.state.step).catch(() => undefined);
  void focus(host, `#${inputId(host, type)}`);
}
