// Browser-safe entry: web standards only, no `node:` import reachable from here.
export { createApp, withoutQueryParams, type App } from './app.ts';
export {
  defaultConfig,
  resolveConfig,
  systemClock,
  type AppConfig,
  type AppConfigInput,
  type AppDeps,
  type Clock,
  type Mailer,
  logOnlyMailer,
} from './deps.ts';
export { createPgliteDatabase, type Database } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { migrations, type Migration } from './db/migrations/index.ts';
export { deleteExpiredSessions } from './db/sessions.ts';
export { deleteStaleThrottleCounters } from './db/throttle.ts';
export { createTenantRegistry, normalizeOrigin, type Tenant, type TenantRegistry } from './tenants/registry.ts';
export { demoTenants, type DemoTenantsOptions } from './tenants/demo.ts';
export { createDemoDeps, type DemoDepsOptions } from './demo/deps.ts';
export { demoAccounts, demoAgentPassword, demoAgents, demoPassword, seedDemo } from './demo/seed.ts';
export { demoUploads } from './tenants/demo.ts';
export { assertStorageKey, createMemoryFileStorage, type FileStorage } from './files/storage.ts';
export { checkUpload, displayFileName, normalizeMediaType, type CheckedUpload, type UploadRules } from './files/upload.ts';
export { contentDisposition } from './files/documents.ts';
export type { KitAsset, KitAssets } from './kit/assets.ts';
export { nextRequestNumber } from './family/numbering.ts';
export { checkStatusChange, isDecided, type StatusChangeCheck } from './domain/requests.ts';
export { memberLabel, memberProfileErrors, MAX_EXPECTED_BIRTH_DAYS } from './domain/member-profile.ts';
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
export { HashingBusy, limitHashing, type HashingLimit } from './auth/hashing-limit.ts';
export { constantTimeEqual } from './auth/encoding.ts';
export { hashSessionToken } from './auth/session-token.ts';
export { createJsonLogger, isLogLevel, silentLogger, type LogEntry, type Logger, type LogLevel } from './logging.ts';
export { buildOpenApiDocument } from './routes/docs/openapi.ts';
export { assessPassword, cnilPasswordPolicy, passwordFieldError, type PasswordAssessment } from './domain/password-policy.ts';
export {
  commonPasswordsFrom,
  createCommonPasswordList,
  zxcvbnCommonPasswords,
  type CommonPasswordList,
  type CommonPasswordLoader,
} from './domain/common-passwords.ts';
export { normalizeEmail } from './domain/identifiant.ts';
export { emailTokenState, hashEmailToken, newEmailToken, type EmailTokenState } from './auth/email-token.ts';
export {
  createOutboxDispatcher,
  type DispatcherOptions,
  type MailTransport,
  type OutboxDispatcher,
  type OutgoingMail,
  type QueuedMail,
} from './mail/outbox.ts';
export { escapeMarkup } from './markup.ts';
export { mailKeys, renderMail, type MailContent, type MailStrings, type RenderedMail } from './mail/templates.ts';
export type { MailKey, MailMessages } from './mail/messages.fr.ts';
export { activationLink, forgotPasswordLink, resetLink } from './mail/links.ts';
export { isSessionExpired, openSession, touchSession, type SessionPolicy, type SessionTimes } from './domain/session.ts';
export { lockedForSeconds, recordFailure, retryAfterSeconds, type ThrottleCounter, type ThrottleRule } from './domain/throttle.ts';
export { normalizeIdentifiant } from './domain/identifiant.ts';
export { parisDate } from './domain/paris-date.ts';
export {
  checkPreregistrationChange,
  documentRequired,
  isFinalPreregistrationStatus,
  monthsBetween,
  nextCommission,
  preregistrationConfigProblems,
  submissionErrors,
  type ChildDates,
  type DraftContent,
  type GivenDocumentFacts,
  type PreregistrationChangeCheck,
} from './domain/preregistration.ts';
export { exempleTenantPreregistration, vienneCondrieuPreregistration } from './tenants/demo-preregistration.ts';
export {
  allocatePayment,
  formatInvoiceNumber,
  invoiceStatus,
  lineAmountCents,
  formatEuros,
  splitByLines,
  underSixOnFirstJanuary,
  checkRefund,
  type Allocation,
  type RefundCheck,
} from './domain/invoices.ts';
export {
  createDemoProvider,
  ProviderError,
  type PaymentProvider,
  type ProviderOutcome,
  type ProviderPaymentRequest,
  type ProviderTransaction,
} from './payments/provider.ts';
export { createPaymentPoller } from './payments/transactions.ts';
export { demoCards } from './payments/provider-routes.ts';
export { type BillingSettings, type PaymentSettings } from './tenants/registry.ts';
export { payfipFormats, type PayfipSaisie } from './payments/payfip-formats.ts';
export { createPayfipProvider, PAYFIP_PAYMENT_PAGE, type PayfipCreation, type PayfipProviderOptions } from './payments/payfip.ts';
