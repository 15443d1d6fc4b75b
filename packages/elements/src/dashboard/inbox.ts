// "Mes messages": the service's messages, the unread count, one message open at a time.
import { html, nothing, type TemplateResult } from 'lit';
import type { Message } from '@famille/contract';
import { problemBox, secondaryButton } from '../form/field.ts';
import type { DashboardState } from './state.ts';
import type { DashboardView } from './view.ts';

export interface InboxActions {
  readonly open: (id: string) => void;
  readonly close: () => void;
  readonly more: () => void;
}

function openMessage(view: DashboardView, message: Message, close: () => void): TemplateResult {
  const { t, date } = view.i18n;
  return html`<article class="famille-message" part="message" aria-labelledby=${view.id('open')}>
    ${view.heading(message.title, { depth: 2, id: view.id('open'), focusable: true })}
    <p class="famille-hint">${t('sentOn', { date: date(message.sentAt, { dateStyle: 'long', timeStyle: 'short' }) })}</p>
    <p class="famille-message-body">${message.body}</p>
    ${secondaryButton(t('closeMessage'), close)}
  </article>`;
}

export function inboxSection(view: DashboardView, state: DashboardState, actions: InboxActions): TemplateResult {
  const { t, date } = view.i18n;
  const { messages, open, opening } = state;
  return html`<section class="famille-block" part="messages" aria-labelledby=${view.id('messages')}>
    ${view.heading(t('messagesHeading'), { depth: 1, id: view.id('messages') })}
    <p role="status" part="unread-count" class="famille-unread">${t('unread', { n: state.unread })}</p>
    ${
      messages.items.length
        ? html`<ul class="famille-list" role="list">
          ${messages.items.map(
            (m) =>
              html`<li>
                <button
                  type="button"
                  class="famille-link"
                  part="message-link"
                  data-message=${m.id}
                  aria-expanded=${open?.id === m.id ? 'true' : 'false'}
                  aria-busy=${opening === m.id ? 'true' : nothing}
                  @click=${() => (open?.id === m.id ? actions.close() : actions.open(m.id))}
                >
                  ${m.read ? nothing : html`<span class="famille-badge famille-badge--unread" part="badge">${t('unreadBadge')}</span>`}
                  <span class=${m.read ? '' : 'famille-strong'}>${m.title}</span>
                </button>
                <span class="famille-hint">${t('sentOn', { date: date(m.sentAt) })}</span>
              </li>`,
          )}
        </ul>`
        : html`<p>${t('noMessages')}</p>`
    }
    ${opening ? html`<p role="status">${t('opening')}</p>` : nothing}
    ${state.openProblem ? problemBox(view.i18n, state.openProblem.error, () => actions.open(state.openProblem!.id)) : nothing}
    ${open ? openMessage(view, open, actions.close) : nothing}
    ${messages.problem ? problemBox(view.i18n, messages.problem, actions.more, messages.loading) : nothing}
    ${messages.next !== undefined && !messages.problem ? secondaryButton(t('olderMessages'), actions.more, messages.loading) : nothing}
  </section>`;
}
