// The demo parent's sample invoices (`npm start`). Node only: they go through the invoice
// import, whose CSV reader the in-browser server does not carry.
import { and, eq } from 'drizzle-orm';
import { resolveDeps, type AppDeps } from '../deps.ts';
import { invoices } from '../db/schema.ts';
import { findAccountByIdentifiantKey } from '../db/accounts.ts';
import { normalizeIdentifiant } from '../domain/identifiant.ts';
import { addDays, parisDate } from '../domain/paris-date.ts';
import { formatImportErrors, importInvoices } from '../invoices/import.ts';
import { commissionMonth } from '../mail/templates.ts';
import { demoAccounts } from './seed.ts';

/** The month of a day as invoices name their period: "Octobre 2026". */
function periodOf(day: string): string {
  const month = commissionMonth(day, 'fr');
  return month.charAt(0).toUpperCase() + month.slice(1);
}

/**
 * The demo family's sample invoices, dated from `today`: one overdue, two to pay (one with
 * meals, which are not childcare).
 */
function demoInvoices(today: string, familyId: string): object[] {
  // Each bills the month before it was issued, as towns do.
  const earlier = periodOf(addDays(today, -60));
  const latest = periodOf(addDays(today, -30));
  const line = (childLabel: string, activity: string, period: string, quantity: number, unitPriceCents: number, childcare = true) => ({
    childLabel,
    activity,
    period,
    quantity,
    unitPriceCents,
    ...(!childcare && { childcare: false }),
  });
  return [
    {
      familyId,
      issuedOn: addDays(today, -45),
      dueOn: addDays(today, -15),
      lines: [line('Léa Martin', 'Accueil régulier — Multi-accueil Les Capucines (heures)', earlier, 96, 142)],
    },
    {
      familyId,
      issuedOn: addDays(today, -5),
      dueOn: addDays(today, 25),
      lines: [
        line('Léa Martin', 'Accueil régulier — Multi-accueil Les Capucines (heures)', latest, 88.5, 142),
        line('Léa Martin', 'Repas', latest, 18, 385, false),
      ],
    },
    {
      familyId,
      issuedOn: addDays(today, -2),
      dueOn: addDays(today, 28),
      lines: [line('Hugo Martin', 'Accueil occasionnel — Halte-garderie Pom’Cannelle (heures)', latest, 12.5, 98)],
    },
  ];
}

/**
 * Gives the demo parent of each tenant the sample invoices, once (while the family has
 * none): the demo's "Mes factures" has something to select and pay from the first start.
 * They go through the import, as a town's billing system would send them.
 */
export async function seedDemoInvoices(deps: AppDeps): Promise<void> {
  const app = resolveDeps(deps);
  const today = parisDate(app.clock.now());
  for (const tenant of deps.tenants.list()) {
    const tenantId = tenant.config.id;
    const parent = await findAccountByIdentifiantKey(app.db, tenantId, normalizeIdentifiant(demoAccounts[0]!.identifiant));
    if (!parent) continue;
    const existing = await app.db
      .select({ id: invoices.id })
      .from(invoices)
      .where(and(eq(invoices.tenantId, tenantId), eq(invoices.familyId, parent.familyId)))
      .limit(1);
    if (existing.length > 0) continue;
    const result = await importInvoices(deps, tenant, { format: 'json', text: JSON.stringify(demoInvoices(today, parent.familyId)) });
    if (!result.ok) throw new TypeError(`The demo invoices do not import into ${tenantId}:\n${formatImportErrors(result.errors)}`);
  }
}
