import { html, type TemplateResult } from 'lit';
import type { Session } from '@famille/contract';
import type { LoginView } from './form.ts';

/** The logged-in parent's view: who is logged in, the server's answer (`problem`), and "Se déconnecter". */
export function renderAccount(view: LoginView, session: Session, pending: boolean, problem: unknown, logout: () => unknown): TemplateResult {
  const { t } = view.i18n();
  const { prenoms, nomUsage } = session.account;
  const id = `${view.id}-account`;
  return html`<section class="famille-account" aria-labelledby=${id}>
    ${view.heading(t('greeting', { name: `${prenoms} ${nomUsage}` }), { id })}
    <p>${t('loggedIn')}</p>
    ${problem}
    <button type="button" class="famille-button" part="button" aria-disabled=${pending ? 'true' : 'false'}
      aria-busy=${pending ? 'true' : 'false'} @click=${logout}>
      ${pending ? t('loggingOut') : t('logout')}
    </button>
  </section>`;
}
