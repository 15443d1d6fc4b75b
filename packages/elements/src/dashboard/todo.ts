// "Bonjour Madame Martin.", the last login, and what needs doing: invoices to pay (the
// overdue ones first), pre-registration drafts, requests waiting for a document.
import { html, nothing, type TemplateResult } from 'lit';
import type { DashboardSummary, RequestSummary } from '@famille/contract';
import { kindLabel } from './requests.ts';
import { pageOfKind } from './state.ts';
import type { DashboardView } from './view.ts';

export function greeting({ i18n: { t, date } }: DashboardView, summary: DashboardSummary): TemplateResult {
  const { civilite, nomUsage, prenoms } = summary.account;
  const name = civilite ? `${t(`civilite_${civilite}`)} ${nomUsage}` : `${prenoms} ${nomUsage}`;
  const last = summary.previousLoginAt;
  return html`<div part="greeting">
    <p class="famille-hello">${t('hello', { name })}</p>
    <p>${last ? t('lastLogin', { date: date(last, { dateStyle: 'long', timeStyle: 'short' }) }) : t('firstLogin')}</p>
  </div>`;
}

function invoicesTodo(view: DashboardView, invoices: DashboardSummary['invoices']): TemplateResult {
  const { t, money, date } = view.i18n;
  return html`<li>
    <p>
      <strong>${t('invoicesToPay', { n: invoices.count, total: money(invoices.totalCents) })}</strong>${
        invoices.overdueCount ? t('overdue', { n: invoices.overdueCount }) : nothing
      }
    </p>
    <ul>
      ${invoices.toPay.map(
        (i) =>
          html`<li>
            ${t('invoiceDue', { number: i.number, amount: money(i.balanceCents), date: date(i.dueOn) })}
            ${i.overdue ? html`<span class="famille-badge famille-badge--late" part="badge">${t('lateBadge')}</span>` : nothing}
          </li>`,
      )}
    </ul>
    ${view.link('invoices', t('payInvoices')) ?? nothing}
  </li>`;
}

const awaitingTodo = (view: DashboardView, r: RequestSummary) =>
  html`<li>
    <p>${view.i18n.t('awaiting', { number: r.number, what: kindLabel(view, r.kind) })}</p>
    ${view.link(pageOfKind(r.kind), view.i18n.t('seeRequest')) ?? nothing}
  </li>`;

export function todoSection(view: DashboardView, summary: DashboardSummary): TemplateResult {
  const { t, date } = view.i18n;
  const { invoices, drafts, awaitingDocument } = summary;
  const items = [
    ...(invoices.count ? [invoicesTodo(view, invoices)] : []),
    ...drafts.map(
      (d) =>
        html`<li>
          <p>${t('draftToFinish', { child: d.childLabel, date: date(d.updatedAt) })}</p>
          ${view.link('preregistration', t('resumeDraft')) ?? nothing}
        </li>`,
    ),
    ...awaitingDocument.map((r) => awaitingTodo(view, r)),
  ];
  return html`<section class="famille-block" part="todo" aria-labelledby=${view.id('todo')}>
    ${view.heading(t('todoHeading'), { depth: 1, id: view.id('todo') })}
    ${items.length ? html`<ul class="famille-list" role="list">${items}</ul>` : html`<p>${t('nothingToDo')}</p>`}
  </section>`;
}
