// Importing invoices from the billing software: a CSV (one row per invoice line) or a JSON
// array of InvoiceInput. All or nothing: every row is checked first, every invoice is
// written in one transaction, and any error writes nothing and names its line and field.
// `scripts/import-invoices.ts` is the command-line wrapper; tests call `importInvoices`.
import { and, eq, inArray } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { InvoiceInput, issuesToFieldErrors, type FieldError } from '@famille/contract';
import type * as z from 'zod/mini';
import { resolveDeps, type AppContext, type AppDeps } from '../deps.ts';
import { findFamiliesByIdentifiantOrEmail } from '../db/accounts.ts';
import { invoices } from '../db/schema.ts';
import { uniqueViolation } from '../db/errors.ts';
import { isUuid } from '../family/views.ts';
import type { QueuedMail } from '../mail/outbox.ts';
import type { Tenant } from '../tenants/registry.ts';
import { checkInvoices, optedInChildren, publishInvoice } from './invoices.ts';

/** One problem of the file: where (CSV: the physical line, header = 1; JSON: the invoice's position, from 1), which field, what. */
export interface ImportError {
  readonly line: number;
  /** "line 4" (CSV) or "invoice 2" (JSON). */
  readonly where: string;
  /** The CSV column, or the InvoiceInput path (`lines.0.quantity`) for JSON. */
  readonly field: string;
  readonly message: string;
}

export interface ImportedInvoice {
  /** Absent in a dry run when the tenant's numbering will choose it. */
  readonly number?: string;
  readonly familyId: string;
  readonly totalCents: number;
  readonly lines: number;
  /** A "votre facture est disponible" e-mail was queued (a child opted in to electronic invoices). */
  readonly mailed: boolean;
}

export type ImportResult =
  | { readonly ok: true; readonly dryRun: boolean; readonly invoices: readonly ImportedInvoice[] }
  | { readonly ok: false; readonly errors: readonly ImportError[] };

export interface ImportOptions {
  /** Check everything, write nothing. */
  readonly dryRun?: boolean;
}

/**
 * The CSV columns. `family`: the family's id, or a parent's identifiant or e-mail.
 * `childcare` (optional column): "frais de garde", counted in the attestation fiscale (see `yesNo`).
 */
const CSV_COLUMNS = ['family', 'number', 'issuedOn', 'dueOn', 'childId', 'childLabel', 'activity', 'period', 'quantity', 'unitPrice', 'childcare'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly Column[] = ['family', 'issuedOn', 'dueOn', 'childLabel', 'activity', 'period', 'quantity', 'unitPrice'];

/**
 * Euros as written in a spreadsheet ("12,35", "12.35", "1 234,5", "7 €") to integer cents,
 * by string arithmetic only (never a float): `undefined` when it is not an amount with at
 * most two decimals.
 */
export function eurosToCents(text: string): number | undefined {
  const match = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, ''));
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** "42,5" or "42.5" → 42.5 (the server then checks at most two decimals); `undefined` otherwise. */
function decimal(text: string): number | undefined {
  return /^\d+(?:[.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : undefined;
}

/** oui/non, true/false, 1/0 (any case) → a boolean; empty → true (the default); `undefined` otherwise. */
function yesNo(text: string): boolean | undefined {
  const value = text.toLowerCase();
  if (value === '' || value === 'oui' || value === 'true' || value === '1') return true;
  if (value === 'non' || value === 'false' || value === '0') return false;
  return undefined;
}

/** YYYY-MM-DD as is; DD/MM/YYYY (French spreadsheets) turned into it. Anything else is left for the schema to refuse. */
function isoDate(text: string): string {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : text;
}

/** An invoice read from the file, before its family reference is resolved and it is validated. */
interface Draft {
  readonly familyRef: string;
  readonly input: Record<string, unknown> & { lines: Record<string, unknown>[] };
  /** Where a field error of this invoice points in the file. */
  locate(path: string): { line: number; where: string; field: string };
}

type Parsed = { drafts: Draft[]; errors: ImportError[] };

const csvError = (line: number, field: string, message: string): ImportError => ({ line, where: `line ${line}`, field, message });

/**
 * Rows to invoices: rows with the same `number` make one invoice (they must agree on
 * family and dates); rows without a number are grouped by family, issue and due dates.
 * The separator is `;` (French spreadsheets) when the header has one, else `,` (then
 * quote decimal commas: "12,35"); a UTF-8 BOM is ignored.
 */
function parseInvoiceCsv(text: string): Parsed {
  const errors: ImportError[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      columns: (header: string[]) =>
        header.map((h) => CSV_COLUMNS.find((c) => c.toLowerCase() === h.trim().toLowerCase()) ?? (h.trim().toLowerCase() === 'familyid' ? 'family' : h.trim())),
      // From the header line: with `;` (French spreadsheets), "12,35" needs no quotes.
      delimiter: (text.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',',
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { drafts: [], errors: [csvError(line, '', `unreadable CSV: ${(error as Error).message}`)] };
  }
  if (records.length === 0) return { drafts: [], errors: [csvError(1, '', 'no invoice line in the file')] };
  const missing = REQUIRED_COLUMNS.filter((c) => !(c in records[0]!.record));
  if (missing.length > 0) return { drafts: [], errors: missing.map((c) => csvError(1, c, `missing column (columns: ${CSV_COLUMNS.join(', ')})`)) };

  const groups = new Map<string, { draft: Draft; rowLines: number[]; headerLine: number; family: string; issuedOn: string; dueOn: string }>();
  for (const { record, info } of records) {
    const line = info.lines;
    const get = (c: Column) => record[c] ?? '';
    const quantity = decimal(get('quantity'));
    const unitPriceCents = eurosToCents(get('unitPrice'));
    if (get('quantity') !== '' && quantity === undefined) errors.push(csvError(line, 'quantity', `not a number: "${get('quantity')}"`));
    if (get('unitPrice') !== '' && unitPriceCents === undefined)
      errors.push(csvError(line, 'unitPrice', `not an amount in euros with at most two decimals: "${get('unitPrice')}"`));
    const childcare = yesNo(get('childcare'));
    if (childcare === undefined) errors.push(csvError(line, 'childcare', `not oui or non (true/false, 1/0; empty: oui): "${get('childcare')}"`));
    const family = get('family');
    const issuedOn = isoDate(get('issuedOn'));
    const dueOn = isoDate(get('dueOn'));
    const number = get('number');
    const key = number ? `number:${number}` : `family:${family.toLowerCase()}|${issuedOn}|${dueOn}`;
    let group = groups.get(key);
    if (!group) {
      const rowLines: number[] = [];
      const headerLine = line;
      const draft: Draft = {
        familyRef: family,
        input: { familyId: family, ...(number && { number }), issuedOn, dueOn, lines: [] },
        locate(path) {
          const [head, index, field] = path.split('.');
          if (head === 'lines' && index !== undefined && rowLines[Number(index)] !== undefined) {
            const column = field === 'unitPriceCents' ? 'unitPrice' : (field ?? '');
            return { line: rowLines[Number(index)]!, where: `line ${rowLines[Number(index)]}`, field: column };
          }
          return { line: headerLine, where: `line ${headerLine}`, field: head === 'familyId' ? 'family' : (head ?? '') };
        },
      };
      group = { draft, rowLines, headerLine, family, issuedOn, dueOn };
      groups.set(key, group);
    } else {
      for (const [column, value, expected] of [
        ['family', family.toLowerCase(), group.family.toLowerCase()],
        ['issuedOn', issuedOn, group.issuedOn],
        ['dueOn', dueOn, group.dueOn],
      ] as const) {
        if (value !== expected) errors.push(csvError(line, column, `differs from line ${group.headerLine} of the same invoice ${number} ("${expected}")`));
      }
    }
    group.rowLines.push(line);
    group.draft.input.lines.push({
      ...(get('childId') && { childId: get('childId') }),
      childLabel: get('childLabel'),
      activity: get('activity'),
      period: get('period'),
      ...(quantity !== undefined && { quantity }),
      ...(unitPriceCents !== undefined && { unitPriceCents }),
      ...(childcare === false && { childcare }),
    });
  }
  return { drafts: [...groups.values()].map((g) => g.draft), errors };
}

/** A JSON array of InvoiceInput (`familyId` may also be a parent's identifiant or e-mail). */
function parseInvoiceJson(text: string): Parsed {
  const at = (index: number, path: string) => ({ line: index + 1, where: `invoice ${index + 1}`, field: path });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { drafts: [], errors: [{ line: 1, where: 'file', field: '', message: `unreadable JSON: ${(error as Error).message}` }] };
  }
  if (!Array.isArray(data) || data.length === 0)
    return { drafts: [], errors: [{ line: 1, where: 'file', field: '', message: 'expected a non-empty array of invoices' }] };
  return {
    drafts: data.map((item, index) => {
      const input = (typeof item === 'object' && item !== null ? item : {}) as Draft['input'];
      return { familyRef: typeof input['familyId'] === 'string' ? input['familyId'] : '', input, locate: (path) => at(index, path) };
    }),
    errors: [],
  };
}

const messages: Partial<Record<FieldError['code'], (params: NonNullable<FieldError['params']>) => string>> = {
  required: () => 'required',
  invalid_format: (p) => (p['decimals'] !== undefined ? `at most ${String(p['decimals'])} decimals` : 'invalid format'),
  invalid_type: () => 'wrong type',
  too_small: (p) => (p['minimum'] !== undefined ? `too small (minimum ${String(p['minimum'])})` : 'too small'),
  too_large: (p) => (p['maximum'] !== undefined ? `too large (maximum ${String(p['maximum'])})` : 'too large'),
  too_short: () => 'too short',
  too_long: (p) => (p['maximum'] !== undefined ? `too long (maximum ${String(p['maximum'])})` : 'too long'),
  unknown_reference: () => 'not a child of this family',
  taken: () => 'this number appears twice in the file',
};
const describe = (error: FieldError) =>
  error.code === 'unknown_reference' && error.path === 'familyId'
    ? 'no such family in this tenant (give the family id, or a parent’s identifiant or e-mail)'
    : (messages[error.code]?.(error.params ?? {}) ?? error.code);

/** Families by the references the file uses: ids as they are, identifiants and e-mails through the tenant's accounts (one query). */
async function resolveFamilies(app: AppContext, tenantId: string, refs: readonly string[]): Promise<Map<string, string>> {
  const resolved = await findFamiliesByIdentifiantOrEmail(app.db, tenantId, [...new Set(refs.filter((r) => r !== '' && !isUuid(r)))]);
  for (const ref of refs) if (isUuid(ref)) resolved.set(ref, ref);
  return resolved;
}

/**
 * Imports invoices into a tenant, all or nothing. Every invoice is validated by the
 * contract's InvoiceInput schema, then checked like the agent route does (family, children,
 * decimals, dates, numbers not taken); only a file without any error is written, in ONE
 * transaction, through the same `publishInvoice` as the agent route (numbering and
 * "votre facture est disponible" e-mails included).
 */
export async function importInvoices(
  deps: AppDeps,
  tenant: Tenant,
  source: { readonly format: 'csv' | 'json'; readonly text: string },
  options: ImportOptions = {},
): Promise<ImportResult> {
  const app = resolveDeps(deps);
  const tenantId = tenant.config.id;
  const parsed = source.format === 'csv' ? parseInvoiceCsv(source.text) : parseInvoiceJson(source.text);
  const errors = [...parsed.errors];
  const report = (draft: Draft, error: FieldError) => errors.push({ ...draft.locate(error.path), message: describe(error) });

  const families = await resolveFamilies(
    app,
    tenantId,
    parsed.drafts.map((d) => d.familyRef),
  );
  const valid: { draft: Draft; body: z.output<typeof InvoiceInput> }[] = [];
  for (const draft of parsed.drafts) {
    const familyId = families.get(draft.familyRef);
    if (draft.familyRef !== '' && !familyId) {
      report(draft, { path: 'familyId', code: 'unknown_reference' });
      continue;
    }
    const result = InvoiceInput.safeParse({ ...draft.input, ...(familyId && { familyId }) }, { reportInput: true });
    if (!result.success) issuesToFieldErrors(result.error.issues).forEach((e) => report(draft, e));
    else valid.push({ draft, body: result.data });
  }

  const checks = await checkInvoices(
    app.db,
    tenantId,
    valid.map((v) => v.body),
  );
  const ready = valid.flatMap((v, index) => {
    const check = checks[index]!;
    if (!check.checked) {
      check.fieldErrors.forEach((e) => report(v.draft, e));
      return [];
    }
    return [{ draft: v.draft, checked: check.checked }];
  });

  // Numbers: once in the file, and not already the tenant's.
  const seen = new Map<string, Draft>();
  for (const { draft, checked } of ready) {
    if (!checked.number) continue;
    const first = seen.get(checked.number);
    if (first) report(draft, { path: 'number', code: 'taken' });
    else seen.set(checked.number, draft);
  }
  if (seen.size > 0) {
    const taken = await app.db
      .select({ number: invoices.number })
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), inArray(invoices.number, [...seen.keys()])));
    for (const { number } of taken) errors.push({ ...seen.get(number)!.locate('number'), message: `the tenant already has an invoice ${number}` });
  }

  if (errors.length > 0) {
    // One error per field and line (an unreadable amount is also a missing one for the schema).
    const unique = errors.filter((e, index) => errors.findIndex((o) => o.where === e.where && o.field === e.field) === index);
    return { ok: false, errors: unique.sort((x, y) => x.line - y.line) };
  }
  if (options.dryRun) {
    return {
      ok: true,
      dryRun: true,
      invoices: ready.map(({ checked }) => ({
        ...(checked.number && { number: checked.number }),
        familyId: checked.familyId,
        totalCents: checked.totalCents,
        lines: checked.lines.length,
        mailed: false,
      })),
    };
  }

  const now = app.clock.now();
  let current: Draft | undefined;
  try {
    const written = await app.db.transaction(async (tx) => {
      const out: { imported: ImportedInvoice; mails: QueuedMail[] }[] = [];
      const optedIn = await optedInChildren(
        tx,
        tenantId,
        ready.map((r) => r.checked),
      );
      for (const { draft, checked } of ready) {
        current = draft;
        const published = await publishInvoice(tx, app, tenant, null, checked, now, optedIn);
        out.push({
          imported: {
            number: published.number,
            familyId: checked.familyId,
            totalCents: checked.totalCents,
            lines: checked.lines.length,
            mailed: published.mails.length > 0,
          },
          mails: published.mails,
        });
      }
      return out;
    });
    app.mailer.queued(written.flatMap((w) => w.mails));
    return { ok: true, dryRun: false, invoices: written.map((w) => w.imported) };
  } catch (error) {
    // Taken meanwhile (another import, an agent): the transaction rolled back whole.
    if (uniqueViolation(error) !== undefined && current)
      return { ok: false, errors: [{ ...current.locate('number'), message: 'the number was taken while importing: nothing was written' }] };
    throw error;
  }
}

/** The errors as the command line prints them, one a line. */
export function formatImportErrors(errors: readonly ImportError[]): string {
  return errors.map((e) => `${e.where}${e.field ? `, ${e.field}` : ''}: ${e.message}`).join('\n');
}
