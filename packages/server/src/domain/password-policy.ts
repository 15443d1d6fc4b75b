import type { PasswordPolicy } from '@famille/contract';

export type CharacterClass = PasswordPolicy['requiredClasses'][number];

/** A policy's rule that a password breaks, as a stable code the client can word. */
export type PasswordPolicyViolation =
  | { readonly rule: 'too_short'; readonly minimum: number }
  | { readonly rule: 'too_long'; readonly maximum: number }
  | { readonly rule: 'missing_class'; readonly class: CharacterClass }
  | { readonly rule: 'too_few_classes'; readonly minimum: number }
  | { readonly rule: 'common' };

/** CNIL délibération 2022-100, with access throttling: 8 characters from 3 of 4 classes. */
export const cnilPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  requiredClasses: [],
  minClasses: 3,
  rejectCommon: true,
};

// Passwords that top every leak list, plus the French favourites. Compared in lower case
// with digits and symbols stripped from the end, so "Azerty123!" is caught too.
const common = new Set(
  (
    'password motdepasse azerty qwerty soleil bonjour doudou loulou chouchou marseille ' +
    'nicolas camille vivelafrance iloveyou admin welcome famille enfant bebe princesse ' +
    'abc abcdef azertyuiop qwertyuiop letmein monkey dragon football jetaime'
  ).split(' '),
);

function characterClasses(password: string): Set<CharacterClass> {
  const classes = new Set<CharacterClass>();
  for (const char of password) {
    if (/\p{Ll}/u.test(char)) classes.add('lower');
    else if (/\p{Lu}/u.test(char)) classes.add('upper');
    else if (/\p{Nd}/u.test(char)) classes.add('digit');
    else classes.add('symbol');
  }
  return classes;
}

function isCommon(password: string): boolean {
  const lowered = password.toLowerCase();
  const stem = lowered.replace(/[\d\W_]+$/u, '');
  return /^(\d)\1*$/.test(password) || /^(?:0?123456789?0?|987654321?0?)$/.test(password) || common.has(lowered) || common.has(stem);
}

/** Every rule of the policy the password breaks (empty: acceptable). Lengths in code points. */
export function checkPasswordPolicy(policy: PasswordPolicy, password: string): PasswordPolicyViolation[] {
  const violations: PasswordPolicyViolation[] = [];
  const length = [...password].length;
  if (length < policy.minLength) violations.push({ rule: 'too_short', minimum: policy.minLength });
  if (length > policy.maxLength) violations.push({ rule: 'too_long', maximum: policy.maxLength });
  const classes = characterClasses(password);
  for (const required of policy.requiredClasses) {
    if (!classes.has(required)) violations.push({ rule: 'missing_class', class: required });
  }
  if (classes.size < policy.minClasses) violations.push({ rule: 'too_few_classes', minimum: policy.minClasses });
  if (policy.rejectCommon && isCommon(password)) violations.push({ rule: 'common' });
  return violations;
}
