// Invoices and payments as plain functions: integer cents only, no HTTP, no database.
import type { FieldError, InvoiceStatus } from '@famille/contract';

/**
 * A quantity (at most two decimals) times a unit price in cents, rounded half up to the
 * cent, in integers: 42.5 h × 1.37 € = 4250 × 137 / 100 = 5822.5 → 5823 cents.
 * `undefined` when the quantity has more than two decimals.
 */
export function lineAmountCents(quantity: number, unitPriceCents: number): number | undefined {
  const hundredths = Math.round(quantity * 100);
  if (Math.abs(quantity * 100 - hundredths) > 1e-6) return undefined;
  return Math.floor((hundredths * unitPriceCents + 50) / 100);
}

/**
 * réglée when nothing is left; en retard when the due date (Paris day) has passed with a
 * balance, even partly paid; partiellement réglée when something was paid; à payer otherwise.
 */
export function invoiceStatus(invoice: { readonly totalCents: number; readonly paidCents: number; readonly dueOn: string }, today: string): InvoiceStatus {
  if (invoice.paidCents >= invoice.totalCents) return 'reglee';
  if (invoice.dueOn < today) return 'en_retard';
  return invoice.paidCents > 0 ? 'partiellement_reglee' : 'a_payer';
}

export interface Allocation {
  readonly invoiceId: string;
  readonly amountCents: number;
}

/**
 * Allocates a payment to invoices in the order given: each takes up to its balance, the
 * next gets the rest. What no balance takes is the surplus (to refund). The allocations
 * and the surplus always add up to the amount, to the cent.
 */
export function allocatePayment(
  amountCents: number,
  invoices: readonly { readonly id: string; readonly balanceCents: number }[],
): { allocations: Allocation[]; surplusCents: number } {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) throw new RangeError(`amount must be whole cents: ${amountCents}`);
  let left = amountCents;
  const allocations: Allocation[] = [];
  for (const invoice of invoices) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(0, invoice.balanceCents));
    if (take > 0) {
      allocations.push({ invoiceId: invoice.id, amountCents: take });
      left -= take;
    }
  }
  return { allocations, surplusCents: left };
}

/**
 * The tenant's invoice number: `{YYYY}` (year issued), `{MM}`, `{SEQ:n}` (the tenant's
 * counter, zero-padded to n digits). "F{YYYY}-{SEQ:5}" → "F2026-00042".
 */
export function formatInvoiceNumber(format: string, sequence: number, issuedOn: string): string {
  return format
    .replace(/\{YYYY\}/g, issuedOn.slice(0, 4))
    .replace(/\{MM\}/g, issuedOn.slice(5, 7))
    .replace(/\{SEQ(?::(\d+))?\}/g, (_, width: string | undefined) => String(sequence).padStart(Number(width ?? 1), '0'));
}

/** "1 234,56 €" (narrow no-break spaces as French typography wants). */
export function formatEuros(cents: number, locale: 'fr' | 'en' = 'fr'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/**
 * Splits an amount paid on an invoice across its lines, proportionally to the lines'
 * amounts, in whole cents: each line gets the floor of its exact share, and the cents
 * left over go one each to the lines with the largest remainders (ties: the earlier line).
 * The parts always add up to the amount. BigInt: amount × line may pass 2^53.
 * A payment of 50 € on lines of 60 € and 40 € gives 30 € and 20 €; 1 cent on two equal
 * lines gives it to the first.
 */
export function splitByLines(amountCents: number, lineCents: readonly number[]): number[] {
  const total = lineCents.reduce((sum, c) => sum + c, 0);
  if (total <= 0) return lineCents.map(() => 0);
  const amount = BigInt(amountCents);
  const exact = lineCents.map((c) => amount * BigInt(c));
  const parts = exact.map((e) => e / BigInt(total));
  const remainders = exact.map((e, index) => ({ index, remainder: e % BigInt(total) }));
  let left = amount - parts.reduce((sum, p) => sum + p, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left <= 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/**
 * Whether a child counts for the year's childcare tax credit: under 6 on 1 January of the
 * year, which the tax administration words as "né à compter du 1er janvier" six years
 * before (2026: born on or after 2020-01-01). Children born during the year count too.
 */
export function underSixOnFirstJanuary(birthDate: string, year: number): boolean {
  return birthDate >= `${year - 6}-01-01` && birthDate <= `${year}-12-31`;
}

export type RefundCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: 'conflict'; readonly detail: string }
  | { readonly ok: false; readonly problem: 'validation_failed'; readonly fieldErrors: FieldError[] };

/**
 * Whether a refund may be recorded on a payment: only an overpaid one, only once, dated
 * between the day it was received and today (Paris days, YYYY-MM-DD).
 */
export function checkRefund(
  payment: { readonly overpaidCents: number; readonly refunded: boolean; readonly receivedOn: string },
  refundedOn: string,
  today: string,
): RefundCheck {
  if (payment.overpaidCents <= 0)
    return { ok: false, problem: 'conflict', detail: 'This payment took nothing beyond its invoices’ balances: there is nothing to refund.' };
  if (payment.refunded) return { ok: false, problem: 'conflict', detail: 'The refund of this payment is already recorded.' };
  if (refundedOn < payment.receivedOn)
    return { ok: false, problem: 'validation_failed', fieldErrors: [{ path: 'refundedOn', code: 'too_small', params: { minimum: payment.receivedOn } }] };
  if (refundedOn > today)
    return { ok: false, problem: 'validation_failed', fieldErrors: [{ path: 'refundedOn', code: 'too_large', params: { maximum: today } }] };
  return { ok: true };
}
