// "Mes demandes": every request of the family, its status and its history.
import { html, nothing, type TemplateResult } from 'lit';
import type { FamilyRequest } from '@famille/contract';
import { statusBadge } from './status-badge.ts';
import type { ViewContext } from './view-context.ts';

/** The requests, newest first as the server gives them, each with its history folded. */
export function requestsList(ctx: ViewContext, requests: readonly FamilyRequest[]): TemplateResult {
  const { t } = ctx.i18n;
  return html`<section class="famille-group" part="requests" aria-labelledby=${ctx.id('requests')}>
    ${ctx.heading(t('requestsHeading'), { depth: 1, id: ctx.id('requests') })}
    ${requests.length ? html`<ul class="famille-requests" role="list">${requests.map((r) => requestItem(ctx, r))}</ul>` : html`<p>${t('noRequests')}</p>`}
  </section>`;
}

function requestItem(ctx: ViewContext, r: FamilyRequest): TemplateResult {
  const { t, date } = ctx.i18n;
  const at = (iso: string) => date(iso, { dateStyle: 'long', timeStyle: 'short' });
  return html`<li class="famille-request">
    ${ctx.heading(html`${t('requestNumber', { n: r.number })} — ${t(`kindLabel_${r.kind}`)} : ${r.memberLabel}`, { depth: 2 })}
    <p>${statusBadge(ctx, r.status)} <span>${t('requestOn', { date: at(r.createdAt) })}</span></p>
    <details>
      <summary>${t('historyTitle')}<span class="famille-sr"> ${t('requestNumber', { n: r.number })}</span></summary>
      <ol>${r.history.map((h) => html`<li>${t('historyEntry', { status: t(`status_${h.status}`), date: at(h.at) })}${h.comment ? html` — ${h.comment}` : nothing}</li>`)}</ol>
    </details>
  </li>`;
}
