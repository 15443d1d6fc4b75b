// The confirmation of a request: its number, its status and when the service received it.
import { html, type TemplateResult } from 'lit';
import type { FamilyRequest } from '@famille/contract';
import { secondaryButton } from '../form/field.ts';
import type { EditorContext as ViewContext } from './view-context.ts';

export function requestSent(ctx: ViewContext, request: FamilyRequest, back: () => void): TemplateResult {
  const { t, date } = ctx.i18n;
  return html`<section class="famille-stack famille-alert famille-alert--success" part="notice" aria-labelledby=${ctx.id('heading')}>
    ${ctx.heading(t('doneHeading'), { id: ctx.id('heading') })}
    <p class="famille-request-number">${t('requestNumber', { n: request.number })} — ${request.memberLabel}</p>
    <p>${t('statusLabel')} : ${ctx.badge(request.status)}</p>
    <p>${t('requestOn', { date: date(request.createdAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
    ${secondaryButton(t('backToList'), back)}
  </section>`;
}
