// PayFiP Régie web service (DGFiP): creerPaiementSecurise / recupererDetailPaiementSecurise.
import type { XMLParser } from 'fast-xml-parser';
import type { PaymentProvider, ProviderOutcome } from './provider.ts';
import { ProviderError } from './provider.ts';
import { billingOf, type Tenant } from '../tenants/registry.ts';
import { parisDate } from '../domain/paris-date.ts';
import type { PayfipSaisie } from './payfip-formats.ts';
import { escapeMarkup } from '../markup.ts';

export const PAYFIP_NAMESPACE = 'http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService';
const PAYFIP_SERVICE_URL = 'https://www.payfip.gouv.fr/tpa/services/securite';
export const PAYFIP_PAYMENT_PAGE = 'https://www.payfip.gouv.fr/tpa/paiementws.web';

/** The fields of `creerPaiementSecurise`, as the protocol wants them. */
export interface PayfipCreation {
  /** 6 digits. */
  readonly numcli: string;
  /** The budget year: 4 digits. */
  readonly exer: string;
  /** 6–30 alphanumerics. */
  readonly refdet: string;
  /** Cents, digits only. */
  readonly montant: string;
  readonly mel: string;
  readonly objet: string;
  readonly saisie: PayfipSaisie;
  readonly urlnotif: string;
  readonly urlredirect: string;
}

function soapEnvelope(operation: string, fields: Readonly<Record<string, string>>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeMarkup(value)}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:pai="${PAYFIP_NAMESPACE}"><soapenv:Header/><soapenv:Body><pai:${operation}><arg0>${body}</arg0></pai:${operation}></soapenv:Body></soapenv:Envelope>`;
}

/** The payer-facing label: PayFiP's `objet` takes plain letters, digits and spaces (100 at most). */
function payfipObjet(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 100);
}

type Parsed = Record<string, unknown>;

/** How PayFiP's SOAP is read (here and by the local fake): no namespace prefix, no attribute, every value a trimmed string. */
export const soapParserOptions = { removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, trimValues: true } as const;

/** Loaded on the first answer only: the parser stays out of what never talks to PayFiP. */
let soapParser: Promise<XMLParser> | undefined;

/** The SOAP body's answer (`return`) or its functional error code (Fault → detail → code). */
async function parseSoapAnswer(xml: string): Promise<{ fault?: { code?: string; message: string }; result?: Record<string, string> }> {
  soapParser ??= import('fast-xml-parser').then(({ XMLParser }) => new XMLParser(soapParserOptions));
  const doc = (await soapParser).parse(xml) as Parsed;
  const body = (doc['Envelope'] as Parsed | undefined)?.['Body'] as Parsed | undefined;
  if (!body) throw new ProviderError('PayFiP: not a SOAP answer');
  const fault = body['Fault'] as Parsed | undefined;
  if (fault) {
    const detail = (fault['detail'] ?? {}) as Parsed;
    const error = Object.values(detail)[0] as Parsed | undefined;
    const code = typeof error?.['code'] === 'string' ? error['code'] : undefined;
    // Text elements: the parser reads them as strings, or numbers when they look like one.
    const text = (error?.['libelle'] ?? error?.['descriptif'] ?? fault['faultstring'] ?? 'SOAP fault') as string | number;
    const message = String(text);
    return { fault: { ...(code && { code }), message } };
  }
  const response = Object.values(body)[0] as Parsed | undefined;
  const result = response?.['return'] as Record<string, string> | undefined;
  if (!result) throw new ProviderError('PayFiP: empty answer');
  return { result };
}

export interface PayfipProviderOptions {
  /** The SOAP endpoint (default: PayFiP's). Point it at the local fake for tests and demos. */
  readonly serviceUrl?: string;
  /** `paiementws.web` (default: PayFiP's). */
  readonly paymentPageUrl?: string;
  /** Default: the global fetch. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Per SOAP call (default 10 s). */
  readonly timeoutMs?: number;
}

/**
 * The PayFiP provider. The notification and the browser return carry only the idOp and
 * are not signed: the server always confirms with `recupererDetailPaiementSecurise`.
 * resultrans P or V: paid; R or Z: refused; A: abandoned. Error P5: no result yet
 * (pending); P1: unknown idOp (never created, or purged). An idOp lives 15 minutes.
 */
export function createPayfipProvider(options: PayfipProviderOptions = {}): PaymentProvider {
  const serviceUrl = options.serviceUrl ?? PAYFIP_SERVICE_URL;
  const pageUrl = options.paymentPageUrl ?? PAYFIP_PAYMENT_PAGE;
  const send = options.fetch ?? ((request: Request) => fetch(request));
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(operation: string, fields: Record<string, string>) {
    let response: Response;
    try {
      response = await send(
        new Request(serviceUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' },
          body: soapEnvelope(operation, fields),
          signal: AbortSignal.timeout(timeoutMs),
        }),
      );
    } catch (error) {
      throw new ProviderError(`PayFiP unreachable: ${String(error)}`);
    }
    const text = await response.text();
    return parseSoapAnswer(text);
  }

  const settingsOf = (tenant: Tenant) => {
    const payment = billingOf(tenant).payment;
    if (payment.provider !== 'payfip') throw new ProviderError(`Tenant ${tenant.config.id} is not configured for PayFiP`);
    return payment;
  };

  return {
    name: 'payfip',
    minimumCents: 100,
    lifetimeSeconds: 15 * 60,
    async create(request) {
      const settings = settingsOf(request.tenant);
      const fields: PayfipCreation = {
        numcli: settings.numcli,
        exer: parisDate(request.now).slice(0, 4),
        refdet: request.reference,
        montant: String(request.amountCents),
        mel: request.email,
        objet: payfipObjet(request.label),
        saisie: settings.saisie,
        urlnotif: request.notifyUrl,
        urlredirect: request.returnUrl,
      };
      const answer = await call('creerPaiementSecurise', { ...fields });
      if (answer.fault) throw new ProviderError(`PayFiP refused the payment: ${answer.fault.message}`, answer.fault.code);
      const idOp = answer.result?.['idOp'];
      if (!idOp) throw new ProviderError('PayFiP answered no idOp');
      return { providerRef: idOp, redirectUrl: `${pageUrl}?idop=${encodeURIComponent(idOp)}` };
    },
    async outcome(_tenant, transaction): Promise<ProviderOutcome> {
      const answer = await call('recupererDetailPaiementSecurise', { idOp: transaction.providerRef });
      if (answer.fault) {
        if (answer.fault.code === 'P5') return { state: 'pending', code: 'P5' };
        if (answer.fault.code === 'P1') return { state: 'unknown', code: 'P1' };
        throw new ProviderError(`PayFiP: ${answer.fault.message}`, answer.fault.code);
      }
      const result = answer.result!;
      const code = String(result['resultrans'] ?? '');
      const amount = Number(result['montant']);
      const amountCents = Number.isSafeInteger(amount) && amount > 0 ? { amountCents: amount } : {};
      if (code === 'P' || code === 'V') return { state: 'paid', code, ...amountCents };
      if (code === 'R' || code === 'Z') return { state: 'refused', code };
      if (code === 'A') return { state: 'abandoned', code };
      throw new ProviderError(`PayFiP: unexpected resultrans "${code}"`);
    },
  };
}
