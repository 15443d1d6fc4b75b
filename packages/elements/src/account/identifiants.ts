// "Mes identifiants": the last login, the password, logging out everywhere.
import { html, type TemplateResult } from 'lit';
import type { AccountDetails, PasswordPolicy } from '@famille/contract';
import { passwordChecklist } from '../form/password-checklist.ts';
import { accountForm, fieldId, input, type AccountView } from './view.ts';

export function identifiants(view: AccountView, d: AccountDetails, policy: PasswordPolicy | undefined): TemplateResult {
  const { t, date } = view.i18n;
  const newId = fieldId(view, 'password', 'newPassword');
  return html`<section part="credentials" aria-labelledby=${view.id('credentials')}>
    ${view.heading(t('credentialsHeading'), { depth: 1, id: view.id('credentials') })}
    <p>${t('identifiant', { id: d.identifiant })}</p>
    <p part="last-login">${d.previousLoginAt ? t('lastLogin', { date: date(d.previousLoginAt, { dateStyle: 'full', timeStyle: 'short' }) }) : t('firstLogin')}</p>
    ${accountForm(view, 'password', {
      heading: t('passwordHeading'),
      intro: t('passwordIntro'),
      fields: ['password', 'newPassword'],
      body: html`<input type="text" name="username" autocomplete="username" .value=${d.identifiant} hidden />
        ${input(view, 'password', 'password', { type: 'password', autocomplete: 'current-password', required: true })}
        ${input(view, 'password', 'newPassword', { type: 'password', autocomplete: 'new-password', required: true, describedBy: `${newId}-rules` })}
        ${passwordChecklist(newId, policy, view.state.newPassword, t)}`,
      submit: t('passwordHeading'),
    })}
    ${accountForm(view, 'logout', { heading: t('logoutAllHeading'), intro: t('logoutAllIntro'), fields: [], body: html``, submit: t('logoutAll') })}
  </section>`;
}
