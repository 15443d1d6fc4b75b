// "Adhésion à la facture en ligne": for each child, invoices online (with an e-mail) or on paper.
import { html, nothing, type TemplateResult } from 'lit';
import type { InvoicePreference } from '@famille/contract';
import { problemBox, submitButton } from '../form/field.ts';
import type { InvoicesState } from './state.ts';
import type { InvoicesView } from './view.ts';

export interface PreferencesOptions {
  /** The parent picked `electronic` for the child (not saved yet). */
  choose: (childId: string, electronic: boolean) => void;
  save: () => void;
}

/** The form, one radio group per child; nothing when the family has no child. */
export function preferencesSection(
  view: InvoicesView,
  { preferences, choices, savingChoices, choicesSaved, choicesProblem }: InvoicesState,
  { choose, save }: PreferencesOptions,
): TemplateResult | typeof nothing {
  const children = preferences ?? [];
  if (!children.length) return nothing;
  const { t } = view.i18n;
  const choice = (child: InvoicePreference, electronic: boolean) => html`<label class="famille-choice"
    ><input type="radio" name=${view.id(`paper-${child.childId}`)} .checked=${(choices.get(child.childId) ?? child.electronicInvoice) === electronic}
      @change=${() => choose(child.childId, electronic)} />${t(electronic ? 'electronicInvoice' : 'paperInvoice')}</label
  >`;
  const submit = (e: Event) => {
    e.preventDefault();
    save();
  };
  return html`<section class="famille-stack" part="preferences" aria-labelledby=${view.id('preferences')}>
    ${view.heading(t('preferencesHeading'), { depth: 1, id: view.id('preferences') })}
    <p class="famille-hint">${t('preferencesIntro')}</p>
    <form class="famille-stack" novalidate @submit=${submit}>
      ${children.map(
        (child) => html`<fieldset>
          <legend>${child.name}</legend>
          ${choice(child, true)} ${choice(child, false)}
        </fieldset>`,
      )}
      <p>${submitButton(t('saveChoices'), t('saving'), savingChoices)}</p>
    </form>
    <p role="status" class="famille-hint">${choicesSaved ? t('choicesSaved') : ''}</p>
    ${choicesProblem ? problemBox(view.i18n, choicesProblem, save) : nothing}
  </section>`;
}
