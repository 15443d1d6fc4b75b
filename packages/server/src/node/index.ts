// Node-only entry: the HTTP server, node:crypto's scrypt, node-postgres.
export { startServer, serverOptionsFromEnv, serverTenants, openDatabase, type RunningServer, type ServerOptions } from './server.ts';
export { createSmtpTransport } from './smtp.ts';
export { createNodeScryptHasher } from './scrypt-hasher.ts';
export { argon2Params, createNodePasswordHasher, type Argon2Params } from './password-hasher.ts';
export { createPostgresDatabase } from './postgres.ts';
export { nodeClientIp } from './client-ip.ts';
export { createDiskFileStorage } from './file-storage.ts';
export { createDatabaseFileStorage, type DatabaseFileStorage } from './database-file-storage.ts';
export { claimJobLease, releaseJobLease, startPeriodicJobs, newInstanceId, type PeriodicJob, type PeriodicJobs } from './jobs.ts';
export { loadKitDirectory } from './kit-directory.ts';
export { createFakePayfip, type FakePayfip, type FakePayfipOperation, type FakePayfipOptions } from './payfip-fake.ts';
export { startFakePayfip, type RunningFakePayfip } from './payfip-fake-server.ts';
export {
  importInvoices,
  eurosToCents,
  formatImportErrors,
  type ImportError,
  type ImportResult,
  type ImportedInvoice,
  type ImportOptions,
} from '../invoices/import.ts';
export { seedDemoInvoices } from '../demo/invoices.ts';
