import type { TemplateResult } from 'lit';
import type { Member, RequestStatus } from '@famille/contract';
import type { HeadingOptions } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllEntourageMessages } from './messages.ts';
import type { EditorMessages } from './editor-messages.fr.ts';

/** The element's words and, once the member form's module is here, its words (editor.ts). */
export type AllEditorMessages = AllEntourageMessages & EditorMessages;
export type EditorKey = keyof AllEditorMessages;

/** What each view of `<famille-entourage>` takes from the element to render. */
export interface ViewContext<M = AllEntourageMessages> {
  readonly i18n: Localizer<M>;
  /** A heading `depth` levels below the element's title (0: the title, which takes focus). */
  heading(content: unknown, options?: HeadingOptions & { depth?: number }): TemplateResult;
  /** An id unique to this element on the page: `id('heading')`, `id('nomUsage')`… */
  id(name: string): string;
}

/**
 * What the views of the member form's module take: its words are in, and what it shows
 * as the list does comes from the element (no value of the element's chunk is imported).
 */
export interface EditorContext extends ViewContext<AllEditorMessages> {
  /** "Léo Huby", or "Futur enfant Huby" (state.ts `memberName`). */
  name(member: Member): string;
  /** A status as a badge (status-badge.ts). */
  badge(status: RequestStatus): TemplateResult;
}
