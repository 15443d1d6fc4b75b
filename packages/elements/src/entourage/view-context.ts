import type { TemplateResult } from 'lit';
import type { HeadingOptions } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllEntourageMessages } from './messages.ts';

/** What each view of `<famille-entourage>` takes from the element to render. */
export interface ViewContext {
  readonly i18n: Localizer<AllEntourageMessages>;
  /** A heading `depth` levels below the element's title (0: the title, which takes focus). */
  heading(content: unknown, options?: HeadingOptions & { depth?: number }): TemplateResult;
  /** An id unique to this element on the page: `id('heading')`, `id('nomUsage')`… */
  id(name: string): string;
}
