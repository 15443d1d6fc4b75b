import { TenantConfig } from '@famille/contract';
import { preregistrationConfigProblems, tariffConfigProblems } from '../domain/preregistration.ts';
import { payfipFormats, type PayfipSaisie } from '../payments/payfip-formats.ts';
import { mailKeys, type MailStrings } from '../mail/templates.ts';
import type { MailKey } from '../mail/messages.fr.ts';

/** One municipality served by this deployment: what anyone may read, and what only the server uses. */
export interface Tenant {
  /** Public part, served at `GET /tenants/{tenant}/config`. */
  readonly config: TenantConfig;
  /** Origins of the host pages allowed to call the API (CORS and CSRF), e.g. `https://www.ville.fr`. */
  readonly allowedOrigins: readonly string[];
  /**
   * The town's page that embeds the elements, e.g. `https://www.ville.fr/espace-famille`.
   * E-mail links point there, never to the API, with the token in the fragment
   * (`#famille-activation=…`): a fragment reaches no server log and no Referer.
   */
  readonly accountPageUrl: string;
  /** Invoices and payments (server-side only). Default: numbers F{YYYY}-{SEQ:5}, the demo provider. */
  readonly billing?: BillingSettings;
  /**
   * The e-mails reworded by the tenant: by locale, then message key of
   * `mail/messages.fr.ts`, with `{name}` for a parameter of that message, or `{tenant}` and
   * `{prenoms}` anywhere (e.g. `{ fr: { activationSubject: 'Bienvenue {prenoms} — {tenant}' } }`).
   * Server-side only.
   */
  readonly mailStrings?: MailStrings;
}

/** How the tenant takes online payments. */
export type PaymentSettings =
  | { readonly provider: 'none' }
  | { readonly provider: 'demo' }
  | {
      readonly provider: 'payfip';
      /** The régie's client number given by the DGFiP: 6 digits. */
      readonly numcli: string;
      readonly saisie: PayfipSaisie;
    };

export interface BillingSettings {
  /** `{YYYY}`, `{MM}`, `{SEQ:n}`: e.g. "F{YYYY}-{SEQ:5}" → F2026-00042. */
  readonly invoiceNumberFormat: string;
  readonly payment: PaymentSettings;
}

const defaultBilling: BillingSettings = { invoiceNumberFormat: 'F{YYYY}-{SEQ:5}', payment: { provider: 'demo' } };

export const billingOf = (tenant: Tenant): BillingSettings => tenant.billing ?? defaultBilling;

export interface TenantRegistry {
  get(id: string): Tenant | undefined;
  list(): readonly Tenant[];
}

/** `https://www.Ville.fr/` → `https://www.ville.fr`; anything that is not an http(s) origin throws. */
export function normalizeOrigin(origin: string): string {
  const url = new URL(origin);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Not an http(s) origin: ${origin}`);
  return url.origin;
}

/** Checks each tenant against the contract at start-up, so a bad configuration fails early. */
export function createTenantRegistry(tenants: readonly Tenant[]): TenantRegistry {
  const byId = new Map<string, Tenant>();
  for (const tenant of tenants) {
    const config = TenantConfig.parse(tenant.config);
    if (byId.has(config.id)) throw new TypeError(`Tenant "${config.id}" is configured twice`);
    const problems = [...preregistrationConfigProblems(config), ...tariffConfigProblems(config)];
    if (problems.length > 0) throw new TypeError(`Tenant "${config.id}": ${problems.join('; ')}`);
    const page = new URL(tenant.accountPageUrl);
    if ((page.protocol !== 'https:' && page.protocol !== 'http:') || page.hash)
      throw new TypeError(`Tenant "${config.id}": accountPageUrl must be an http(s) URL without a fragment`);
    const unknownKeys = Object.values(tenant.mailStrings ?? {}).flatMap((strings) => Object.keys(strings).filter((key) => !mailKeys.includes(key as MailKey)));
    if (unknownKeys.length) throw new TypeError(`Tenant "${config.id}": mailStrings has no message ${unknownKeys.map((key) => `"${key}"`).join(', ')}`);
    const billing = billingOf(tenant);
    if (billing.payment.provider === 'payfip') {
      if (!payfipFormats.numcli.test(billing.payment.numcli)) throw new TypeError(`Tenant "${config.id}": PayFiP numcli must be 6 digits`);
      if (!payfipFormats.saisie.test(billing.payment.saisie)) throw new TypeError(`Tenant "${config.id}": PayFiP saisie must be T, X or W`);
    }
    byId.set(
      config.id,
      Object.freeze({
        config,
        allowedOrigins: Object.freeze([...new Set(tenant.allowedOrigins.map(normalizeOrigin))]),
        accountPageUrl: page.href,
        billing,
        ...(tenant.mailStrings && { mailStrings: tenant.mailStrings }),
      }),
    );
  }
  const list = Object.freeze([...byId.values()]);
  return { get: (id) => byId.get(id), list: () => list };
}
