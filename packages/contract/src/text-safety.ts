import type { FieldError } from './problem.ts';

/**
 * Fields that take several lines (textareas): tabs and line breaks are allowed there, and
 * in passwords as typed; everywhere else a string is one line.
 */
export const multilineFields: readonly string[] = ['observations', 'comment', 'password', 'body'];

// C0 control characters but tab, line feed and carriage return, and DEL.
// eslint-disable-next-line no-control-regex -- matching control characters is its purpose
const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const lineBreakOrTab = /[\t\n\r]/;
// Half of a surrogate pair without its other half: not text in any encoding.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Field errors (`invalid_characters`) for every string of a request — body, query or path
 * parameter, object keys included — that holds a control character, a lone surrogate (not
 * text: PostgreSQL refuses it), or, outside `multilineFields`, a tab or a line break. The
 * server checks this before the schemas, so no such value reaches storage, logs or e-mails.
 */
export function unsafeTextErrors(value: unknown, path: readonly (string | number)[] = []): FieldError[] {
  const errors: FieldError[] = [];
  const check = (text: string, at: readonly (string | number)[]) => {
    const field = at.findLast((part): part is string => typeof part === 'string');
    const multiline = field !== undefined && multilineFields.includes(field);
    if (control.test(text) || loneSurrogate.test(text) || (!multiline && lineBreakOrTab.test(text)))
      errors.push({ path: at.join('.'), code: 'invalid_characters' });
  };
  // A stack, not recursion: a body of 5,000 nested arrays must not overflow ours.
  const pending: [unknown, readonly (string | number)[]][] = [[value, path]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, at] = next;
    if (typeof item === 'string') check(item, at);
    else if (Array.isArray(item)) item.forEach((entry, index) => pending.push([entry, [...at, index]]));
    else if (typeof item === 'object' && item !== null) {
      for (const [key, entry] of Object.entries(item)) {
        check(key, [...at, key]);
        pending.push([entry, [...at, key]]);
      }
    }
  }
  return errors;
}
