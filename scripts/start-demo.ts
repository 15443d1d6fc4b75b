// `npm start`: the reference server on embedded PostgreSQL (PGlite on disk), seeded, serving
// the kit (built here only when its sources changed), plus a demo "municipal website" on
// another origin whose page loads the kit from the API server, as a town's page does.
//   PORT (8787)       the API server        DEMO_PORT (8080)   the town's demo site
//   DEMO_INVOICES (1) 0: the demo family starts empty (no children, no sample invoices)
//   API_PUBLIC_URL    the API URL the page uses (default http://localhost:PORT/api); also the
//                     base of the payment provider's callbacks unless PUBLIC_URL is set
// The server reads the rest of its environment itself (see packages/server/README.md), e.g.
// PAYMENT_PROVIDER=payfip FAKE_PAYFIP=1: PayFiP against the local fake. Payments come back to
// http://localhost:DEMO_PORT/#famille-payment=<id> (the tenant's accountPageUrl).
// Open http://localhost:DEMO_PORT (same site as the API: cookie session) or
// http://127.0.0.1:DEMO_PORT (another site: bearer-token session).
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { demoCards } from '@famille/server';
import type { KitAssets } from '@famille/server';
import { loadKitDirectory, serverOptionsFromEnv, startServer } from '@famille/server/node';
import { kitDir } from './kit.ts';

const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const progress = (line: string) => console.log(`  [${seconds().padStart(6)}] ${line}`);

const apiPort = Number(process.env.PORT ?? 8787);
const demoPort = Number(process.env.DEMO_PORT ?? 8080);
const apiUrl = process.env.API_PUBLIC_URL ?? `http://localhost:${apiPort}/api`;
const tenant = process.env.DEMO_TENANT ?? 'vienne-condrieu';
const demoOrigins = [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`];

const fromEnv = serverOptionsFromEnv(process.env);
// "Mes factures" has something to pay from the first start (DEMO_INVOICES=0: none).
const demoInvoices = fromEnv.demoInvoices ?? true;
// The kit is built (when its sources changed) in another process while the database
// starts in this one: each takes a few seconds of a core.
progress('checking the kit (loader + chunks) against its sources; starting the API (database, migrations, demo data)');
let assets: KitAssets | undefined;
const kitReady = promisify(execFile)(process.execPath, ['--conditions=source', new URL('build-kit.ts', import.meta.url).pathname]).then(({ stdout }) => {
  assets = loadKitDirectory(kitDir);
  progress(stdout.trim() === 'built' ? `kit built into ${kitDir}` : 'kit up to date: reused');
});
const apiReady = startServer({
  kit: { get: (path) => assets?.get(path) },
  port: apiPort,
  // E-mail links (activation, reset) lead back to the town's page, not to the API.
  accountPageUrl: process.env.ACCOUNT_PAGE_URL ?? `http://localhost:${demoPort}/`,
  allowedOrigins: [...demoOrigins, ...(process.env.ALLOWED_ORIGINS?.split(',').filter(Boolean) ?? [])],
  demoInvoices,
  // The demo lists its e-mails at …/dev/outbox (no SMTP: they are kept, not sent).
  devOutbox: fromEnv.devOutbox ?? !process.env.SMTP_URL,
  // The URLs given to the payment provider (PayFiP's urlnotif, urlredirect) on the API's public URL.
  ...(process.env.API_PUBLIC_URL && !process.env.PUBLIC_URL && { config: { publicUrl: apiUrl } }),
}).then((running) => {
  progress(`API listening on ${running.url}`);
  return running;
});
const [, api] = await Promise.all([kitReady, apiReady]);

const payments =
  api.payment === 'payfip'
    ? `PayFiP${fromEnv.fakePayfip ? ' — local fake (simulation locale: Payer / Paiement refusé / Abandonner)' : ''}`
    : `demo provider — test cards ${demoCards.map((card) => `${card.number} (${card.label})`).join(', ')}`;

const apiOrigin = new URL(apiUrl).origin;
const page = readFileSync(new URL('../demo/index.html', import.meta.url), 'utf8')
  .replaceAll('%KIT%', apiOrigin)
  .replaceAll('%API%', apiUrl)
  .replaceAll('%TENANT%', tenant);

const demo = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://demo').pathname;
  const security = {
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    // What a town's page embedding the kit should send too (README, "Embedding"): scripts
    // and requests to the API's origin only, never framed (it holds the login and payment).
    'Content-Security-Policy': `default-src 'self'; script-src ${apiOrigin}; connect-src ${apiOrigin}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; object-src 'none'; form-action 'self' ${apiOrigin}; frame-ancestors 'none'`,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
  };
  if (path === '/' || path === '/index.html') {
    response.writeHead(200, { ...security, 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  } else {
    response.writeHead(404, { ...security, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  }
});
await new Promise<void>((resolve) => demo.listen(demoPort, resolve));

console.log(`
  Espace Famille kit — demo ready in ${seconds()}
  Town's demo site:  http://localhost:${demoPort}/   (same site as the API)
                     http://127.0.0.1:${demoPort}/   (another site: bearer tokens)
  API:               ${api.url}/api   docs: ${api.url}/api/docs
  Kit:               ${api.url}/famille.js  (the one script tag a town's page loads)
  Demo parent:       identifiant parent.demo   mot de passe Famille-Demo-2026${demoInvoices ? ' (two children, sample invoices to pay)' : ''}
  Demo agent (API):  identifiant agent.demo    mot de passe Agent-Demo-2026
  Payments:          ${payments}
`);

const stop = async () => {
  demo.close();
  await api.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
