import { html, type TemplateResult } from 'lit';
import type { RequestStatus } from '@famille/contract';
import type { ViewContext } from './view-context.ts';

/** A request's (or a member's) status as a badge; `removal` for "Suppression demandée". */
export function statusBadge({ i18n: { t } }: ViewContext, status: RequestStatus | 'removal'): TemplateResult {
  return html`<span class="famille-badge famille-badge--${status}" part="badge">${t(status === 'removal' ? 'removalRequested' : `status_${status}`)}</span>`;
}
