// A local fake of the PayFiP Régie SOAP service, for tests and demos: never the real one.
import { XMLParser } from 'fast-xml-parser';
import { PAYFIP_NAMESPACE, soapParserOptions } from '../payments/payfip.ts';
import { escapeMarkup } from '../markup.ts';
import { payfipFormats } from '../payments/payfip-formats.ts';
import { formatEuros } from '../domain/invoices.ts';

export interface FakePayfipOperation {
  readonly idOp: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  resultrans?: 'P' | 'V' | 'R' | 'Z' | 'A';
  paidAt?: Date;
}

export interface FakePayfipOptions {
  readonly now?: () => Date;
  /** After this, recupererDetailPaiementSecurise answers P1 for an idOp never paid (PayFiP: 15 min). */
  readonly idOpLifetimeSeconds?: number;
  /** Delivers notifications (default: global fetch). */
  readonly fetch?: (request: Request) => Promise<Response>;
}

const soap = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><S:Envelope xmlns:S="http://schemas.xmlsoap.org/soap/envelope/"><S:Body>${inner}</S:Body></S:Envelope>`;

/** A functional error as PayFiP answers it: a SOAP Fault whose detail carries the code. */
function fault(code: string, libelle: string): Response {
  return new Response(
    soap(
      `<S:Fault><faultcode>S:Server</faultcode><faultstring>${escapeMarkup(libelle)}</faultstring><detail><ns2:FonctionnelleErreur xmlns:ns2="${PAYFIP_NAMESPACE}"><code>${code}</code><descriptif>${escapeMarkup(libelle)}</descriptif><libelle>${escapeMarkup(libelle)}</libelle><severite>2</severite></ns2:FonctionnelleErreur></detail></S:Fault>`,
    ),
    { status: 500, headers: { 'Content-Type': 'text/xml; charset=utf-8' } },
  );
}

const answer = (operation: string, fields: Record<string, string>) =>
  new Response(
    soap(
      `<ns2:${operation}Response xmlns:ns2="${PAYFIP_NAMESPACE}"><return>${Object.entries(fields)
        .map(([k, v]) => `<${k}>${escapeMarkup(v)}</${k}>`)
        .join('')}</return></ns2:${operation}Response>`,
    ),
    { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } },
  );

/**
 * The fake service: `POST …/tpa/services/securite` (SOAP), and the payment page
 * `…/tpa/paiementws.web?idop=…` (pay / refuse / abandon: then it notifies `urlnotif` with
 * the idOp only, and sends the browser to `urlredirect`). Field formats are checked as
 * PayFiP does: A2 (bad e-mail), R3 (bad refdet); unknown idOp: P1; no result yet: P5.
 */
export function createFakePayfip(options: FakePayfipOptions = {}) {
  const now = options.now ?? (() => new Date());
  const lifetime = (options.idOpLifetimeSeconds ?? 15 * 60) * 1000;
  const deliver = options.fetch ?? ((request: Request) => fetch(request));
  const operations = new Map<string, FakePayfipOperation>();
  /** Every SOAP call received, parsed: what the adapter sent. */
  const requests: { operation: string; fields: Record<string, string>; raw: string }[] = [];
  const parser = new XMLParser(soapParserOptions);
  let counter = 0;

  async function soapCall(request: Request): Promise<Response> {
    const raw = await request.text();
    const body = ((parser.parse(raw) as Record<string, Record<string, Record<string, unknown>>>)['Envelope'] ?? {})['Body'] ?? {};
    const [operation, content] = Object.entries(body)[0] ?? [];
    const fields = Object.fromEntries(
      Object.entries(((content as Record<string, unknown> | undefined)?.['arg0'] ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    requests.push({ operation: operation ?? '', fields, raw });
    if (operation === 'creerPaiementSecurise') {
      if (!payfipFormats.numcli.test(fields['numcli'] ?? '')) return fault('N1', 'numcli invalide (fake)');
      if (!payfipFormats.exer.test(fields['exer'] ?? '')) return fault('E1', 'exer invalide (fake)');
      if (!payfipFormats.refdet.test(fields['refdet'] ?? '')) return fault('R3', 'Le format du paramètre REFDET n’est pas conforme');
      if (!payfipFormats.montant.test(fields['montant'] ?? '')) return fault('M1', 'montant invalide (fake)');
      if (!payfipFormats.mel.test(fields['mel'] ?? '')) return fault('A2', 'Adresse mél invalide');
      if (!payfipFormats.saisie.test(fields['saisie'] ?? '')) return fault('S1', 'saisie invalide (fake)');
      if (!/^https?:\/\//.test(fields['urlnotif'] ?? '') || !/^https?:\/\//.test(fields['urlredirect'] ?? '')) return fault('U1', 'URL invalide (fake)');
      const idOp = `${(++counter).toString(16).padStart(8, '0')}-fake-${crypto.randomUUID().slice(0, 18)}`;
      operations.set(idOp, { idOp, fields, createdAt: now() });
      return answer('creerPaiementSecurise', { idOp });
    }
    if (operation === 'recupererDetailPaiementSecurise') {
      const op = operations.get(fields['idOp'] ?? '');
      if (!op) return fault('P1', 'IdOp incorrect');
      if (!op.resultrans) {
        if (now().getTime() - op.createdAt.getTime() > lifetime) return fault('P1', 'IdOp incorrect (périmé)');
        return fault('P5', 'Résultat de la transaction non connu');
      }
      const at = op.paidAt ?? now();
      const paris = new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(at);
      const part = (type: string) => paris.find((p) => p.type === type)!.value;
      return answer('recupererDetailPaiementSecurise', {
        dattrans: `${part('day')}${part('month')}${part('year')}`,
        exer: op.fields['exer']!,
        heurtrans: `${part('hour')}${part('minute')}`,
        idOp: op.idOp,
        mel: op.fields['mel']!,
        montant: op.fields['montant']!,
        numauto: op.resultrans === 'P' || op.resultrans === 'V' ? '123456' : '',
        numcli: op.fields['numcli']!,
        objet: op.fields['objet']!,
        refdet: op.fields['refdet']!,
        resultrans: op.resultrans,
        saisie: op.fields['saisie']!,
      });
    }
    return fault('X1', `Opération inconnue (fake): ${operation}`);
  }

  /** The payer's choice: records the result as PayFiP would. */
  function settle(idOp: string, resultrans: NonNullable<FakePayfipOperation['resultrans']>): FakePayfipOperation {
    const op = operations.get(idOp);
    if (!op) throw new Error(`fake PayFiP: unknown idOp ${idOp}`);
    op.resultrans = resultrans;
    op.paidAt = now();
    return op;
  }

  /** PayFiP's notification: a POST to urlnotif carrying only the idOp (not signed). */
  function notify(idOp: string): Promise<Response> {
    const op = operations.get(idOp);
    if (!op) throw new Error(`fake PayFiP: unknown idOp ${idOp}`);
    return deliver(
      new Request(op.fields['urlnotif']!, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ idOp }).toString(),
      }),
    );
  }

  async function page(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'POST') {
      const form = new URLSearchParams(await request.text());
      const idOp = form.get('idop') ?? '';
      const choice = form.get('resultat');
      const op = operations.get(idOp);
      if (!op || (choice !== 'P' && choice !== 'R' && choice !== 'A')) return new Response('Bad request', { status: 400 });
      settle(idOp, choice);
      await notify(idOp).catch(() => undefined);
      return new Response(null, { status: 303, headers: { Location: op.fields['urlredirect']! } });
    }
    const idOp = url.searchParams.get('idop') ?? '';
    const op = operations.get(idOp);
    if (!op) return new Response('IdOp inconnu', { status: 404 });
    const euros = formatEuros(Number(op.fields['montant']));
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>PayFiP (simulation locale)</title></head><body><main><h1>PayFiP — simulation locale</h1><p>${escapeMarkup(op.fields['objet']!)} : ${escapeMarkup(euros)}</p><form method="post"><input type="hidden" name="idop" value="${escapeMarkup(idOp)}"><button name="resultat" value="P">Payer</button> <button name="resultat" value="R">Paiement refusé</button> <button name="resultat" value="A">Abandonner</button></form></main></body></html>`;
    return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }

  /** The whole fake as one fetch handler. */
  async function handle(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname;
    if (path.endsWith('/tpa/services/securite')) return soapCall(request);
    if (path.endsWith('/tpa/paiementws.web')) return page(request);
    return new Response('Not found', { status: 404 });
  }

  return { fetch: handle, settle, notify, operations, requests };
}

export type FakePayfip = ReturnType<typeof createFakePayfip>;
