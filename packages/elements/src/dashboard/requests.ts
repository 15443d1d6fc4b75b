// "Dernières demandes": every request of the family, newest first, page by page.
import { html, nothing, type TemplateResult } from 'lit';
import type { RequestSummary } from '@famille/contract';
import { problemBox, secondaryButton } from '../form/field.ts';
import type { Paged } from './state.ts';
import type { DashboardView } from './view.ts';

/** "Préinscription en crèche"; a kind this page has no words for (a newer server's) reads "Demande". */
export const kindLabel = ({ i18n: { t } }: DashboardView, kind: RequestSummary['kind']): string => t(`kind_${kind}`) || t('kind_other');

/** A status as a badge ("Déposée", "Place proposée"…). */
export const statusBadge = ({ i18n: { t } }: DashboardView, status: RequestSummary['status']): TemplateResult =>
  html`<span class="famille-badge famille-badge--${status}" part="badge">${t(`status_${status}`)}</span>`;

export function requestsSection(view: DashboardView, list: Paged<RequestSummary>, more: () => void): TemplateResult {
  const { t, date } = view.i18n;
  return html`<section class="famille-block" part="requests" aria-labelledby=${view.id('requests')}>
    ${view.heading(t('requestsHeading'), { depth: 1, id: view.id('requests') })}
    ${
      list.items.length
        ? html`<ul class="famille-list" role="list">
          ${list.items.map(
            (r) =>
              html`<li>
                <p>
                  <strong tabindex="-1">${t('requestTitle', { number: r.number, what: kindLabel(view, r.kind), label: r.label })}</strong>
                </p>
                <p>${statusBadge(view, r.status)} ${t('requestOn', { date: date(r.createdAt) })}</p>
              </li>`,
          )}
        </ul>`
        : html`<p>${t('noRequests')}</p>`
    }
    ${list.problem ? problemBox(view.i18n, list.problem, more, list.loading) : nothing}
    ${list.next !== undefined && !list.problem ? secondaryButton(t('olderRequests'), more, list.loading) : nothing}
    ${view.link('entourage', t('allRequests')) ?? nothing}
  </section>`;
}
