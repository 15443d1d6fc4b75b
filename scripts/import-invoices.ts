// `npm run import-invoices -- --tenant <id> [--dry-run] [--format csv|json] <file>`
// Imports invoices from the billing software, all or nothing (see
// packages/server/src/invoices/import.ts for the CSV columns and the checks). The database
// is the server's: DATABASE_URL (PostgreSQL), or else the PGlite folder DATA_DIR (default
// .data/pglite; stop the server first: PGlite opens a folder in one process at a time).
// The "votre facture est disponible" e-mails go to the outbox; the server sends them.
// Exit codes: 0 imported (or checked, with --dry-run), 1 errors in the file (nothing
// written), 2 wrong usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createJsonLogger, migrate } from '@famille/server';
import { createNodeScryptHasher, formatImportErrors, importInvoices, openDatabase, serverOptionsFromEnv, serverTenants } from '@famille/server/node';

const usage = 'usage: npm run import-invoices -- --tenant <tenant-id> [--dry-run] [--format csv|json] <file.csv|file.json>';
const args = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        tenant: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
})();
const file = args.positionals[0];
const format = args.values.format ?? (file?.toLowerCase().endsWith('.json') ? 'json' : 'csv');
if (args.values.help || !file || !args.values.tenant || args.positionals.length > 1 || (format !== 'csv' && format !== 'json')) {
  console.error(usage);
  process.exit(args.values.help ? 0 : 2);
}

const env = serverOptionsFromEnv(process.env);
const tenants = serverTenants({ accountPageUrl: env.accountPageUrl });
const tenant = tenants.get(args.values.tenant);
if (!tenant) {
  console.error(
    `unknown tenant "${args.values.tenant}" (known: ${tenants
      .list()
      .map((t) => t.config.id)
      .join(', ')})`,
  );
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const database = await openDatabase(env);
try {
  await migrate(database.db);
  const result = await importInvoices(
    { db: database.db, tenants, hasher: createNodeScryptHasher(), logger: createJsonLogger({ level: 'error', write: (line) => console.error(line) }) },
    tenant,
    { format, text },
    { dryRun: args.values['dry-run'] },
  );
  if (!result.ok) {
    console.error(`${file}: ${result.errors.length} error(s), nothing was written:\n${formatImportErrors(result.errors)}`);
    process.exitCode = 1;
  } else {
    for (const invoice of result.invoices) {
      console.log(
        `${invoice.number ?? '(next number)'}\tfamily ${invoice.familyId}\t${(invoice.totalCents / 100).toFixed(2)} €\t${invoice.lines} line(s)${invoice.mailed ? '\te-mail queued' : ''}`,
      );
    }
    console.log(
      result.dryRun
        ? `${result.invoices.length} invoice(s) checked, nothing written (--dry-run).`
        : `${result.invoices.length} invoice(s) imported into ${tenant.config.id} (${database.description}).`,
    );
  }
} finally {
  await database.close();
}
