import * as z from 'zod/mini';
import { FamilyLabel } from './family.ts';
import { cents, id, optionalText, text } from './fields.ts';

/**
 * à payer; en retard (the due date passed, balance left); partiellement réglée (some paid,
 * not late); réglée (zero balance).
 */
export const InvoiceStatus = z.enum(['a_payer', 'en_retard', 'partiellement_reglee', 'reglee']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

/** One line of an invoice, per child: activity, period, quantity × unit price. */
export const InvoiceLineInput = z.object({
  /** The child (a member of the family) the line is for, when known. */
  childId: z.optional(id),
  /** As printed: "Léo Martin". */
  childLabel: text(150),
  /** "Multi-accueil Cocon de Soie — accueil régulier". */
  activity: text(200),
  /** "Octobre 2026". */
  period: text(100),
  /** Hours, days, meals… at most two decimals (e.g. 42.5 hours; the server checks the decimals). */
  quantity: z.number().check(z.gt(0), z.lte(10_000)),
  unitPriceCents: cents,
  /**
   * "Frais de garde": whether the line counts for the yearly attestation fiscale (childcare
   * tax credit, article 200 quater B du CGI). `false` for what is not childcare — meals
   * ("Restauration", repas, goûter: "les frais de nourriture sont exclus"), fees…
   * Absent: true.
   */
  childcare: z.optional(z.boolean()),
});
export type InvoiceLineInput = z.input<typeof InvoiceLineInput>;

/** What an agent (or the CLI import) issues. The number follows the tenant's format when absent. */
export const InvoiceInput = z
  .object({
    familyId: id,
    /** The billing software's number; absent: the tenant's next number. */
    number: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9/_-]{0,29}$/))),
    issuedOn: z.iso.date(),
    /** "À payer avant le". */
    dueOn: z.iso.date(),
    lines: z.array(InvoiceLineInput).check(z.minLength(1), z.maxLength(100)),
  })
  .register(z.globalRegistry, { id: 'InvoiceInput' });
export type InvoiceInput = z.input<typeof InvoiceInput>;

export const InvoiceLine = z.object({
  childId: z.optional(z.string()),
  childLabel: z.string(),
  activity: z.string(),
  period: z.string(),
  quantity: z.number(),
  unitPriceCents: z.number(),
  /** quantity × unit price, rounded half up to the cent once per line. */
  amountCents: z.number(),
  /** Only `false` is ever sent: not "frais de garde" (meals…), left out of the attestation fiscale. Absent: childcare. */
  childcare: z.optional(z.boolean()),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const Invoice = z
  .object({
    id: z.string(),
    /** "F2026-00042": the tenant's numbering. */
    number: z.string(),
    issuedOn: z.string(),
    dueOn: z.string(),
    lines: z.array(InvoiceLine),
    totalCents: z.number(),
    paidCents: z.number(),
    /** Reste à payer: total minus what payments allocated to it. */
    balanceCents: z.number(),
    status: InvoiceStatus,
    /** An online payment of it is under way: it cannot be selected again until it ends. */
    paymentPending: z.boolean(),
  })
  .register(z.globalRegistry, { id: 'Invoice' });
export type Invoice = z.infer<typeof Invoice>;

export const CounterMethod = z.enum(['especes', 'cheque', 'cesu']);
export type CounterMethod = z.infer<typeof CounterMethod>;
/** `carte`: online, through the payment provider. */
export const PaymentMethod = z.enum(['carte', 'especes', 'cheque', 'cesu']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** How this tenant takes payments, for the element to explain the options. */
export const PaymentOptions = z.object({
  /** `none`: no online payment; pay at the counter. */
  provider: z.enum(['demo', 'payfip', 'none']),
  /** Below this total, online payment is refused (PayFiP: 100 = 1 €). */
  minimumCents: z.number(),
  /** What the counter takes. */
  counterMethods: z.array(CounterMethod),
});

export const InvoiceList = z
  .object({
    invoices: z.array(Invoice),
    /** "Solde dû": the sum of every balance. */
    balanceDueCents: z.number(),
    payment: PaymentOptions,
  })
  .register(z.globalRegistry, { id: 'InvoiceList' });
export type InvoiceList = z.infer<typeof InvoiceList>;

export const PaymentAllocation = z.object({ invoiceId: z.string(), invoiceNumber: z.string(), amountCents: z.number() });

/** A payment received (online or at the counter) and how it was allocated to invoices. */
export const Payment = z
  .object({
    id: z.string(),
    method: PaymentMethod,
    amountCents: z.number(),
    receivedAt: z.string(),
    allocations: z.array(PaymentAllocation),
    /** Taken beyond the balances (two payments crossed): to be refunded by the service. */
    overpaidCents: z.number(),
    transactionId: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'Payment' });
export type Payment = z.infer<typeof Payment>;

export const PaymentHistory = z.object({ payments: z.array(Payment) }).register(z.globalRegistry, { id: 'PaymentHistory' });
export type PaymentHistory = z.infer<typeof PaymentHistory>;

/** The invoices a payment is for (1 to 50). */
const invoiceIds = z.array(id).check(z.minLength(1), z.maxLength(50));

/** An agent records a payment at the counter, allocated to the invoices in the order given. */
export const CounterPaymentInput = z
  .object({
    familyId: id,
    method: CounterMethod,
    amountCents: cents.check(z.gte(1)),
    invoiceIds,
    /** Cheque number, CESU voucher numbers… */
    reference: optionalText(100),
  })
  .register(z.globalRegistry, { id: 'CounterPaymentInput' });
export type CounterPaymentInput = z.input<typeof CounterPaymentInput>;

/** The parent pays several invoices in one transaction. */
export const PaymentStartInput = z
  .object({
    invoiceIds,
    /**
     * The host page to come back to after paying (the page the parent paid from), an
     * http(s) URL on an origin the tenant allows; its fragment is replaced. Absent: the
     * tenant's account page.
     */
    returnTo: z.optional(z.string().check(z.maxLength(2000))),
  })
  .register(z.globalRegistry, { id: 'PaymentStartInput' });
export type PaymentStartInput = z.input<typeof PaymentStartInput>;

/** The providers that take online payments. */
const OnlineProvider = z.enum(['demo', 'payfip']);

export const TransactionStatus = z.enum(['pending', 'paid', 'refused', 'abandoned', 'failed']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const PaymentTransaction = z
  .object({
    id: z.string(),
    status: TransactionStatus,
    provider: OnlineProvider,
    amountCents: z.number(),
    invoices: z.array(z.object({ id: z.string(), number: z.string(), amountCents: z.number() })),
    createdAt: z.string(),
    settledAt: z.optional(z.string()),
  })
  .register(z.globalRegistry, { id: 'PaymentTransaction' });
export type PaymentTransaction = z.infer<typeof PaymentTransaction>;

/** Where to send the parent, in the same window (never a pop-up). */
export const PaymentRedirect = z
  .object({ transaction: PaymentTransaction, redirectUrl: z.string() })
  .register(z.globalRegistry, { id: 'PaymentRedirect' });
export type PaymentRedirect = z.infer<typeof PaymentRedirect>;

/** The child an answer is about, as the family knows them. */
const childReference = {
  childId: z.string(),
  /** "Léo Martin". */
  name: z.string(),
};

/** One child's part of a yearly attestation: what was paid in the year for their care. */
export const AttestationChild = z.object({
  ...childReference,
  /** YYYY-MM-DD: the child was under 6 on 1 January of the year. */
  birthDate: z.string(),
  paidCents: z.number(),
});
export type AttestationChild = z.infer<typeof AttestationChild>;

/**
 * The yearly "attestation fiscale" (frais de garde des enfants de moins de 6 ans): the
 * amounts paid in the calendar year (payment dates, Paris time) for each eligible child.
 */
export const AttestationSummary = z
  .object({
    year: z.number(),
    children: z.array(AttestationChild),
    totalCents: z.number(),
  })
  .register(z.globalRegistry, { id: 'AttestationSummary' });
export type AttestationSummary = z.infer<typeof AttestationSummary>;

/** The years with an attestation to download, newest first ("Attestation fiscale 2026"). */
export const AttestationList = z
  .object({ attestations: z.array(AttestationSummary) })
  .register(z.globalRegistry, { id: 'AttestationList' });
export type AttestationList = z.infer<typeof AttestationList>;

/** "Adhésion à la facture en ligne", per child: invoices by e-mail rather than on paper. */
export const InvoicePreference = z.object({
  ...childReference,
  /** The family is e-mailed when an invoice with a line for this child is published. */
  electronicInvoice: z.boolean(),
});
export type InvoicePreference = z.infer<typeof InvoicePreference>;

export const InvoicePreferences = z
  .object({ children: z.array(InvoicePreference) })
  .register(z.globalRegistry, { id: 'InvoicePreferences' });
export type InvoicePreferences = z.infer<typeof InvoicePreferences>;

/** The parent's choice for one child. */
export const InvoicePreferenceInput = z
  .object({ childId: id, electronicInvoice: z.boolean() })
  .register(z.globalRegistry, { id: 'InvoicePreferenceInput' });
export type InvoicePreferenceInput = z.input<typeof InvoicePreferenceInput>;

/**
 * Pagination of agents' lists, in the query string: `limit` (1–200, default 50) items
 * from `offset` (default 0). An answer with `nextOffset` has more after it.
 */
const listLimit = z.pipe(z.string().check(z.regex(/^(?:[1-9]|[1-9][0-9]|1[0-9]{2}|200)$/)), z.transform(Number));
const listOffset = z.pipe(z.string().check(z.regex(/^(?:0|[1-9][0-9]{0,5})$/)), z.transform(Number));
/** The query's pagination fields. */
const pageQuery = { limit: z.optional(listLimit), offset: z.optional(listOffset) };
/** The answer's pagination field. */
const nextPage = {
  /** The offset of the next page; absent on the last one. */
  nextOffset: z.optional(z.number()),
};

/** An agent's invoice search: any of the tenant's families, newest first. */
export const AgentInvoiceListQuery = z.object({
  familyId: z.optional(id),
  status: z.optional(InvoiceStatus),
  /** The exact invoice number ("F2026-00042"). */
  number: z.optional(z.string().check(z.minLength(1), z.maxLength(30))),
  ...pageQuery,
});
/** What a caller passes (the SDK writes it in the query string). */
export type AgentInvoiceQuery = z.output<typeof AgentInvoiceListQuery>;

export const AgentInvoiceList = z
  .object({
    invoices: z.array(z.object({ invoice: Invoice, family: FamilyLabel })),
    ...nextPage,
  })
  .register(z.globalRegistry, { id: 'AgentInvoiceList' });
export type AgentInvoiceList = z.infer<typeof AgentInvoiceList>;

/** `a_rembourser`: taken beyond the balances, not refunded yet; `rembourse`: an agent recorded the refund. */
export const RefundStatus = z.enum(['a_rembourser', 'rembourse']);
export type RefundStatus = z.infer<typeof RefundStatus>;

/**
 * A payment that took more than its invoices' balances (two payments crossed: see the
 * server's README), to be refunded by the service — and, once done, how.
 */
export const AgentRefund = z
  .object({
    /** The payment: `amountCents` taken, `overpaidCents` of it to refund, `allocations` to the invoices. */
    payment: Payment,
    family: FamilyLabel,
    /** Online payments: the provider and its references (PayFiP refdet and idOp), to find it in the régie's records. */
    transaction: z.optional(
      z.object({
        id: z.string(),
        provider: OnlineProvider,
        /** The reference sent to the provider (PayFiP refdet). */
        reference: z.string(),
        /** The provider's own id (PayFiP idOp). */
        providerRef: z.optional(z.string()),
      }),
    ),
    status: RefundStatus,
    /** Set when `rembourse`. */
    refund: z.optional(
      z.object({
        refundedOn: z.string(),
        /** The refund's reference (e.g. the DGFiP's). */
        reference: z.string(),
        /** When the agent recorded it. */
        recordedAt: z.string(),
        by: z.object({ id: z.string(), displayName: z.string() }),
      }),
    ),
  })
  .register(z.globalRegistry, { id: 'AgentRefund' });
export type AgentRefund = z.infer<typeof AgentRefund>;

export const AgentRefundList = z
  .object({ refunds: z.array(AgentRefund), ...nextPage })
  .register(z.globalRegistry, { id: 'AgentRefundList' });
export type AgentRefundList = z.infer<typeof AgentRefundList>;

/** Overpayments to refund, newest first; `all=true` adds the refunded ones. */
export const AgentRefundListQuery = z.object({
  all: z.optional(z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'))),
  ...pageQuery,
});
export type AgentRefundQuery = z.output<typeof AgentRefundListQuery>;

/** An agent records that the service refunded an overpayment. */
export const RefundInput = z
  .object({
    /** The refund's reference, e.g. the DGFiP's. */
    reference: text(100),
    /** The day it was refunded: not before the payment, not after today (Paris). */
    refundedOn: z.iso.date(),
  })
  .register(z.globalRegistry, { id: 'RefundInput' });
export type RefundInput = z.input<typeof RefundInput>;
