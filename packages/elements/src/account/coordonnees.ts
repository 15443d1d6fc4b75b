// "Mes coordonnées": address and phones (saved at once), the e-mail address (a link to
// confirm), the identity (a request with a justificatif).
import { html, nothing, type TemplateResult } from 'lit';
import type { AccountDetails } from '@famille/contract';
import { choices, messageBox } from '../form/field.ts';
import { typedDate } from '../form/dates.ts';
import { fileField } from '../form/upload.ts';
import { accountForm, fieldError, fieldId, input, type AccountView } from './view.ts';
import { addressParts, contactFields, identityFields } from './state.ts';

export function coordonnees(view: AccountView, d: AccountDetails): TemplateResult {
  const { t } = view.i18n;
  const tel = (name: 'telephone' | 'mobile', value: string | undefined) =>
    input(view, 'contact', name, { type: 'tel', autocomplete: 'tel', value: value ?? '', hint: t('phoneHint') });
  const address = addressParts.map((part) =>
    input(view, 'contact', `address.${part}`, {
      value: d.address[part] ?? '',
      ...(part === 'voie' && { autocomplete: 'address-line1' }),
      ...(part === 'complement' && { autocomplete: 'address-line2' }),
      ...(part === 'codePostal' && { autocomplete: 'postal-code', inputmode: 'numeric' }),
      ...(part === 'commune' && { autocomplete: 'address-level2' }),
    }),
  );
  return html`<section part="contact" aria-labelledby=${view.id('contact')}>
    ${view.heading(t('contactHeading'), { depth: 1, id: view.id('contact') })}
    ${accountForm(view, 'contact', {
      heading: t('addressHeading'),
      intro: t('contactIntro'),
      fields: contactFields,
      body: html`${address}${tel('telephone', d.telephone)}${tel('mobile', d.mobile)}`,
      submit: t('save'),
      pending: t('saving'),
    })}
    ${emailForm(view, d)} ${identityForm(view, d)}
  </section>`;
}

function emailForm(view: AccountView, d: AccountDetails): TemplateResult {
  const { t } = view.i18n;
  return accountForm(view, 'email', {
    heading: t('emailHeading'),
    intro: html`${t('emailCurrent', { email: d.email })}<br />${t('emailIntro')}`,
    fields: ['email', 'password'],
    body: html`${d.pendingEmail ? html`<p part="pending">${t('emailPending', { email: d.pendingEmail })}</p>` : nothing}
    ${input(view, 'email', 'email', { type: 'email', autocomplete: 'email', verbatim: true, required: true })}
    ${input(view, 'email', 'password', { type: 'password', autocomplete: 'current-password', required: true })}`,
    submit: t('emailSubmit'),
  });
}

function identityForm(view: AccountView, d: AccountDetails): TemplateResult {
  const { t } = view.i18n;
  const open = d.identityRequest;
  const notice = view.state.notices.identity;
  if (open) {
    return html`<div part="pending" data-form="identity">
      ${view.heading(t('identityHeading'), { depth: 2 })}
      ${notice ? messageBox(notice, { success: true }) : html`<p>${t('identityPending', { n: open.number })}</p>`}
    </div>`;
  }
  const id = d.identity;
  const civilite = fieldError(view, 'identity', 'identity.civilite');
  const attachments = fieldError(view, 'identity', 'attachments');
  return accountForm(view, 'identity', {
    heading: t('identityHeading'),
    intro: t('identityIntro'),
    fields: [...identityFields, 'attachments'],
    body: html`${choices({
      id: fieldId(view, 'identity', 'identity.civilite'),
      name: 'identity.civilite',
      legend: t('f_identity.civilite'),
      options: [
        { value: 'madame', label: t('madame') },
        { value: 'monsieur', label: t('monsieur') },
      ],
      value: id.civilite,
      required: true,
      errorPrefix: t('errorPrefix'),
      ...(civilite && { error: civilite }),
    })}
    ${input(view, 'identity', 'identity.nomUsage', { value: id.nomUsage, autocomplete: 'family-name', required: true })}
    ${input(view, 'identity', 'identity.nomNaissance', { value: id.nomNaissance ?? '' })}
    ${input(view, 'identity', 'identity.prenoms', { value: id.prenoms, autocomplete: 'given-name', required: true })}
    ${input(view, 'identity', 'identity.dateNaissance', { value: id.dateNaissance ? typedDate(id.dateNaissance) : '', hint: t('dateHint'), autocomplete: 'bday' })}
    ${fileField({
      id: fieldId(view, 'identity', 'attachments'),
      label: t('f_attachments'),
      required: true,
      errorPrefix: t('errorPrefix'),
      onChange: () => undefined,
      ...(attachments && { error: attachments }),
    })}`,
    submit: t('identitySubmit'),
  });
}
