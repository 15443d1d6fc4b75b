// The submitted requests: "Mes demandes" (statuses and the service's comments), and
// "Annuler ma demande", asked first. The confirmation comes with the steps (done.ts).
import { html, nothing, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { Preregistration, PreregistrationStatus } from '@famille/contract';
import { messageBox } from '../form/field.ts';
import type { Localizer } from '../i18n/localize.ts';
import { failed, focus, problemNotice, title, type PreregistrationHost } from './host.ts';
import type { AllPreregistrationMessages } from './messages.ts';
import { undecided } from './state.ts';

type I18n = Localizer<AllPreregistrationMessages>;

/** A request's status as a badge. */
export const badge = ({ t }: I18n, status: PreregistrationStatus): TemplateResult =>
  html`<span class="famille-badge famille-badge--${status}" part="badge">${t(`status_${status}`)}</span>`;

/** "mars 2027": the month of a commission. */
export const month = ({ date }: I18n, iso: string): string => date(`${iso.slice(0, 10)}T12:00:00Z`, { month: 'long', year: 'numeric' });

/** "Mes demandes", with `notice` (a cancellation) on top. */
export function renderRequests(host: PreregistrationHost, notice: string | undefined, startFresh: () => void): TemplateResult {
  const { i18n, state } = host;
  const { t } = i18n;
  const list = state.list;
  return html`${title(host, t('requestsHeading'))}
    ${notice ? messageBox(notice, { success: true }) : nothing}
    ${problemNotice(host)}
    ${
      !list
        ? html`<p role="status">${t('loading')}</p>`
        : list.length === 0
          ? html`<p>${t('noRequests')}</p>`
          : html`<ul class="famille-requests" part="requests" role="list">${list.map((p) => renderRequest(host, p))}</ul>`
    }
    <div class="famille-actions">
      <button type="button" class="famille-button famille-button--secondary" part="button" @click=${startFresh}>${t('startDemarche')}</button>
    </div>`;
}

function renderRequest(host: PreregistrationHost, p: Preregistration): TemplateResult {
  const { i18n } = host;
  const { t, date } = i18n;
  const comment = [...p.history].reverse().find((h) => h.by === 'agent' && h.comment)?.comment;
  const open = undecided.includes(p.status);
  return html`<li class="famille-card">
    ${host.heading(html`${t('requestNumber', { number: p.number })} — ${p.childLabel}`, { depth: 1 })}
    <p>${badge(i18n, p.status)}</p>
    <p>${t('submittedOn', { date: date(p.submittedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
    <p>${t('desiredStart', { date: date(p.startDate) })}</p>
    ${open ? html`<p>${t('nextCommission', { month: month(i18n, p.nextCommission) })}</p>` : nothing}
    ${comment ? html`<p><strong>${t('serviceComment')} :</strong> ${comment}</p>` : nothing}
    ${
      open
        ? html`<div><button type="button" class="famille-button famille-button--secondary" part="button" data-cancel=${p.id}
          @click=${() => askCancel(host, p)}>${t('cancelRequest')}<span class="famille-sr"> ${t('requestNumber', { number: p.number })}</span></button></div>`
        : nothing
    }
  </li>`;
}

/** "Annuler la demande n° 12 ?": the consequences, then confirm or keep it. */
export function renderCancel(host: PreregistrationHost, p: Preregistration): TemplateResult {
  const { t } = host.i18n;
  const pending = host.state.pending ? 'true' : 'false';
  return html`${title(host, t('cancelHeading', { number: p.number }))}
    <p>${p.childLabel}</p>
    <p>${t('cancelWarning')}</p>
    ${problemNotice(host)}
    <div class="famille-actions">
      <button type="button" class="famille-button famille-button--danger" part="button" aria-disabled=${pending}
        aria-busy=${pending} @click=${() => void cancel(host, p)}>${t('confirmCancel')}</button>
      <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => keep(host, p)}>${t('keepRequest')}</button>
    </div>`;
}

/** Shows "Mes demandes" at once, and the family's requests once read. */
export async function openRequests(host: PreregistrationHost, notice?: string): Promise<void> {
  const client = host.client;
  if (!client) return;
  host.set({ view: { name: 'requests', ...(notice && { notice }) }, problem: undefined });
  void focus(host, `#${host.ids.heading}`);
  try {
    const { preregistrations } = await client.call(endpoints.preregistrations);
    host.set({ list: preregistrations });
  } catch (error) {
    host.set({ problem: { error: host.asApiError(error), retry: () => void openRequests(host, notice) } });
  }
}

function askCancel(host: PreregistrationHost, p: Preregistration): void {
  host.set({ view: { name: 'cancel', preregistration: p }, problem: undefined });
  void focus(host, `#${host.ids.heading}`);
}

/** "Non, la garder": back to the list, on the request's "Annuler ma demande". */
async function keep(host: PreregistrationHost, p: Preregistration): Promise<void> {
  host.set({ view: { name: 'requests' }, problem: undefined });
  await focus(host, `[data-cancel="${p.id}"]`);
}

async function cancel(host: PreregistrationHost, p: Preregistration): Promise<void> {
  const client = host.client;
  if (!client || host.state.pending) return;
  host.set({ pending: true, problem: undefined });
  try {
    const cancelled = await client.call(endpoints.cancelPreregistration, { params: { preregistrationId: p.id } });
    host.set({
      pending: false,
      list: (host.state.list ?? []).map((x) => (x.id === cancelled.id ? cancelled : x)),
      view: { name: 'requests', notice: host.i18n.t('cancelled', { number: p.number }) },
    });
    void focus(host, '[part=notice]');
  } catch (error) {
    failed(host, error, () => void cancel(host, p));
  }
}
