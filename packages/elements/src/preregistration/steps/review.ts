// Step 6: check your answers, each with "Modifier" (RGAA 11.12), before "Valider".
import { html, type TemplateResult } from 'lit';
import { typedToIso } from '../../form/dates.ts';
import { go, local, type PreregistrationHost } from '../host.ts';
import { childName, Step } from '../state.ts';
import { structureOf } from './choices.ts';
import { answerText } from './questionnaire.ts';

export function renderReviewStep(host: PreregistrationHost): TemplateResult {
  const { i18n, config, values, state, ids } = host;
  const { t, date } = i18n;
  const iso = typedToIso(values.startDate);
  const row = (label: string, value: TemplateResult | string, step: Step) => html`<div class="famille-review-row">
    <dt>${label}</dt>
    <dd>${value}</dd>
    <dd><a href="#${ids.heading}" part="link" data-change=${step} @click=${(e: Event) => change(host, e, step)}
      >${t('change')}<span class="famille-sr"> ${label}</span></a></dd>
  </div>`;
  const chosen = values.choices.filter((r) => r.value);
  const docs = config.documents.map((d) => {
    const sent = (values.docs[d.type] ?? []).find((u) => u.info);
    return `${local(i18n, d.label)} : ${sent ? sent.name : t('notGiven')}`;
  });
  return html`<p>${t('reviewIntro')}</p>
    <dl class="famille-review" part="review">
      ${row(t('child'), childName(state, values.childId, t('futureChild')), Step.Child)}
      ${row(t('startDate'), iso ? date(iso) : t('notGiven'), Step.Date)}
      ${row(
        t('choicesSection'),
        chosen.length ? html`<ol>${chosen.map((r) => html`<li>${structureOf(config, r.value)?.name ?? r.value}</li>`)}</ol>` : t('notGiven'),
        Step.Choices,
      )}
      ${row(t('observations'), values.observations.trim() || t('notGiven'), Step.Choices)}
      ${row(t('documentsHeading'), html`<ul>${docs.map((d) => html`<li>${d}</li>`)}</ul>`, Step.Documents)}
      ${config.questionnaire.map((q) => row(local(i18n, q.label), answerText(i18n, q, values.answers[q.id]), Step.Questionnaire))}
    </dl>`;
}

/** "Modifier": the step, then back here on "Continuer". */
function change(host: PreregistrationHost, e: Event, step: Step): void {
  e.preventDefault();
  go(host, step, { fromReview: true });
}
