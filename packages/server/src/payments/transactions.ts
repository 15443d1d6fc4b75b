import { and, asc, eq, isNotNull, lt, or, isNull } from 'drizzle-orm';
import type { PaymentStartInput, PaymentTransaction, PaymentRedirect } from '@famille/contract';
import type * as z from 'zod/mini';
import { bytesToHex } from '@noble/hashes/utils.js';
import { resolveDeps as resolveDepsForJobs, type AppContext, type AppDeps } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { newUuid } from '../db/ids.ts';
import { invoices, paymentAllocations, paymentTransactionInvoices, paymentTransactions, payments } from '../db/schema.ts';
import { allocatePayment, formatEuros } from '../domain/invoices.ts';
import { isUuid } from '../family/views.ts';
import { ProblemError } from '../http/problem.ts';
import { invoicesWithPendingPayment, lockInvoices } from '../invoices/invoices.ts';
import { mailFamily, type QueuedMail } from '../mail/outbox.ts';
import type { Tenant } from '../tenants/registry.ts';
import { ProviderError, providerFor, type ProviderOutcome } from './provider.ts';

export type TransactionRow = typeof paymentTransactions.$inferSelect;

/**
 * A started payment blocks its invoices while it is pending, for the provider's lifetime
 * (PayFiP idOp: 15 min) plus this margin; after that the poller has settled it, or the
 * invoices become payable again (a late "paid" is then credited as an overpayment).
 */
const BLOCK_MARGIN_SECONDS = 5 * 60;

/**
 * The host page with the outcome to show, in the fragment (no server log sees it): the
 * page the payment was started from, or the tenant's account page.
 */
export const paymentReturnUrl = (tenant: Tenant, row: Pick<TransactionRow, 'id' | 'returnUrl'>) =>
  `${row.returnUrl ?? tenant.accountPageUrl}#famille-payment=${row.id}`;

/**
 * The page a payment comes back to, from the parent's `returnTo`: an http(s) URL whose
 * origin the tenant allows (never an open redirect), without its fragment. 422 otherwise.
 */
function returnPageOf(tenant: Tenant, returnTo: string | undefined): string | undefined {
  if (returnTo === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(returnTo);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password || !tenant.allowedOrigins.includes(url.origin)) {
    throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'returnTo', code: 'invalid_value' }] });
  }
  url.hash = '';
  return url.href;
}

/** The transaction as the contract shows it, with its invoices' numbers (one query). */
export async function transactionView(db: Database, row: TransactionRow): Promise<PaymentTransaction> {
  const parts = await db
    .select({ id: paymentTransactionInvoices.invoiceId, amountCents: paymentTransactionInvoices.amountCents, number: invoices.number })
    .from(paymentTransactionInvoices)
    .innerJoin(invoices, and(eq(invoices.tenantId, paymentTransactionInvoices.tenantId), eq(invoices.id, paymentTransactionInvoices.invoiceId)))
    .where(and(eq(paymentTransactionInvoices.tenantId, row.tenantId), eq(paymentTransactionInvoices.transactionId, row.id)))
    .orderBy(asc(paymentTransactionInvoices.position));
  return {
    id: row.id,
    status: row.status,
    provider: row.provider,
    amountCents: Number(row.amountCents),
    invoices: parts.map((p) => ({ id: p.id, number: p.number, amountCents: Number(p.amountCents) })),
    createdAt: row.createdAt.toISOString(),
    ...(row.settledAt && { settledAt: row.settledAt.toISOString() }),
  };
}

/** The tenant's transaction `id` (the family's, when `familyId` is given); anything but a uuid is none. */
export async function transactionRow(db: Database, tenantId: string, id: string, familyId?: string): Promise<TransactionRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.tenantId, tenantId), eq(paymentTransactions.id, id), familyId ? eq(paymentTransactions.familyId, familyId) : undefined));
  return row;
}

/**
 * Starts one online payment for several invoices of the family. In one database
 * transaction: the invoices are locked, each must have a balance and no payment under way
 * (409 `payment_in_progress`: the second of two concurrent payments is refused before any
 * redirect), the total must reach the provider's minimum; the pending transaction is
 * written. Then the provider is asked (outside the lock); if it fails, nothing was taken.
 */
export async function startPayment(
  app: AppContext,
  tenant: Tenant,
  session: AuthenticatedSession,
  body: z.output<typeof PaymentStartInput>,
  publicBase: string,
): Promise<PaymentRedirect> {
  const tenantId = tenant.config.id;
  const provider = providerFor(app, tenant);
  if (!provider)
    throw new ProblemError('payment_provider_unavailable', { detail: 'This tenant takes no online payment: pay at the counter (espèces, chèque, CESU).' });
  const returnUrl = returnPageOf(tenant, body.returnTo);
  const now = app.clock.now();
  const id = newUuid(app.randomBytes);
  // refdet: 6–30 alphanumerics.
  const reference = `EF${bytesToHex(app.randomBytes(10)).toUpperCase()}`;
  const { amountCents, numbers } = await app.db.transaction(async (tx) => {
    const locked = await lockInvoices(tx, tenantId, session.familyId, body.invoiceIds);
    const paid = locked.filter((l) => l.balanceCents === 0);
    if (paid.length > 0) throw new ProblemError('invoice_already_paid', { detail: `Already paid: ${paid.map((p) => p.row.number).join(', ')}` });
    const busy = await invoicesWithPendingPayment(
      tx,
      tenantId,
      locked.map((l) => l.row.id),
      now,
    );
    if (busy.size > 0)
      throw new ProblemError('payment_in_progress', {
        detail: `A payment is under way for: ${locked
          .filter((l) => busy.has(l.row.id))
          .map((l) => l.row.number)
          .join(', ')}`,
      });
    const total = locked.reduce((sum, l) => sum + l.balanceCents, 0);
    if (total < provider.minimumCents) {
      const { contact } = tenant.config;
      throw new ProblemError('amount_below_minimum', {
        detail: `Online payments start at ${formatEuros(provider.minimumCents)}. Pay ${formatEuros(total)} at the counter (${contact.service}, ${contact.address}) in cash (espèces), by cheque or with CESU.`,
      });
    }
    await tx.insert(paymentTransactions).values({
      tenantId,
      id,
      familyId: session.familyId,
      accountId: session.account.id,
      provider: provider.name,
      reference,
      amountCents: total,
      email: session.account.email,
      status: 'pending',
      returnUrl: returnUrl ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + (provider.lifetimeSeconds + BLOCK_MARGIN_SECONDS) * 1000),
    });
    await tx
      .insert(paymentTransactionInvoices)
      .values(locked.map((l, position) => ({ tenantId, transactionId: id, invoiceId: l.row.id, amountCents: l.balanceCents, position })));
    return { amountCents: total, numbers: locked.map((l) => l.row.number) };
  });
  const callbackBase = `${publicBase}/payment-providers/${tenantId}/${provider.name}`;
  let created: { providerRef: string; redirectUrl: string };
  try {
    created = await provider.create({
      tenant,
      transactionId: id,
      reference,
      amountCents,
      email: session.account.email,
      label: `Factures ${numbers.sort().join(' ')}`.slice(0, 100),
      notifyUrl: `${callbackBase}/notification`,
      returnUrl: `${callbackBase}/return/${id}`,
      callbackBase,
      now,
    });
  } catch (error) {
    const code = error instanceof ProviderError ? error.code : undefined;
    app.logger.error({
      msg: 'payment provider refused to start a payment',
      tenant: tenantId,
      transaction: id,
      provider: provider.name,
      code,
      error: String(error),
    });
    await app.db
      .update(paymentTransactions)
      .set({ status: 'failed', resultCode: code ?? null, settledAt: now })
      .where(and(eq(paymentTransactions.tenantId, tenantId), eq(paymentTransactions.id, id)));
    throw new ProblemError('payment_provider_unavailable', { ...(code && { detail: `Provider code ${code}` }) });
  }
  const [row] = await app.db
    .update(paymentTransactions)
    .set({ providerRef: created.providerRef })
    .where(and(eq(paymentTransactions.tenantId, tenantId), eq(paymentTransactions.id, id)))
    .returning();
  return { transaction: await transactionView(app.db, row!), redirectUrl: created.redirectUrl };
}

/**
 * Credits a paid transaction, once: the `pending → paid` update is the gate (of two
 * concurrent confirmations, one updates, the other finds it settled and does nothing),
 * and `payments.transaction_id` is unique besides. The money goes to the invoices in the
 * order chosen, each up to its CURRENT balance; what no balance takes (the invoices were
 * paid meanwhile, at the counter or by a transaction that outlived its block) is recorded
 * as `overpaid_cents`, flagged for the service to refund. Answers whether it credited now.
 */
async function credit(app: AppContext, tenant: Tenant, row: TransactionRow, outcome: ProviderOutcome): Promise<boolean> {
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const result = await app.db.transaction(async (tx) => {
    const gate = await tx
      .update(paymentTransactions)
      .set({ status: 'paid', settledAt: now, checkedAt: now, resultCode: outcome.code ?? null })
      .where(and(eq(paymentTransactions.tenantId, tenantId), eq(paymentTransactions.id, row.id), eq(paymentTransactions.status, 'pending')))
      .returning();
    if (gate.length === 0) return undefined;
    const planned = await tx
      .select()
      .from(paymentTransactionInvoices)
      .where(and(eq(paymentTransactionInvoices.tenantId, tenantId), eq(paymentTransactionInvoices.transactionId, row.id)))
      .orderBy(asc(paymentTransactionInvoices.position));
    const locked = await lockInvoices(
      tx,
      tenantId,
      row.familyId,
      planned.map((p) => p.invoiceId),
    );
    const amountCents = outcome.amountCents ?? Number(row.amountCents);
    if (amountCents !== Number(row.amountCents))
      app.logger.warn({
        msg: 'provider took another amount than asked',
        tenant: tenantId,
        transaction: row.id,
        asked: Number(row.amountCents),
        taken: amountCents,
      });
    const { allocations, surplusCents } = allocatePayment(
      amountCents,
      locked.map((l) => ({ id: l.row.id, balanceCents: l.balanceCents })),
    );
    const paymentId = newUuid(app.randomBytes);
    await tx.insert(payments).values({
      tenantId,
      id: paymentId,
      familyId: row.familyId,
      method: 'carte',
      amountCents,
      overpaidCents: surplusCents,
      receivedAt: now,
      transactionId: row.id,
      reference: row.reference,
    });
    if (allocations.length > 0)
      await tx.insert(paymentAllocations).values(allocations.map((a) => ({ tenantId, paymentId, invoiceId: a.invoiceId, amountCents: a.amountCents })));
    if (surplusCents > 0)
      app.logger.warn({ msg: 'overpayment to refund', tenant: tenantId, transaction: row.id, payment: paymentId, overpaidCents: surplusCents });
    const numbers = new Map(locked.map((l) => [l.row.id, l.row.number]));
    const mails: QueuedMail[] = await mailFamily(
      tx,
      app,
      tenant,
      row.familyId,
      (prenoms) => ({
        kind: 'payment_confirmed',
        prenoms,
        amountCents,
        invoices: allocations.map((a) => ({ number: numbers.get(a.invoiceId)!, amountCents: a.amountCents })),
        at: now,
        overpaidCents: surplusCents,
      }),
      now,
    );
    return mails;
  });
  if (!result) return false;
  app.mailer.queued(result);
  return true;
}

/** Closes a transaction that will never be paid (refused, abandoned, unknown after its lifetime). */
async function close(
  app: AppContext,
  tenantId: string,
  row: TransactionRow,
  status: 'refused' | 'abandoned' | 'failed',
  code: string | undefined,
): Promise<void> {
  const now = app.clock.now();
  await app.db
    .update(paymentTransactions)
    .set({ status, resultCode: code ?? null, settledAt: now, checkedAt: now })
    .where(and(eq(paymentTransactions.tenantId, tenantId), eq(paymentTransactions.id, row.id), eq(paymentTransactions.status, 'pending')));
}

/**
 * Asks the provider about a pending transaction and acts on its answer: the one way a
 * transaction is settled, whoever asks (notification, browser return, parent's page,
 * poller). Notifications are never believed: they only trigger this question.
 */
async function confirmTransaction(app: AppContext, tenant: Tenant, row: TransactionRow): Promise<void> {
  if (row.status !== 'pending') return;
  const tenantId = tenant.config.id;
  const provider = app.paymentProviders[row.provider];
  const now = app.clock.now();
  if (!provider) return;
  if (!row.providerRef) {
    // The provider never answered the creation: nothing can have been taken.
    if (now > row.expiresAt) await close(app, tenantId, row, 'failed', undefined);
    return;
  }
  let outcome: ProviderOutcome;
  try {
    outcome = await provider.outcome(tenant, { providerRef: row.providerRef, demoOutcome: row.demoOutcome });
  } catch (error) {
    app.logger.warn({ msg: 'payment provider did not answer; will ask again', tenant: tenantId, transaction: row.id, error: String(error) });
    return;
  }
  if (outcome.state === 'paid') {
    await credit(app, tenant, row, outcome);
  } else if (outcome.state === 'refused' || outcome.state === 'abandoned') {
    await close(app, tenantId, row, outcome.state, outcome.code);
  } else if (outcome.state === 'unknown' && now > row.expiresAt) {
    // Unknown (PayFiP P1) long after the idOp's 15 minutes: it was never paid.
    app.logger.warn({ msg: 'provider does not know this transaction; closed as abandoned', tenant: tenantId, transaction: row.id, code: outcome.code });
    await close(app, tenantId, row, 'abandoned', outcome.code);
  } else {
    await app.db
      .update(paymentTransactions)
      .set({ checkedAt: now, resultCode: outcome.code ?? null })
      .where(and(eq(paymentTransactions.tenantId, tenantId), eq(paymentTransactions.id, row.id), eq(paymentTransactions.status, 'pending')));
  }
}

/** A transaction of the family; pending ones are confirmed with the provider first. */
export async function readTransaction(app: AppContext, tenant: Tenant, session: AuthenticatedSession, id: string): Promise<PaymentTransaction> {
  const tenantId = tenant.config.id;
  let row = await transactionRow(app.db, tenantId, id, session.familyId);
  if (!row) throw new ProblemError('not_found');
  if (row.status === 'pending') {
    await confirmTransaction(app, tenant, row);
    row = (await transactionRow(app.db, tenantId, id))!;
  }
  return transactionView(app.db, row);
}

/** A notification or a return from a provider: only names the transaction; the provider is asked. */
export async function confirmByReference(
  app: AppContext,
  tenant: Tenant,
  provider: 'demo' | 'payfip',
  by: { transactionId?: string; providerRef?: string },
): Promise<TransactionRow | undefined> {
  const tenantId = tenant.config.id;
  const where = by.transactionId
    ? isUuid(by.transactionId)
      ? eq(paymentTransactions.id, by.transactionId)
      : undefined
    : by.providerRef
      ? eq(paymentTransactions.providerRef, by.providerRef)
      : undefined;
  if (!where) return undefined;
  const [row] = await app.db
    .select()
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.tenantId, tenantId), eq(paymentTransactions.provider, provider), where));
  if (!row) return undefined;
  await confirmTransaction(app, tenant, row);
  return row;
}

/** The demo payment page's choice, stored as the provider's answer, then confirmed as any other. */
export async function chooseDemoOutcome(
  app: AppContext,
  tenant: Tenant,
  transactionId: string,
  outcome: 'paid' | 'refused' | 'abandoned',
): Promise<TransactionRow | undefined> {
  if (!isUuid(transactionId)) return undefined;
  const tenantId = tenant.config.id;
  await app.db
    .update(paymentTransactions)
    .set({ demoOutcome: outcome })
    .where(
      and(
        eq(paymentTransactions.tenantId, tenantId),
        eq(paymentTransactions.id, transactionId),
        eq(paymentTransactions.provider, 'demo'),
        eq(paymentTransactions.status, 'pending'),
        isNull(paymentTransactions.demoOutcome),
      ),
    );
  return confirmByReference(app, tenant, 'demo', { transactionId });
}

/**
 * The re-poll job: notifications can be missing, so every pending transaction older than
 * `minAgeSeconds` and not asked about for as long is confirmed with its provider. Safe to
 * run on several instances at once (crediting is idempotent). Answers how many were asked.
 */
async function pollPendingPayments(app: AppContext, options: { minAgeSeconds?: number } = {}): Promise<number> {
  const minAge = options.minAgeSeconds ?? 60;
  const before = new Date(app.clock.now().getTime() - minAge * 1000);
  const rows = await app.db
    .select()
    .from(paymentTransactions)
    .where(
      and(
        eq(paymentTransactions.status, 'pending'),
        lt(paymentTransactions.createdAt, before),
        or(isNull(paymentTransactions.checkedAt), lt(paymentTransactions.checkedAt, before)),
        or(isNotNull(paymentTransactions.providerRef), lt(paymentTransactions.expiresAt, app.clock.now())),
      ),
    )
    .orderBy(asc(paymentTransactions.createdAt))
    .limit(100);
  for (const row of rows) {
    const tenant = app.tenants.get(row.tenantId);
    if (!tenant) continue;
    try {
      await confirmTransaction(app, tenant, row);
    } catch (error) {
      app.logger.error({ msg: 'payment confirmation failed', tenant: row.tenantId, transaction: row.id, error: String(error) });
    }
  }
  return rows.length;
}

/**
 * The re-poll job for callers holding `AppDeps`. The Node entry runs it on an interval, in
 * one instance of all (a lease in `job_leases`, see `startPeriodicJobs`).
 */
export function createPaymentPoller(deps: AppDeps, options: { minAgeSeconds?: number } = {}) {
  const app = resolveDepsForJobs(deps);
  return { pollOnce: () => pollPendingPayments(app, options) };
}
