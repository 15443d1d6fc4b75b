// The contract's functions. They must not use zod at run time: browser bundles replace
// the schemas with precompiled validators and keep this module as it is.
export { problemCodes, fieldErrorCodes } from './codes.ts';
export { checkPassword, characterClasses, characterClassNames, type CharacterClass, type PasswordRule, type PasswordRuleCheck } from './password-policy.ts';
export { buildPath } from './paths.ts';
export { formatDay, parisDate } from './dates.ts';
export { apiVersion, apiVersionHeader, apiVersionCompatible } from './version.ts';
export { issuesToFieldErrors, type IssueLike } from './field-errors.ts';
export { multilineFields, unsafeTextErrors } from './text-safety.ts';
export { answerAsIs } from './answer-as-is.ts';
export { compile, type CompiledSchema, type JsonSchema, type ValidationIssue } from './json-schema-validator.ts';
export {
  ageMismatch,
  documentRequired,
  monthsBetween,
  startDateProblem,
  type AgeMismatch,
  type ChildDates,
  type StartDateProblem,
} from './preregistration-rules.ts';
export { sameMember, type MemberIdentity } from './member-rules.ts';
export {
  careKinds,
  mensualise,
  participationFamiliale,
  tauxEffort,
  type CareKind,
  type Schedule,
  type TariffFailure,
  type TariffInput,
  type TariffResult,
} from './tariff-rules.ts';
export { documentExpired, documentValidUntil } from './document-rules.ts';
