import { html, nothing, type TemplateResult } from 'lit';
import { checkPassword, type PasswordPolicy, type PasswordRule } from '@famille/contract';
import type { Localizer } from '../i18n/localize.ts';
import type { PasswordRulesMessages } from '../i18n/password-rules.ts';

/** A localizer holding the checklist's words (i18n/password-rules.ts) among its own. */
type RulesT = Localizer<PasswordRulesMessages>['t'];

/** The words of one rule of the tenant's policy. */
function ruleText(t: RulesT, rule: PasswordRule): string {
  switch (rule.rule) {
    case 'min_length':
      return t('ruleMinLength', { minimum: rule.minimum });
    case 'max_length':
      return t('ruleMaxLength', { maximum: rule.maximum });
    case 'min_classes':
      return t('ruleMinClasses', { minimum: rule.minimum });
    default:
      return t(`rule_${rule.class}`);
  }
}

/**
 * The tenant's password policy as a live checklist, driven by the contract's
 * `checkPassword` (the very rules the server applies). The list is linked to the input
 * (`${id}-rules`, read on focus); a polite live region says "2 règles sur 3 respectées"
 * only when that count changes (its text is unchanged otherwise, so nothing is
 * re-announced per keystroke). The common-password rule is checked by the server.
 * Its words are not in the kit's common table: the element showing it spreads
 * `passwordRulesFr` (and `passwordRulesEn`) into its own.
 */
export function passwordChecklist(id: string, policy: PasswordPolicy | undefined, password: string, t: RulesT): TemplateResult {
  if (!policy) return html``;
  const checks = checkPassword(policy, password);
  const met = checks.filter((c) => c.met).length;
  return html`<div class="famille-checklist" part="checklist">
    <p id="${id}-rules-title">${t('rulesTitle')}</p>
    <ul id="${id}-rules" aria-labelledby="${id}-rules-title">
      ${checks.map(
        (c) => html`<li class=${c.met ? 'famille-met' : ''}>
          <span aria-hidden="true">${c.met ? '✓' : '•'}</span> ${ruleText(t, c.rule)}<span class="famille-sr"
            >${c.met ? t('ruleMet') : t('ruleUnmet')}</span
          >
        </li>`,
      )}
      ${policy.rejectCommon ? html`<li><span aria-hidden="true">•</span> ${t('ruleNotCommon')}</li>` : nothing}
    </ul>
    <p class="famille-sr" aria-live="polite">${password ? t('rulesMet', { met, total: checks.length }) : ''}</p>
  </div>`;
}
