// "Mes données personnelles": the rights of access and erasure in plain words, the export,
// the request to close the account.
import { html, nothing, type TemplateResult } from 'lit';
import type { AccountDetails } from '@famille/contract';
import { checkbox, messageBox } from '../form/field.ts';
import { accountForm, fieldError, fieldId, type AccountView } from './view.ts';

export function personalData(view: AccountView, d: AccountDetails): TemplateResult {
  const { t } = view.i18n;
  const open = d.closureRequest;
  const notice = view.state.notices.closure;
  const confirmError = fieldError(view, 'closure', 'confirm');
  const commentId = fieldId(view, 'closure', 'comment');
  const closure = open
    ? html`<div part="pending" data-form="closure">
        ${view.heading(t('closureHeading'), { depth: 2 })}
        ${notice ? messageBox(notice, { success: true }) : html`<p>${t('closurePending', { n: open.number })}</p>`}
      </div>`
    : accountForm(view, 'closure', {
        heading: t('closureHeading'),
        intro: t('closureIntro'),
        fields: ['confirm', 'comment'],
        body: html`${checkbox({
          id: fieldId(view, 'closure', 'confirm'),
          name: 'confirm',
          label: t('f_confirm'),
          checked: false,
          required: true,
          errorPrefix: t('errorPrefix'),
          ...(confirmError && { error: confirmError }),
        })}
          <div class="famille-field" part="field">
            <label for=${commentId} part="label">${t('f_comment')}</label>
            <textarea id=${commentId} name="comment" part="input" rows="3" maxlength="1000"></textarea>
          </div>`,
        submit: t('closureSubmit'),
      });
  return html`<section part="personal-data" aria-labelledby=${view.id('data')}>
    ${view.heading(t('dataHeading'), { depth: 1, id: view.id('data') })}
    <p>${t('dataIntro')}</p>
    ${accountForm(view, 'export', { heading: t('exportButton'), intro: t('exportIntro'), fields: [], body: html``, submit: t('exportButton') })}
    ${closure ?? nothing}
  </section>`;
}
