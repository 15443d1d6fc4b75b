// Step 1: which of the family's children (born or expected) the request is for.
import { html, type TemplateResult } from 'lit';
import type { Member } from '@famille/contract';
import { choices } from '../../form/field.ts';
import { requestLink } from '../../form/login-link.ts';
import type { Localizer } from '../../i18n/localize.ts';
import { go, title, type PreregistrationHost, type ViewHost } from '../host.ts';
import type { AllPreregistrationMessages } from '../messages.ts';
import { childProfile } from '../drafts.ts';
import { childName, Step } from '../state.ts';
import { clearError, fieldError } from '../validation.ts';

/** "né(e) le 14/07/2025" or "naissance prévue le 01/03/2026". */
function birth({ t, date }: Localizer<AllPreregistrationMessages>, child: Member): string {
  const { dateNaissancePrevue: expected, dateNaissance: born } = childProfile(child);
  return expected ? t('expectedOn', { date: date(expected) }) : t('bornOn', { date: date(born ?? '') });
}

export function renderChildStep(host: ViewHost): TemplateResult {
  const { i18n, state, ids } = host;
  const { t } = i18n;
  const error = fieldError(host, 'childId');
  return choices({
    id: ids.field('childId'),
    name: 'child',
    legend: t('childLegend'),
    hint: t('childHint'),
    required: true,
    value: host.values.childId,
    options: state.children!.map((c) => ({ value: c.id, label: `${childName(state, c.id, t('futureChild'))} (${birth(i18n, c)})` })),
    ...(error && { error }),
    errorPrefix: t('errorPrefix'),
  });
}

/** No child declared: why, and the way to the entourage (the host page's, or the event only). */
export function renderNoChild(host: PreregistrationHost, entourageHref: string | undefined): TemplateResult {
  const { t } = host.i18n;
  return html`${title(host, t('childHeading'), Step.Child)}
    <div class="famille-empty">
      <p><strong>${t('noChildTitle')}</strong></p>
      <p>${t('noChildWhy')}</p>
    </div>
    <div class="famille-actions">
      ${requestLink(host.element, 'famille-entourage-requested', {}, entourageHref, t('toEntourage'))}
      <button type="button" class="famille-button famille-button--secondary" part="button" @click=${() => go(host, Step.Info)}>${t('back')}</button>
    </div>`;
}

export function childChosen(host: PreregistrationHost, childId: string): void {
  host.setValues({ childId });
  clearError(host, 'childId');
}
