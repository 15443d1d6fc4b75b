import type { PasswordPolicy } from './tenant.ts';

/** The four character classes, in the checklist's order; a tenant's policy names them too. */
export const characterClassNames = ['lower', 'upper', 'digit', 'symbol'] as const;
export type CharacterClass = (typeof characterClassNames)[number];

/** One rule of a tenant's password policy, as data the element can word. */
export type PasswordRule =
  | { readonly rule: 'min_length'; readonly minimum: number }
  | { readonly rule: 'max_length'; readonly maximum: number }
  | { readonly rule: 'class'; readonly class: CharacterClass }
  | { readonly rule: 'min_classes'; readonly minimum: number };

export interface PasswordRuleCheck {
  readonly rule: PasswordRule;
  readonly met: boolean;
}

/** The classes present in a password (letters by Unicode category, so "é" is lower case). */
export function characterClasses(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  for (const char of password) {
    if (/\p{Ll}/u.test(char)) classes.add('lower');
    else if (/\p{Lu}/u.test(char)) classes.add('upper');
    else if (/\p{Nd}/u.test(char)) classes.add('digit');
    else classes.add('symbol');
  }
  return classes;
}

/**
 * Every rule of the policy with whether the password meets it: the server refuses a
 * password when one is unmet, the element shows the list as a live checklist. Lengths
 * count code points. The common-password list is checked by the server only (its size).
 */
export function checkPassword(policy: PasswordPolicy, password: string): PasswordRuleCheck[] {
  const length = [...password].length;
  const classes = characterClasses(password);
  const checks: PasswordRuleCheck[] = [{ rule: { rule: 'min_length', minimum: policy.minLength }, met: length >= policy.minLength }];
  for (const required of policy.requiredClasses) checks.push({ rule: { rule: 'class', class: required }, met: classes.has(required) });
  if (policy.minClasses > policy.requiredClasses.length) {
    checks.push({ rule: { rule: 'min_classes', minimum: policy.minClasses }, met: classes.size >= policy.minClasses });
  }
  // Only shown once broken: nobody needs to be told about 128 characters up front.
  if (length > policy.maxLength) checks.push({ rule: { rule: 'max_length', maximum: policy.maxLength }, met: false });
  return checks;
}
