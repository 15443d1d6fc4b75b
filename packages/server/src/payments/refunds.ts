// Overpayments (an online payment that took more than its invoices' balances, see
// `credit()` in transactions.ts) for agents: the list of those to refund, and recording
// the refund the service made (through the régie: the money goes back outside this app).
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { AgentRefund, AgentRefundList, AgentRefundQuery, RefundInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import type { AuthenticatedAgent } from '../agents/auth.ts';
import { agents, paymentTransactions, payments } from '../db/schema.ts';
import { checkRefund } from '../domain/invoices.ts';
import { parisDate } from '../domain/paris-date.ts';
import { familyLabels, isUuid } from '../family/views.ts';
import { ProblemError } from '../http/problem.ts';
import { AGENT_PAGE_DEFAULT, paymentViews } from '../invoices/invoices.ts';
import type { Tenant } from '../tenants/registry.ts';

/** Overpaid payments with their transaction and the agent who recorded the refund: one query. */
function overpaidRows(db: Database, tenantId: string, where: ReturnType<typeof and>, limit: number, offset: number) {
  return db
    .select({
      payment: payments,
      transaction: {
        id: paymentTransactions.id,
        provider: paymentTransactions.provider,
        reference: paymentTransactions.reference,
        providerRef: paymentTransactions.providerRef,
      },
      agent: { id: agents.id, displayName: agents.displayName },
    })
    .from(payments)
    .leftJoin(paymentTransactions, and(eq(paymentTransactions.tenantId, payments.tenantId), eq(paymentTransactions.id, payments.transactionId)))
    .leftJoin(agents, and(eq(agents.tenantId, payments.tenantId), eq(agents.id, payments.refundedBy)))
    .where(and(eq(payments.tenantId, tenantId), gt(payments.overpaidCents, 0), where))
    .orderBy(desc(payments.receivedAt), desc(payments.id))
    .limit(limit)
    .offset(offset);
}
type OverpaidRow = Awaited<ReturnType<typeof overpaidRows>>[number];

/** The rows as agents see them: with the allocations and the families' names (two more queries for any number). */
async function refundViews(db: Database, tenantId: string, rows: readonly OverpaidRow[]): Promise<AgentRefund[]> {
  if (rows.length === 0) return [];
  const [views, labels] = await Promise.all([
    paymentViews(
      db,
      tenantId,
      rows.map((r) => r.payment),
    ),
    familyLabels(
      db,
      tenantId,
      rows.map((r) => r.payment.familyId),
    ),
  ]);
  return rows.map(({ payment, transaction, agent }, index) => {
    const refunded = payment.refundedAt !== null;
    return {
      payment: views[index]!,
      family: { id: payment.familyId, label: labels.get(payment.familyId) ?? '' },
      ...(transaction && {
        transaction: {
          id: transaction.id,
          provider: transaction.provider,
          reference: transaction.reference,
          ...(transaction.providerRef && { providerRef: transaction.providerRef }),
        },
      }),
      status: refunded ? 'rembourse' : 'a_rembourser',
      ...(refunded && {
        refund: {
          refundedOn: payment.refundedOn!,
          reference: payment.refundReference!,
          recordedAt: payment.refundedAt!.toISOString(),
          // An agent removed since keeps their id; the name is then unknown.
          by: { id: payment.refundedBy!, displayName: agent?.displayName ?? '' },
        },
      }),
    };
  });
}

/** The tenant's overpayments still to refund (or all of them), newest first, one page: three queries. */
export async function tenantRefunds(app: AppContext, tenant: Tenant, query: AgentRefundQuery): Promise<AgentRefundList> {
  const tenantId = tenant.config.id;
  const limit = query.limit ?? AGENT_PAGE_DEFAULT;
  const offset = query.offset ?? 0;
  const rows = await overpaidRows(app.db, tenantId, query.all ? undefined : isNull(payments.refundedAt), limit + 1, offset);
  return { refunds: await refundViews(app.db, tenantId, rows.slice(0, limit)), ...(rows.length > limit && { nextOffset: offset + limit }) };
}

/**
 * Records that the service refunded a payment's overpayment: once (409 when already
 * recorded, or when nothing was overpaid), dated between the payment's day and today.
 * The payment is locked meanwhile, so two agents recording it at once get one 200 and one 409.
 */
export async function markRefunded(
  app: AppContext,
  tenant: Tenant,
  agent: AuthenticatedAgent,
  paymentId: string,
  input: z.output<typeof RefundInput>,
): Promise<AgentRefund> {
  if (!isUuid(paymentId)) throw new ProblemError('not_found');
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const where = and(eq(payments.tenantId, tenantId), eq(payments.id, paymentId));
  await app.db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(where).for('update');
    if (!payment) throw new ProblemError('not_found');
    const check = checkRefund(
      { overpaidCents: Number(payment.overpaidCents), refunded: payment.refundedAt !== null, receivedOn: parisDate(payment.receivedAt) },
      input.refundedOn,
      parisDate(now),
    );
    if (!check.ok) {
      throw check.problem === 'conflict'
        ? new ProblemError('conflict', { detail: check.detail })
        : new ProblemError('validation_failed', { fieldErrors: check.fieldErrors });
    }
    await tx.update(payments).set({ refundedOn: input.refundedOn, refundReference: input.reference, refundedBy: agent.agent.id, refundedAt: now }).where(where);
  });
  app.logger.info({ msg: 'overpayment refunded', tenant: tenantId, payment: paymentId, agent: agent.agent.id });
  const rows = await overpaidRows(app.db, tenantId, eq(payments.id, paymentId), 1, 0);
  return (await refundViews(app.db, tenantId, rows))[0]!;
}
