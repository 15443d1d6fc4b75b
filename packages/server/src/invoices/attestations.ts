// The yearly "attestation fiscale" (frais de garde des enfants de moins de 6 ans) and the
// per-child choice of electronic invoices ("adhésion à la facture en ligne").
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { AttestationSummary, InvoicePreferenceInput, InvoicePreferences } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { Database } from '../db/database.ts';
import { familyMembers, invoicePreferences, invoices, paymentAllocations, payments } from '../db/schema.ts';
import { splitByLines, underSixOnFirstJanuary } from '../domain/invoices.ts';
import { parisDate } from '../domain/paris-date.ts';
import { familyLabels } from '../family/views.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { pdfResponse, renderAttestationPdf } from './pdf.ts';

/** The first year an attestation can be asked for. */
const FIRST_ATTESTATION_YEAR = 2000;

interface Child {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string | undefined;
}

/**
 * The family's children (current members). The birth date is the one the service
 * validated, or else the one declared; a child removed from the family, or whose birth
 * date is unknown, is in no attestation. `validatedOnly`: only those the service has
 * validated (what can be billed: a child declared a minute ago is not yet).
 */
async function familyChildren(db: Database, tenantId: string, familyId: string, { validatedOnly = false } = {}): Promise<Child[]> {
  const rows = await db
    .select({ id: familyMembers.id, profile: familyMembers.profile, validated: familyMembers.validatedProfile })
    .from(familyMembers)
    .where(
      and(
        eq(familyMembers.tenantId, tenantId),
        eq(familyMembers.familyId, familyId),
        eq(familyMembers.role, 'enfant'),
        validatedOnly ? isNotNull(familyMembers.validatedProfile) : undefined,
      ),
    )
    .orderBy(asc(familyMembers.createdAt));
  return rows.map((row) => {
    const profile = (row.validated ?? row.profile) as { prenoms?: string; nomUsage?: string; dateNaissance?: string };
    return { id: row.id, name: [profile.prenoms, profile.nomUsage].filter(Boolean).join(' '), birthDate: profile.dateNaissance };
  });
}

/**
 * Every year's attestation of the family, newest first: one query for the allocations
 * (with their payment's date and their invoice's lines), one for the children.
 *
 * An allocation (part of a payment credited to one invoice) counts in the Paris year of
 * its payment. It is split across the invoice's lines proportionally to the lines'
 * amounts, in exact cents with the largest-remainder method (`splitByLines`), so that an
 * invoice for two children never gives a cent twice or loses one; each line's part goes
 * to the line's child (`childId`) when that child was under 6 on 1 January of the year.
 * Lines without a child, or for an older child, are left out, and so are lines that are
 * not childcare (`childcare: false`: meals, "les frais de nourriture sont exclus" of the
 * tax credit). The split is still over ALL the lines — a payment pays the meals too — and
 * only then are the childcare parts counted, so a meal never takes a cent of the care.
 */
export async function familyAttestations(db: Database, tenantId: string, familyId: string): Promise<AttestationSummary[]> {
  const [rows, children] = await Promise.all([
    db
      .select({ receivedAt: payments.receivedAt, amountCents: paymentAllocations.amountCents, lines: invoices.lines })
      .from(paymentAllocations)
      .innerJoin(payments, and(eq(payments.tenantId, paymentAllocations.tenantId), eq(payments.id, paymentAllocations.paymentId)))
      .innerJoin(invoices, and(eq(invoices.tenantId, paymentAllocations.tenantId), eq(invoices.id, paymentAllocations.invoiceId)))
      .where(and(eq(paymentAllocations.tenantId, tenantId), eq(payments.familyId, familyId), eq(invoices.familyId, familyId))),
    familyChildren(db, tenantId, familyId),
  ]);
  const childById = new Map(children.map((c) => [c.id, c]));
  const byYear = new Map<number, Map<string, number>>();
  for (const row of rows) {
    const year = Number(parisDate(row.receivedAt).slice(0, 4));
    const parts = splitByLines(
      Number(row.amountCents),
      row.lines.map((l) => l.amountCents),
    );
    row.lines.forEach((line, index) => {
      if (line.childcare === false) return;
      const child = line.childId ? childById.get(line.childId) : undefined;
      if (!child?.birthDate || !underSixOnFirstJanuary(child.birthDate, year) || parts[index]! === 0) return;
      const paid = byYear.get(year) ?? new Map<string, number>();
      paid.set(child.id, (paid.get(child.id) ?? 0) + parts[index]!);
      byYear.set(year, paid);
    });
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, paid]) => {
      const list = children.filter((c) => paid.has(c.id)).map((c) => ({ childId: c.id, name: c.name, birthDate: c.birthDate!, paidCents: paid.get(c.id)! }));
      return { year, children: list, totalCents: list.reduce((sum, c) => sum + c.paidCents, 0) };
    });
}

/** A year from the path: four digits, from 2000 to the current (Paris) year; otherwise 422 on `year`. */
function attestationYear(text: string, now: Date): number {
  const current = Number(parisDate(now).slice(0, 4));
  const fail = (fieldError: { code: 'invalid_format' | 'too_small' | 'too_large'; params?: Record<string, number> }) => {
    throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'year', ...fieldError }] });
  };
  if (!/^\d{4}$/.test(text)) fail({ code: 'invalid_format' });
  const year = Number(text);
  if (year < FIRST_ATTESTATION_YEAR) fail({ code: 'too_small', params: { minimum: FIRST_ATTESTATION_YEAR } });
  if (year > current) fail({ code: 'too_large', params: { maximum: current } });
  return year;
}

/** The year's attestation as a PDF; 404 when the family paid nothing for an eligible child that year. */
export async function attestationPdfResponse(app: AppContext, tenant: Tenant, familyId: string, yearText: string): Promise<Response> {
  const now = app.clock.now();
  const year = attestationYear(yearText, now);
  const tenantId = tenant.config.id;
  const summary = (await familyAttestations(app.db, tenantId, familyId)).find((a) => a.year === year);
  if (!summary) throw new ProblemError('not_found', { detail: `No childcare paid in ${year} for a child under 6` });
  const parent = (await familyLabels(app.db, tenantId, [familyId])).get(familyId);
  const bytes = await renderAttestationPdf({ ...summary, parents: parent ? [parent] : [] }, tenant.config, parisDate(now), now);
  return pdfResponse(bytes, `attestation-frais-de-garde-${year}.pdf`);
}

/** The family's choices as they are stored, by child (no row: paper invoices). */
async function electronicChoices(db: Database, tenantId: string, familyId: string): Promise<Map<string, boolean>> {
  const rows = await db
    .select({ childId: invoicePreferences.childId, electronic: invoicePreferences.electronic })
    .from(invoicePreferences)
    .where(and(eq(invoicePreferences.tenantId, tenantId), eq(invoicePreferences.familyId, familyId)));
  return new Map(rows.map((r) => [r.childId, r.electronic]));
}

const preferencesView = (children: readonly Child[], electronic: ReadonlyMap<string, boolean>): InvoicePreferences => ({
  children: children.map((c) => ({ childId: c.id, name: c.name, electronicInvoice: electronic.get(c.id) ?? false })),
});

/** Each child of the family the service has validated (only they are billed), with its choice. */
export async function familyInvoicePreferences(db: Database, tenantId: string, familyId: string): Promise<InvoicePreferences> {
  const [children, electronic] = await Promise.all([
    familyChildren(db, tenantId, familyId, { validatedOnly: true }),
    electronicChoices(db, tenantId, familyId),
  ]);
  return preferencesView(children, electronic);
}

/** Sets one child's choice; a child that is not one of the family's validated ones: 422 on `childId`. */
export async function setInvoicePreference(
  app: AppContext,
  tenant: Tenant,
  familyId: string,
  body: z.output<typeof InvoicePreferenceInput>,
): Promise<InvoicePreferences> {
  const tenantId = tenant.config.id;
  const children = await familyChildren(app.db, tenantId, familyId, { validatedOnly: true });
  // PostgreSQL writes a uuid in lower case and compares it in any case.
  const child = children.find((c) => c.id === body.childId.toLowerCase());
  if (!child) throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'childId', code: 'unknown_reference' }] });
  const now = app.clock.now();
  await app.db
    .insert(invoicePreferences)
    .values({ tenantId, childId: child.id, familyId, electronic: body.electronicInvoice, updatedAt: now })
    .onConflictDoUpdate({ target: [invoicePreferences.tenantId, invoicePreferences.childId], set: { electronic: body.electronicInvoice, updatedAt: now } });
  return preferencesView(children, await electronicChoices(app.db, tenantId, familyId));
}
