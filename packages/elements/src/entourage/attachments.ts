// The member form's attachments: files sent as soon as chosen, cancelled, replaced or removed.
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError, FamilleClient } from '@famille/sdk';
import type { Member, TenantConfig } from '@famille/contract';
import { abortUpload, discardUpload, fileField, newUpload, sendUpload, takeChosenFile, uploadItem, uploadRuleParts, type Upload } from '../form/upload.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { StateHolder } from './state.ts';
import type { AllEditorMessages, EditorContext as ViewContext } from './view-context.ts';

/** What the attachments read and change of the element. */
export interface AttachmentsHost extends StateHolder {
  client(): FamilleClient | undefined;
  i18n(): Localizer<AllEditorMessages>;
  asApiError(error: unknown): ApiError;
  /** The tenant's largest file, if it sets one. */
  maxBytes(): number | undefined;
  /** The form's file input, to open its chooser ("Remplacer"). */
  fileInput(): HTMLInputElement | null;
  /** Moves focus to the file input after the next render (its upload went away). */
  focusFileInput(): void;
}

/**
 * The files of the member form, kept in the element's state (`uploads`, with the file
 * input's `fileError` and the polite `status`), and what the parent does with them.
 */
export class Attachments {
  readonly #host: AttachmentsHost;
  /** The upload that the file being chosen replaces ("Remplacer"). */
  #replacing: number | undefined;

  constructor(host: AttachmentsHost) {
    this.#host = host;
  }

  get #uploads(): readonly Upload[] {
    return this.#host.state().uploads;
  }

  /** The file input's `change`: sends the chosen file. */
  choose = (e: Event): void => {
    const file = takeChosenFile(e);
    if (file) void this.upload(file);
  };

  /** The chooser closed with no file: nothing is replaced. */
  chooseNothing = (): void => {
    this.#replacing = undefined;
  };

  async upload(file: File): Promise<void> {
    const host = this.#host;
    const client = host.client();
    if (!client) return;
    const { t, problem } = host.i18n();
    const max = host.maxBytes();
    const { file: _, ...errors } = host.state().errors;
    if (max && file.size > max) {
      host.set({ fileError: t('file_too_large'), errors });
      return;
    }
    const replacing = this.#uploads.find((u) => u.key === this.#replacing);
    this.#replacing = undefined;
    const upload = newUpload(file);
    host.set({ uploads: [...this.#uploads, upload], fileError: undefined, errors, status: t('uploading', { name: file.name }) });
    try {
      // Progress changes the upload in place: a new list renders it.
      if (!(await sendUpload(client, file, upload, () => host.set({ uploads: [...this.#uploads] })))) return;
      if (replacing?.info) {
        host.set({ uploads: this.#uploads.filter((u) => u !== replacing) });
        discardUpload(client, replacing);
      }
      host.set({ status: t('uploaded', { name: file.name }) });
    } catch (error) {
      this.#drop(upload);
      if (upload.cancelled) return;
      // The rest of the form stays as it is: only the file's field says what went wrong.
      host.set({ fileError: problem(host.asApiError(error).code), status: '' });
    }
  }

  /** "Annuler l'envoi". */
  cancel(u: Upload): void {
    abortUpload(u);
    this.#drop(u);
    this.#host.set({ status: this.#host.i18n().t('uploadCancelled', { name: u.name }) });
    this.#host.focusFileInput();
  }

  /** "Remplacer": the next file chosen takes this one's place once sent. */
  replace(u: Upload): void {
    this.#replacing = u.key;
    this.#host.fileInput()?.click();
  }

  /** "Retirer": the document sent is deleted. */
  remove(u: Upload): void {
    this.#drop(u);
    discardUpload(this.#host.client(), u);
    this.#host.set({ status: this.#host.i18n().t('uploadRemoved', { name: u.name }) });
    this.#host.focusFileInput();
  }

  /** The form is left: uploads in flight stop, documents sent for nothing are deleted. */
  discardAll(): void {
    for (const u of this.#uploads) {
      if (u.info) discardUpload(this.#host.client(), u);
      else abortUpload(u);
    }
  }

  /** Another parent logged in: the previous one's uploads in flight stop. */
  stopAll(): void {
    for (const u of this.#uploads) abortUpload(u);
  }

  /** A new form: no upload to replace. */
  forget(): void {
    this.#replacing = undefined;
  }

  #drop(upload: Upload): void {
    const uploads = this.#uploads.filter((u) => u !== upload);
    if (uploads.length !== this.#uploads.length) this.#host.set({ uploads });
  }
}

export interface AttachmentsSectionOptions {
  /** The member being changed: the documents already on file are named. */
  member: Member | undefined;
  uploads: readonly Upload[];
  /** The tenant's rules, said before any file is chosen. */
  rules: TenantConfig['uploads'] | undefined;
  error: string | undefined;
  status: string;
}

/** The attachments' fieldset: the file input, each file with its actions, and the announcements. */
export function attachmentsSection(ctx: ViewContext, o: AttachmentsSectionOptions, attachments: Attachments): TemplateResult {
  const { t } = ctx.i18n;
  const { rules, error, member } = o;
  return html`<fieldset class="famille-section">
    <legend>${t('attachments')}</legend>
    ${member?.documents.length ? html`<p>${t('documentsOnFile')} : ${member.documents.map((d) => d.fileName).join(', ')}</p>` : nothing}
    ${fileField({
      id: ctx.id('file'),
      label: t('addFile'),
      hint: t('attachmentsIntro'),
      ...(rules && { rules: t('attachmentRules', uploadRuleParts(rules, ctx.i18n)), accept: rules.acceptedTypes.join(',') }),
      ...(error && { error }),
      errorPrefix: t('errorPrefix'),
      onChange: attachments.choose,
      onCancel: attachments.chooseNothing,
    })}
    ${
      o.uploads.length
        ? html`<ul class="famille-uploads" role="list">${o.uploads.map((u) =>
            uploadItem(u, ctx.i18n, { cancel: () => attachments.cancel(u), replace: () => attachments.replace(u), remove: () => attachments.remove(u) }),
          )}</ul>`
        : nothing
    }
    <p role="status" class="famille-sr">${o.status}</p>
  </fieldset>`;
}
