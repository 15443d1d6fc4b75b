// The server's answer above the form or the page: a confirmation (a new link sent), or a
// failure with "Réessayer" when sending again may work.
import { nothing, type TemplateResult } from 'lit';
import type { ApiError } from '@famille/sdk';
import { messageBox, retriable, secondaryButton } from '../form/field.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { AllCreateAccountMessages } from './messages.ts';
import type { WizardView } from './view.ts';

/** The state's confirmation or failure, if any; `retry` offered for a failure that may pass when sent again. */
export function renderServerAnswer(view: WizardView, retry?: () => void): TemplateResult | typeof nothing {
  const { t } = view.i18n;
  const { problem, notice } = view.state;
  if (notice) return messageBox(t(notice), { success: true });
  if (!problem) return nothing;
  if (problem === 'not_configured') return messageBox(t('notConfigured'), { prefix: t('errorPrefix') });
  return messageBox(problemText(view.i18n, problem), {
    prefix: t('errorPrefix'),
    action: retry && retriable(problem) ? secondaryButton(t('retry'), retry) : nothing,
  });
}

/** What a failure means for the parent (how long to wait, when they tried too often). */
export function problemText(i18n: Localizer<AllCreateAccountMessages>, problem: ApiError): string {
  return problem.code === 'too_many_attempts'
    ? i18n.t('too_many_attempts', { minutes: Math.max(1, Math.ceil((problem.problem?.retryAfterSeconds ?? 60) / 60)) })
    : i18n.problem(problem.code);
}
