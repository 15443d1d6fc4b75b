// What the sections of <famille-documents> take from the element: words, headings, ids,
// the tenant's document types.
import type { DocumentRequirement } from '@famille/contract';
import type { HeadingRenderer } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllDocumentsMessages } from './messages.ts';

export interface DocumentsView {
  readonly i18n: Localizer<AllDocumentsMessages>;
  readonly heading: HeadingRenderer;
  /** An id unique in the page. */
  id(name: string): string;
  /** The tenant's document types (its pre-registration's). */
  readonly types: readonly DocumentRequirement[];
  /** What any upload may be (before a type is chosen). */
  readonly uploads: { readonly acceptedTypes: readonly string[]; readonly maxBytes: number };
}

/** A type's name in the parent's language, or its key when the tenant dropped it. */
export function typeLabel(view: Pick<DocumentsView, 'i18n' | 'types'>, type: string): string {
  const label = view.types.find((d) => d.type === type)?.label;
  return label ? (view.i18n.locale === 'en' ? (label.en ?? label.fr) : label.fr) : type;
}
