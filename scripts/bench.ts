// `npm run bench`: throughput and latency of the reference server, measured with autocannon
// (10 connections) against the real Node entry running in a child process on PGlite, or on
// the PostgreSQL server of BENCH_DATABASE_URL (an empty database it may fill).
// Prints the routes side by side, the ratio the foundation issue asks for, and the
// authenticated invoice list (a family with 24 invoices) beside the bare query route; then
// a login rush (50 connections posting a correct login) with the invoice list's p99 during
// it beside its p99 idle.
// Then, the server stopped, the render time of 1,000 invoices in `<famille-invoices>` in
// Chromium (scripts/bench-render.ts: what is timed is described there). Last, the time to
// the first login form on the demo page with CPU ×4 and Fast 3G emulation, beside the
// previous drop-in build (scripts/bench-load.ts; alone: `npm run bench:load`).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { agent, createClient, family } from '@famille/sdk';
import { measureInvoicesRender, printRenderResults } from './bench-render.ts';
import { measurePageLoad, printLoadResults } from './bench-load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 10;
const port = Number(process.env.BENCH_PORT ?? 8799);
const base = `http://127.0.0.1:${port}/api`;
const dataDir = mkdtempSync(join(tmpdir(), 'famille-bench-'));

const databaseUrl = process.env.BENCH_DATABASE_URL;
// The Node entry, with the per-address login cap lifted: every request comes from 127.0.0.1.
const server = spawn(process.execPath, ['--conditions=source', 'scripts/bench-server.ts'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: join(dataDir, 'pglite') }),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.resume();

async function waitForServer(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('server did not become ready in 60 s');
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function measure(name: string, path: string, headers: Record<string, string> = {}): Promise<Result> {
  const options = { url: `${base}${path}`, connections, headers };
  await autocannon({ ...options, duration: 1 }); // warm-up: JIT, PGlite caches
  const result = await autocannon({ ...options, duration: seconds });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}

try {
  await waitForServer();
  // A family with a child and 24 months of invoices, issued by the demo agent.
  const parent = createClient({ baseUrl: base, tenant: 'vienne-condrieu', auth: 'token' });
  await parent.auth.login({ identifiant: 'parent.demo', password: 'Famille-Demo-2026' });
  const token = parent.tokens.get()!;
  const { member, request } = await family(parent).addMember({ role: 'enfant', nomUsage: 'Martin', prenoms: 'Léo', dateNaissance: '2024-02-03' });
  const office = agent(createClient({ baseUrl: base, tenant: 'vienne-condrieu', auth: 'token' }));
  await office.login({ identifiant: 'agent.demo', password: 'Agent-Demo-2026' });
  const familyId = (await office.request(request.id)).family.id;
  for (let month = 1; month <= 24; month++) {
    const year = 2025 + Math.floor((month - 1) / 12);
    const mm = String(((month - 1) % 12) + 1).padStart(2, '0');
    await office.issueInvoice({
      familyId,
      issuedOn: `${year}-${mm}-15`,
      dueOn: `${year}-${mm}-28`,
      lines: [
        {
          childId: member.id,
          childLabel: 'Léo Martin',
          activity: 'Multi-accueil — accueil régulier',
          period: `${mm}/${year}`,
          quantity: 40 + month,
          unitPriceCents: 137,
        },
      ],
    });
  }

  const results = [
    await measure('GET /api/health (no database)', '/health'),
    await measure('GET /api/health/ready (one query)', '/health/ready'),
    await measure('GET …/auth/session (authenticated)', '/tenants/vienne-condrieu/auth/session', { authorization: `Bearer ${token}` }),
    await measure('GET …/invoices (authenticated, 24)', '/tenants/vienne-condrieu/invoices', { authorization: `Bearer ${token}` }),
  ];

  console.log(
    `\n${databaseUrl ? 'PostgreSQL' : 'PGlite'}; ${connections} connections, ${seconds} s per route, server and load generator on the same ${(await import('node:os')).cpus().length} cores\n`,
  );
  console.log('route'.padEnd(38), 'req/s'.padStart(9), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'errors'.padStart(7), 'non-2xx'.padStart(8));
  for (const r of results) {
    console.log(
      r.name.padEnd(38),
      r.rps.toFixed(0).padStart(9),
      String(r.p50).padStart(8),
      String(r.p99).padStart(8),
      String(r.errors).padStart(7),
      String(r.non2xx).padStart(8),
    );
  }
  const [, bare, authenticated, invoiceList] = results as [Result, Result, Result, Result];
  const ratio = authenticated.rps / bare.rps;
  console.log(`\nauthenticated / bare query route: ${(ratio * 100).toFixed(0)} % (goal: at least 50 %)`);
  console.log(`invoice list / bare query route: ${((invoiceList.rps / bare.rps) * 100).toFixed(0)} %`);
  process.exitCode = ratio >= 0.5 && results.every((r) => r.errors === 0 && r.non2xx === 0) ? 0 : 1;

  // A login rush: 50 connections post the demo parent's correct login while the parent
  // reads their invoices at 10 connections.
  const invoicesPath = `${base}/tenants/vienne-condrieu/invoices`;
  const [rush, during] = await Promise.all([
    autocannon({
      url: `${base}/tenants/vienne-condrieu/auth/login`,
      connections: 50,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifiant: 'parent.demo', password: 'Famille-Demo-2026', transport: 'token' }),
    }),
    autocannon({ url: invoicesPath, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } }),
  ]);
  const codes = (rush as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const count = (code: string) => codes[code]?.count ?? 0;
  console.log(
    `\nlogin rush, 50 connections, ${seconds} s: ${(count('200') / seconds).toFixed(1)} logins/s accepted, ${count('503')} answered 503 server_busy (Retry-After), ${rush.errors} errors/time-outs; login p99 ${rush.latency.p99} ms`,
  );
  console.log(
    `invoice list p99: idle ${invoiceList.p99} ms, during the rush ${during.latency.p99} ms (${(during.latency.p99 / invoiceList.p99).toFixed(1)}× idle; goal at most 3×)`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

// BENCH_SERVER_ONLY=1: the server's figures only (e.g. a second run on PostgreSQL).
if (!process.env.BENCH_SERVER_ONLY) {
  const render = await measureInvoicesRender();
  if (!printRenderResults(render.results, render.version)) process.exitCode = 1;
  printLoadResults(await measurePageLoad());
}
