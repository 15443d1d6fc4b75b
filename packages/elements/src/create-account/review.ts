// "Vérifiez vos réponses": every answer by step, each with its "Modifier" link (RGAA 11.12).
import { html, type TemplateResult } from 'lit';
import { labelOf, steps, type FieldSpec, type Label } from './state.ts';
import { fieldId, type WizardView } from './view.ts';

/** Called by a "Modifier" link: back to `step`, focus on the input of `path`. */
export type ChangeAnswer = (event: Event, step: number, path: string) => void;

export function renderReview(view: WizardView, change: ChangeAnswer): TemplateResult {
  const { t } = view.i18n;
  const name = (f: FieldSpec) => (f.path === 'acceptCgu' ? t('cguNotice') : t(labelOf(f.path)));
  return html`<div class="famille-review" part="review">
    ${steps.map((s, step) => {
      const id = `${view.id}-review-${step}`;
      return html`<section aria-labelledby=${id}>
        ${view.heading(t(s.title), { depth: 1, id })}
        <dl>
          ${s.fields.map(
            (f) => html`<div class="famille-review-row">
              <dt>${name(f)}</dt>
              <dd>${shownAnswer(view, f)}</dd>
              <dd>
                <a href="#${fieldId(view.id, f.path)}" part="link" @click=${(e: Event) => change(e, step, f.path)}
                  >${t('change')}<span class="famille-sr"> ${name(f)}</span></a
                >
              </dd>
            </div>`,
          )}
        </dl>
      </section>`;
    })}
  </div>`;
}

/** An answer as the review shows it: never the password, an option by its label. */
function shownAnswer(view: WizardView, f: FieldSpec): string {
  const { t } = view.i18n;
  const value = view.values[f.path]?.trim();
  if (f.path === 'acceptCgu') return t('accepted');
  if (f.path === 'credentials.password') return t('hidden');
  if (!value) return t('notGiven');
  return f.options ? t(value as Label) : value;
}
