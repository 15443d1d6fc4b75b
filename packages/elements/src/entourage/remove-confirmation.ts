// "Supprimer … de votre entourage ?": asked before the removal request goes.
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiError } from '@famille/sdk';
import type { Member } from '@famille/contract';
import { problemBox } from '../form/field.ts';
import type { EditorContext as ViewContext } from './view-context.ts';

export interface RemoveConfirmationOptions {
  member: Member;
  problem: ApiError | undefined;
  pending: boolean;
  confirm: () => void;
  cancel: () => void;
}

export function removeConfirmation(ctx: ViewContext, o: RemoveConfirmationOptions): TemplateResult {
  const { t } = ctx.i18n;
  return html`<section class="famille-stack famille-confirm" aria-labelledby=${ctx.id('heading')}>
    ${ctx.heading(t('removeHeading', { name: ctx.name(o.member) }), { id: ctx.id('heading') })}
    <p>${t('removeText')}</p>
    ${o.problem ? problemBox(ctx.i18n, o.problem) : nothing}
    <div class="famille-actions">
      <button type="button" class="famille-button famille-button--danger" part="button" aria-disabled=${o.pending ? 'true' : 'false'}
        aria-busy=${o.pending ? 'true' : 'false'} @click=${o.confirm}>
        ${o.pending ? t('removing') : t('removeConfirm')}
      </button>
      <button type="button" class="famille-button famille-button--secondary" part="button" @click=${o.cancel}>${t('cancel')}</button>
    </div>
  </section>`;
}
