// The state of <famille-documents> and its pure rules: the form's checks before anything is
// sent, and the server's refusals in the element's words.
import type { ApiError } from '@famille/sdk';
import type { DocumentRequirement, FieldError, StoredDocument } from '@famille/contract';
import { today, typedToIso } from '../form/dates.ts';
import type { Upload } from '../form/upload.ts';
import type { AllDocumentsMessages } from './messages.ts';

export type Key = keyof AllDocumentsMessages;

/** An error to show, translated at render time (the language may change). */
export interface Problem {
  key: Key;
  params?: Record<string, unknown>;
}

/** The form's fields, in the order they appear (the error summary's order). */
export const formFields = ['type', 'documentDate', 'file'] as const;
export type FormField = (typeof formFields)[number];

/** What the parent chose and typed in the form: kept whatever fails, until it is stored. */
export interface FormValues {
  type: string;
  /** As typed: JJ/MM/AAAA. */
  date: string;
  file?: File | undefined;
}

export type View = { name: 'list' } | { name: 'replace'; doc: StoredDocument } | { name: 'remove'; doc: StoredDocument };

/** What the element shows, replaced as a whole on every change. */
export interface DocumentsState {
  documents?: StoredDocument[] | undefined;
  loadProblem?: ApiError | undefined;
  view: View;
  form: FormValues;
  errors: Partial<Record<FormField, Problem>>;
  /** The error summary is shown (after "Enregistrer"), and takes focus. */
  summary: boolean;
  /** The form's file on its way, or sent already (`info`): sent once, even if storing it fails and is tried again. */
  upload?: { file: File; upload: Upload } | undefined;
  /** Storing, replacing or deleting is under way. */
  pending: boolean;
  /** A failure that is not a field's (network, server), with "Réessayer". */
  problem?: ApiError | undefined;
  /** "… est enregistré", "… a été supprimé": takes focus. */
  notice?: string | undefined;
  downloadProblem?: ApiError | undefined;
}

export const emptyForm = (): FormValues => ({ type: '', date: '' });

export const initialState = (): DocumentsState => ({ view: { name: 'list' }, form: emptyForm(), errors: {}, summary: false, pending: false });

/** The form's errors before anything is sent (`requirement`: the chosen type's, if any). */
export function formErrors(form: FormValues, requirement: DocumentRequirement | undefined, replacing: boolean): DocumentsState['errors'] {
  const errors: DocumentsState['errors'] = {};
  if (!replacing && !requirement) errors.type = { key: 'typeRequired' };
  if (requirement?.validityMonths) {
    const iso = typedToIso(form.date);
    if (!form.date.trim()) errors.documentDate = { key: 'dateRequired' };
    else if (!iso) errors.documentDate = { key: 'dateFormat' };
    else if (iso > today()) errors.documentDate = { key: 'dateFuture' };
  }
  const file = form.file;
  if (!file) errors.file = { key: 'fileRequired' };
  else if (requirement && file.size > requirement.maxBytes) errors.file = { key: 'fileTooLarge' };
  else if (requirement && file.type && !requirement.acceptedTypes.includes(file.type)) errors.file = { key: 'fileFormat' };
  return errors;
}

/** The server's refusal of the upload or of the store, by field; `undefined` when it is not the form's. */
export function serverErrors(error: ApiError): DocumentsState['errors'] | undefined {
  const file: Record<string, Key> = {
    file_too_large: 'fileTooLarge',
    file_type_not_accepted: 'fileFormat',
    file_empty: 'file_empty',
    file_active_content: 'file_active_content',
  };
  if (error.code && file[error.code]) return { file: { key: file[error.code]! } };
  if (error.code !== 'validation_failed' || !error.fieldErrors.length) return undefined;
  const errors: DocumentsState['errors'] = {};
  for (const f of error.fieldErrors as readonly FieldError[]) {
    if (f.path === 'type') errors.type ??= { key: 'typeRequired' };
    else if (f.path === 'documentDate')
      errors.documentDate ??= { key: f.code === 'required' ? 'dateRequired' : f.code === 'not_in_past' ? 'dateFuture' : 'dateFormat' };
    else if (f.path === 'documentId')
      errors.file ??= { key: f.code === 'invalid_format' ? 'fileFormat' : f.code === 'too_large' ? 'fileTooLarge' : 'fileUnknown' };
  }
  return Object.keys(errors).length ? errors : undefined;
}

/** The list with `doc` in place of the one of its id, or added; by type, then newest first, as the server sorts. */
export function withDocument(list: readonly StoredDocument[], doc: StoredDocument): StoredDocument[] {
  const others = list.filter((d) => d.id !== doc.id);
  return [...others, doc].sort((a, b) => (a.type === b.type ? b.uploadedAt.localeCompare(a.uploadedAt) : a.type.localeCompare(b.type)));
}
