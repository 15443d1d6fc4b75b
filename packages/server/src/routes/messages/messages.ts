// Mes actualités: agents post a message to one family or to all the tenant's families;
// each family lists its own copies, reads one (marked read for that family only).
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Message, MessageInput, MessageList, MessageQuery, PostedMessage } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../../deps.ts';
import type { AuthenticatedAgent } from '../../agents/auth.ts';
import type { Database } from '../../db/database.ts';
import { newUuid } from '../../db/ids.ts';
import { accounts, families, familyMessageRecipients, familyMessages } from '../../db/schema.ts';
import { isUuid } from '../../family/views.ts';
import { ProblemError } from '../../http/problem.ts';
import { enqueueMails, type QueuedMail } from '../../mail/outbox.ts';
import type { Tenant } from '../../tenants/registry.ts';

/** A page's length when the query does not say (the contract allows 1–200). */
export const PAGE_DEFAULT = 20;

const fieldError = (path: string, code: 'required' | 'invalid_value' | 'unknown_reference') =>
  new ProblemError('validation_failed', { fieldErrors: [{ path, code }] });

/** The family `familyId` of the tenant, or a field error: another tenant's family is unknown here. */
async function checkAudience(db: Database, tenantId: string, input: z.output<typeof MessageInput>): Promise<string | undefined> {
  if (input.audience === 'all') {
    if (input.familyId !== undefined) throw fieldError('familyId', 'invalid_value');
    return undefined;
  }
  if (input.familyId === undefined) throw fieldError('familyId', 'required');
  const found =
    isUuid(input.familyId) &&
    (await db
      .select({ id: families.id })
      .from(families)
      .where(and(eq(families.tenantId, tenantId), eq(families.id, input.familyId)))
      .limit(1));
  if (!found || found.length === 0) throw fieldError('familyId', 'unknown_reference');
  return input.familyId;
}

/**
 * "A message is waiting" to every active account of the families the message went to,
 * written to the outbox in a few multi-row INSERTs inside the posting's transaction. The
 * dispatcher sends them after the answer; the e-mail carries no word of the message.
 */
async function queueNotices(tx: Database, app: AppContext, tenant: Tenant, messageId: string, now: Date): Promise<QueuedMail[]> {
  const tenantId = tenant.config.id;
  const recipients = await tx
    .select({ email: accounts.email, prenoms: accounts.prenoms, locale: accounts.locale })
    .from(accounts)
    .innerJoin(
      familyMessageRecipients,
      and(
        eq(familyMessageRecipients.tenantId, accounts.tenantId),
        eq(familyMessageRecipients.familyId, accounts.familyId),
        eq(familyMessageRecipients.messageId, messageId),
      ),
    )
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.status, 'active')));
  return enqueueMails(tx, app.randomBytes, tenant, recipients, (prenoms) => ({ kind: 'message_waiting', prenoms, link: tenant.accountPageUrl }), now);
}

/** Posts a message to one family of the tenant or to all of them, and queues the notices. */
export async function postMessage(app: AppContext, tenant: Tenant, agent: AuthenticatedAgent, input: z.output<typeof MessageInput>): Promise<PostedMessage> {
  const tenantId = tenant.config.id;
  const familyId = await checkAudience(app.db, tenantId, input);
  const now = app.clock.now();
  const id = newUuid(app.randomBytes);
  const { recipients, mails } = await app.db.transaction(async (tx) => {
    await tx
      .insert(familyMessages)
      .values({ tenantId, id, audience: input.audience, title: input.title, body: input.body, agentId: agent.agent.id, sentAt: now });
    // One statement for one family or for thousands.
    const inserted = await tx
      .insert(familyMessageRecipients)
      .select(
        tx
          .select({
            tenantId: families.tenantId,
            messageId: sql<string>`${id}::uuid`.as('message_id'),
            familyId: families.id,
            sentAt: sql<Date>`${now.toISOString()}::timestamptz`.as('sent_at'),
            readAt: sql<Date | null>`null::timestamptz`.as('read_at'),
          })
          .from(families)
          .where(and(eq(families.tenantId, tenantId), familyId ? eq(families.id, familyId) : undefined)),
      )
      .returning({ familyId: familyMessageRecipients.familyId });
    return { recipients: inserted.length, mails: await queueNotices(tx, app, tenant, id, now) };
  });
  app.mailer.queued(mails);
  return { id, title: input.title, audience: input.audience, sentAt: now.toISOString(), recipients };
}

const ofFamily = (tenantId: string, familyId: string) => and(eq(familyMessageRecipients.tenantId, tenantId), eq(familyMessageRecipients.familyId, familyId));

/** How many of the family's messages it has not opened yet. */
export async function unreadCount(db: Database, tenantId: string, familyId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(familyMessageRecipients)
    .where(and(ofFamily(tenantId, familyId), isNull(familyMessageRecipients.readAt)));
  return Number(row?.n ?? 0);
}

/** A page of the family's messages, newest first, and the unread count. */
export async function familyMessageList(app: AppContext, tenant: Tenant, familyId: string, query: MessageQuery): Promise<MessageList> {
  const tenantId = tenant.config.id;
  const limit = query.limit ?? PAGE_DEFAULT;
  const offset = query.offset ?? 0;
  const [rows, unread] = await Promise.all([
    app.db
      .select({ id: familyMessages.id, title: familyMessages.title, sentAt: familyMessageRecipients.sentAt, readAt: familyMessageRecipients.readAt })
      .from(familyMessageRecipients)
      .innerJoin(familyMessages, and(eq(familyMessages.tenantId, familyMessageRecipients.tenantId), eq(familyMessages.id, familyMessageRecipients.messageId)))
      .where(ofFamily(tenantId, familyId))
      .orderBy(desc(familyMessageRecipients.sentAt), desc(familyMessageRecipients.messageId))
      .limit(limit + 1)
      .offset(offset),
    unreadCount(app.db, tenantId, familyId),
  ]);
  return {
    messages: rows.slice(0, limit).map((r) => ({ id: r.id, title: r.title, sentAt: r.sentAt.toISOString(), read: r.readAt !== null })),
    unread,
    ...(rows.length > limit && { nextOffset: offset + limit }),
  };
}

/** One of the family's messages, marked read for the family (the first reading's date stays); 404 for any other id. */
export async function readMessage(app: AppContext, tenant: Tenant, familyId: string, messageId: string): Promise<Message> {
  if (!isUuid(messageId)) throw new ProblemError('not_found');
  const tenantId = tenant.config.id;
  const mine = and(ofFamily(tenantId, familyId), eq(familyMessageRecipients.messageId, messageId));
  await app.db
    .update(familyMessageRecipients)
    .set({ readAt: app.clock.now() })
    .where(and(mine, isNull(familyMessageRecipients.readAt)));
  const [row] = await app.db
    .select({
      id: familyMessages.id,
      title: familyMessages.title,
      body: familyMessages.body,
      sentAt: familyMessageRecipients.sentAt,
      readAt: familyMessageRecipients.readAt,
    })
    .from(familyMessageRecipients)
    .innerJoin(familyMessages, and(eq(familyMessages.tenantId, familyMessageRecipients.tenantId), eq(familyMessages.id, familyMessageRecipients.messageId)))
    .where(mine);
  if (!row?.readAt) throw new ProblemError('not_found');
  return { id: row.id, title: row.title, body: row.body, sentAt: row.sentAt.toISOString(), readAt: row.readAt.toISOString() };
}
