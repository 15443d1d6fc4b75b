import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { FieldError, Invoice, InvoiceInput, InvoiceLine, InvoiceList, Payment, CounterPaymentInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import type { AuthenticatedAgent } from '../agents/auth.ts';
import { familyLabels } from '../agents/requests.ts';
import { newUuid } from '../db/ids.ts';
import { uniqueViolation } from '../db/errors.ts';
import { families, familyMembers, invoiceCounters, invoices, paymentAllocations, paymentTransactionInvoices, paymentTransactions, payments } from '../db/schema.ts';
import { allocatePayment, formatInvoiceNumber, invoiceStatus, lineAmountCents } from '../domain/invoices.ts';
import { parisDate } from '../domain/preregistration.ts';
import { isUuid } from '../family/views.ts';
import { ProblemError } from '../http/problem.ts';
import { billingOf, type Tenant } from '../tenants/registry.ts';
import { renderInvoicePdf } from './pdf.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
type PaymentRow = typeof payments.$inferSelect;

const LIST_LIMIT = 500;

/** Cents paid on each invoice (sum of the allocations). */
export async function paidByInvoice(db: Database, tenantId: string, invoiceIds: readonly string[]): Promise<Map<string, number>> {
  if (invoiceIds.length === 0) return new Map();
  const rows = await db
    .select({ invoiceId: paymentAllocations.invoiceId, paid: sql<string>`sum(${paymentAllocations.amountCents})` })
    .from(paymentAllocations)
    .where(and(eq(paymentAllocations.tenantId, tenantId), inArray(paymentAllocations.invoiceId, [...invoiceIds])))
    .groupBy(paymentAllocations.invoiceId);
  return new Map(rows.map((r) => [r.invoiceId, Number(r.paid)]));
}

/** Invoices with an online payment under way (pending and not expired). */
export async function invoicesWithPendingPayment(db: Database, tenantId: string, invoiceIds: readonly string[], now: Date): Promise<Set<string>> {
  if (invoiceIds.length === 0) return new Set();
  const rows = await db
    .select({ invoiceId: paymentTransactionInvoices.invoiceId })
    .from(paymentTransactionInvoices)
    .innerJoin(paymentTransactions, and(eq(paymentTransactions.tenantId, paymentTransactionInvoices.tenantId), eq(paymentTransactions.id, paymentTransactionInvoices.transactionId)))
    .where(
      and(
        eq(paymentTransactionInvoices.tenantId, tenantId),
        inArray(paymentTransactionInvoices.invoiceId, [...invoiceIds]),
        eq(paymentTransactions.status, 'pending'),
        gt(paymentTransactions.expiresAt, now),
      ),
    );
  return new Set(rows.map((r) => r.invoiceId));
}

export async function invoiceViews(db: Database, tenantId: string, rows: readonly InvoiceRow[], now: Date): Promise<Invoice[]> {
  const ids = rows.map((r) => r.id);
  const [paid, pending] = await Promise.all([paidByInvoice(db, tenantId, ids), invoicesWithPendingPayment(db, tenantId, ids, now)]);
  const today = parisDate(now);
  return rows.map((row) => {
    const paidCents = paid.get(row.id) ?? 0;
    const totalCents = Number(row.totalCents);
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
      paymentPending: pending.has(row.id),
    };
  });
}

export function paymentOptions(app: AppContext, tenant: Tenant): InvoiceList['payment'] {
  const settings = billingOf(tenant).payment;
  const provider = settings.provider === 'none' ? undefined : app.paymentProviders[settings.provider];
  return { provider: provider ? settings.provider : 'none', minimumCents: provider?.minimumCents ?? 0, counterMethods: ['especes', 'cheque', 'cesu'] };
}

/** The family's invoices, newest first, with "Solde dû". */
export async function familyInvoices(app: AppContext, tenant: Tenant, familyId: string): Promise<InvoiceList> {
  const tenantId = tenant.config.id;
  const rows = await app.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.familyId, familyId)))
    .orderBy(desc(invoices.issuedOn), desc(invoices.number))
    .limit(LIST_LIMIT);
  const views = await invoiceViews(app.db, tenantId, rows, app.clock.now());
  return { invoices: views, balanceDueCents: views.reduce((sum, v) => sum + v.balanceCents, 0), payment: paymentOptions(app, tenant) };
}

async function invoiceRow(db: Database, tenantId: string, id: string, familyId: string | undefined): Promise<InvoiceRow> {
  if (!isUuid(id)) throw new ProblemError('not_found');
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.id, id), familyId ? eq(invoices.familyId, familyId) : undefined));
  if (!row) throw new ProblemError('not_found');
  return row;
}

/** One invoice: the family's own (`familyId`), or any of the tenant's (agent). Others: 404. */
export async function oneInvoice(app: AppContext, tenant: Tenant, id: string, familyId: string | undefined): Promise<Invoice> {
  const row = await invoiceRow(app.db, tenant.config.id, id, familyId);
  return (await invoiceViews(app.db, tenant.config.id, [row], app.clock.now()))[0]!;
}

export async function invoicePdfResponse(app: AppContext, tenant: Tenant, id: string, familyId: string | undefined): Promise<Response> {
  const row = await invoiceRow(app.db, tenant.config.id, id, familyId);
  const now = app.clock.now();
  const [view] = await invoiceViews(app.db, tenant.config.id, [row], now);
  const label = (await familyLabels(app.db, tenant.config.id, [row.familyId])).get(row.familyId) ?? '';
  const bytes = await renderInvoicePdf(view!, tenant.config, label, now);
  return new Response(bytes as BodyInit, {
    status: 200,
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="facture-${row.number.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The tenant's next invoice number, in the caller's transaction (gapless, like request numbers). */
async function nextInvoiceSequence(tx: Database, tenantId: string): Promise<number> {
  const result = (await tx.execute(sql`
    insert into invoice_counters (tenant_id, last_number) values (${tenantId}, 1)
    on conflict (tenant_id) do update set last_number = invoice_counters.last_number + 1
    returning last_number`)) as unknown as { rows: { last_number: number }[] };
  void invoiceCounters;
  return Number(result.rows[0]!.last_number);
}

/** Issues an invoice to a family of the tenant: lines checked, amounts computed in cents. */
export async function issueInvoice(app: AppContext, tenant: Tenant, agent: AuthenticatedAgent | undefined, body: z.output<typeof InvoiceInput>): Promise<Invoice> {
  const tenantId = tenant.config.id;
  const fieldErrors: FieldError[] = [];
  const lines: InvoiceLine[] = [];
  body.lines.forEach((line, index) => {
    const amountCents = lineAmountCents(line.quantity, line.unitPriceCents);
    if (amountCents === undefined) fieldErrors.push({ path: `lines.${index}.quantity`, code: 'invalid_format', params: { decimals: 2 } });
    lines.push({ ...(line.childId && { childId: line.childId }), childLabel: line.childLabel, activity: line.activity, period: line.period, quantity: line.quantity, unitPriceCents: line.unitPriceCents, amountCents: amountCents ?? 0 });
  });
  if (body.dueOn < body.issuedOn) fieldErrors.push({ path: 'dueOn', code: 'too_small', params: { minimum: body.issuedOn } });
  const family = isUuid(body.familyId) ? (await app.db.select().from(families).where(and(eq(families.tenantId, tenantId), eq(families.id, body.familyId))))[0] : undefined;
  if (!family) fieldErrors.push({ path: 'familyId', code: 'unknown_reference' });
  const childIds = [...new Set(lines.flatMap((l) => (l.childId ? [l.childId] : [])))];
  if (family && childIds.length > 0) {
    const known = childIds.every(isUuid)
      ? await app.db
          .select({ id: familyMembers.id })
          .from(familyMembers)
          .where(and(eq(familyMembers.tenantId, tenantId), eq(familyMembers.familyId, family.id), eq(familyMembers.role, 'enfant'), inArray(familyMembers.id, childIds)))
      : [];
    const knownIds = new Set(known.map((k) => k.id));
    lines.forEach((l, index) => {
      if (l.childId && !knownIds.has(l.childId)) fieldErrors.push({ path: `lines.${index}.childId`, code: 'unknown_reference' });
    });
  }
  if (fieldErrors.length > 0) throw new ProblemError('validation_failed', { fieldErrors });
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  const id = newUuid(app.randomBytes);
  try {
    await app.db.transaction(async (tx) => {
      const number = body.number ?? formatInvoiceNumber(billingOf(tenant).invoiceNumberFormat, await nextInvoiceSequence(tx, tenantId), body.issuedOn);
      await tx.insert(invoices).values({
        tenantId,
        id,
        number,
        familyId: body.familyId,
        issuedOn: body.issuedOn,
        dueOn: body.dueOn,
        lines,
        totalCents,
        issuedByAgent: agent?.agent.id ?? null,
        createdAt: app.clock.now(),
      });
    });
  } catch (error) {
    if (uniqueViolation(error) !== undefined) throw new ProblemError('conflict', { detail: 'An invoice of this tenant already has this number' });
    throw error;
  }
  return oneInvoice(app, tenant, id, undefined);
}

export async function paymentViews(db: Database, tenantId: string, rows: readonly PaymentRow[]): Promise<Payment[]> {
  if (rows.length === 0) return [];
  const allocations = await db
    .select({ paymentId: paymentAllocations.paymentId, invoiceId: paymentAllocations.invoiceId, amountCents: paymentAllocations.amountCents, number: invoices.number })
    .from(paymentAllocations)
    .innerJoin(invoices, and(eq(invoices.tenantId, paymentAllocations.tenantId), eq(invoices.id, paymentAllocations.invoiceId)))
    .where(and(eq(paymentAllocations.tenantId, tenantId), inArray(paymentAllocations.paymentId, rows.map((r) => r.id))))
    .orderBy(invoices.number);
  return rows.map((row) => ({
    id: row.id,
    method: row.method,
    amountCents: Number(row.amountCents),
    receivedAt: row.receivedAt.toISOString(),
    allocations: allocations.filter((a) => a.paymentId === row.id).map((a) => ({ invoiceId: a.invoiceId, invoiceNumber: a.number, amountCents: Number(a.amountCents) })),
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
export async function lockInvoices(tx: Database, tenantId: string, familyId: string, ids: readonly string[]): Promise<{ row: InvoiceRow; balanceCents: number }[]> {
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
export async function recordCounterPayment(app: AppContext, tenant: Tenant, agent: AuthenticatedAgent, body: z.output<typeof CounterPaymentInput>): Promise<Payment> {
  const tenantId = tenant.config.id;
  if (!isUuid(body.familyId)) throw new ProblemError('not_found');
  const id = newUuid(app.randomBytes);
  const now = app.clock.now();
  await app.db.transaction(async (tx) => {
    const locked = await lockInvoices(tx, tenantId, body.familyId, body.invoiceIds);
    const open = locked.filter((l) => l.balanceCents > 0);
    if (open.length === 0) throw new ProblemError('invoice_already_paid');
    const { allocations, surplusCents } = allocatePayment(body.amountCents, locked.map((l) => ({ id: l.row.id, balanceCents: l.balanceCents })));
    if (surplusCents > 0) {
      throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'amountCents', code: 'too_large', params: { maximum: body.amountCents - surplusCents } }] });
    }
    await tx.insert(payments).values({ tenantId, id, familyId: body.familyId, method: body.method, amountCents: body.amountCents, receivedAt: now, agentId: agent.agent.id, reference: body.reference || null });
    await tx.insert(paymentAllocations).values(allocations.map((a) => ({ tenantId, paymentId: id, invoiceId: a.invoiceId, amountCents: a.amountCents })));
  });
  const rows = await app.db.select().from(payments).where(and(eq(payments.tenantId, tenantId), eq(payments.id, id)));
  return (await paymentViews(app.db, tenantId, rows))[0]!;
}
