// <famille-documents>: properties, data loading, the requests (store, replace, delete,
// download) and the choice of view. The rest lives beside it: state.ts (types, checks),
// document-list.ts, document-form.ts, remove-confirmation.ts.
import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { endpoints, type FamilleClient } from '@famille/sdk';
import type { StoredDocument } from '@famille/contract';
import { FamilleElement } from '../context/famille-element.ts';
import { SessionLoad } from '../context/session-load.ts';
import { familleEvent } from '../context/events.ts';
import { messageBox, problemBox } from '../form/field.ts';
import { typedToIso } from '../form/dates.ts';
import { loginLink } from '../form/login-link.ts';
import { focusAfterRender } from '../form/wizard.ts';
import { abortUpload, discardUpload, newUpload, sendUpload } from '../form/upload.ts';
import { saveFile } from '../form/save-file.ts';
import type { MessageTables } from '../i18n/localize.ts';
import { documentsTables, type AllDocumentsMessages as AllMessages } from './messages.ts';
import { documentsStyles } from './documents.styles.ts';
import { emptyForm, formErrors, initialState, serverErrors, withDocument, type DocumentsState, type FormValues } from './state.ts';
import type { DocumentsView } from './view.ts';
import { documentList } from './document-list.ts';
import { documentForm, fieldId } from './document-form.ts';
import { removeConfirmation } from './remove-confirmation.ts';

/**
 * @summary The family's supporting documents ("Pièces justificatives"): justificatifs stored once, with their validity, to give again to démarches without uploading them.
 *
 * The stored documents with their type (one of the tenant's pre-registration document
 * types), file, upload date, and where the type has a validity (a justificatif de
 * domicile: 3 months) the document's date and the last day it is valid; an expired one is
 * flagged. Each can be downloaded, replaced by a newer file (with its date) or deleted
 * after a confirmation (the requests it was already given to keep it). "Ajouter un
 * document": the type, the document's date when the type needs one, and the file, with
 * the accepted formats and size before it is chosen and a progress bar while it is sent.
 * `<famille-preregistration>` then offers these documents ("Utiliser un document déjà
 * enregistré"). Works on its own page and inside `<famille-dashboard>` (set
 * `heading-level` to fit the page).
 *
 * @fires famille-document-stored - A document was stored or replaced. `detail: { document }`.
 * @fires famille-document-deleted - A stored document was deleted. `detail: { id }`.
 * @fires famille-login-requested - "Se connecter" while logged out. Cancelable. `detail: { identifiant: '' }`.
 *
 * @csspart base - The wrapper.
 * @csspart heading - The title, and the title of the replace form and of the confirmation (receive focus).
 * @csspart document - One stored document.
 * @csspart badge - "Expiré".
 * @csspart form - The add or replace form.
 * @csspart field - A label, hint, error and input group.
 * @csspart label - A field's label.
 * @csspart hint - Format instructions.
 * @csspart input - An input or select.
 * @csspart error - A field's error message.
 * @csspart error-summary - The form's errors, on "Enregistrer".
 * @csspart progress - The upload's progress bar.
 * @csspart alert - A failure, with "Réessayer".
 * @csspart notice - "… est enregistré", "… a été supprimé".
 * @csspart button - Buttons.
 */
export class FamilleDocuments extends FamilleElement<AllMessages, DocumentsState> {
  static override lightStyles = documentsStyles;
  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
  };

  /** Where "Se connecter" leads when nobody is logged in; without it, only the event fires. */
  declare loginHref: string | undefined;

  protected override initialState(): DocumentsState {
    return initialState();
  }

  protected override messageTables(): MessageTables<AllMessages> {
    return documentsTables;
  }

  protected override get busy(): boolean {
    return this.session !== null && !this.state.documents && !this.state.loadProblem;
  }

  /** The family's stored documents, for the session. */
  #data = new SessionLoad(this, {
    client: () => this.activeClient,
    start: () => {
      // Another parent may have logged in: nothing of the previous family stays, and its upload stops.
      if (this.state.upload) abortUpload(this.state.upload.upload);
      this.state = this.initialState();
    },
    loading: () => this.setState({ loadProblem: undefined }),
    load: (client) => client.call(endpoints.familyDocuments),
    loaded: ({ documents }) => this.setState({ documents }),
    failed: (error) => this.setState({ loadProblem: this.asApiError(error) }),
  });

  #view(): DocumentsView {
    const config = this.tenantConfig;
    return {
      i18n: this.i18n,
      heading: (content, options) => this.heading(content, options),
      id: (name) => `${this.uid}-${name}`,
      types: config?.preregistration.documents ?? [],
      uploads: config?.uploads ?? { acceptedTypes: [], maxBytes: 0 },
    };
  }

  // ——— The form ———

  #input = (patch: Partial<FormValues>): void => {
    const { upload } = this.state;
    // Another file: the one sent for the previous choice is not the form's any more.
    if ('file' in patch && upload && upload.file !== patch.file) {
      abortUpload(upload.upload);
      discardUpload(this.activeClient, upload.upload);
      this.setState({ upload: undefined });
    }
    this.setState({ form: { ...this.state.form, ...patch } });
  };

  #replacing(): StoredDocument | undefined {
    const { view } = this.state;
    return view.name === 'replace' ? view.doc : undefined;
  }

  #submit = (): void => void this.#save();

  async #save(): Promise<void> {
    const client = this.activeClient;
    const s = this.state;
    if (!client || s.pending) return;
    const replacing = this.#replacing();
    const requirement = this.#view().types.find((d) => d.type === (replacing?.type ?? s.form.type));
    const errors = formErrors(s.form, requirement, !!replacing);
    if (Object.keys(errors).length) return this.#showErrors(errors);
    this.setState({ pending: true, problem: undefined, notice: undefined, errors: {}, summary: false });
    const session = this.session;
    const file = s.form.file!;
    let sent = this.state.upload?.file === file ? this.state.upload.upload : undefined;
    try {
      if (!sent?.info) {
        sent = newUpload(file);
        this.setState({ upload: { file, upload: sent } });
        // sendUpload moves the progress in place: render it again.
        if (!(await sendUpload(client, file, sent, () => this.requestUpdate()))) return;
      }
      const iso = requirement?.validityMonths ? typedToIso(s.form.date) : undefined;
      const body = { documentId: sent.info!.id, ...(iso && { documentDate: iso }) };
      const doc = replacing
        ? await client.call(endpoints.replaceFamilyDocument, { params: { storedDocumentId: replacing.id }, body })
        : await client.call(endpoints.storeFamilyDocument, { body: { type: s.form.type, ...body } });
      // Another parent logged in meanwhile: their page shows their own documents only.
      if (this.session !== session) return;
      this.setState({
        documents: withDocument(this.state.documents ?? [], doc),
        form: emptyForm(),
        upload: undefined,
        view: { name: 'list' },
        notice: this.i18n.t('saved', { name: doc.fileName }),
      });
      this.#clearFileInput();
      this.dispatchEvent(familleEvent('famille-document-stored', { document: doc }));
      void focusAfterRender(this, '[part=notice]');
    } catch (error) {
      // Cancelled ("Annuler l'envoi"), or another parent logged in meanwhile: nothing to say.
      if (sent?.cancelled || this.session !== session) return;
      const problem = this.asApiError(error);
      const errors = serverErrors(problem);
      // A file the server refused, or took already: send it again next time.
      if (errors?.file) this.setState({ upload: undefined });
      if (errors) this.#showErrors(errors);
      else {
        this.setState({ problem });
        void focusAfterRender(this, 'section > [part=alert]');
      }
    } finally {
      this.setState({ pending: false });
    }
  }

  #showErrors(errors: DocumentsState['errors']): void {
    this.setState({ errors, summary: true });
    void focusAfterRender(this, '[part=error-summary]');
  }

  #cancelUpload = (): void => {
    const upload = this.state.upload;
    if (!upload) return;
    abortUpload(upload.upload);
    this.setState({ upload: undefined, pending: false, notice: undefined });
    this.#clearFileInput();
    this.setState({ form: { ...this.state.form, file: undefined } });
    void focusAfterRender(this, `#${fieldId(this.#view(), 'file')}`);
  };

  #clearFileInput(): void {
    const input = this.querySelector<HTMLInputElement>(`#${fieldId(this.#view(), 'file')}`);
    if (input) input.value = '';
  }

  // ——— The list's actions ———

  #openReplace = (doc: StoredDocument): void => {
    this.#resetForm({ view: { name: 'replace', doc } });
    void focusAfterRender(this, `#${this.uid}-form-heading`);
  };

  #openRemove = (doc: StoredDocument): void => {
    this.setState({ view: { name: 'remove', doc }, problem: undefined, notice: undefined });
    void focusAfterRender(this, `#${this.uid}-remove-heading`);
  };

  /** Back to the list, focus on the button that left it. */
  #backToList = (doc: StoredDocument, action: 'replace' | 'remove'): void => {
    this.#resetForm({ view: { name: 'list' } });
    void focusAfterRender(this, `[data-action=${action}][data-id="${doc.id}"]`);
  };

  #resetForm(patch: Partial<DocumentsState>): void {
    const upload = this.state.upload;
    if (upload) {
      abortUpload(upload.upload);
      discardUpload(this.activeClient, upload.upload);
    }
    this.setState({ form: emptyForm(), upload: undefined, errors: {}, summary: false, problem: undefined, notice: undefined, ...patch });
  }

  #remove = (doc: StoredDocument) => async (): Promise<void> => {
    const client = this.activeClient;
    if (!client || this.state.pending) return;
    this.setState({ pending: true, problem: undefined });
    try {
      await client.call(endpoints.deleteFamilyDocument, { params: { storedDocumentId: doc.id } });
      this.setState({
        documents: (this.state.documents ?? []).filter((d) => d.id !== doc.id),
        view: { name: 'list' },
        notice: this.i18n.t('removed', { name: doc.fileName }),
      });
      this.dispatchEvent(familleEvent('famille-document-deleted', { id: doc.id }));
      void focusAfterRender(this, '[part=notice]');
    } catch (error) {
      this.setState({ problem: this.asApiError(error) });
      void focusAfterRender(this, '.famille-confirm [part=alert]');
    } finally {
      this.setState({ pending: false });
    }
  };

  #download = (doc: StoredDocument): void => void this.#downloadFile(doc);

  async #downloadFile(doc: StoredDocument): Promise<void> {
    const client: FamilleClient | undefined = this.activeClient;
    if (!client) return;
    this.setState({ downloadProblem: undefined });
    try {
      saveFile(await client.call(endpoints.downloadFamilyDocument, { params: { storedDocumentId: doc.id } }), doc.fileName);
    } catch (error) {
      this.setState({ downloadProblem: this.asApiError(error) });
      void focusAfterRender(this, '.famille-download-problem [part=alert]');
    }
  }

  // ——— Rendering ———

  protected override renderContent(): TemplateResult {
    const view = this.#view();
    return html`${this.heading(view.i18n.t('documentsHeading'))} ${this.#renderBody(view)}`;
  }

  #renderBody(view: DocumentsView): TemplateResult {
    const { t } = view.i18n;
    const s = this.state;
    if (this.session === null) {
      return html`<p>${t('loginRequired')}</p>
        ${loginLink(this, this.loginHref, t('login'))}`;
    }
    if (s.loadProblem && !s.documents) return problemBox(view.i18n, s.loadProblem, () => void this.#data.reload());
    if (!s.documents || !this.tenantConfig) return html`<p role="status">${t('loading')}</p>`;
    const notice = s.notice ? messageBox(s.notice, { success: true }) : '';
    const view_ = s.view;
    if (view_.name === 'remove') {
      return removeConfirmation(view, {
        doc: view_.doc,
        problem: s.problem,
        pending: s.pending,
        confirm: () => void this.#remove(view_.doc)(),
        cancel: () => this.#backToList(view_.doc, 'remove'),
      });
    }
    const actions = { input: this.#input, submit: this.#submit, cancelUpload: this.#cancelUpload };
    if (view_.name === 'replace') {
      return documentForm(view, s, { ...actions, cancel: () => this.#backToList(view_.doc, 'replace') }, view_.doc);
    }
    const downloadProblem = s.downloadProblem
      ? html`<div class="famille-download-problem">${messageBox(t('downloadFailed'), { prefix: t('errorPrefix') })}</div>`
      : '';
    return html`<p>${t('intro')}</p>
      ${notice}${downloadProblem}
      ${documentList(view, s.documents, { download: this.#download, replace: this.#openReplace, remove: this.#openRemove })}
      ${documentForm(view, s, { ...actions, cancel: () => undefined })}`;
  }
}

/** The events of `<famille-documents>`, by name. */
export interface FamilleDocumentsEvents {
  'famille-document-stored': { document: StoredDocument };
  'famille-document-deleted': { id: string };
}
