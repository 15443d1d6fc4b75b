// Mon tableau de bord: what the family's landing page shows, in one answer.
import { and, count, eq, lt, sql } from 'drizzle-orm';
import type { DashboardSummary } from '@famille/contract';
import type { AppContext } from '../../deps.ts';
import type { AuthenticatedSession } from '../../auth/authenticate.ts';
import { accounts, familyDocuments } from '../../db/schema.ts';
import { parisDate } from '../../domain/paris-date.ts';
import { familyAttestations } from '../../invoices/attestations.ts';
import { familyInvoices, sessionWithFamilyInvoicesAnd } from '../../invoices/invoices.ts';
import { pendingDrafts } from '../../preregistration/drafts.ts';
import { childLabel } from '../../preregistration/views.ts';
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

/**
 * The session with, in its own query, the account's previous login and the family's
 * invoice list (as the invoice page reads it): one round trip for both.
 */
export const sessionWithDashboard = sessionWithFamilyInvoicesAnd('session_with_dashboard', {
  previousLoginAt: sql<Date | null>`${accounts.previousLoginAt}`.mapWith(accounts.previousLoginAt).as('previous_login_at'),
});

type DashboardSession = NonNullable<Awaited<ReturnType<typeof sessionWithDashboard>>>;

export async function dashboardSummary(app: AppContext, tenant: Tenant, session: AuthenticatedSession, joined: DashboardSession): Promise<DashboardSummary> {
  const tenantId = tenant.config.id;
  const { familyId } = session;
  const today = parisDate(app.clock.now());
  const [list, drafts, awaiting, unread, attestations, [stored]] = await Promise.all([
    familyInvoices(app, tenant, familyId, joined.invoices),
    pendingDrafts(app.db, tenantId, familyId),
    requestsAwaitingFamily(app.db, tenantId, familyId, AWAITING_SHOWN),
    unreadCount(app.db, tenantId, familyId),
    familyAttestations(app.db, tenantId, familyId),
    app.db
      .select({ count: count(), expiredCount: count(sql`case when ${lt(familyDocuments.validUntil, today)} then 1 end`) })
      .from(familyDocuments)
      .where(and(eq(familyDocuments.tenantId, tenantId), eq(familyDocuments.familyId, familyId))),
  ]);
  // The family's invoices with a balance left, most urgent first.
  const open = list.invoices
    .filter((i) => i.balanceCents > 0)
    .map((i) => ({ id: i.id, number: i.number, dueOn: i.dueOn, balanceCents: i.balanceCents, overdue: i.status === 'en_retard' }))
    .sort(byUrgency);
  // The account as read with the session, at this request.
  const holder = session.account;
  return {
    account: { ...(holder.civilite && { civilite: holder.civilite }), nomUsage: holder.nomUsage, prenoms: holder.prenoms },
    ...(joined.previousLoginAt && { previousLoginAt: joined.previousLoginAt.toISOString() }),
    invoices: {
      count: open.length,
      totalCents: open.reduce((sum, i) => sum + i.balanceCents, 0),
      overdueCount: open.filter((i) => i.overdue).length,
      toPay: open.slice(0, TO_PAY_SHOWN),
    },
    drafts: drafts.map((d) => ({ childId: d.draft.childId, childLabel: childLabel(d.child), updatedAt: d.draft.updatedAt.toISOString() })),
    awaitingDocument: awaiting,
    unreadMessages: unread,
    storedDocuments: { count: stored?.count ?? 0, expiredCount: stored?.expiredCount ?? 0 },
    // Newest first, as the invoice list.
    documents: {
      invoices: list.invoices.slice(0, LATEST_INVOICES).map((i) => ({ id: i.id, number: i.number, issuedOn: i.issuedOn })),
      attestationYears: attestations.map((a) => a.year),
    },
  };
}
