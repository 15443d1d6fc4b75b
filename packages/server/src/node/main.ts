#!/usr/bin/env node
// The reference server from the command line. Configuration by environment (see README):
// PORT, HOST, DATA_DIR, DATABASE_URL, FILES_STORAGE, FILES_DIR, ALLOWED_ORIGINS, COOKIE_SECURE, TRUST_PROXY,
// SEED_DEMO, LOG_LEVEL, ACCOUNT_PAGE_URL, PUBLIC_URL, SMTP_URL, MAIL_FROM, PAYMENT_POLL_INTERVAL_MS,
// PAYMENT_PROVIDER, PAYFIP_NUMCLI, PAYFIP_SAISIE, PAYFIP_SOAP_URL, PAYFIP_PAGE_URL, FAKE_PAYFIP(_PORT), KIT_DIR.
import { startServer } from './server.ts';

const server = await startServer();
console.error(`Espace Famille API on ${server.url}/api (docs: ${server.url}/api/docs)`);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  // A second signal, or a shutdown stuck for 10 s, ends the process anyway.
  setTimeout(() => process.exit(1), 10_000).unref();
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`Shutdown after ${signal} failed:`, error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
