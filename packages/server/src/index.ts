// Browser-safe entry: web standards only, no `node:` import reachable from here.
export { createApp, type App } from './app.ts';
export {
  defaultConfig,
  resolveConfig,
  systemClock,
  type AppConfig,
  type AppConfigInput,
  type AppDeps,
  type Clock,
} from './deps.ts';
export { createPgliteDatabase, type Database } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { migrations, type Migration } from './db/migrations/index.ts';
export { deleteExpiredSessions } from './db/sessions.ts';
export { deleteStaleThrottleCounters } from './db/throttle.ts';
export { createTenantRegistry, normalizeOrigin, type Tenant, type TenantRegistry } from './tenants/registry.ts';
export { demoTenants } from './tenants/demo.ts';
export { createDemoDeps, type DemoDepsOptions } from './demo/deps.ts';
export { demoAccounts, demoPassword, seedDemo } from './demo/seed.ts';
export {
  createPortableScryptHasher,
  formatScryptHash,
  lowScryptParams,
  parseScryptHash,
  passwordBytes,
  serverScryptParams,
  webRandomBytes,
  type PasswordHasher,
  type RandomBytes,
  type ScryptParams,
} from './auth/password-hash.ts';
export { constantTimeEqual } from './auth/encoding.ts';
export { hashSessionToken } from './auth/session-token.ts';
export { createJsonLogger, isLogLevel, silentLogger, type LogEntry, type Logger, type LogLevel } from './logging.ts';
export { buildOpenApiDocument } from './routes/docs/openapi.ts';
export { checkPasswordPolicy, cnilPasswordPolicy, type PasswordPolicyViolation } from './domain/password-policy.ts';
export { isSessionExpired, openSession, touchSession, type SessionPolicy, type SessionTimes } from './domain/session.ts';
export { lockedForSeconds, recordFailure, retryAfterSeconds, type ThrottleCounter, type ThrottleRule } from './domain/throttle.ts';
export { normalizeIdentifiant } from './domain/identifiant.ts';
