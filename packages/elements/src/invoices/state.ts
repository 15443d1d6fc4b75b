// The state of <famille-invoices> and its pure rules: what may be selected, the total, why "Payer" cannot pay.
import type { ApiError } from '@famille/sdk';
import type { DownloadProblem } from '../form/pdf-download.ts';
import type { AttestationSummary, Invoice, InvoiceList, InvoicePreference, Payment, PaymentTransaction } from '@famille/contract';

/**
 * Rows shown at first, and added by "Afficher les factures plus anciennes": years of
 * monthly invoices stay quick to render and to read; "Solde dû" still covers them all.
 */
export const PAGE = 50;
/** Payments shown at first in the history. */
export const HISTORY_PAGE = 10;

/** Why "Payer" cannot pay now: nothing selected, no online payment, or under the minimum. */
export type Blocked = 'none' | 'offline' | 'minimum' | undefined;

/** What the element shows, replaced as a whole on every change (a reactive property). */
export interface InvoicesState {
  list?: InvoiceList | undefined;
  history?: Payment[] | undefined;
  attestations?: AttestationSummary[] | undefined;
  preferences?: InvoicePreference[] | undefined;
  loadProblem?: ApiError | undefined;
  /** The balance of each invoice the parent may select, by id (built on load). */
  payable: ReadonlyMap<string, number>;
  selected: ReadonlySet<string>;
  /** Invoices shown (the newest first), and payments shown in the history. */
  shown: number;
  historyShown: number;
  paying: boolean;
  /** Why the payment could not start. */
  problem?: ApiError | undefined;
  /** Reading the outcome of the payment the parent came back from. */
  checking: boolean;
  transaction?: PaymentTransaction | undefined;
  outcomeProblem?: ApiError | undefined;
  downloadProblem?: DownloadProblem | undefined;
  /** The parent's choices in the "facture en ligne" form, by child, until saved. */
  choices: ReadonlyMap<string, boolean>;
  savingChoices: boolean;
  choicesSaved: boolean;
  choicesProblem?: ApiError | undefined;
}

/** Nothing read yet, nothing selected: a new session starts from here. */
export const initialState = (): InvoicesState => ({
  payable: new Map(),
  selected: new Set(),
  shown: PAGE,
  historyShown: HISTORY_PAGE,
  paying: false,
  checking: false,
  choices: new Map(),
  savingChoices: false,
  choicesSaved: false,
});

/** An invoice the parent may select: a balance left and no online payment under way. */
export const isPayable = (invoice: Invoice): boolean => invoice.balanceCents > 0 && !invoice.paymentPending;

/** The balance of each payable invoice, by id. */
export const payableBalances = (invoices: readonly Invoice[]): Map<string, number> => new Map(invoices.filter(isPayable).map((i) => [i.id, i.balanceCents]));

/** The selection without the invoices that can no longer be paid (read again after a payment). */
export const keepPayable = (selected: ReadonlySet<string>, payable: ReadonlyMap<string, number>): Set<string> =>
  new Set([...selected].filter((id) => payable.has(id)));

/** The selection with `id` ticked (`on`) or not. */
export function toggled(selected: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The sum of the selected balances (only payable invoices are ever selected). */
export function selectedTotal({ selected, payable }: Pick<InvoicesState, 'selected' | 'payable'>): number {
  let total = 0;
  for (const id of selected) total += payable.get(id) ?? 0;
  return total;
}

/** Why "Payer" cannot pay `total` now, if it cannot. */
export function blocked({ list, selected }: Pick<InvoicesState, 'list' | 'selected'>, total: number): Blocked {
  const payment = list?.payment;
  if (payment?.provider === 'none') return 'offline';
  if (!selected.size) return 'none';
  if (payment && total < payment.minimumCents) return 'minimum';
  return undefined;
}

/** How many invoices of `all` are past the `shown` first, and how many of those are payable. */
export function olderHidden(all: readonly Invoice[], shown: number, payable: ReadonlyMap<string, number>): { hidden: number; payable: number } {
  let count = 0;
  for (let i = shown; i < all.length; i++) if (payable.has(all[i]!.id)) count++;
  return { hidden: all.length - shown, payable: count };
}
