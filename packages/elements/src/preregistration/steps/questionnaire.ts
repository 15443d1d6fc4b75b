// Step 5: the tenant's questionnaire, rendered from its configuration (yes/no, one
// option, several boxes): another town's questions need no code change.
import { html, nothing, type TemplateResult } from 'lit';
import type { Question } from '@famille/contract';
import { choices } from '../../form/field.ts';
import type { Localizer } from '../../i18n/localize.ts';
import { local, type PreregistrationHost, type ViewHost } from '../host.ts';
import type { AllPreregistrationMessages } from '../messages.ts';
import type { Answer } from '../state.ts';
import { clearError, fieldError, isAnswerFixed } from '../validation.ts';

export function renderQuestionnaireStep(host: ViewHost): TemplateResult {
  return html`${host.config.questionnaire.map((q) => renderQuestion(host, q))}`;
}

function renderQuestion(host: ViewHost, q: Question): TemplateResult {
  const { i18n } = host;
  const { t } = i18n;
  const id = host.ids.field(`answers.${q.id}`);
  const error = fieldError(host, `answers.${q.id}`);
  const answer = host.values.answers[q.id];
  const hint = q.hint ? local(i18n, q.hint) : undefined;
  if (q.kind !== 'multiple') {
    const options =
      q.kind === 'yesNo'
        ? [
            { value: 'true', label: t('yes') },
            { value: 'false', label: t('no') },
          ]
        : q.options.map((o) => ({ value: o.id, label: local(i18n, o.label) }));
    return choices({
      id,
      name: `q-${q.id}`,
      legend: local(i18n, q.label),
      ...(hint && { hint }),
      required: q.required,
      value: answer === undefined ? undefined : String(answer),
      options,
      ...(error && { error }),
      errorPrefix: t('errorPrefix'),
    });
  }
  const selected = Array.isArray(answer) ? answer : [];
  const hintId = `${id}-hint`;
  const describedBy = [hintId, error ? `${id}-error` : ''].join(' ').trim();
  return html`<fieldset class="famille-field famille-checkboxes ${error ? 'famille-field--error' : ''}" part="field" aria-describedby=${describedBy}>
    <legend part="label">${local(i18n, q.label)}${q.minSelected > 0 ? html`<span class="famille-required" aria-hidden="true"> *</span>` : nothing}</legend>
    <p id=${hintId} class="famille-hint" part="hint">${hint ? `${hint}. ` : ''}${q.minSelected > 0 ? t('minBoxesHint', { minimum: q.minSelected }) : ''}</p>
    ${error ? html`<p id="${id}-error" class="famille-error" part="error"><span class="famille-sr">${t('errorPrefix')}</span>${error}</p>` : nothing}
    <div class="famille-boxes">
      ${q.options.map(
        (o, i) => html`<label class="famille-choice"><input type="checkbox" id=${i ? `${id}-${o.id}` : id} name="q-${q.id}" .value=${o.id}
          .checked=${selected.includes(o.id)} />${local(i18n, o.label)}</label>`,
      )}
    </div>
  </fieldset>`;
}

/** A radio or a box of question `q-<id>` changed: its answer is what the inputs show. */
export function questionAnswered(host: PreregistrationHost, input: HTMLInputElement | HTMLSelectElement): void {
  const q = host.config.questionnaire.find((x) => `q-${x.id}` === input.name);
  if (!q) return;
  let answer: Answer;
  if (q.kind === 'multiple') {
    const boxes = [...host.element.querySelectorAll<HTMLInputElement>(`input[name="${input.name}"]`)];
    answer = boxes.filter((b) => b.checked).map((b) => b.value);
  } else answer = q.kind === 'yesNo' ? input.value === 'true' : input.value;
  host.setValues({ answers: { ...host.values.answers, [q.id]: answer } });
  clearError(host, `answers.${q.id}`, isAnswerFixed(host.config, host.values, q.id));
}

/** An answer as the review shows it: "Oui", the options' labels, or "Non renseigné". */
export function answerText(i18n: Localizer<AllPreregistrationMessages>, q: Question, a: Answer | undefined): string {
  const { t } = i18n;
  if (q.kind === 'yesNo') return a === undefined ? t('notGiven') : t(a === true ? 'yes' : 'no');
  const ids = Array.isArray(a) ? a : typeof a === 'string' ? [a] : [];
  const labels = ids
    .map((id) => q.options.find((o) => o.id === id))
    .filter((o) => !!o)
    .map((o) => local(i18n, o.label));
  return labels.length ? labels.join(', ') : t('notGiven');
}
