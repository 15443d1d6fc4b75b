// "Supprimer … ?": asked before a stored document goes (the requests it was given to keep it).
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '@famille/sdk';
import type { StoredDocument } from '@famille/contract';
import { problemBox } from '../form/field.ts';
import type { DocumentsView } from './view.ts';

export function removeConfirmation(
  view: DocumentsView,
  o: { doc: StoredDocument; problem: ApiError | undefined; pending: boolean; confirm: () => void; cancel: () => void },
): TemplateResult {
  const { t } = view.i18n;
  return html`<section class="famille-stack famille-confirm" aria-labelledby=${view.id('remove-heading')}>
    ${view.heading(t('removeHeading', { name: o.doc.fileName }), { depth: 1, id: view.id('remove-heading'), focusable: true })}
    <p>${t('removeText')}</p>
    ${o.problem ? problemBox(view.i18n, o.problem) : nothing}
    <div class="famille-row">
      <button type="button" class="famille-button famille-button--danger" part="button" aria-disabled=${o.pending ? 'true' : 'false'}
        aria-busy=${o.pending ? 'true' : 'false'} @click=${o.confirm}>${o.pending ? t('removing') : t('removeConfirm')}</button>
      <button type="button" class="famille-button famille-button--secondary" part="button" @click=${o.cancel}>${t('cancel')}</button>
    </div>
  </section>`;
}
