import type { AppContext } from '../deps.ts';
import { billingOf, type Tenant } from '../tenants/registry.ts';

/** What the server asks a provider to collect. */
export interface ProviderPaymentRequest {
  readonly tenant: Tenant;
  readonly transactionId: string;
  /** Unique per transaction, 6–30 alphanumerics (PayFiP refdet). */
  readonly reference: string;
  readonly amountCents: number;
  /** The payer's e-mail (PayFiP mel: receipt). */
  readonly email: string;
  /** What the payment is for, as the payer's bank statement and receipt show it. */
  readonly label: string;
  /** The provider tells the server here that something happened (server-to-server, unsigned). */
  readonly notifyUrl: string;
  /** The provider sends the browser back here; the server confirms, then redirects to the host page. */
  readonly returnUrl: string;
  /** This server's routes for the provider: `…/api/payment-providers/{tenant}/{provider}`. */
  readonly callbackBase: string;
  readonly now: Date;
}

/**
 * The provider's word on a transaction. `pending`: not known yet (PayFiP P5, or the page
 * still open); `unknown`: the provider does not know it (PayFiP P1: never created or purged).
 */
export interface ProviderOutcome {
  readonly state: 'paid' | 'refused' | 'abandoned' | 'pending' | 'unknown';
  /** The provider's own code (PayFiP resultrans P/V/R/Z/A, or the error code P1/P5). */
  readonly code?: string;
  /** The amount the provider says it took, when it says. */
  readonly amountCents?: number;
}

/** The transaction as a provider may need it to answer. */
export interface ProviderTransaction {
  readonly providerRef: string;
  readonly demoOutcome: string | null;
}

/**
 * A payment provider. The server never believes a notification or a browser return: it
 * always asks `outcome()` (PayFiP's notifications are not signed).
 */
export interface PaymentProvider {
  readonly name: 'demo' | 'payfip';
  /** Below this, the provider refuses the payment (PayFiP: 1 €). */
  readonly minimumCents: number;
  /** How long the provider keeps a started payment open (PayFiP idOp: 15 min). */
  readonly lifetimeSeconds: number;
  create(request: ProviderPaymentRequest): Promise<{ providerRef: string; redirectUrl: string }>;
  outcome(tenant: Tenant, transaction: ProviderTransaction): Promise<ProviderOutcome>;
}

/** The tenant's active provider: the one its billing names, if this server has it (none: counter payments only). */
export function providerFor(app: AppContext, tenant: Tenant): PaymentProvider | undefined {
  const settings = billingOf(tenant).payment;
  return settings.provider === 'none' ? undefined : app.paymentProviders[settings.provider];
}

/** The provider failed (unreachable, or refused the request with a code). Nothing was taken. */
export class ProviderError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'ProviderError';
    this.code = code;
  }
}

/**
 * The demo provider: the payment page is served by this server
 * (`…/payment-providers/{tenant}/demo/{transactionId}`); the card chosen there is stored on
 * the transaction and read back as the provider's answer.
 */
export function createDemoProvider(): PaymentProvider {
  return {
    name: 'demo',
    minimumCents: 100,
    lifetimeSeconds: 15 * 60,
    async create(request) {
      return { providerRef: `demo-${request.transactionId}`, redirectUrl: `${request.callbackBase}/page/${request.transactionId}` };
    },
    async outcome(_tenant, transaction) {
      const outcome = transaction.demoOutcome;
      if (outcome === 'paid' || outcome === 'refused' || outcome === 'abandoned') return { state: outcome, code: outcome };
      return { state: 'pending' };
    },
  };
}
