// Back on the page with drafts: resume one where it stopped, or start it again.
import { html, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { PreregistrationDraft } from '@famille/contract';
import { failed, go, problemNotice, startFresh, title, type PreregistrationHost } from './host.ts';
import { childName, firstName, resumeStep, valuesFromDraft } from './state.ts';

export function renderResume(host: PreregistrationHost, openRequests: () => void): TemplateResult {
  const { i18n, state, ids } = host;
  const { t, date } = i18n;
  return html`${title(host, t('resumeHeading'))}
    ${(state.drafts ?? []).map(
      (d) => html`<section class="famille-card" aria-labelledby=${ids.draft(d.childId)}>
        ${host.heading(childName(state, d.childId, t('futureChild')), { depth: 1, id: ids.draft(d.childId) })}
        <p>${t('resumeIntro', { date: date(d.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
        <div class="famille-actions">
          <button type="button" class="famille-button" part="button" @click=${() => resume(host, d)}>${t('resumeFor', { child: firstName(state, d) })}</button>
          <button type="button" class="famille-button famille-button--secondary" part="button" aria-disabled=${state.pending ? 'true' : 'false'}
            @click=${() => void restart(host, d)}>${t('restart')}<span class="famille-sr">${t('restartFor', { child: firstName(state, d) })}</span></button>
        </div>
      </section>`,
    )}
    ${problemNotice(host)}
    <div class="famille-actions">
      <button type="button" class="famille-link" part="link" @click=${() => startFresh(host)}>${t('newRequest')}</button>
      <button type="button" class="famille-link" part="link" @click=${openRequests}>${t('myRequests')}</button>
    </div>`;
}

/** "Reprendre ma demande pour Léo": everything the draft holds, at its step. */
function resume(host: PreregistrationHost, d: PreregistrationDraft): void {
  host.setValues(valuesFromDraft(d));
  go(host, resumeStep(d), { fromReview: false, draftStatus: '' });
}

/** "Recommencer": the draft deleted on the server, then a new démarche. */
async function restart(host: PreregistrationHost, d: PreregistrationDraft): Promise<void> {
  const client = host.client;
  if (!client || host.state.pending) return;
  host.set({ pending: true, problem: undefined });
  try {
    await client.call(endpoints.deletePreregistrationDraft, { params: { childId: d.childId } });
    host.set({ drafts: (host.state.drafts ?? []).filter((x) => x !== d), pending: false });
    startFresh(host);
  } catch (error) {
    failed(host, error, () => void restart(host, d));
  }
}
