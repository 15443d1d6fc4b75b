// Render time of 1,000 invoices in `<famille-invoices>`, in Debian's Chromium (goal: under
// 50 ms). Part of `npm run bench`; alone: `node --conditions=source scripts/bench-render.ts`.
//
// The element goes through its real data path. The production bundle of the element
// (rollup + browserPlugins(), built in memory) runs in a page served on 127.0.0.1 by a stub of
// the API, which answers what the element reads: the session, the tenant's configuration,
// GET …/invoices (1,000 invoices), …/payments (the history that pays them), and the
// element's other reads (…/attestations, …/invoice-preferences), each checked against the
// contract's response schema of its endpoint. The element is given `api` and `tenant` and
// builds its own SDK client.
//
// What is timed, in the page with performance.now(), per run (a fresh element each run):
//   start     every answer with the family's data (invoices, payments, …: all but the
//             session and the configuration) is in the page in full: the page's fetch is
//             wrapped so that it reads each body before handing the SDK a Response over
//             those bytes — "the data is available to the element";
//   parsed    the SDK's response.json() of each has resolved;
//   committed Lit has rendered and committed the table (a MutationObserver callback, which
//             runs right after the update's microtask);
//   laid out  getBoundingClientRect() of the table and of its last row returned: style
//             recalculation and layout of the whole page are done.
// The goal figure is start → laid out: JSON parse, the SDK's validation of the answers,
// Lit's render and commit (table, totals and history), style and layout. "Next frame"
// (start → the task after the next requestAnimationFrame: paint included) is shown beside.
// Each layout gets 1 warm-up run and BENCH_RENDER_RUNS (20) measured ones; the previous
// element is removed and the page's garbage collected (DevTools protocol) before each run. Layouts: a wide page
// (the table) and a phone (375 px: the cards, below the element's 40rem container query).
// The element shows the newest 50 invoices and says how many older ones wait behind
// "Afficher 50 factures plus anciennes" ("Solde dû" covers all 1,000): each run checks
// both, so the figure is the page a parent with 1,000 invoices gets.
// The goal is met when every layout's median is under 50 ms (the exit code says so).
import { createServer, type Server } from 'node:http';
import type { Browser, CDPSession, Page } from 'puppeteer-core';
import { apiVersion, apiVersionHeader, buildPath, endpoints, Session, type Endpoint, type Invoice, type Payment } from '@famille/contract';
import { demoTenants, invoiceStatus, lineAmountCents, splitByLines, underSixOnFirstJanuary } from '@famille/server';
import { launchChromium } from '../test/e2e/harness.ts';
import { bundleInMemory } from './bundle.ts';
import { browserPlugins } from '../rollup.config.mjs';

const renderGoalMs = 50;
const tenant = 'vienne-condrieu';
const invoiceCount = 1000;
/** The rows `<famille-invoices>` shows before "Afficher … plus anciennes". */
const firstPage = 50;

// ——— Data: one family, four children, 1,000 invoices of every status ———

/** A small deterministic PRNG (mulberry32): the same invoices on every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const months = ['Janvier', 'Février', 'Mars', 'Avril', 'Mai', 'Juin', 'Juillet', 'Août', 'Septembre', 'Octobre', 'Novembre', 'Décembre'];
const children = [
  { childId: 'mbr-leo', childLabel: 'Léo Martin', birthDate: '2014-03-02' },
  { childId: 'mbr-emma', childLabel: 'Emma Martin', birthDate: '2017-09-21' },
  { childId: 'mbr-jules', childLabel: 'Jules Martin', birthDate: '2020-06-11' },
  { childId: 'mbr-lina', childLabel: 'Lina Martin-Dubois', birthDate: '2023-01-30' },
];
const activities = [
  { activity: 'Multi-accueil Cocon de Soie — accueil régulier', quantity: [80, 160], unitPriceCents: 137 },
  { activity: 'Restauration scolaire — école Jean Moulin', quantity: [8, 20], unitPriceCents: 412 },
  { activity: 'Accueil périscolaire du matin', quantity: [4, 18], unitPriceCents: 180 },
  { activity: 'Accueil périscolaire du soir', quantity: [6, 30.5], unitPriceCents: 215 },
  { activity: 'Centre de loisirs du mercredi — journée avec repas', quantity: [1, 4], unitPriceCents: 1450 },
];

const isoDate = (day: Date) => day.toISOString().slice(0, 10);
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * 86_400_000);

/**
 * What the element reads, by the last segment of the API path (`…/invoices`, `…/payments`,
 * `…/attestations`, `…/invoice-preferences`): 1,000 invoices, newest first, one every 2–3
 * days back from 15 November 2026 (about seven years), each with 1–4 lines for the four
 * children (activity, month, quantity × unit price); the payments that settled them (online
 * card, cheque, cash, CESU; one payment often covers two or three invoices); the yearly
 * attestations (children under 6); the per-child choice of electronic invoices. Amounts,
 * statuses and the attestations' shares follow the server's billing rules.
 * Statuses: the recent ones à payer (two with a payment under way) or partiellement
 * réglée, about 6 % of the older ones en retard (some partly paid), the rest réglée.
 */
function invoiceFixtures(): Record<string, unknown> {
  const today = new Date('2026-11-15T00:00:00Z');
  const next = random(20261115);
  const invoices: Invoice[] = [];
  for (let index = 0; index < invoiceCount; index++) {
    const issued = addDays(today, -Math.round(index * 2.5) - 3);
    const due = addDays(issued, 30);
    const lineCount = 1 + Math.floor(next() * 4);
    const lines = Array.from({ length: lineCount }, (_, l) => {
      const { childId, childLabel } = children[(index + l) % children.length]!;
      const act = activities[Math.floor(next() * activities.length)]!;
      const [min, max] = act.quantity as [number, number];
      const quantity = Math.round((min + next() * (max - min)) * 2) / 2;
      const month = addDays(issued, -20);
      return {
        childId,
        childLabel,
        activity: act.activity,
        period: `${months[month.getUTCMonth()]} ${month.getUTCFullYear()}`,
        quantity,
        unitPriceCents: act.unitPriceCents,
        amountCents: lineAmountCents(quantity, act.unitPriceCents)!,
      };
    });
    const totalCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
    const dueOn = isoDate(due);
    const late = dueOn < isoDate(today);
    const roll = next();
    let paidCents = totalCents;
    if (!late) paidCents = roll < 0.3 ? Math.floor(totalCents / 3) : 0;
    else if (roll < 0.06) paidCents = roll < 0.02 ? Math.floor(totalCents / 2) : 0;
    const status = invoiceStatus({ totalCents, paidCents, dueOn }, isoDate(today));
    invoices.push({
      id: `inv-${String(index).padStart(4, '0')}`,
      number: `F${issued.getUTCFullYear()}-${String(invoiceCount - index).padStart(5, '0')}`,
      issuedOn: isoDate(issued),
      dueOn,
      lines,
      totalCents,
      paidCents,
      balanceCents: totalCents - paidCents,
      status,
      paymentPending: status === 'a_payer' && (index === 1 || index === 4),
    });
  }

  const methods = ['carte', 'carte', 'carte', 'cheque', 'especes', 'cesu'] as const;
  const payments: Payment[] = [];
  const paid = invoices.filter((invoice) => invoice.paidCents > 0);
  for (let i = 0; i < paid.length;) {
    const group = paid.slice(i, i + 1 + Math.floor(next() * 3));
    i += group.length;
    const method = methods[Math.floor(next() * methods.length)]!;
    const received = addDays(new Date(`${group[0]!.dueOn}T09:30:00Z`), -Math.floor(next() * 20));
    payments.push({
      id: `pay-${String(payments.length).padStart(4, '0')}`,
      method,
      amountCents: group.reduce((sum, invoice) => sum + invoice.paidCents, 0),
      receivedAt: received.toISOString(),
      allocations: group.map((invoice) => ({ invoiceId: invoice.id, invoiceNumber: invoice.number, amountCents: invoice.paidCents })),
      overpaidCents: 0,
      ...(method === 'carte' ? { transactionId: `txn-${payments.length}` } : {}),
    });
  }

  // Attestations: per calendar year of payment, what each child under 6 on 1 January had paid for them.
  const byId = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const years = new Map<number, Map<string, number>>();
  for (const payment of payments) {
    const year = Number(payment.receivedAt.slice(0, 4));
    for (const allocation of payment.allocations) {
      const invoice = byId.get(allocation.invoiceId)!;
      const parts = splitByLines(
        allocation.amountCents,
        invoice.lines.map((line) => line.amountCents),
      );
      invoice.lines.forEach((line, index) => {
        const child = children.find((c) => c.childId === line.childId)!;
        if (!underSixOnFirstJanuary(child.birthDate, year)) return;
        const perChild = years.get(year) ?? years.set(year, new Map()).get(year)!;
        perChild.set(child.childId, (perChild.get(child.childId) ?? 0) + parts[index]!);
      });
    }
  }
  const attestations = [...years]
    .sort(([a], [b]) => b - a)
    .map(([year, perChild]) => {
      const list = [...perChild].map(([childId, paidCents]) => {
        const child = children.find((c) => c.childId === childId)!;
        return { childId, name: child.childLabel, birthDate: child.birthDate, paidCents };
      });
      return { year, children: list, totalCents: list.reduce((sum, c) => sum + c.paidCents, 0) };
    });

  return {
    invoices: {
      invoices,
      balanceDueCents: invoices.reduce((sum, invoice) => sum + invoice.balanceCents, 0),
      payment: { provider: 'demo', minimumCents: 100, counterMethods: ['especes', 'cheque', 'cesu'] },
    },
    payments: { payments },
    attestations: { attestations },
    'invoice-preferences': { children: children.map((c, i) => ({ childId: c.childId, name: c.childLabel, electronicInvoice: i % 2 === 0 })) },
  };
}

/** A GET answer as the contract's endpoint for `path` declares it (parsed: it throws when invalid). */
function validated(path: string, body: unknown): unknown {
  const endpoint = Object.values(endpoints as Record<string, Endpoint>).find(
    (e) => e.method === 'get' && !/\{(?!tenant\})/.test(e.path) && buildPath(e.path, { tenant }) === path.replace(/^\/api/, ''),
  );
  return endpoint?.response ? (endpoint.response as { parse(value: unknown): unknown }).parse(body) : body;
}

// ——— The bundle, the page and the stub API ———

/** The production bundle of `<famille-invoices>`. */
function buildInvoicesBundle(): Promise<string> {
  return bundleInMemory('packages/elements/src/invoices/define.ts', browserPlugins());
}

const page = `<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Mes factures — bench</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; }
    main { max-inline-size: 72rem; margin-inline: auto; padding: 1rem; }
  </style>
  <script type="module" src="/famille-invoices.js"></script>
</head>
<body><main id="host"></main></body>
</html>`;

/** Serves the page, the bundle and the API answers the element reads (anything else: 404), on 127.0.0.1 (free port). */
async function startStubSite(script: string): Promise<{ url: string; close(): Promise<void> }> {
  const now = Date.now();
  const [demo] = demoTenants({ allowedOrigins: [] });
  const session = Session.parse({
    account: {
      id: 'acc-bench',
      identifiant: 'parent.demo',
      email: 'parent.demo@example.fr',
      civilite: 'madame',
      nomUsage: 'Martin',
      prenoms: 'Claire',
      status: 'active',
    },
    transport: 'cookie',
    expiresAt: new Date(now + 8 * 3_600_000).toISOString(),
    idleExpiresAt: new Date(now + 3_600_000).toISOString(),
  });
  const api = `/api/tenants/${tenant}`;
  const answers: [string, unknown][] = [['auth/session', session], ['config', demo!.config], ...Object.entries(invoiceFixtures())];
  const bodies = new Map<string, [type: string, body: string]>([
    ['/', ['text/html; charset=utf-8', page]],
    ['/famille-invoices.js', ['text/javascript; charset=utf-8', script]],
    ...answers.map(([name, body]): [string, [string, string]] => [`${api}/${name}`, ['application/json', JSON.stringify(validated(`${api}/${name}`, body))]]),
  ]);
  const server: Server = createServer((request, response) => {
    const found = bodies.get(new URL(request.url ?? '/', 'http://bench').pathname);
    if (!found) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    // The version header the elements' connection check reads, as the real API sends it.
    response.writeHead(200, { 'content-type': found[0], 'cache-control': 'no-store', [apiVersionHeader]: apiVersion }).end(found[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ——— In the page (serialized by puppeteer: self-contained functions) ———

interface Probe {
  received: number[];
  parsed: number[];
}

/**
 * Wraps the page's fetch: the answers with the family's data (every API call but the
 * session and the configuration) are read in full, then handed to the SDK.
 */
function installProbe(): void {
  const probe: Probe = { received: [], parsed: [] };
  (window as unknown as { benchProbe: Probe }).benchProbe = probe;
  const realFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.startsWith('/api/') || /\/(auth\/session|config)$/.test(url.pathname)) return response;
    const bytes = await response.arrayBuffer();
    probe.received.push(performance.now());
    const copy = new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
    const json = copy.json.bind(copy);
    copy.json = async () => {
      const value: unknown = await json();
      probe.parsed.push(performance.now());
      return value;
    };
    return copy;
  };
}

interface RunTimes {
  total: number;
  parse: number;
  render: number;
  layout: number;
  frame: number;
  rows: number;
  older: string;
  cards: boolean;
}

/** One run: a fresh `<famille-invoices>` appended, timed until its table is laid out, then its next frame. */
async function runOnce(tenantSlug: string): Promise<RunTimes> {
  const probe = (window as unknown as { benchProbe: Probe }).benchProbe;
  const host = document.getElementById('host')!;
  await customElements.whenDefined('famille-invoices');
  await new Promise((resolve) => setTimeout(resolve, 100));
  probe.received.length = 0;
  probe.parsed.length = 0;
  const element = document.createElement('famille-invoices');
  element.setAttribute('api', '/api');
  element.setAttribute('tenant', tenantSlug);
  const marks = await new Promise<{ committed: number; laidOut: number; frame: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no table after 30 s: ${element.textContent?.trim().slice(0, 300)}`)), 30_000);
    const observer = new MutationObserver(() => {
      const table = element.querySelector('table');
      if (!table) return;
      observer.disconnect();
      const committed = performance.now();
      table.getBoundingClientRect();
      table.querySelector('tbody tr:last-child')?.getBoundingClientRect();
      const laidOut = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          clearTimeout(timer);
          resolve({ committed, laidOut, frame: performance.now() });
        };
        channel.port2.postMessage(undefined);
      });
    });
    observer.observe(element, { childList: true, subtree: true });
    host.append(element);
  });
  if (probe.received.length < 2 || probe.parsed.length !== probe.received.length)
    throw new Error(`expected the invoices, the payments… read once each: ${JSON.stringify(probe)}`);
  const start = Math.max(...probe.received);
  const parsed = Math.max(...probe.parsed);
  const firstRow = element.querySelector('tbody tr');
  return {
    total: marks.laidOut - start,
    parse: parsed - start,
    render: marks.committed - parsed,
    layout: marks.laidOut - marks.committed,
    frame: marks.frame - start,
    rows: element.querySelectorAll('tbody tr').length,
    older: /(\d+) factures plus anciennes non affichées/.exec(element.textContent ?? '')?.[1] ?? '0',
    cards: !!firstRow && getComputedStyle(firstRow).display === 'grid',
  };
}

// ——— Measurement ———

interface Layout {
  name: string;
  viewport: { width: number; height: number; isMobile?: boolean; hasTouch?: boolean };
  cards: boolean;
}

const layouts: Layout[] = [
  { name: 'desktop table (1280×800)', viewport: { width: 1280, height: 800 }, cards: false },
  { name: 'phone cards (375×812)', viewport: { width: 375, height: 812, isMobile: true, hasTouch: true }, cards: true },
];

interface RenderResult {
  name: string;
  runs: RunTimes[];
  median: (key: keyof Omit<RunTimes, 'rows' | 'older' | 'cards'>) => number;
  p95: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/**
 * Opens the stub site in one page with the layout's viewport, ready for `measureOnPage`,
 * with the DevTools session that collects its garbage.
 */
async function openBenchPage(browser: Browser, url: string, layout: Layout): Promise<{ tab: Page; cdp: CDPSession }> {
  const tab = await browser.newPage();
  await tab.setViewport(layout.viewport);
  await tab.evaluateOnNewDocument(installProbe);
  await tab.goto(url, { waitUntil: 'load' });
  return { tab, cdp: await tab.createCDPSession() };
}

/** One run on an open page: the previous element removed and its garbage collected first. */
async function measureOnPage({ tab, cdp }: { tab: Page; cdp: CDPSession }): Promise<RunTimes> {
  await tab.evaluate(() => document.getElementById('host')!.replaceChildren());
  await cdp.send('HeapProfiler.collectGarbage');
  return tab.evaluate(runOnce, tenant);
}

/** Every layout measured in one Chromium; `version` is the browser's, for the printed line. */
export async function measureInvoicesRender(): Promise<{ version: string; results: RenderResult[] }> {
  const runs = Number(process.env.BENCH_RENDER_RUNS ?? 20);
  const site = await startStubSite(await buildInvoicesBundle());
  const browser = await launchChromium();
  try {
    const version = (await browser.version()).replace(/^(Headless)?Chrome\//, 'Chromium ');
    const results: RenderResult[] = [];
    for (const layout of layouts) {
      const benchPage = await openBenchPage(browser, site.url, layout);
      await measureOnPage(benchPage); // warm-up: JIT, fonts, the adopted stylesheet
      const times: RunTimes[] = [];
      for (let run = 0; run < runs; run++) {
        const time = await measureOnPage(benchPage);
        if (time.rows !== firstPage || Number(time.older) !== invoiceCount - firstPage) {
          throw new Error(`${layout.name}: ${time.rows} rows and ${time.older} older, expected ${firstPage} and ${invoiceCount - firstPage}`);
        }
        if (time.cards !== layout.cards) throw new Error(`${layout.name}: expected ${layout.cards ? 'cards' : 'a table'}`);
        times.push(time);
      }
      await benchPage.tab.close();
      results.push({
        name: layout.name,
        runs: times,
        median: (key) =>
          percentile(
            times.map((t) => t[key]),
            50,
          ),
        p95: percentile(
          times.map((t) => t.total),
          95,
        ),
      });
    }
    return { version, results };
  } finally {
    await browser.close();
    await site.close();
  }
}

/** Prints the results in bench.ts's style; true when every layout's median meets the goal. */
export function printRenderResults(results: RenderResult[], version: string): boolean {
  const runs = results[0]?.runs.length ?? 0;
  console.log(
    `\n<famille-invoices> with ${invoiceCount.toLocaleString('en')} invoices (4 children, 1–4 lines each, every status, and the payment history), ${version}, headless,`,
  );
  console.log(`1 warm-up + ${runs} runs per layout, a fresh element each run, production bundle; timed in the page from the family's`);
  console.log('data (invoices, payments, …) received in full to the table laid out: JSON parse, SDK validation, Lit render + commit, style + layout;');
  console.log(`the element shows the newest ${firstPage} invoices and ${invoiceCount - firstPage} behind "Afficher … plus anciennes" (checked each run)\n`);
  const ms = (value: number) => value.toFixed(1).padStart(8);
  console.log(
    'layout'.padEnd(38),
    'median'.padStart(8),
    'p95'.padStart(8),
    'parse'.padStart(8),
    'render'.padStart(8),
    'layout'.padStart(8),
    'frame'.padStart(8),
    '  (ms; parse, render, layout, frame: medians)',
  );
  for (const r of results) {
    console.log(
      r.name.padEnd(38),
      ms(r.median('total')),
      ms(r.p95),
      ms(r.median('parse')),
      ms(r.median('render')),
      ms(r.median('layout')),
      ms(r.median('frame')),
    );
  }
  const desktop = results[0]!;
  console.log(
    `\nrender of 1,000 invoices, data received → laid out (desktop, median): ${desktop.median('total').toFixed(1)} ms (goal: under ${renderGoalMs} ms)`,
  );
  return results.every((r) => r.median('total') < renderGoalMs);
}

if (import.meta.main) {
  const { version, results } = await measureInvoicesRender();
  process.exitCode = printRenderResults(results, version) ? 0 : 1;
}
