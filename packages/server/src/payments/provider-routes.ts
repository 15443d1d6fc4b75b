import type { Context, Hono } from 'hono';
import type { AppContext } from '../deps.ts';
import type { AppEnv } from '../http/env.ts';
import { escapeMarkup } from '../markup.ts';
import { formatEuros } from '../domain/invoices.ts';
import type { Tenant } from '../tenants/registry.ts';
import { chooseDemoOutcome, confirmByReference, paymentReturnUrl, transactionRow, transactionView } from './transactions.ts';

/** The API's public base URL, for the URLs given to providers. */
export const publicBase = (c: Context, app: AppContext) => app.config.publicUrl ?? `${new URL(c.req.url).origin}${app.config.basePath}`;

/** Test cards of the demo payment page: the card chosen decides the outcome. */
export const demoCards = [
  { number: '4000 0000 0000 0002', outcome: 'paid', label: 'Paiement accepté' },
  { number: '4000 0000 0000 0069', outcome: 'refused', label: 'Paiement refusé par la banque' },
] as const;

/** `form-action` also governs the form's redirect: the 303 to the host page must be allowed, or browsers block the submission. */
const pageHeaders = (returnUrl: string) => ({
  'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(returnUrl).origin}; base-uri 'none'; frame-ancestors 'none'`,
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
});

function demoPage(
  tenant: Tenant,
  view: { id: string; amountCents: number; invoices: readonly { number: string; amountCents: number }[] },
  action: string,
): string {
  const rows = view.invoices.map((i) => `<li>Facture n° ${escapeMarkup(i.number)} : ${escapeMarkup(formatEuros(i.amountCents))}</li>`).join('');
  const cards = demoCards
    .map(
      (card, index) =>
        `<div class="card"><input type="radio" name="card" id="card-${index}" value="${card.outcome}"${index === 0 ? ' checked' : ''}><label for="card-${index}"><span class="number">${card.number}</span> — ${card.label}</label></div>`,
    )
    .join('');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paiement de démonstration — ${escapeMarkup(tenant.config.name)}</title>
<style>
body{font-family:system-ui,Arial,sans-serif;margin:0;padding:1rem;background:#f3f4f6;color:#111827;line-height:1.5}
main{max-width:32rem;margin:0 auto;background:#fff;padding:1.5rem;border-radius:.5rem}
.card{margin:.5rem 0;padding:.75rem;border:1px solid #6b7280;border-radius:.375rem}
.number{font-family:monospace}
button{font:inherit;padding:.75rem 1.25rem;margin:.5rem .5rem 0 0;border-radius:.375rem;border:2px solid #1d4ed8;background:#1d4ed8;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#1d4ed8}
:focus-visible{outline:3px solid #b45309;outline-offset:2px}
</style></head>
<body><main>
<h1>Paiement de démonstration</h1>
<p>${escapeMarkup(tenant.config.name)} — aucun argent réel n’est en jeu : cette page remplace le service de paiement.</p>
<h2>Montant : ${escapeMarkup(formatEuros(view.amountCents))}</h2>
<ul>${rows}</ul>
<form method="post" action="${escapeMarkup(action)}">
<fieldset><legend>Carte de test</legend>${cards}</fieldset>
<button type="submit" name="action" value="pay">Payer ${escapeMarkup(formatEuros(view.amountCents))}</button>
<button type="submit" name="action" value="abandon" class="secondary">Abandonner et revenir au site</button>
</form>
</main></body></html>`;
}

/**
 * Routes for the payment providers, outside the client API (not in the contract):
 * - `GET|POST …/payment-providers/{tenant}/demo/page/{transactionId}`: the demo payment page;
 * - `POST …/payment-providers/{tenant}/{provider}/notification`: the provider's server-to-server
 *   notification (PayFiP: `idOp` in the form body or the query), never believed: it only
 *   makes the server ask the provider;
 * - `GET|POST …/payment-providers/{tenant}/{provider}/return/{transactionId}`: the browser
 *   comes back; the server asks the provider, then sends it to the host page with
 *   `#famille-payment=<transactionId>`.
 */
export function mountPaymentProviderRoutes(root: Hono<AppEnv>, app: AppContext): void {
  const base = `${app.config.basePath}/payment-providers/:tenant`;
  const tenantOf = (c: Context) => app.tenants.get(c.req.param('tenant') ?? '');
  const notFound = (c: Context) => c.text('Not found', 404, { 'Cache-Control': 'no-store' });

  root.get(`${base}/demo/page/:transactionId`, async (c) => {
    const tenant = tenantOf(c);
    const row = tenant && (await transactionRow(app.db, tenant.config.id, c.req.param('transactionId')));
    if (!tenant || !row || row.provider !== 'demo') return notFound(c);
    if (row.status !== 'pending') return c.redirect(paymentReturnUrl(tenant, row), 303);
    return c.html(demoPage(tenant, await transactionView(app.db, row), c.req.path), 200, pageHeaders(paymentReturnUrl(tenant, row)));
  });

  root.post(`${base}/demo/page/:transactionId`, async (c) => {
    const tenant = tenantOf(c);
    if (!tenant) return notFound(c);
    const form = await c.req.parseBody();
    const outcome = form['action'] === 'abandon' ? 'abandoned' : form['card'] === 'refused' ? 'refused' : form['card'] === 'paid' ? 'paid' : undefined;
    if (!outcome) return c.text('Bad request', 400);
    const row = await chooseDemoOutcome(app, tenant, c.req.param('transactionId'), outcome);
    if (!row) return notFound(c);
    return c.redirect(paymentReturnUrl(tenant, row), 303);
  });

  root.post(`${base}/:provider/notification`, async (c) => {
    const tenant = tenantOf(c);
    const provider = c.req.param('provider');
    if (!tenant || (provider !== 'demo' && provider !== 'payfip')) return notFound(c);
    const type = c.req.header('content-type') ?? '';
    const form = type.includes('form') ? await c.req.parseBody() : {};
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the fields are text; a file sent there reads "[object File]", which matches no transaction
    const idOp = String(form['idOp'] ?? form['idop'] ?? c.req.query('idOp') ?? c.req.query('idop') ?? '');
    if (!idOp || idOp.length > 64) return c.text('Bad request', 400);
    await confirmByReference(app, tenant, provider, { providerRef: idOp });
    // Always 200: the provider learns nothing about our transactions.
    return c.text('OK', 200);
  });

  const back = async (c: Context) => {
    const tenant = tenantOf(c);
    const provider = c.req.param('provider');
    if (!tenant || (provider !== 'demo' && provider !== 'payfip')) return notFound(c);
    const id = c.req.param('transactionId') ?? '';
    const row = await confirmByReference(app, tenant, provider, { transactionId: id });
    if (!row) return notFound(c);
    return c.redirect(paymentReturnUrl(tenant, row), 303);
  };
  root.get(`${base}/:provider/return/:transactionId`, back);
  root.post(`${base}/:provider/return/:transactionId`, back);
}
