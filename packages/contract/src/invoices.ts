import * as z from 'zod/mini';
import { FamilyLabel } from './family.ts';
import { calendarDate, cents, id, instant, optionalText, text, wholeNumber } from './fields.ts';
import { nextPage, pageQuery } from './pages.ts';

/**
 * à payer; en retard (the due date passed, balance left); partiellement réglée (some paid,
 * not late); réglée (zero balance).
 */
export const InvoiceStatus = z.enum(['a_payer', 'en_retard', 'partiellement_reglee', 'reglee']);
export type InvoiceStatus = z.infer<typeof InvoiceStatus>;

const invoiceStatus =
  '`a_payer` (to pay), `en_retard` (overdue: the due date passed with a balance left), `partiellement_reglee` (partly paid, not overdue), `reglee` (paid: zero balance)';

/** In answers: cents, as everywhere in the API. */
const amount = (description: string, example: number) =>
  wholeNumber().check(z.meta({ description: `${description}, in cents (1234 = 12,34 €)`, examples: [example] }));

/** One line of an invoice, per child: activity, period, quantity × unit price. */
export const InvoiceLineInput = z
  .object({
    /** The child (a member of the family) the line is for, when known. */
    childId: z
      .optional(id)
      .check(z.describe('The child (a member of the family) the line is for, when known: it puts the line in that child’s attestation fiscale')),
    /** As printed: "Léo Martin". */
    childLabel: text(150).check(z.meta({ description: 'The child’s name as printed on the invoice; 1 to 150 characters', examples: ['Léo Martin'] })),
    /** "Multi-accueil Cocon de Soie — accueil régulier". */
    activity: text(200).check(z.meta({ description: 'What is billed; 1 to 200 characters', examples: ['Multi-accueil Cocon de Soie — accueil régulier'] })),
    /** "Octobre 2026". */
    period: text(100).check(z.meta({ description: 'The period billed, as printed; 1 to 100 characters', examples: ['Octobre 2026'] })),
    /** Hours, days, meals… at most two decimals (e.g. 42.5 hours; the server checks the decimals). */
    quantity: z.number().check(
      z.gt(0),
      z.lte(10_000),
      z.meta({
        description: 'Hours, days, meals…: more than 0, at most 10000, with at most two decimals (the server checks the decimals)',
        examples: [42.5],
      }),
    ),
    unitPriceCents: cents.check(z.meta({ description: 'Unit price in cents (1234 = 12,34 €), an integer from 0 to 100000000', examples: [182] })),
    /**
     * "Frais de garde": whether the line counts for the yearly attestation fiscale (childcare
     * tax credit, article 200 quater B du CGI). `false` for what is not childcare — meals
     * ("Restauration", repas, goûter: "les frais de nourriture sont exclus"), fees…
     * Absent: true.
     */
    childcare: z
      .optional(z.boolean())
      .check(
        z.describe(
          'Whether the line is childcare (frais de garde), which counts for the yearly attestation fiscale (childcare tax credit, article 200 quater B of the Code général des impôts). `false` for what is not childcare: meals (restauration, repas, goûter), fees. Absent: `true`.',
        ),
      ),
  })
  .register(z.globalRegistry, {
    id: 'InvoiceLineInput',
    description: 'One line of an invoice to issue, for one child: activity, period, quantity × unit price',
  });
export type InvoiceLineInput = z.input<typeof InvoiceLineInput>;

/** What an agent (or the CLI import) issues. The number follows the tenant's format when absent. */
export const InvoiceInput = z
  .object({
    familyId: id.check(z.describe('The family billed (`family.id` in agents’ lists)')),
    /** The billing software's number; absent: the tenant's next number. */
    number: z.optional(z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9/_-]{0,29}$/))).check(
      z.meta({
        description:
          'The billing software’s number: letters, digits, `/ _ -`, 1 to 30 characters, starting with a letter or digit. Absent: the tenant’s next number. Unique in the tenant (409 `conflict`).',
        examples: ['F2026-00042'],
      }),
    ),
    issuedOn: z.iso.date().check(z.describe('Issue date, `YYYY-MM-DD`')),
    /** "À payer avant le". */
    dueOn: z.iso.date().check(z.describe('Due date ("à payer avant le"), `YYYY-MM-DD`; the invoice is `en_retard` (overdue) after it')),
    lines: z.array(InvoiceLineInput).check(z.minLength(1), z.maxLength(100), z.describe('The lines, 1 to 100')),
  })
  .register(z.globalRegistry, {
    id: 'InvoiceInput',
    description: 'An invoice an agent (or the CLI import) issues to a family. The family is e-mailed when it opted for electronic invoices.',
    examples: [
      {
        familyId: '0b5c2e8f-3a1d-4e7b-9c6a-2f8e1d4b7a90',
        number: 'F2026-00042',
        issuedOn: '2026-11-03',
        dueOn: '2026-11-30',
        lines: [
          {
            childId: '5b9e2d47-8c1a-4f3b-a6e0-7d2c9b8a1f04',
            childLabel: 'Léo Martin',
            activity: 'Multi-accueil Cocon de Soie — accueil régulier',
            period: 'Octobre 2026',
            quantity: 42.5,
            unitPriceCents: 182,
          },
          {
            childId: '5b9e2d47-8c1a-4f3b-a6e0-7d2c9b8a1f04',
            childLabel: 'Léo Martin',
            activity: 'Restauration — repas',
            period: 'Octobre 2026',
            quantity: 18,
            unitPriceCents: 350,
            childcare: false,
          },
        ],
      },
    ],
  });
export type InvoiceInput = z.input<typeof InvoiceInput>;

export const InvoiceLine = z
  .object({
    childId: z.optional(z.string()).check(z.describe('The child the line is for, when known')),
    childLabel: z.string().check(z.meta({ description: 'The child’s name as printed', examples: ['Léo Martin'] })),
    activity: z.string().check(z.meta({ description: 'What is billed', examples: ['Multi-accueil Cocon de Soie — accueil régulier'] })),
    period: z.string().check(z.meta({ description: 'The period billed, as printed', examples: ['Octobre 2026'] })),
    quantity: z.number().check(z.meta({ description: 'Hours, days, meals…, with at most two decimals', examples: [42.5] })),
    unitPriceCents: amount('Unit price', 182),
    /** quantity × unit price, rounded half up to the cent once per line. */
    amountCents: amount('The line’s amount: quantity × unit price, rounded half up to the cent once per line', 7735),
    /** Only `false` is ever sent: not "frais de garde" (meals…), left out of the attestation fiscale. Absent: childcare. */
    childcare: z
      .optional(z.boolean())
      .check(
        z.describe(
          'Only `false` is ever sent: the line is not childcare (frais de garde: meals, fees…) and is left out of the attestation fiscale. Absent: childcare.',
        ),
      ),
  })
  .register(z.globalRegistry, { id: 'InvoiceLine', description: 'One line of an invoice, for one child' });
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const Invoice = z
  .object({
    id: z.string().check(z.meta({ description: 'The invoice’s id, for `invoiceIds` and the PDF', examples: ['6a1f3c9e-7b2d-4e8a-b0c5-9d4e2f1a8b37'] })),
    /** "F2026-00042": the tenant's numbering. */
    number: z.string().check(z.meta({ description: 'The invoice number, in the tenant’s numbering', examples: ['F2026-00042'] })),
    issuedOn: calendarDate().check(z.meta({ description: 'Issue date, `YYYY-MM-DD`', examples: ['2026-11-03'] })),
    dueOn: calendarDate().check(z.meta({ description: 'Due date ("à payer avant le"), `YYYY-MM-DD`', examples: ['2026-11-30'] })),
    lines: z.array(InvoiceLine).check(z.describe('The lines')),
    totalCents: amount('Total of the lines', 13035),
    paidCents: amount('What payments allocated to it', 0),
    /** Reste à payer: total minus what payments allocated to it. */
    balanceCents: amount('Reste à payer (balance due): total minus what payments allocated to it', 13035),
    status: InvoiceStatus.check(z.describe(invoiceStatus)),
    /** An online payment of it is under way: it cannot be selected again until it ends. */
    paymentPending: z
      .boolean()
      .check(z.describe('An online payment of it is under way: it cannot be paid again until that one ends (409 `payment_in_progress`)')),
  })
  .register(z.globalRegistry, { id: 'Invoice', description: 'An invoice (facture) of the family' });
export type Invoice = z.infer<typeof Invoice>;

export const CounterMethod = z.enum(['especes', 'cheque', 'cesu']);
export type CounterMethod = z.infer<typeof CounterMethod>;
/** `carte`: online, through the payment provider. */
export const PaymentMethod = z.enum(['carte', 'especes', 'cheque', 'cesu']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

const counterMethods = '`especes` (cash), `cheque` (cheque), `cesu` (CESU vouchers, chèques emploi service universel)';

/** How this tenant takes payments, for the element to explain the options. */
export const PaymentOptions = z
  .object({
    /** `none`: no online payment; pay at the counter. */
    provider: z
      .enum(['demo', 'payfip', 'none'])
      .check(
        z.describe(
          'Online payment: `payfip` (the DGFiP’s PayFiP service for public bodies), `demo` (a simulated provider for demonstrations), `none` (no online payment: pay at the counter)',
        ),
      ),
    /** Below this total, online payment is refused (PayFiP: 100 = 1 €). */
    minimumCents: amount('Below this total, online payment is refused (PayFiP: 100, that is 1 €)', 100),
    /** What the counter takes. */
    counterMethods: z.array(CounterMethod).check(z.describe(`What the counter (régie) takes: ${counterMethods}`)),
  })
  .register(z.globalRegistry, { id: 'PaymentOptions', description: 'How this tenant takes payments, for the element to explain the options' });

export const InvoiceList = z
  .object({
    invoices: z.array(Invoice).check(z.describe('The invoices, newest first')),
    /** "Solde dû": the sum of every balance. */
    balanceDueCents: amount('Solde dû (balance due): the sum of every invoice’s balance', 13035),
    payment: PaymentOptions.check(z.describe('How this tenant takes payments')),
  })
  .register(z.globalRegistry, { id: 'InvoiceList', description: 'The family’s invoices, with the balance due and the payment options' });
export type InvoiceList = z.infer<typeof InvoiceList>;

export const PaymentAllocation = z
  .object({
    invoiceId: z.string().check(z.describe('The invoice paid')),
    invoiceNumber: z.string().check(z.meta({ description: 'Its number', examples: ['F2026-00042'] })),
    amountCents: amount('The part of the payment allocated to it', 13035),
  })
  .register(z.globalRegistry, { id: 'PaymentAllocation', description: 'The part of a payment allocated to one invoice' });

/** A payment received (online or at the counter) and how it was allocated to invoices. */
export const Payment = z
  .object({
    id: z.string().check(z.describe('The payment’s id')),
    method: PaymentMethod.check(z.describe(`\`carte\` (card, online through the provider), or at the counter: ${counterMethods}`)),
    amountCents: amount('The amount received', 13035),
    receivedAt: instant().check(z.describe('When it was received (UTC instant; attestations count it in its Europe/Paris year)')),
    allocations: z.array(PaymentAllocation).check(z.describe('How it was allocated to invoices, in order')),
    /** Taken beyond the balances (two payments crossed): to be refunded by the service. */
    overpaidCents: amount('Taken beyond the invoices’ balances (two payments crossed): the service refunds it', 0),
    transactionId: z.optional(z.string()).check(z.describe('The online transaction, for `carte` payments')),
  })
  .register(z.globalRegistry, { id: 'Payment', description: 'A payment received (online or at the counter) and how it was allocated to invoices' });
export type Payment = z.infer<typeof Payment>;

export const PaymentHistory = z
  .object({ payments: z.array(Payment).check(z.describe('The payments, newest first')) })
  .register(z.globalRegistry, { id: 'PaymentHistory', description: 'The family’s payments' });
export type PaymentHistory = z.infer<typeof PaymentHistory>;

/** The invoices a payment is for (1 to 50). */
const invoiceIds = z.array(id).check(z.minLength(1), z.maxLength(50));

/** An agent records a payment at the counter, allocated to the invoices in the order given. */
export const CounterPaymentInput = z
  .object({
    familyId: id.check(z.describe('The family paying')),
    method: CounterMethod.check(z.describe(`How: ${counterMethods}`)),
    amountCents: cents.check(z.gte(1), z.meta({ description: 'Amount received in cents (1234 = 12,34 €), an integer from 1 to 100000000', examples: [13035] })),
    invoiceIds: invoiceIds.check(
      z.describe('The family’s invoices it pays, 1 to 50, allocated in this order; what exceeds their balances is recorded as overpaid'),
    ),
    /** Cheque number, CESU voucher numbers… */
    reference: optionalText(100).check(
      z.meta({ description: 'Cheque number, CESU voucher numbers…; at most 100 characters', examples: ['Chèque n° 8812345'] }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'CounterPaymentInput',
    description: 'A payment at the counter (régie), recorded by an agent and allocated to the invoices in the order given',
    examples: [
      {
        familyId: '0b5c2e8f-3a1d-4e7b-9c6a-2f8e1d4b7a90',
        method: 'cheque',
        amountCents: 13035,
        invoiceIds: ['6a1f3c9e-7b2d-4e8a-b0c5-9d4e2f1a8b37'],
        reference: 'Chèque n° 8812345',
      },
    ],
  });
export type CounterPaymentInput = z.input<typeof CounterPaymentInput>;

/** The parent pays several invoices in one transaction. */
export const PaymentStartInput = z
  .object({
    invoiceIds: invoiceIds.check(z.describe('The family’s invoices to pay, 1 to 50: each is paid in full (its balance)')),
    /**
     * The host page to come back to after paying (the page the parent paid from), an
     * http(s) URL on an origin the tenant allows; its fragment is replaced. Absent: the
     * tenant's account page.
     */
    returnTo: z.optional(z.string().check(z.maxLength(2000))).check(
      z.meta({
        description:
          'The page to come back to after paying (the page the parent paid from): an http(s) URL on an origin the tenant allows, at most 2000 characters; its fragment is replaced. Absent: the tenant’s account page.',
        examples: ['https://www.vienne-condrieu.example.fr/mon-espace-famille'],
      }),
    ),
  })
  .register(z.globalRegistry, {
    id: 'PaymentStartInput',
    description: 'The invoices a parent pays in one online transaction',
    examples: [{ invoiceIds: ['6a1f3c9e-7b2d-4e8a-b0c5-9d4e2f1a8b37'], returnTo: 'https://www.vienne-condrieu.example.fr/mon-espace-famille' }],
  });
export type PaymentStartInput = z.input<typeof PaymentStartInput>;

/** The providers that take online payments. */
const OnlineProvider = z.enum(['demo', 'payfip']).check(z.describe('`payfip` (the DGFiP’s PayFiP) or `demo` (simulated)'));

export const TransactionStatus = z.enum(['pending', 'paid', 'refused', 'abandoned', 'failed']);
export type TransactionStatus = z.infer<typeof TransactionStatus>;

export const PaymentTransaction = z
  .object({
    id: z.string().check(z.describe('The transaction’s id')),
    status: TransactionStatus.check(
      z.describe(
        '`pending` (the parent is paying, or the outcome is not known yet), `paid`, `refused` (by the bank), `abandoned` (the parent left the payment page), `failed` (the provider could not take it)',
      ),
    ),
    provider: OnlineProvider,
    amountCents: amount('The total paid', 13035),
    invoices: z
      .array(
        z.object({
          id: z.string().check(z.describe('The invoice')),
          number: z.string().check(z.meta({ description: 'Its number', examples: ['F2026-00042'] })),
          amountCents: amount('Its balance, paid by this transaction', 13035),
        }),
      )
      .check(z.describe('The invoices it pays')),
    createdAt: instant().check(z.describe('When it started (UTC instant)')),
    settledAt: z.optional(instant()).check(z.describe('When its outcome was known (UTC instant); absent while `pending`')),
  })
  .register(z.globalRegistry, { id: 'PaymentTransaction', description: 'An online payment transaction and its outcome' });
export type PaymentTransaction = z.infer<typeof PaymentTransaction>;

/** Where to send the parent, in the same window (never a pop-up). */
export const PaymentRedirect = z
  .object({
    transaction: PaymentTransaction.check(z.describe('The transaction, `pending`')),
    redirectUrl: z.string().check(z.describe('The provider’s payment page: navigate there in the same window (never a pop-up)')),
  })
  .register(z.globalRegistry, { id: 'PaymentRedirect', description: 'Where to send the parent to pay' });
export type PaymentRedirect = z.infer<typeof PaymentRedirect>;

/** The child an answer is about, as the family knows them. */
const childReference = {
  childId: z.string().check(z.describe('The child (a member of the family with role `enfant`)')),
  /** "Léo Martin". */
  name: z.string().check(z.meta({ description: 'The child’s name', examples: ['Léo Martin'] })),
};

/** One child's part of a yearly attestation: what was paid in the year for their care. */
export const AttestationChild = z
  .object({
    ...childReference,
    /** YYYY-MM-DD: the child was under 6 on 1 January of the year. */
    birthDate: calendarDate().check(
      z.meta({ description: 'Date of birth, `YYYY-MM-DD`: the child was under 6 on 1 January of the year', examples: ['2022-06-12'] }),
    ),
    paidCents: amount('Childcare paid for the child in the year', 86400),
  })
  .register(z.globalRegistry, { id: 'AttestationChild', description: 'One child’s part of a yearly attestation: what was paid in the year for their care' });
export type AttestationChild = z.infer<typeof AttestationChild>;

/**
 * The yearly "attestation fiscale" (frais de garde des enfants de moins de 6 ans): the
 * amounts paid in the calendar year (payment dates, Paris time) for each eligible child.
 */
export const AttestationSummary = z
  .object({
    year: wholeNumber().check(z.meta({ description: 'The calendar year (payment dates in Europe/Paris time)', examples: [2025] })),
    children: z.array(AttestationChild).check(z.describe('The eligible children (under 6 on 1 January) with payments in the year')),
    totalCents: amount('Total childcare paid in the year', 86400),
  })
  .register(z.globalRegistry, {
    id: 'AttestationSummary',
    description:
      'A yearly attestation fiscale (frais de garde des enfants de moins de 6 ans: the certificate for the childcare tax credit): the childcare amounts paid in the calendar year for each eligible child; meals and fees are left out',
  });
export type AttestationSummary = z.infer<typeof AttestationSummary>;

/** The years with an attestation to download, newest first ("Attestation fiscale 2026"). */
export const AttestationList = z
  .object({ attestations: z.array(AttestationSummary).check(z.describe('One per year with payments, newest first')) })
  .register(z.globalRegistry, { id: 'AttestationList', description: 'The years with an attestation fiscale to download' });
export type AttestationList = z.infer<typeof AttestationList>;

/** "Adhésion à la facture en ligne", per child: invoices by e-mail rather than on paper. */
export const InvoicePreference = z
  .object({
    ...childReference,
    /** The family is e-mailed when an invoice with a line for this child is published. */
    electronicInvoice: z
      .boolean()
      .check(z.describe('`true`: electronic invoices (the family is e-mailed when an invoice with a line for this child is issued, no paper); `false`: paper')),
  })
  .register(z.globalRegistry, {
    id: 'InvoicePreference',
    description: 'Adhésion à la facture en ligne for one child: invoices by e-mail rather than on paper',
  });
export type InvoicePreference = z.infer<typeof InvoicePreference>;

export const InvoicePreferences = z
  .object({ children: z.array(InvoicePreference).check(z.describe('One entry per child of the family')) })
  .register(z.globalRegistry, { id: 'InvoicePreferences', description: 'For each child of the family, whether invoices come by e-mail' });
export type InvoicePreferences = z.infer<typeof InvoicePreferences>;

/** The parent's choice for one child. */
export const InvoicePreferenceInput = z
  .object({
    childId: id.check(z.describe('The child (a member of the family with role `enfant`)')),
    electronicInvoice: z.boolean().check(z.describe('`true`: invoices by e-mail; `false`: on paper')),
  })
  .register(z.globalRegistry, {
    id: 'InvoicePreferenceInput',
    description: 'A parent’s choice for one child',
    examples: [{ childId: '5b9e2d47-8c1a-4f3b-a6e0-7d2c9b8a1f04', electronicInvoice: true }],
  });
export type InvoicePreferenceInput = z.input<typeof InvoicePreferenceInput>;

// Pagination of agents' lists (pages.ts), in the query string: `limit` (1–200, default 50)
// items from `offset` (default 0). An answer with `nextOffset` has more after it.

/** An agent's invoice search: any of the tenant's families, newest first. */
export const AgentInvoiceListQuery = z.object({
  familyId: z.optional(id).check(z.describe('Only this family’s invoices')),
  status: z.optional(InvoiceStatus).check(z.describe(`Only the invoices with this status: ${invoiceStatus}`)),
  /** The exact invoice number ("F2026-00042"). */
  number: z.optional(z.string().check(z.minLength(1), z.maxLength(30))).check(z.describe('Only the invoice with this exact number, e.g. `F2026-00042`')),
  ...pageQuery(50),
});
/** What a caller passes (the SDK writes it in the query string). */
export type AgentInvoiceQuery = z.output<typeof AgentInvoiceListQuery>;

export const AgentInvoiceList = z
  .object({
    invoices: z
      .array(
        z.object({
          invoice: Invoice.check(z.describe('The invoice')),
          family: FamilyLabel.check(z.describe('The family billed')),
        }),
      )
      .check(z.describe('The invoices with their family, newest first')),
    ...nextPage,
  })
  .register(z.globalRegistry, { id: 'AgentInvoiceList', description: 'A page of the tenant’s invoices' });
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
    payment: Payment.check(z.describe('The payment: `amountCents` taken, `overpaidCents` of it to refund, `allocations` to the invoices')),
    family: FamilyLabel.check(z.describe('The family that paid')),
    /** Online payments: the provider and its references (PayFiP refdet and idOp), to find it in the régie's records. */
    transaction: z
      .optional(
        z.object({
          id: z.string().check(z.describe('The transaction’s id')),
          provider: OnlineProvider,
          /** The reference sent to the provider (PayFiP refdet). */
          reference: z.string().check(z.describe('The reference sent to the provider (PayFiP: refdet)')),
          /** The provider's own id (PayFiP idOp). */
          providerRef: z.optional(z.string()).check(z.describe('The provider’s own id for the operation (PayFiP: idOp)')),
        }),
      )
      .check(z.describe('Online payments only: the provider and its references, to find the payment in the régie’s records')),
    status: RefundStatus.check(z.describe('`a_rembourser` (to refund: not refunded yet) or `rembourse` (an agent recorded the refund)')),
    /** Set when `rembourse`. */
    refund: z
      .optional(
        z.object({
          refundedOn: calendarDate().check(z.describe('The day it was refunded, `YYYY-MM-DD`')),
          /** The refund's reference (e.g. the DGFiP's). */
          reference: z.string().check(z.meta({ description: 'The refund’s reference (e.g. the DGFiP’s)', examples: ['DGFIP-2026-118734'] })),
          /** When the agent recorded it. */
          recordedAt: instant().check(z.describe('When the agent recorded it (UTC instant)')),
          by: z
            .object({
              id: z.string().check(z.describe('The agent’s id')),
              displayName: z.string().check(z.meta({ description: 'The agent’s name', examples: ['Sophie Bernard'] })),
            })
            .check(z.describe('The agent who recorded it')),
        }),
      )
      .check(z.describe('Set when `rembourse`: how it was refunded')),
  })
  .register(z.globalRegistry, {
    id: 'AgentRefund',
    description: 'A payment that took more than its invoices’ balances (two payments crossed), to be refunded by the service, and once done, how',
  });
export type AgentRefund = z.infer<typeof AgentRefund>;

export const AgentRefundList = z
  .object({ refunds: z.array(AgentRefund).check(z.describe('The overpaid payments, newest first')), ...nextPage })
  .register(z.globalRegistry, { id: 'AgentRefundList', description: 'A page of overpaid payments' });
export type AgentRefundList = z.infer<typeof AgentRefundList>;

/** Overpayments to refund, newest first; `all=true` adds the refunded ones. */
export const AgentRefundListQuery = z.object({
  all: z
    .optional(
      z.pipe(
        z.enum(['true', 'false']),
        z.transform((value) => value === 'true'),
      ),
    )
    .check(z.describe('`true`: the refunded ones too; default `false`: only those to refund')),
  ...pageQuery(50),
});
export type AgentRefundQuery = z.output<typeof AgentRefundListQuery>;

/** An agent records that the service refunded an overpayment. */
export const RefundInput = z
  .object({
    /** The refund's reference, e.g. the DGFiP's. */
    reference: text(100).check(z.meta({ description: 'The refund’s reference (e.g. the DGFiP’s); 1 to 100 characters', examples: ['DGFIP-2026-118734'] })),
    /** The day it was refunded: not before the payment, not after today (Paris). */
    refundedOn: z.iso.date().check(z.describe('The day it was refunded, `YYYY-MM-DD`: not before the payment, not after today (Europe/Paris)')),
  })
  .register(z.globalRegistry, {
    id: 'RefundInput',
    description: 'An agent records that the service refunded an overpayment',
    examples: [{ reference: 'DGFIP-2026-118734', refundedOn: '2026-11-20' }],
  });
export type RefundInput = z.input<typeof RefundInput>;
