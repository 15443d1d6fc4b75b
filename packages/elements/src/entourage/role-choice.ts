// "+ Ajouter un membre": which kind of member, before the form.
import { html, nothing, type TemplateResult } from 'lit';
import { choices, errorSummary, submitButton } from '../form/field.ts';
import { kinds } from './rules.ts';
import type { EditorContext as ViewContext } from './view-context.ts';

export interface RoleChoiceOptions {
  /** The kind chosen so far, if any. */
  value: string | undefined;
  /** "Continuer" was pressed with no kind chosen. */
  missing: boolean;
  /** The error summary is shown (after "Continuer"). */
  summary: boolean;
  choose: (value: string) => void;
  submit: (e: SubmitEvent) => void;
  cancel: () => void;
}

export function roleChoice(ctx: ViewContext, o: RoleChoiceOptions): TemplateResult {
  const { t } = ctx.i18n;
  const id = ctx.id('role');
  const error = o.missing ? t('roleRequired') : undefined;
  return html`<form part="form" novalidate aria-labelledby=${ctx.id('heading')} @submit=${o.submit}
    @change=${(e: Event) => o.choose((e.target as HTMLInputElement).value)}>
    ${ctx.heading(t('chooseRoleHeading'), { id: ctx.id('heading') })}
    ${o.summary && error ? errorSummary(ctx.id('summary'), t('errorSummary'), [{ id, message: error }], ctx) : nothing}
    ${choices({
      id,
      name: 'role',
      legend: t('role'),
      required: true,
      value: o.value,
      options: kinds.map((k) => ({ value: k, label: t(`role_${k}`) })),
      errorPrefix: t('errorPrefix'),
      ...(error && { error }),
    })}
    <div class="famille-actions">
      ${submitButton(t('continue'), '', false)}
      <button type="button" class="famille-link" part="link" @click=${o.cancel}>${t('cancel')}</button>
    </div>
  </form>`;
}
