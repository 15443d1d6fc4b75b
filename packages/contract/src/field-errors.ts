import { fieldErrorCodes } from './codes.ts';
import type { FieldError, FieldErrorCode } from './problem.ts';

/** What `issuesToFieldErrors` reads of an issue: zod's, or the browser validator's. */
export interface IssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly format?: string;
  readonly input?: unknown;
  readonly keys?: readonly string[];
  readonly params?: Record<string, unknown>;
}

/** Turns validation issues into localizable field errors (shared by server and elements). */
export function issuesToFieldErrors(issues: readonly IssueLike[]): FieldError[] {
  return issues.map((issue): FieldError => {
    const path = issue.path.map(String).join('.');
    // Parsed with inputs reported: an absent value is "required", whatever rule it broke.
    if ('input' in issue && issue.input === undefined && issue.code !== 'unrecognized_keys') return { path, code: 'required' };
    switch (issue.code) {
      case 'too_small': {
        const minimum = Number(issue.minimum);
        if (issue.origin === 'string') {
          return minimum <= 1 ? { path, code: 'required' } : { path, code: 'too_short', params: { minimum } };
        }
        return { path, code: 'too_small', params: { minimum } };
      }
      case 'too_big': {
        const maximum = Number(issue.maximum);
        return issue.origin === 'string' ? { path, code: 'too_long', params: { maximum } } : { path, code: 'too_large', params: { maximum } };
      }
      case 'invalid_format':
        return { path, code: 'invalid_format', params: { format: String(issue.format) } };
      case 'invalid_type':
        // Without reported inputs, an absent field is the likeliest invalid_type.
        return 'input' in issue ? { path, code: 'invalid_type' } : { path, code: 'required' };
      case 'unrecognized_keys':
        return { path: [path, ...(issue.keys ?? [])].filter(Boolean).join('.'), code: 'unknown_field' };
      case 'custom': {
        const code = issue.params?.['code'];
        return { path, code: fieldErrorCodes.includes(code as FieldErrorCode) ? (code as FieldErrorCode) : 'invalid_value' };
      }
      default:
        return { path, code: 'invalid_value' };
    }
  });
}
