import type { TemplateResult } from 'lit';
import type { HeadingOptions } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllDashboardMessages } from './messages.ts';
import type { Page } from './state.ts';

/** What each block of `<famille-dashboard>` takes from the element to render. */
export interface DashboardView {
  readonly i18n: Localizer<AllDashboardMessages>;
  /** A heading `depth` levels below "Mon tableau de bord" (blocks: 1). */
  heading(content: unknown, options?: HeadingOptions & { depth?: number }): TemplateResult;
  /** An id unique to this element on the page. */
  id(name: string): string;
  /** A link to the host's page of the full element (`invoices-href`…), when the host set one; nothing otherwise. */
  link(page: Page, label: string): TemplateResult | undefined;
}
