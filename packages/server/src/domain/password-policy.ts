import { checkPassword, type FieldError, type PasswordPolicy, type PasswordRule } from '@famille/contract';
import type { CommonPasswordList } from './common-passwords.ts';

/**
 * CNIL délibération 2022-100, case 2 (access throttled, as here): at least 8 characters
 * from 3 of the 4 classes. A space counts as a symbol, so a passphrase of words with one
 * capital or one digit qualifies at any length up to `maxLength`.
 */
export const cnilPasswordPolicy: PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  requiredClasses: [],
  minClasses: 3,
  rejectCommon: true,
};

export interface PasswordAssessment {
  /** The policy's rules the password breaks (the contract's `checkPassword`, shared with the element). */
  readonly unmet: readonly PasswordRule[];
  /** On the common-password list (checked by the server only: the list is large). */
  readonly common: boolean;
}

export function assessPassword(policy: PasswordPolicy, password: string, common: CommonPasswordList): PasswordAssessment {
  const unmet = checkPassword(policy, password)
    .filter((check) => !check.met)
    .map((check) => check.rule);
  return { unmet, common: policy.rejectCommon && common.has(password) };
}

/** The field error for a refused password, or `undefined` when it is acceptable. */
export function passwordFieldError(assessment: PasswordAssessment, path: string): FieldError | undefined {
  if (assessment.unmet.length > 0) return { path, code: 'too_weak' };
  if (assessment.common) return { path, code: 'too_common' };
  return undefined;
}
