import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Locale } from '@famille/contract';
import type { Database } from '../db/database.ts';
import { newUuid } from '../db/ids.ts';
import { accounts, outboxMessages } from '../db/schema.ts';
import type { RandomBytes } from '../auth/password-hash.ts';
import type { Tenant } from '../tenants/registry.ts';
import { renderMail, type MailContent } from './templates.ts';

/** A message written to the outbox, as the mailer hears of it once the transaction committed. */
export interface QueuedMail {
  readonly tenantId: string;
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  /** The link the message carries, if any (printed to the log when nothing sends e-mail). */
  readonly link?: string;
}

/** The outbox row of a rendered message, ready to send. */
function outboxRow(tenant: Tenant, id: string, to: string, rendered: ReturnType<typeof renderMail>, now: Date) {
  return {
    tenantId: tenant.config.id,
    id,
    fromName: tenant.config.name,
    replyTo: tenant.config.contact.email,
    toAddress: to,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    status: 'pending' as const,
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
  };
}

const queuedOf = (tenant: Tenant, id: string, to: string, subject: string, content: MailContent): QueuedMail => ({
  tenantId: tenant.config.id,
  id,
  to,
  subject,
  ...('link' in content && { link: content.link }),
});

/**
 * Renders a message and writes it to the outbox, inside the caller's transaction: the
 * message exists if and only if what it announces (account, token) was committed.
 */
export async function enqueueMail(
  tx: Database,
  randomBytes: RandomBytes,
  tenant: Tenant,
  to: string,
  locale: Locale,
  content: MailContent,
  now: Date,
): Promise<QueuedMail> {
  const rendered = renderMail(content, tenant.config, locale, tenant.mailStrings);
  const id = newUuid(randomBytes);
  await tx.insert(outboxMessages).values(outboxRow(tenant, id, to, rendered, now));
  return queuedOf(tenant, id, to, rendered.subject, content);
}

export interface MailRecipient {
  readonly email: string;
  readonly prenoms: string;
  readonly locale: Locale;
}

/** Rows written by one INSERT when many recipients get the same kind of e-mail. */
const OUTBOX_BATCH = 200;

/**
 * One e-mail per recipient, `build(prenoms)` rendered once per language and first name,
 * written to the outbox in multi-row INSERTs of 200, in the caller's transaction.
 */
export async function enqueueMails(
  tx: Database,
  randomBytes: RandomBytes,
  tenant: Tenant,
  recipients: readonly MailRecipient[],
  build: (prenoms: string) => MailContent,
  now: Date,
): Promise<QueuedMail[]> {
  const queued: QueuedMail[] = [];
  const rendered = new Map<string, { content: MailContent; mail: ReturnType<typeof renderMail> }>();
  for (let start = 0; start < recipients.length; start += OUTBOX_BATCH) {
    const rows = recipients.slice(start, start + OUTBOX_BATCH).map(({ email, prenoms, locale }) => {
      const key = `${locale}\u0000${prenoms}`;
      let made = rendered.get(key);
      if (!made) {
        const content = build(prenoms);
        made = { content, mail: renderMail(content, tenant.config, locale, tenant.mailStrings) };
        rendered.set(key, made);
      }
      const id = newUuid(randomBytes);
      queued.push(queuedOf(tenant, id, email, made.mail.subject, made.content));
      return outboxRow(tenant, id, email, made.mail, now);
    });
    await tx.insert(outboxMessages).values(rows);
  }
  return queued;
}

/** Writes one e-mail per active account of the family, in the caller's transaction. */
export async function mailFamily(
  tx: Database,
  app: { readonly randomBytes: RandomBytes },
  tenant: Tenant,
  familyId: string,
  build: (prenoms: string) => MailContent,
  now: Date,
): Promise<QueuedMail[]> {
  const recipients = await tx
    .select({ email: accounts.email, prenoms: accounts.prenoms, locale: accounts.locale })
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenant.config.id), eq(accounts.familyId, familyId), eq(accounts.status, 'active')));
  return enqueueMails(tx, app.randomBytes, tenant, recipients, build, now);
}

/** The tenant's latest messages, newest first (development outbox). */
export async function recentOutboxMessages(db: Database, tenantId: string, limit = 50) {
  return db
    .select({
      id: outboxMessages.id,
      to: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      text: outboxMessages.textBody,
      html: outboxMessages.htmlBody,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(eq(outboxMessages.tenantId, tenantId))
    .orderBy(desc(outboxMessages.seq))
    .limit(limit);
}

/** What the dispatcher hands to a transport. */
export interface OutgoingMail {
  readonly fromName: string;
  readonly replyTo?: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Delivers one message (SMTP in the Node entry); throws when it could not. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

export interface DispatcherOptions {
  readonly db: Database;
  readonly transport: MailTransport;
  readonly clock?: { now(): Date };
  readonly logger?: { info(o: { msg: string } & Record<string, unknown>): void; warn(o: { msg: string } & Record<string, unknown>): void };
  /** Messages taken per run (default 20). */
  readonly batchSize?: number;
  /** After this many failed attempts a message is marked failed (default 8, about 4 h of retries). */
  readonly maxAttempts?: number;
  /** Seconds to wait after the n-th failure (default 60 × 2^(n-1), at most 1 h). */
  readonly backoffSeconds?: (attempt: number) => number;
  /** While a run sends a message, other instances leave it alone this long (default 5 min). */
  readonly leaseSeconds?: number;
}

export interface OutboxDispatcher {
  /** Sends the messages that are due; returns how many went and how many failed. */
  runOnce(): Promise<{ sent: number; failed: number }>;
  /** Runs soon (coalesced): called when a request queued messages. */
  kick(): void;
  /** Also runs every `intervalMs` (retries, messages of other instances). */
  start(intervalMs: number): void;
  /** Stops the timer and waits for the current run. */
  stop(): Promise<void>;
}

const defaultBackoff = (attempt: number) => Math.min(3600, 60 * 2 ** (attempt - 1));
const addSeconds = (date: Date, seconds: number) => new Date(date.getTime() + seconds * 1000);

/**
 * Delivers the outbox: takes due messages (FOR UPDATE SKIP LOCKED, then a lease, so
 * several instances never send the same one), sends each, marks it sent and empties its
 * bodies, or schedules a retry with exponential backoff. Delivery is at least once: a
 * crash between the SMTP answer and the update sends that message again.
 */
export function createOutboxDispatcher(options: DispatcherOptions): OutboxDispatcher {
  const { db, transport } = options;
  const now = () => (options.clock ?? { now: () => new Date() }).now();
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const backoff = options.backoffSeconds ?? defaultBackoff;
  const lease = options.leaseSeconds ?? 300;
  let running: Promise<{ sent: number; failed: number }> | undefined;
  let again = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const claim = () =>
    db.transaction(async (tx) => {
      const at = now();
      const due = await tx
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.status, 'pending'), lte(outboxMessages.nextAttemptAt, at)))
        .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.seq))
        .limit(batchSize)
        .for('update', { skipLocked: true });
      if (due.length > 0) {
        await tx
          .update(outboxMessages)
          .set({ nextAttemptAt: addSeconds(at, lease) })
          .where(
            inArray(
              outboxMessages.id,
              due.map((m) => m.id),
            ),
          );
      }
      return due;
    });

  async function run(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (const message of await claim()) {
      const where = and(eq(outboxMessages.tenantId, message.tenantId), eq(outboxMessages.id, message.id));
      try {
        await transport.send({
          fromName: message.fromName,
          ...(message.replyTo && { replyTo: message.replyTo }),
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
        });
        await db
          .update(outboxMessages)
          .set({ status: 'sent', sentAt: now(), attempts: message.attempts + 1, textBody: '', htmlBody: '', lastError: null })
          .where(where);
        options.logger?.info({ msg: 'e-mail sent', tenant: message.tenantId, id: message.id, subject: message.subject });
        sent++;
      } catch (error) {
        const attempts = message.attempts + 1;
        const gaveUp = attempts >= maxAttempts;
        await db
          .update(outboxMessages)
          .set({
            attempts,
            lastError: String(error).slice(0, 500),
            nextAttemptAt: addSeconds(now(), backoff(attempts)),
            ...(gaveUp && { status: 'failed' as const }),
          })
          .where(where);
        options.logger?.warn({
          msg: gaveUp ? 'e-mail given up' : 'e-mail failed, will retry',
          tenant: message.tenantId,
          id: message.id,
          attempts,
          error: String(error),
        });
        failed++;
      }
    }
    return { sent, failed };
  }

  const runOnce = (): Promise<{ sent: number; failed: number }> => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        kick();
      }
    });
    return running;
  };
  const kick = () => {
    runOnce().catch((error: unknown) => options.logger?.warn({ msg: 'outbox run failed', error: String(error) }));
  };
  return {
    runOnce,
    kick,
    start(intervalMs) {
      timer ??= setInterval(kick, intervalMs);
      (timer as { unref?: () => void }).unref?.();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      again = false;
      await running?.catch(() => {});
    },
  };
}
