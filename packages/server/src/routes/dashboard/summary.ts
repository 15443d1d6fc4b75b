// Mon tableau de bord: what the family's landing page shows, in one answer.
import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { DashboardSummary } from '@famille/contract';
import type { AppContext } from '../../deps.ts';
import type { AuthenticatedSession } from '../../auth/authenticate.ts';
import type { Database } from '../../db/database.ts';
import { previousLoginAt } from '../../db/accounts.ts';
import { familyDocuments, invoices } from '../../db/schema.ts';
import { parisDate } from '../../domain/paris-date.ts';
import { familyAttestations } from '../../invoices/attestations.ts';
import { paidSql } from '../../invoices/invoices.ts';
import { listDrafts } from '../../preregistration/drafts.ts';
import type { Tenant } from '../../tenants/registry.ts';
import { unreadCount } from '../messages/messages.ts';
import { requestsAwaitingFamily } from './requests.ts';

/** Invoices to pay shown on the dashboard, and requests waiting for the family. */
const TO_PAY_SHOWN = 5;
const AWAITING_SHOWN = 10;
const LATEST_INVOICES = 3;

type OpenInvoice = { id: string; number: string; dueOn: string; balanceCents: number; overdue: boolean };

/** The overdue invoices first (the oldest due first), then the others by due date. */
export const byUrgency = (a: OpenInvoice, b: OpenInvoice): number =>
  Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn) || a.number.localeCompare(b.number);

/** The family's invoices with a balance left, most urgent first; `today` in Europe/Paris. */
async function openInvoices(db: Database, tenantId: string, familyId: string, today: string): Promise<OpenInvoice[]> {
  const rows = await db
    .select({ id: invoices.id, number: invoices.number, dueOn: invoices.dueOn, totalCents: invoices.totalCents, paid: paidSql })
    .from(invoices)
    .where(and(eq(invoices.tenantId, tenantId), eq(invoices.familyId, familyId), sql`${paidSql} < ${invoices.totalCents}`));
  return rows
    .map((r) => ({ id: r.id, number: r.number, dueOn: r.dueOn, balanceCents: Number(r.totalCents) - Number(r.paid), overdue: r.dueOn < today }))
    .sort(byUrgency);
}

export async function dashboardSummary(app: AppContext, tenant: Tenant, session: AuthenticatedSession): Promise<DashboardSummary> {
  const tenantId = tenant.config.id;
  const { familyId } = session;
  const today = parisDate(app.clock.now());
  const [previous, open, drafts, awaiting, unread, latest, attestations, [stored]] = await Promise.all([
    previousLoginAt(app.db, session.account.id, tenantId),
    openInvoices(app.db, tenantId, familyId, today),
    listDrafts(app, tenant, session),
    requestsAwaitingFamily(app.db, tenantId, familyId, AWAITING_SHOWN),
    unreadCount(app.db, tenantId, familyId),
    app.db
      .select({ id: invoices.id, number: invoices.number, issuedOn: invoices.issuedOn })
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.familyId, familyId)))
      .orderBy(desc(invoices.issuedOn), desc(invoices.number))
      .limit(LATEST_INVOICES),
    familyAttestations(app.db, tenantId, familyId),
    app.db
      .select({ count: count(), expiredCount: count(sql`case when ${lt(familyDocuments.validUntil, today)} then 1 end`) })
      .from(familyDocuments)
      .where(and(eq(familyDocuments.tenantId, tenantId), eq(familyDocuments.familyId, familyId))),
  ]);
  // The account as read with the session, at this request.
  const holder = session.account;
  return {
    account: { ...(holder.civilite && { civilite: holder.civilite }), nomUsage: holder.nomUsage, prenoms: holder.prenoms },
    ...(previous && { previousLoginAt: previous.toISOString() }),
    invoices: {
      count: open.length,
      totalCents: open.reduce((sum, i) => sum + i.balanceCents, 0),
      overdueCount: open.filter((i) => i.overdue).length,
      toPay: open.slice(0, TO_PAY_SHOWN),
    },
    drafts: drafts.map((d) => ({ childId: d.childId, childLabel: d.childLabel, updatedAt: d.updatedAt })),
    awaitingDocument: awaiting,
    unreadMessages: unread,
    storedDocuments: { count: stored?.count ?? 0, expiredCount: stored?.expiredCount ?? 0 },
    documents: { invoices: latest, attestationYears: attestations.map((a) => a.year) },
  };
}
