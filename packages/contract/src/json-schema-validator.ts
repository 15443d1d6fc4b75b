// A small validator for the JSON Schema subset that zod's `toJSONSchema` emits for the
// contract. Browser bundles use it in place of zod (whose core alone costs ~8 KB gzip),
// with schemas generated from the contract at build time: same rules, one source.
// Issues are shaped like zod's, so `issuesToFieldErrors` reads both.

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  /** `true`: every property (the browser build writes it so when they all are). */
  required?: string[] | true;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
}

export interface ValidationIssue {
  code: 'invalid_type' | 'too_small' | 'too_big' | 'invalid_format' | 'invalid_value' | 'invalid_union';
  path: (string | number)[];
  message: string;
  input?: unknown;
  origin?: string;
  expected?: string;
  minimum?: number;
  maximum?: number;
  format?: string;
}

export type SafeParseResult<T> = { success: true; data: T; error?: undefined } | { success: false; data?: undefined; error: { issues: ValidationIssue[] } };

export interface CompiledSchema<T = unknown> {
  safeParse(data: unknown): SafeParseResult<T>;
  parse(data: unknown): T;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return actual === 'number' && Number.isFinite(value);
  return actual === type;
}

/**
 * Issues of checks on a value of the right type (zod carries on after them), as opposed to
 * type mismatches. Measured on zod 4: an array's maximum length aborts like a type mismatch.
 */
const checkCodes = new Set(['too_small', 'too_big', 'invalid_format']);

function check(schema: JsonSchema, value: unknown, path: (string | number)[], issues: ValidationIssue[]): void {
  const issue = (fields: Omit<ValidationIssue, 'path' | 'message'>) => issues.push({ ...fields, path, message: 'Invalid input' });

  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const key = discriminatorOf(options);
    if (key === undefined) {
      const results = options.map((option) => validate(option, value));
      if (results.some((result) => result.length === 0)) return;
      // As zod: when exactly one option failed only on its checks (its type matched: a string
      // too long), that option's issues are reported; otherwise the union is invalid as a whole.
      const typeMatched = results.filter((result) => result.every((i) => checkCodes.has(i.code) && !(i.code === 'too_big' && i.origin === 'array')));
      if (typeMatched.length === 1) for (const i of typeMatched[0]!) issues.push({ ...i, path: [...path, ...i.path] });
      else issue({ code: 'invalid_union', input: value });
      return;
    }
    // A discriminated union: the branch named by the key alone decides, as in zod.
    if (typeOf(value) !== 'object') return void issue({ code: 'invalid_type', expected: 'object', input: value });
    const branch = options.find((option) => option.properties![key]!.const === (value as Record<string, unknown>)[key]);
    if (branch) check(branch, value, path, issues);
    else issues.push({ code: 'invalid_union', path: [...path, key], input: value, message: 'Invalid input' });
    return;
  }
  if ('const' in schema && value !== schema.const) return void issue({ code: 'invalid_value', input: value });
  if (schema.enum && !schema.enum.includes(value)) return void issue({ code: 'invalid_value', input: value });

  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type);
  if (types.length && !types.some((type) => matchesType(value, type))) {
    return void issue({ code: 'invalid_type', expected: types.join('|'), input: value });
  }

  if (typeof value === 'string') {
    const origin = 'string';
    if (schema.minLength !== undefined && value.length < schema.minLength) issue({ code: 'too_small', origin, minimum: schema.minLength, input: value });
    if (schema.maxLength !== undefined && value.length > schema.maxLength) issue({ code: 'too_big', origin, maximum: schema.maxLength, input: value });
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
      issue({ code: 'invalid_format', format: schema.format ?? 'regex', input: value });
    }
  } else if (typeof value === 'number') {
    const origin = 'number';
    const low = schema.exclusiveMinimum ?? schema.minimum;
    const high = schema.exclusiveMaximum ?? schema.maximum;
    if (low !== undefined && (schema.exclusiveMinimum !== undefined ? value <= low : value < low))
      issue({ code: 'too_small', origin, minimum: low, input: value });
    if (high !== undefined && (schema.exclusiveMaximum !== undefined ? value >= high : value > high))
      issue({ code: 'too_big', origin, maximum: high, input: value });
  } else if (Array.isArray(value)) {
    const origin = 'array';
    if (schema.minItems !== undefined && value.length < schema.minItems) issue({ code: 'too_small', origin, minimum: schema.minItems, input: value });
    if (schema.maxItems !== undefined && value.length > schema.maxItems) issue({ code: 'too_big', origin, maximum: schema.maxItems, input: value });
    if (schema.items) value.forEach((item, index) => check(schema.items!, item, [...path, index], issues));
  } else if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const required = schema.required === true ? Object.keys(schema.properties ?? {}) : (schema.required ?? []);
    // Declared properties first, in declaration order, as zod reports them.
    for (const [key, rule] of Object.entries(schema.properties ?? {})) {
      if (record[key] !== undefined) check(rule, record[key], [...path, key], issues);
      else if (required.includes(key)) issues.push({ code: 'invalid_type', path: [...path, key], input: undefined, message: 'Invalid input' });
    }
    // Other keys are checked only by a record's rule; otherwise tolerated (zod strips
    // them), so that a newer server stays readable.
    if (typeof schema.additionalProperties === 'object') {
      for (const [key, child] of Object.entries(record)) {
        if (!schema.properties?.[key] && child !== undefined) check(schema.additionalProperties, child, [...path, key], issues);
      }
    }
  }
}

/** The property whose constant tells the options of a union apart, if they all have one. */
function discriminatorOf(options: JsonSchema[]): string | undefined {
  const first = options[0]?.properties;
  if (!first) return undefined;
  return Object.keys(first).find((key) => options.every((option) => option.properties?.[key] && 'const' in option.properties[key]));
}

function validate(schema: JsonSchema, value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  check(schema, value, [], issues);
  return issues;
}

export function compile<T = unknown>(schema: JsonSchema): CompiledSchema<T> {
  const safeParse = (data: unknown): SafeParseResult<T> => {
    const issues = validate(schema, data);
    return issues.length ? { success: false, error: { issues } } : { success: true, data: data as T };
  };
  return {
    safeParse,
    parse(data) {
      const result = safeParse(data);
      if (!result.success) throw Object.assign(new TypeError('Invalid input'), { issues: result.error.issues });
      return result.data;
    },
  };
}
