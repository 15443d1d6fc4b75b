// The demo parent's family and sample invoices (`npm start`): two children validated by
// the service, invoices for them (one overdue, two to pay), and one invoice paid at the
// counter last year, so that every screen has something to show, the attestation
// fiscale included. Node only: the invoices go through the invoice import, whose CSV
// reader the in-browser server does not carry.
import { and, eq } from 'drizzle-orm';
import { resolveDeps, type AppContext, type AppDeps } from '../deps.ts';
import { invoices } from '../db/schema.ts';
import { findAccountByIdentifiantKey, toContractAccount } from '../db/accounts.ts';
import { findAgentByIdentifiantKey } from '../db/agents.ts';
import { normalizeIdentifiant } from '../domain/identifiant.ts';
import { addDays, parisDate } from '../domain/paris-date.ts';
import { formatImportErrors, importInvoices } from '../invoices/import.ts';
import { recordCounterPayment } from '../invoices/invoices.ts';
import { addMember } from '../family/members.ts';
import { setRequestStatus } from '../agents/requests.ts';
import { commissionMonth } from '../mail/templates.ts';
import type { Tenant } from '../tenants/registry.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { AuthenticatedAgent } from '../agents/auth.ts';
import { demoAccounts, demoAgents } from './seed.ts';

/** The month of a day as invoices name their period: "Octobre 2026". */
function periodOf(day: string): string {
  const month = commissionMonth(day, 'fr');
  return month.charAt(0).toUpperCase() + month.slice(1);
}

/** A day `years` years and `months` months before `day` (the 1st when the day does not exist then). */
function yearsBefore(day: string, years: number, months = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1 - months, d));
  return (date.getUTCDate() === d ? date : new Date(Date.UTC(y - years, m - months, 1))).toISOString().slice(0, 10);
}

/** The demo children: Léa, 2 ½, in a crèche; Hugo, 4, at the halte-garderie. Both under 6: the tax credit applies. */
const demoChildren = (today: string) => [
  { role: 'enfant' as const, nomUsage: 'Martin', prenoms: 'Léa', sexe: 'feminin' as const, dateNaissance: yearsBefore(today, 2, 6) },
  { role: 'enfant' as const, nomUsage: 'Martin', prenoms: 'Hugo', sexe: 'masculin' as const, dateNaissance: yearsBefore(today, 4, 2) },
];

/**
 * The sample invoices, dated from `today`: one overdue, two to pay (one with meals, which
 * are not childcare), and one of December last year (`lastYear`), paid then.
 */
function demoInvoices(today: string, familyId: string, lea: string, hugo: string): { current: object[]; lastYear: object } {
  // Each bills the month before it was issued, as towns do.
  const earlier = periodOf(addDays(today, -60));
  const latest = periodOf(addDays(today, -30));
  const line = (childId: string, childLabel: string, activity: string, period: string, quantity: number, unitPriceCents: number, childcare = true) => ({
    childId,
    childLabel,
    activity,
    period,
    quantity,
    unitPriceCents,
    ...(!childcare && { childcare: false }),
  });
  const crèche = 'Accueil régulier — Multi-accueil Les Capucines (heures)';
  const year = Number(today.slice(0, 4)) - 1;
  return {
    current: [
      { familyId, issuedOn: addDays(today, -45), dueOn: addDays(today, -15), lines: [line(lea, 'Léa Martin', crèche, earlier, 96, 142)] },
      {
        familyId,
        issuedOn: addDays(today, -5),
        dueOn: addDays(today, 25),
        lines: [line(lea, 'Léa Martin', crèche, latest, 88.5, 142), line(lea, 'Léa Martin', 'Repas', latest, 18, 385, false)],
      },
      {
        familyId,
        issuedOn: addDays(today, -2),
        dueOn: addDays(today, 28),
        lines: [line(hugo, 'Hugo Martin', 'Accueil occasionnel — Halte-garderie Pom’Cannelle (heures)', latest, 12.5, 98)],
      },
    ],
    lastYear: {
      familyId,
      issuedOn: `${year}-12-05`,
      dueOn: `${year}-12-31`,
      lines: [line(lea, 'Léa Martin', crèche, `Novembre ${year}`, 104, 142)],
    },
  };
}

/** Imports the demo's invoices as a town's billing system would send them; answers what was written. */
async function importDemo(deps: AppDeps, tenant: Tenant, batch: readonly object[]) {
  const result = await importInvoices(deps, tenant, { format: 'json', text: JSON.stringify(batch) });
  if (!result.ok) throw new TypeError(`The demo invoices do not import into ${tenant.config.id}:\n${formatImportErrors(result.errors)}`);
  return result.invoices;
}

/** The demo family's children, declared by the parent and validated by the demo agent, as the service would. */
async function seedDemoChildren(app: AppContext, tenant: Tenant, session: AuthenticatedSession, agent: AuthenticatedAgent, today: string) {
  const ids: string[] = [];
  for (const child of demoChildren(today)) {
    const { member, request } = await addMember(app, tenant, session, child);
    await setRequestStatus(app, tenant, agent, request.id, { status: 'validee' });
    ids.push(member.id);
  }
  return ids as [string, string];
}

/**
 * Gives the demo parent of each tenant their family, once (while the family has no
 * invoice): children, the sample invoices, last year's paid one. The invoices go through
 * the import, as a town's billing system would send them.
 */
export async function seedDemoInvoices(deps: AppDeps): Promise<void> {
  const app = resolveDeps(deps);
  const now = app.clock.now();
  const today = parisDate(now);
  for (const tenant of deps.tenants.list()) {
    const tenantId = tenant.config.id;
    const [parent, agentRow] = await Promise.all([
      findAccountByIdentifiantKey(app.db, tenantId, normalizeIdentifiant(demoAccounts[0]!.identifiant)),
      findAgentByIdentifiantKey(app.db, tenantId, normalizeIdentifiant(demoAgents[0]!.identifiant)),
    ]);
    if (!parent || !agentRow) continue;
    const existing = await app.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.familyId, parent.familyId)))
      .limit(1);
    if (existing.length > 0) continue;
    // The parent and the agent as the routes would see them, without a session in the database.
    const session: AuthenticatedSession = {
      tokenHash: '',
      via: 'bearer',
      transport: 'token',
      times: { createdAt: now, lastSeenAt: now, expiresAt: now, idleExpiresAt: now },
      account: toContractAccount(parent),
      familyId: parent.familyId,
    };
    const agent: AuthenticatedAgent = {
      tokenHash: '',
      agent: { id: agentRow.id, identifiant: agentRow.identifiant, displayName: agentRow.displayName, role: agentRow.role },
    };
    const [lea, hugo] = await seedDemoChildren(app, tenant, session, agent, today);
    const { current, lastYear } = demoInvoices(today, parent.familyId, lea, hugo);
    // Last year's first, so that the numbers follow the dates.
    const [paid] = await importDemo(deps, tenant, [lastYear]);
    await importDemo(deps, tenant, current);
    // Paid at the counter on 20 December last year (noon in Paris).
    const [paidId] = await app.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.number, paid!.number!)));
    const paidAt = new Date(`${Number(today.slice(0, 4)) - 1}-12-20T11:00:00Z`);
    await recordCounterPayment({ ...app, clock: { now: () => paidAt } }, tenant, agent, {
      familyId: parent.familyId,
      invoiceIds: [paidId!.id],
      amountCents: paid!.totalCents,
      method: 'cheque',
      reference: 'Chèque n° 0001234',
    });
  }
}
