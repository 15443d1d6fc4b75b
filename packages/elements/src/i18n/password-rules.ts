// Words of the password policy's checklist (src/form/password-checklist.ts), for the two
// forms that show it: <famille-create-account> and the login's new-password form (a
// module loaded on demand), so that the login page's first load does not carry them.
import { plural } from './fr.ts';

export const passwordRulesFr = {
  rulesTitle: 'Votre mot de passe doit contenir :',
  ruleMinLength: (p: { minimum: number }) => `au moins ${plural(p.minimum, 'caractère')}`,
  ruleMaxLength: (p: { maximum: number }) => `au plus ${plural(p.maximum, 'caractère')}`,
  ruleMinClasses: (p: { minimum: number }) => `au moins ${p.minimum} types de caractères parmi minuscules, majuscules, chiffres et caractères spéciaux`,
  rule_lower: 'une lettre minuscule',
  rule_upper: 'une lettre majuscule',
  rule_digit: 'un chiffre',
  rule_symbol: 'un caractère spécial',
  ruleNotCommon: 'pas un mot de passe courant (vérifié à l’envoi)',
  ruleMet: ' : respecté',
  ruleUnmet: ' : pas encore respecté',
  rulesMet: (p: { met: number; total: number }) => `${p.met} règle${p.met > 1 ? 's' : ''} sur ${p.total} respectée${p.met > 1 ? 's' : ''}`,
};
export type PasswordRulesMessages = typeof passwordRulesFr;
