import type { AppConfigInput, AppDeps, Clock, Mailer } from '../deps.ts';
import type { CommonPasswordLoader } from '../domain/common-passwords.ts';
import type { Database } from '../db/database.ts';
import { createPortableScryptHasher, lowScryptParams, type ScryptParams } from '../auth/password-hash.ts';
import { createTenantRegistry } from '../tenants/registry.ts';
import { demoTenants } from '../tenants/demo.ts';
import { createJsonLogger, type Logger } from '../logging.ts';

export interface DemoDepsOptions {
  readonly db: Database;
  /** Origins of the pages that embed the demo (the page's own origin is always allowed). */
  readonly allowedOrigins: readonly string[];
  readonly clock?: Clock;
  /** scrypt cost; default N=2^14 so that logging in stays quick in a browser tab. */
  readonly hasherCost?: Partial<ScryptParams>;
  /** Default: errors only, on the console. */
  readonly logger?: Logger;
  readonly config?: AppConfigInput;
  /** Where e-mail links lead (the demo page). */
  readonly accountPageUrl?: string;
  readonly mailer?: Mailer;
  readonly commonPasswords?: CommonPasswordLoader;
}

/** Complete AppDeps for the demo tenants, safe to use in a browser (mock server) or in tests. */
export function createDemoDeps(options: DemoDepsOptions): AppDeps {
  return {
    db: options.db,
    tenants: createTenantRegistry(
      demoTenants({ allowedOrigins: options.allowedOrigins, ...(options.accountPageUrl && { accountPageUrl: options.accountPageUrl }) }),
    ),
    hasher: createPortableScryptHasher({ params: { ...lowScryptParams, ...options.hasherCost } }),
    ...(options.clock && { clock: options.clock }),
    ...(options.mailer && { mailer: options.mailer }),
    ...(options.commonPasswords && { commonPasswords: options.commonPasswords }),
    logger: options.logger ?? createJsonLogger({ level: 'error', write: (line) => console.error(line) }),
    // Plain http in demos: a Secure cookie would be dropped on http://127.0.0.1.
    // No SMTP in demos: the e-mails are read at the development outbox.
    config: { devOutbox: true, ...options.config, cookie: { secure: false, ...options.config?.cookie } },
  };
}
