// Back on the page with drafts: resume one where it stopped (with the steps' module,
// which the element loads first if need be), or start it again.
import { html, type TemplateResult } from 'lit';
import { endpoints } from '@famille/sdk';
import type { PreregistrationDraft } from '@famille/contract';
import { failed, opener, problemNotice, startFresh, title, type PreregistrationHost } from './host.ts';
import { childName, firstName } from './state.ts';

/** The control "Reprendre ma demande pour Léo" while the steps' module loads (`State.opening`). */
export const resuming = (d: PreregistrationDraft): string => `resume-${d.childId}`;

export function renderResume(host: PreregistrationHost, actions: { openRequests: () => void; resume: (d: PreregistrationDraft) => void }): TemplateResult {
  const { i18n, state, ids } = host;
  const { t, date } = i18n;
  return html`${title(host, t('resumeHeading'))}
    ${(state.drafts ?? []).map(
      (d) => html`<section class="famille-card" aria-labelledby=${ids.draft(d.childId)}>
        ${host.heading(childName(state, d.childId, t('futureChild')), { depth: 1, id: ids.draft(d.childId) })}
        <p>${t('resumeIntro', { date: date(d.updatedAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
        <div class="famille-actions">
          ${opener(host, resuming(d), t('resumeFor', { child: firstName(state, d) }), () => actions.resume(d))}
          <button type="button" class="famille-button famille-button--secondary" part="button" aria-disabled=${state.pending ? 'true' : 'false'}
            @click=${() => void restart(host, d)}>${t('restart')}<span class="famille-sr">${t('restartFor', { child: firstName(state, d) })}</span></button>
        </div>
      </section>`,
    )}
    ${problemNotice(host)}
    <div class="famille-actions">
      <button type="button" class="famille-link" part="link" @click=${() => startFresh(host)}>${t('newRequest')}</button>
      <button type="button" class="famille-link" part="link" @click=${actions.openRequests}>${t('myRequests')}</button>
    </div>`;
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
