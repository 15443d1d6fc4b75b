import type { TemplateResult } from 'lit';
import type { HeadingOptions } from '../form/heading.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllInvoicesMessages } from './messages.ts';
import type { FlowsMessages } from './flows-messages.fr.ts';

/** What each section of `<famille-invoices>` takes from the element to render. */
export interface InvoicesView {
  readonly i18n: Localizer<AllInvoicesMessages>;
  /** A heading `depth` levels below "Mes factures" (sections: 1). */
  heading(content: unknown, options?: HeadingOptions & { depth?: number }): TemplateResult;
  /** An id unique to this element on the page: `id('history')` is `famille-invoices-1-history`. */
  id(name: string): string;
}

/** What the module loaded on demand (flows.ts) takes: its words are in. */
export type FlowsView = Omit<InvoicesView, 'i18n'> & { readonly i18n: Localizer<AllInvoicesMessages & FlowsMessages> };
