// English words of the password checklist, loaded with the English of the form showing it.
import type { PasswordRulesMessages } from './password-rules.ts';
import { plural } from './en.ts';

export const passwordRulesEn: PasswordRulesMessages = {
  rulesTitle: 'Your password must contain:',
  ruleMinLength: (p) => `at least ${plural(p.minimum, 'character')}`,
  ruleMaxLength: (p) => `at most ${plural(p.maximum, 'character')}`,
  ruleMinClasses: (p) => `at least ${p.minimum} kinds of characters among lower case, upper case, digits and symbols`,
  rule_lower: 'a lower-case letter',
  rule_upper: 'an upper-case letter',
  rule_digit: 'a digit',
  rule_symbol: 'a symbol',
  ruleNotCommon: 'not a common password (checked when sent)',
  ruleMet: ': met',
  ruleUnmet: ': not met yet',
  rulesMet: (p) => `${p.met} of ${p.total} rules met`,
};
