// The confirmation of a submitted request (after "Valider", in the steps' module).
import { html, type TemplateResult } from 'lit';
import type { Preregistration } from '@famille/contract';
import { title, type ViewHost } from './host.ts';
import { badge, month } from './requests.ts';
import { childName } from './state.ts';

/** The confirmation: number, date and time, "Déposée", and the next commission. */
export function renderDone(host: ViewHost, p: Preregistration, openRequests: () => void): TemplateResult {
  const { i18n } = host;
  const { t, date } = i18n;
  return html`<div class="famille-alert famille-alert--success famille-stack" part="notice">
      ${title(host, t('doneHeading'))}
      <p class="famille-request-number">${t('requestNumber', { number: p.number })}</p>
      <p>${childName(host.state, p.childId, t('futureChild')) || p.childLabel} — ${date(p.submittedAt, { dateStyle: 'long', timeStyle: 'short' })}</p>
      <p>${badge(i18n, p.status)}</p>
      <p>${t('transmitted')} ${t('commission', { month: month(i18n, p.nextCommission) })}</p>
    </div>
    <div class="famille-actions">
      <button type="button" class="famille-button" part="button" @click=${openRequests}>${t('myRequests')}</button>
    </div>`;
}
