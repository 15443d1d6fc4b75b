import { and, desc, eq, getTableColumns, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type {
  AgentInvoiceList,
  AgentInvoiceQuery,
  FieldError,
  Invoice,
  InvoiceInput,
  InvoiceLine,
  InvoiceList,
  InvoiceStatus,
  Payment,
  CounterPaymentInput,
} from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import { preparedPerDatabase, type Database } from '../db/database.ts';
import type { AuthenticatedAgent } from '../agents/auth.ts';
import { nextCounterValue } from '../db/counters.ts';
import { newUuid } from '../db/ids.ts';
import { uniqueViolation } from '../db/errors.ts';
import { families, familyMembers, invoiceCounters, invoicePreferences, invoices, paymentAllocations, payments } from '../db/schema.ts';
import { allocatePayment, formatInvoiceNumber, invoiceStatus, lineAmountCents } from '../domain/invoices.ts';
import { parisDate } from '../domain/paris-date.ts';
import { familyLabels, isUuid } from '../family/views.ts';
import { selectSessionWith } from '../db/sessions.ts';
import { JsonText } from '../http/endpoint.ts';
import { ProblemError } from '../http/problem.ts';
import { billingOf, type Tenant } from '../tenants/registry.ts';
import { pdfResponse, renderInvoicePdf } from './pdf.ts';
import { InvoiceListCache } from './list-cache.ts';
import { mailFamily, type QueuedMail } from '../mail/outbox.ts';
import { providerFor } from '../payments/provider.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

/** A family's list: the newest this many invoices, plus any older one with a balance. */
const LIST_LIMIT = 500;

/** Cents paid on each invoice (sum of the allocations). */
async function paidByInvoice(db: Database, tenantId: string, invoiceIds: readonly string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .select({ invoiceId: paymentAllocations.invoiceId, paid: sql<string>`sum(${paymentAllocations.amountCents})` })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.tenantId, tenantId), inArray(paymentAllocations.invoiceId, [...invoiceIds])))
    .groupBy(paymentAllocations.invoiceId);
  return new Map(rows.map((r) => [r.invoiceId, Number(r.paid)]));
}

/** Whether an online payment of the invoice of the row (`invoices` in the FROM) is under way: pending and not expired. */
const pendingSql = (now: Date | Placeholder) =>
  sql<boolean>`exists (select 1 from payment_transaction_invoices pti join payment_transactions pt on pt.tenant_id = pti.tenant_id and pt.id = pti.transaction_id
    where pti.tenant_id = invoices.tenant_id and pti.invoice_id = invoices.id and pt.status = 'pending' and pt.expires_at > ${now instanceof Date ? now.toISOString() : now}::timestamptz)`;

/** Invoices with an online payment under way. */
export async function invoicesWithPendingPayment(db: Database, tenantId: string, invoiceIds: readonly string[], now: Date): Promise<Set<string>> {
  if (invoiceIds.length === 0) return new Set();
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), inArray(invoices.id, [...invoiceIds]), pendingSql(now)));
  return new Set(rows.map((r) => r.id));
}

/** Cents paid on the invoice of the row (`invoices` in the FROM): a correlated subquery on an indexed column. */
const paidSql = sql<string>`coalesce((select sum(pa.amount_cents) from payment_allocations pa where pa.tenant_id = invoices.tenant_id and pa.invoice_id = invoices.id), 0)`;

/** `invoiceStatus()` (domain/invoices.ts) as a condition, so that a status filter pages in SQL. */
function statusSql(status: InvoiceStatus, today: string): SQL {
  const open = sql`${paidSql} < ${invoices.totalCents}`;
  const late = sql`${invoices.dueOn} < ${today}::date`;
  switch (status) {
    case 'reglee':
      return sql`${paidSql} >= ${invoices.totalCents}`;
    case 'en_retard':
      return sql`(${open} and ${late})`;
    case 'partiellement_reglee':
      return sql`(${open} and not ${late} and ${paidSql} > 0)`;
    case 'a_payer':
      return sql`(${open} and not ${late} and ${paidSql} <= 0)`;
  }
}

/** An invoice row with what was paid on it and whether an online payment of it is under way. */
type InvoiceRowWithBalance = InvoiceRow & { readonly paidCents: number; readonly pending: boolean };

/**
 * Invoices with their paid amount and pending flag in ONE query (correlated subqueries on
 * indexed columns): a list costs the same number of round trips whatever its length.
 */
async function invoicesWithBalances(
  db: Database,
  tenantId: string,
  where: SQL | undefined,
  now: Date,
  limit = LIST_LIMIT,
  offset = 0,
): Promise<InvoiceRowWithBalance[]> {
  const rows = await db
    .select({ ...getTableColumns(invoices), paid: paidSql, pending: pendingSql(now) })
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), where))
    .orderBy(desc(invoices.issuedOn), desc(invoices.number))
    .limit(limit)
    .offset(offset);
  return rows.map(withBalance);
}

const withBalance = ({ paid, pending, ...row }: InvoiceRow & { paid: string; pending: boolean }): InvoiceRowWithBalance => ({
  ...row,
  paidCents: Number(paid),
  pending: pending === true || (pending as unknown) === 't',
});

/** What the list shows of an invoice row. */
type ListedInvoice = Pick<InvoiceRowWithBalance, 'id' | 'number' | 'issuedOn' | 'dueOn' | 'lines' | 'totalCents' | 'paidCents' | 'pending'>;

/**
 * The family's newest LIST_LIMIT invoices with their balances, as one JSON array built by
 * the database (`accounts` in the FROM): no row-by-row decoding in Node.
 */
const newestInvoicesJson = sql<ListedInvoice[] | string>`(select coalesce(json_agg(i order by i."issuedOn" desc, i.number desc), '[]'::json)
  from (select invoices.id, invoices.number, invoices.issued_on as "issuedOn", invoices.due_on as "dueOn", invoices.lines,
      invoices.total_cents as "totalCents", ${paidSql} as "paidCents", ${pendingSql(sql.placeholder('now'))} as pending
    from invoices where invoices.tenant_id = accounts.tenant_id and invoices.family_id = accounts.family_id
    order by invoices.issued_on desc, invoices.number desc limit ${sql.raw(String(LIST_LIMIT))}) i)`;

/**
 * A session query (see `withSessionQuery`) that reads, in the session's own query, its
 * family's newest invoices and the `more` columns (`accounts` in the FROM): one round trip
 * to the database for the pages every parent opens. `name`: the prepared statement's.
 */
export function sessionWithFamilyInvoicesAnd<M extends Record<string, SQL.Aliased>>(name: string, more: M) {
  const statement = preparedPerDatabase((db) => selectSessionWith(db, { ...more, invoices: newestInvoicesJson.as('invoices') }).prepare(name));
  return async (app: AppContext, tenant: Tenant, tokenHash: string) => {
    const [row] = await statement(app.db).execute({ tenantId: tenant.config.id, tokenHash, now: app.clock.now().toISOString() });
    if (!row) return undefined;
    const joined = row as typeof row & { invoices: ListedInvoice[] | string };
    // node-postgres decodes json, PGlite may hand it over as text.
    return { ...joined, invoices: typeof joined.invoices === 'string' ? (JSON.parse(joined.invoices) as ListedInvoice[]) : joined.invoices };
  };
}

/**
 * The invoice list's second query, when the list kept (list-cache.ts) is not the current
 * one: per invoice, only what changes without the invoice
 * changing (paid amount, pending payment) and its row version (`xmin`), newest first, as
 * one text `id xmin paid pending,…` (`accounts` in the FROM). The rest of an invoice (its
 * number, dates, lines, total) is taken from `InvoiceFragments`: PostgreSQL neither turns
 * the lines into JSON nor does Node parse them and serialize them again at each request.
 * The aggregate sorts again what the subquery sorted to pick the newest: an aggregate's
 * input order is only guaranteed by its own ORDER BY.
 */
const newestInvoiceKeys = sql<
  string | null
>`(select string_agg(i.id::text || ' ' || i.xmin::text || ' ' || i.paid::text || case when i.pending then ' 1' else ' 0' end, ','
    order by i.issued_on desc, i.number desc)
  from (select invoices.id, invoices.xmin, invoices.issued_on, invoices.number, ${paidSql} as paid, ${pendingSql(sql.placeholder('now'))} as pending
    from invoices where invoices.tenant_id = accounts.tenant_id and invoices.family_id = accounts.family_id
    order by invoices.issued_on desc, invoices.number desc limit ${sql.raw(String(LIST_LIMIT))}) i)`;

/** When the family's soonest online payment under way expires (ms since the epoch), if any: its invoices stop being "en cours" then. */
const soonestPendingExpiry = sql<number | null>`(select (extract(epoch from min(pt.expires_at)) * 1000)::float8 from payment_transactions pt
  where pt.tenant_id = accounts.tenant_id and pt.family_id = accounts.family_id and pt.status = 'pending'
    and pt.expires_at > ${sql.placeholder('now')}::timestamptz)`;

const sessionWithInvoiceKeysStatement = preparedPerDatabase((db) =>
  selectSessionWith(db, { invoiceKeys: newestInvoiceKeys.as('invoice_keys'), pendingUntil: soonestPendingExpiry.as('pending_until') }).prepare(
    'session_with_family_invoice_keys',
  ),
);

/** The session of a token hash with its family's newest invoices' keys. */
async function sessionWithFamilyInvoiceKeys(app: AppContext, tenant: Tenant, tokenHash: string) {
  const [row] = await sessionWithInvoiceKeysStatement(app.db).execute({ tenantId: tenant.config.id, tokenHash, now: app.clock.now().toISOString() });
  return row;
}

/** The number of the family's billing changes (`accounts` in the FROM): the version of its invoice list. */
const billingVersion = sql<number>`(select count(*)::int from family_billing_changes c where c.tenant_id = accounts.tenant_id and c.family_id = accounts.family_id)`;

const sessionWithBillingVersionStatement = preparedPerDatabase((db) =>
  selectSessionWith(db, { billingVersion: billingVersion.as('billing_version') }).prepare('session_with_billing_version'),
);

/** The invoice list's session query: the session, and the version of its family's list (one index-only count). */
export async function sessionWithBillingVersion(app: AppContext, tenant: Tenant, tokenHash: string) {
  const [row] = await sessionWithBillingVersionStatement(app.db).execute({ tenantId: tenant.config.id, tokenHash });
  return row;
}

const listCaches = preparedPerDatabase(() => new InvoiceListCache());

/**
 * The family's invoice list: the one this process answered last while its version, the
 * Paris day and its payments under way are the same (list-cache.ts); else read (a second
 * query, plus a third for invoices this process has not seen) and kept.
 */
export async function invoiceList(
  app: AppContext,
  tenant: Tenant,
  session: { readonly familyId: string; readonly tokenHash: string },
  version: number,
): Promise<JsonText<InvoiceList>> {
  const now = app.clock.now();
  const today = parisDate(now);
  const cache = listCaches(app.db);
  const kept = cache.get(tenant.config.id, session.familyId, version, today, now.getTime());
  if (kept !== undefined) return new JsonText(kept);
  const row = await sessionWithFamilyInvoiceKeys(app, tenant, session.tokenHash);
  // Logged out between the two queries.
  if (!row) throw new ProblemError('unauthenticated', { headers: { 'WWW-Authenticate': 'Bearer' } });
  // Encoded once: at each request after, the bytes are copied to the socket as they are.
  const list = JsonText.of<InvoiceList>(await familyInvoicesJson(app, tenant, session.familyId, row.invoiceKeys));
  cache.set(tenant.config.id, session.familyId, { version, today, validUntil: row.pendingUntil ?? Infinity, body: list.body });
  return list;
}

/** An invoice as the list query reads it at each request. */
interface InvoiceKey {
  readonly id: string;
  readonly version: string;
  readonly paidCents: number;
  readonly pending: boolean;
}

function parseInvoiceKeys(text: string | null): InvoiceKey[] {
  if (!text) return [];
  return text.split(',').map((entry) => {
    const [id = '', version = '', paid = '', pending] = entry.split(' ');
    return { id, version, paidCents: Number(paid), pending: pending === '1' };
  });
}

/** What the list shows of an invoice whatever is paid on it. */
type FixedPart = Pick<ListedInvoice, 'id' | 'number' | 'issuedOn' | 'dueOn' | 'lines' | 'totalCents'>;

/** An invoice's fixed part as the list writes it (its JSON text without the closing brace), and what its status needs. */
interface InvoiceFragment {
  /** `{"id":…,"number":…,"issuedOn":…,"dueOn":…,"lines":[…],"totalCents":…` as `JSON.stringify` writes it. */
  readonly json: string;
  readonly dueOn: string;
  readonly totalCents: number;
}

/** How many invoice fragments a process keeps per database (about 1 kB each); the oldest go first. */
const INVOICE_FRAGMENTS_KEPT = 10_000;

/**
 * Invoice fragments by tenant, id and row version (`xmin`, which every UPDATE of the row
 * changes): an entry never goes stale, so that several instances on one PostgreSQL each
 * keep theirs without any invalidation. An invoice not seen yet costs one more query, once.
 */
class InvoiceFragments {
  readonly #entries = new Map<string, InvoiceFragment>();
  get(tenantId: string, key: InvoiceKey): InvoiceFragment | undefined {
    return this.#entries.get(`${tenantId} ${key.id} ${key.version}`);
  }
  set(tenantId: string, id: string, version: string, fragment: InvoiceFragment): void {
    if (this.#entries.size >= INVOICE_FRAGMENTS_KEPT) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(`${tenantId} ${id} ${version}`, fragment);
  }
}

const fragmentsOf = preparedPerDatabase(() => new InvoiceFragments());

function fragment({ id, number, issuedOn, dueOn, lines, totalCents }: FixedPart): InvoiceFragment {
  // The same keys in the same order as `invoiceView`'s first six.
  const json = JSON.stringify({ id, number, issuedOn, dueOn, lines, totalCents: Number(totalCents) });
  return { json: json.slice(0, -1), dueOn, totalCents: Number(totalCents) };
}

/** The fragments of `keys`, reading the ones this process has not seen yet (one query for all of them). */
async function invoiceFragments(db: Database, tenantId: string, keys: readonly InvoiceKey[]): Promise<(InvoiceFragment | undefined)[]> {
  const cache = fragmentsOf(db);
  const found = keys.map((key) => cache.get(tenantId, key));
  const missing = keys.filter((_, i) => !found[i]).map((key) => key.id);
  if (missing.length === 0) return found;
  // As the list read them before (json of the columns): the same values once parsed.
  const rows = await db
    .select({
      version: sql<string>`${invoices}.xmin::text`,
      json: sql<string>`json_build_object('id', ${invoices.id}, 'number', ${invoices.number}, 'issuedOn', ${invoices.issuedOn}, 'dueOn', ${invoices.dueOn}, 'lines', ${invoices.lines}, 'totalCents', ${invoices.totalCents})::text`,
    })
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), inArray(invoices.id, missing)));
  const read = new Map<string, InvoiceFragment>();
  for (const row of rows) {
    const fixed = JSON.parse(row.json) as FixedPart;
    const entry = fragment(fixed);
    cache.set(tenantId, fixed.id, row.version, entry);
    read.set(fixed.id, entry);
  }
  // An invoice deleted between the two queries (its family's) is left out, as if read after.
  return keys.map((key, i) => found[i] ?? read.get(key.id));
}

/**
 * `familyInvoices`' answer, serialized: from the list query's `keys` and the invoices'
 * cached fragments, the same text as `JSON.stringify(await familyInvoices(…))`.
 */
export async function familyInvoicesJson(app: AppContext, tenant: Tenant, familyId: string, keyText: string | null): Promise<string> {
  const keys = parseInvoiceKeys(keyText);
  const fragments = await invoiceFragments(app.db, tenant.config.id, keys);
  if (keys.length === LIST_LIMIT) {
    // Decades of invoices: the older open ones are added by `familyInvoices` (rare; not the fast path).
    const newest = keys.flatMap((key, i) => {
      const entry = fragments[i];
      return entry ? [{ ...(JSON.parse(`${entry.json}}`) as FixedPart), paidCents: key.paidCents, pending: key.pending }] : [];
    });
    return JSON.stringify(await familyInvoices(app, tenant, familyId, newest));
  }
  const today = parisDate(app.clock.now());
  let balanceDueCents = 0;
  const parts: string[] = [];
  keys.forEach((key, i) => {
    const entry = fragments[i];
    if (!entry) return;
    const { totalCents, dueOn } = entry;
    const { paidCents, pending } = key;
    const balanceCents = Math.max(0, totalCents - paidCents);
    balanceDueCents += balanceCents;
    const status = invoiceStatus({ totalCents, paidCents, dueOn }, today);
    // `invoiceView`'s last four keys, in its order.
    parts.push(`${entry.json},"paidCents":${paidCents},"balanceCents":${balanceCents},"status":${JSON.stringify(status)},"paymentPending":${pending}}`);
  });
  return `{"invoices":[${parts.join(',')}],"balanceDueCents":${balanceDueCents},"payment":${JSON.stringify(paymentOptions(app, tenant))}}`;
}

function invoiceView(row: ListedInvoice, today: string): Invoice {
  const totalCents = Number(row.totalCents);
  const paidCents = row.paidCents;
  return {
    id: row.id,
    number: row.number,
    issuedOn: row.issuedOn,
    dueOn: row.dueOn,
    lines: row.lines,
    totalCents,
    paidCents,
    balanceCents: Math.max(0, totalCents - paidCents),
    status: invoiceStatus({ totalCents, paidCents, dueOn: row.dueOn }, today),
    paymentPending: row.pending,
  };
}

function paymentOptions(app: AppContext, tenant: Tenant): InvoiceList['payment'] {
  const provider = providerFor(app, tenant);
  return {
    provider: provider ? billingOf(tenant).payment.provider : 'none',
    minimumCents: provider?.minimumCents ?? 0,
    counterMethods: ['especes', 'cheque', 'cesu'],
  };
}

/**
 * The family's invoices, newest first, with "Solde dû", from its `newest` LIST_LIMIT
 * (read with the session: `sessionWithFamilyInvoicesAnd`, or `familyInvoicesJson`). Past LIST_LIMIT (decades of monthly
 * invoices) the oldest settled ones are left out, never one with a balance: a second query
 * adds every open invoice, so that each stays payable and "Solde dû" counts it.
 */
export async function familyInvoices(app: AppContext, tenant: Tenant, familyId: string, newest: readonly ListedInvoice[]): Promise<InvoiceList> {
  const now = app.clock.now();
  const today = parisDate(now);
  let rows: readonly ListedInvoice[] = newest;
  if (rows.length === LIST_LIMIT) {
    const seen = new Set(rows.map((r) => r.id));
    const open = await invoicesWithBalances(
      app.db,
      tenant.config.id,
      and(eq(invoices.familyId, familyId), sql`${paidSql} < ${invoices.totalCents}`),
      now,
      Number.MAX_SAFE_INTEGER,
    );
    const older = open.filter((r) => !seen.has(r.id));
    if (older.length > 0) rows = [...rows, ...older];
  }
  const views = rows.map((row) => invoiceView(row, today));
  return { invoices: views, balanceDueCents: views.reduce((sum, v) => sum + v.balanceCents, 0), payment: paymentOptions(app, tenant) };
}

/** How many items a page of an agent's list answers when not told (the contract allows 1–200). */
export const AGENT_PAGE_DEFAULT = 50;

/**
 * The tenant's invoices for agents, newest first, each with its family: by family, status
 * (computed as the parent sees it) or exact number, one page at a time. Two queries
 * whatever the page's length (the invoices with their balances, the families' names).
 */
export async function agentInvoices(app: AppContext, tenant: Tenant, query: AgentInvoiceQuery): Promise<AgentInvoiceList> {
  const tenantId = tenant.config.id;
  // A family id that is not a uuid matches no family (the column refuses anything else).
  if (query.familyId !== undefined && !isUuid(query.familyId)) return { invoices: [] };
  const now = app.clock.now();
  const today = parisDate(now);
  const limit = query.limit ?? AGENT_PAGE_DEFAULT;
  const offset = query.offset ?? 0;
  const where = and(
    query.familyId !== undefined ? eq(invoices.familyId, query.familyId) : undefined,
    query.number !== undefined ? eq(invoices.number, query.number) : undefined,
    query.status !== undefined ? statusSql(query.status, today) : undefined,
  );
  // One more than the page: whether there is a next one, without counting them all.
  const rows = await invoicesWithBalances(app.db, tenantId, where, now, limit + 1, offset);
  const page = rows.slice(0, limit);
  const labels = await familyLabels(
    app.db,
    tenantId,
    page.map((r) => r.familyId),
  );
  return {
    invoices: page.map((row) => ({ invoice: invoiceView(row, today), family: { id: row.familyId, label: labels.get(row.familyId) ?? '' } })),
    ...(rows.length > limit && { nextOffset: offset + limit }),
  };
}

async function invoiceRow(db: Database, tenantId: string, id: string, familyId: string | undefined, now: Date): Promise<InvoiceRowWithBalance> {
  if (!isUuid(id)) throw new ProblemError('not_found');
  const [row] = await invoicesWithBalances(db, tenantId, and(eq(invoices.id, id), familyId ? eq(invoices.familyId, familyId) : undefined), now, 1);
  if (!row) throw new ProblemError('not_found');
  return row;
}

/** One invoice: the family's own (`familyId`), or any of the tenant's (agent). Others: 404. */
export async function oneInvoice(app: AppContext, tenant: Tenant, id: string, familyId: string | undefined): Promise<Invoice> {
  const now = app.clock.now();
  return invoiceView(await invoiceRow(app.db, tenant.config.id, id, familyId, now), parisDate(now));
}

export async function invoicePdfResponse(app: AppContext, tenant: Tenant, id: string, familyId: string | undefined): Promise<Response> {
  const now = app.clock.now();
  const row = await invoiceRow(app.db, tenant.config.id, id, familyId, now);
  const view = invoiceView(row, parisDate(now));
  const label = (await familyLabels(app.db, tenant.config.id, [row.familyId])).get(row.familyId) ?? '';
  const bytes = await renderInvoicePdf(view, tenant.config, label, now);
  return pdfResponse(bytes, `facture-${row.number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`);
}

/** The tenant's next invoice number, in the caller's transaction (gapless, like request numbers). */
function nextInvoiceSequence(tx: Database, tenantId: string): Promise<number> {
  return nextCounterValue(tx, invoiceCounters, tenantId);
}

/** An invoice checked against the database, ready to write: lines with their amounts. */
export interface CheckedInvoice {
  readonly familyId: string;
  readonly number: string | undefined;
  readonly issuedOn: string;
  readonly dueOn: string;
  readonly lines: readonly InvoiceLine[];
  readonly totalCents: number;
}

/**
 * Checks invoices (already valid by the contract's schema) against the tenant's data: the
 * family exists in the tenant, each line's child is one of its children, quantities have
 * at most two decimals, the due date is not before the issue date. Two queries for any
 * number of invoices. Answers, per invoice, either the checked invoice or its field errors.
 */
export async function checkInvoices(
  db: Database,
  tenantId: string,
  bodies: readonly z.output<typeof InvoiceInput>[],
): Promise<({ checked: CheckedInvoice; fieldErrors?: undefined } | { checked?: undefined; fieldErrors: FieldError[] })[]> {
  const familyIds = [...new Set(bodies.map((b) => b.familyId).filter(isUuid))];
  const childIds = [...new Set(bodies.flatMap((b) => b.lines.flatMap((l) => (l.childId && isUuid(l.childId) ? [l.childId] : []))))];
  const [knownFamilies, knownChildren] = await Promise.all([
    familyIds.length > 0
      ? db
          .select({ id: families.id })
          .from(families)
          .where(and(eq(families.tenantId, tenantId), inArray(families.id, familyIds)))
      : [],
    childIds.length > 0
      ? db
          .select({ id: familyMembers.id, familyId: familyMembers.familyId })
          .from(familyMembers)
          .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.role, 'enfant'), inArray(familyMembers.id, childIds)))
      : [],
  ]);
  const families_ = new Set(knownFamilies.map((f) => f.id));
  const childFamily = new Map(knownChildren.map((c) => [c.id, c.familyId]));
  return bodies.map((body) => {
    const fieldErrors: FieldError[] = [];
    const lines: InvoiceLine[] = [];
    body.lines.forEach((line, index) => {
      const amountCents = lineAmountCents(line.quantity, line.unitPriceCents);
      if (amountCents === undefined) fieldErrors.push({ path: `lines.${index}.quantity`, code: 'invalid_format', params: { decimals: 2 } });
      // `childcare` is kept only when false (absent = childcare): older lines and the view stay as they were.
      lines.push({
        ...(line.childId && { childId: line.childId }),
        childLabel: line.childLabel,
        activity: line.activity,
        period: line.period,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        amountCents: amountCents ?? 0,
        ...(line.childcare === false && { childcare: false }),
      });
    });
    if (body.dueOn < body.issuedOn) fieldErrors.push({ path: 'dueOn', code: 'too_small', params: { minimum: body.issuedOn } });
    const family = families_.has(body.familyId);
    if (!family) fieldErrors.push({ path: 'familyId', code: 'unknown_reference' });
    else {
      lines.forEach((l, index) => {
        if (l.childId && childFamily.get(l.childId) !== body.familyId) fieldErrors.push({ path: `lines.${index}.childId`, code: 'unknown_reference' });
      });
    }
    if (fieldErrors.length > 0) return { fieldErrors };
    const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
    return { checked: { familyId: body.familyId, number: body.number, issuedOn: body.issuedOn, dueOn: body.dueOn, lines, totalCents } };
  });
}

const optedInKey = (familyId: string, childId: string) => `${familyId}/${childId}`;

/** The children of these invoices' lines opted in to electronic invoices, in one query: the keys `publishInvoice` takes. */
export async function optedInChildren(tx: Database, tenantId: string, checked: readonly CheckedInvoice[]): Promise<ReadonlySet<string>> {
  const childIds = [...new Set(checked.flatMap((invoice) => invoice.lines.flatMap((l) => (l.childId ? [l.childId] : []))))];
  if (childIds.length === 0) return new Set();
  const familyIds = [...new Set(checked.map((invoice) => invoice.familyId))];
  const rows = await tx
    .select({ familyId: invoicePreferences.familyId, childId: invoicePreferences.childId })
    .from(invoicePreferences)
    .where(
      and(
        eq(invoicePreferences.tenantId, tenantId),
        inArray(invoicePreferences.familyId, familyIds),
        inArray(invoicePreferences.childId, childIds),
        eq(invoicePreferences.electronic, true),
      ),
    );
  return new Set(rows.map((r) => optedInKey(r.familyId, r.childId)));
}

/**
 * Publishes a checked invoice in the caller's transaction: its number (the tenant's next
 * one when absent), the row, and — when a line's child is opted in to electronic invoices —
 * the "votre facture est disponible" e-mail to the family's parents, in the same
 * transaction (outbox): the message exists if and only if the invoice does. The caller
 * hands the returned mails to `app.mailer.queued()` once committed. `optedIn`: what
 * `optedInChildren` answered for a batch including this invoice (else it is asked here).
 */
export async function publishInvoice(
  tx: Database,
  app: AppContext,
  tenant: Tenant,
  agentId: string | null,
  invoice: CheckedInvoice,
  now: Date,
  optedIn?: ReadonlySet<string>,
): Promise<{ id: string; number: string; mails: QueuedMail[] }> {
  const tenantId = tenant.config.id;
  const id = newUuid(app.randomBytes);
  const number = invoice.number ?? formatInvoiceNumber(billingOf(tenant).invoiceNumberFormat, await nextInvoiceSequence(tx, tenantId), invoice.issuedOn);
  await tx.insert(invoices).values({
    tenantId,
    id,
    number,
    familyId: invoice.familyId,
    issuedOn: invoice.issuedOn,
    dueOn: invoice.dueOn,
    lines: [...invoice.lines],
    totalCents: invoice.totalCents,
    issuedByAgent: agentId,
    createdAt: now,
  });
  const children = optedIn ?? (await optedInChildren(tx, tenantId, [invoice]));
  const mailed = invoice.lines.some((l) => !!l.childId && children.has(optedInKey(invoice.familyId, l.childId)));
  const mails = mailed
    ? await mailFamily(
        tx,
        app,
        tenant,
        invoice.familyId,
        (prenoms) => ({ kind: 'invoice_available', prenoms, number, totalCents: invoice.totalCents, dueOn: invoice.dueOn, link: tenant.accountPageUrl }),
        now,
      )
    : [];
  return { id, number, mails };
}

/** Issues an invoice to a family of the tenant: lines checked, amounts computed in cents. */
export async function issueInvoice(app: AppContext, tenant: Tenant, agent: AuthenticatedAgent, body: z.output<typeof InvoiceInput>): Promise<Invoice> {
  const [result] = await checkInvoices(app.db, tenant.config.id, [body]);
  if (!result!.checked) throw new ProblemError('validation_failed', { fieldErrors: result!.fieldErrors });
  const checked = result!.checked;
  let published: Awaited<ReturnType<typeof publishInvoice>>;
  try {
    published = await app.db.transaction((tx) => publishInvoice(tx, app, tenant, agent.agent.id, checked, app.clock.now()));
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new ProblemError('conflict', { detail: 'An invoice of this tenant already has this number' });
    throw error;
  }
  app.mailer.queued(published.mails);
  return oneInvoice(app, tenant, published.id, undefined);
}

export async function paymentViews(db: Database, tenantId: string, rows: readonly PaymentRow[]): Promise<Payment[]> {
  if (rows.length === 0) return [];
  const allocations = await db
    .select({
      paymentId: paymentAllocations.paymentId,
      invoiceId: paymentAllocations.invoiceId,
      amountCents: paymentAllocations.amountCents,
      number: invoices.number,
    })
    .from(paymentAllocations)
    .innerJoin(invoices, and(eq(invoices.tenantId, paymentAllocations.tenantId), eq(invoices.id, paymentAllocations.invoiceId)))
    .where(
      and(
        eq(paymentAllocations.tenantId, tenantId),
        inArray(
          paymentAllocations.paymentId,
          rows.map((r) => r.id),
        ),
      ),
    )
    .orderBy(invoices.number);
  return rows.map((row) => ({
    id: row.id,
    method: row.method,
    amountCents: Number(row.amountCents),
    receivedAt: row.receivedAt.toISOString(),
    allocations: allocations
      .filter((a) => a.paymentId === row.id)
      .map((a) => ({ invoiceId: a.invoiceId, invoiceNumber: a.number, amountCents: Number(a.amountCents) })),
    overpaidCents: Number(row.overpaidCents),
    ...(row.transactionId && { transactionId: row.transactionId }),
  }));
}

/** The family's payments, newest first. */
export async function paymentHistory(app: AppContext, tenant: Tenant, familyId: string): Promise<Payment[]> {
  const tenantId = tenant.config.id;
  const rows = await app.db
    .select()
    .from(payments)
    .where(and(eq(payments.tenantId, tenantId), eq(payments.familyId, familyId)))
    .orderBy(desc(payments.receivedAt))
    .limit(LIST_LIMIT);
  return paymentViews(app.db, tenantId, rows);
}

/**
 * Locks the invoices (in id order: no deadlock between two payments) and answers their
 * balances in the order asked. Unknown or another family's: 404.
 */
export async function lockInvoices(
  tx: Database,
  tenantId: string,
  familyId: string,
  ids: readonly string[],
): Promise<{ row: InvoiceRow; balanceCents: number }[]> {
  const unique = [...new Set(ids)];
  if (!unique.every(isUuid)) throw new ProblemError('not_found');
  const rows = await tx
    .select()
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.familyId, familyId), inArray(invoices.id, unique)))
    .orderBy(invoices.id)
    .for('update');
  if (rows.length !== unique.length) throw new ProblemError('not_found');
  const paid = await paidByInvoice(tx, tenantId, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique.map((id) => {
    const row = byId.get(id)!;
    return { row, balanceCents: Math.max(0, Number(row.totalCents) - (paid.get(id) ?? 0)) };
  });
}

/** A payment at the counter: allocated to the invoices in the order given; no more than their balances. */
export async function recordCounterPayment(
  app: AppContext,
  tenant: Tenant,
  agent: AuthenticatedAgent,
  body: z.output<typeof CounterPaymentInput>,
): Promise<Payment> {
  const tenantId = tenant.config.id;
  if (!isUuid(body.familyId)) throw new ProblemError('not_found');
  const id = newUuid(app.randomBytes);
  const now = app.clock.now();
  const row = await app.db.transaction(async (tx) => {
    const locked = await lockInvoices(tx, tenantId, body.familyId, body.invoiceIds);
    const open = locked.filter((l) => l.balanceCents > 0);
    if (open.length === 0) throw new ProblemError('invoice_already_paid');
    const { allocations, surplusCents } = allocatePayment(
      body.amountCents,
      locked.map((l) => ({ id: l.row.id, balanceCents: l.balanceCents })),
    );
    if (surplusCents > 0) {
      throw new ProblemError('validation_failed', {
        fieldErrors: [{ path: 'amountCents', code: 'too_large', params: { maximum: body.amountCents - surplusCents } }],
      });
    }
    const [inserted] = await tx
      .insert(payments)
      .values({
        tenantId,
        id,
        familyId: body.familyId,
        method: body.method,
        amountCents: body.amountCents,
        receivedAt: now,
        agentId: agent.agent.id,
        reference: body.reference || null,
      })
      .returning();
    await tx.insert(paymentAllocations).values(allocations.map((a) => ({ tenantId, paymentId: id, invoiceId: a.invoiceId, amountCents: a.amountCents })));
    return inserted!;
  });
  return (await paymentViews(app.db, tenantId, [row]))[0]!;
}
