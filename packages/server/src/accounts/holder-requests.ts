// The account holder's own requests ("Mon compte"): an identity change with its
// justificatif, and closing the account. They are family requests of their own kinds, in
// the same table, numbering, history and agents' flow as the entourage's; `member_id` is
// the account's id and `member_role` is `titulaire`.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AgentRequest, ClosureRequestInput, FamilyRequest, IdentityChangeInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import type { AuthenticatedSession } from '../auth/authenticate.ts';
import type { Database } from '../db/database.ts';
import { accounts, requests, type RequestKindName } from '../db/schema.ts';
import { deleteSessionsOf } from '../db/sessions.ts';
import { attach, fileRequest } from '../family/members.ts';
import { requestViews, toDocumentInfo, type DocumentRow, type RequestRow } from '../family/views.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import type { AccountRow } from '../db/accounts.ts';

export type HolderKind = Extract<RequestKindName, 'identity_change' | 'account_closure'>;
export const isHolderKind = (kind: RequestKindName): kind is HolderKind => kind === 'identity_change' || kind === 'account_closure';

const identityColumns = {
  civilite: accounts.civilite,
  nomUsage: accounts.nomUsage,
  nomNaissance: accounts.nomNaissance,
  prenoms: accounts.prenoms,
  dateNaissance: accounts.dateNaissance,
};
type IdentityRow = Pick<AccountRow, 'civilite' | 'nomUsage' | 'nomNaissance' | 'prenoms' | 'dateNaissance'>;

/**
 * The identity as the contract shows it: its five parts only (never the rest of an account
 * row passed in), unset ones left out.
 */
export const identityOf = (row: IdentityRow): Record<string, string> =>
  Object.fromEntries((Object.keys(identityColumns) as (keyof IdentityRow)[]).flatMap((key) => (row[key] ? [[key, row[key]]] : [])));

/** The account, locked for the rest of the transaction: two tabs cannot both change it at once. */
export async function lockAccount(tx: Database, tenantId: string, accountId: string): Promise<AccountRow> {
  const [account] = await tx
    .select()
    .from(accounts)
    .where(and(eq(accounts.tenantId, tenantId), eq(accounts.id, accountId)))
    .for('update');
  if (!account) throw new ProblemError('unauthenticated');
  return account;
}

/** The account's requests of a kind that await the service (déposée, en cours), newest first. */
async function openRequests(db: Database, tenantId: string, accountId: string, kinds: readonly HolderKind[]): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.tenantId, tenantId),
        eq(requests.memberId, accountId),
        inArray(requests.kind, [...kinds]),
        inArray(requests.status, ['deposee', 'en_cours']),
      ),
    )
    .orderBy(desc(requests.number));
}

/** The account's identity and closure requests under way, for "Mon compte". */
export async function openHolderRequests(db: Database, tenantId: string, accountId: string) {
  const rows = await openRequests(db, tenantId, accountId, ['identity_change', 'account_closure']);
  const view = (row: RequestRow | undefined) =>
    row && { id: row.id, number: row.number, status: row.status as 'deposee' | 'en_cours', createdAt: row.createdAt.toISOString() };
  return { identityRequest: view(rows.find((r) => r.kind === 'identity_change')), closureRequest: view(rows.find((r) => r.kind === 'account_closure')) };
}

/** Files a request of the account holder (one of a kind at a time, else 409) with its first history entry. */
async function fileHolderRequest(
  app: AppContext,
  tenant: Tenant,
  session: AuthenticatedSession,
  kind: HolderKind,
  profile: Record<string, unknown>,
  attachments: readonly string[],
): Promise<FamilyRequest> {
  const tenantId = tenant.config.id;
  const now = app.clock.now();
  const row = await app.db.transaction(async (tx) => {
    const account = await lockAccount(tx, tenantId, session.account.id);
    if ((await openRequests(tx, tenantId, account.id, [kind])).length > 0) {
      throw new ProblemError('conflict', { detail: 'A request of this kind already awaits the service.' });
    }
    const row = await fileRequest(
      tx,
      app,
      tenantId,
      account.familyId,
      kind,
      { id: account.id, role: 'titulaire', profile },
      now,
      `${account.prenoms} ${account.nomUsage}`,
    );
    await attach(tx, tenantId, account.familyId, attachments, row.id, account.id);
    return row;
  });
  return (await requestViews(app.db, tenantId, [row]))[0]!;
}

/** Asks the service to change the holder's identity; at least one justificatif (`attachments`). */
export function requestIdentityChange(app: AppContext, tenant: Tenant, session: AuthenticatedSession, input: z.output<typeof IdentityChangeInput>) {
  const attachments = input.attachments ?? [];
  if (attachments.length === 0) throw new ProblemError('validation_failed', { fieldErrors: [{ path: 'attachments', code: 'required' }] });
  return fileHolderRequest(app, tenant, session, 'identity_change', identityOf(input.identity as IdentityRow), attachments);
}

/** Asks the service to close the account (it decides: invoices and payments must be kept). */
export function requestClosure(app: AppContext, tenant: Tenant, session: AuthenticatedSession, input: z.output<typeof ClosureRequestInput>) {
  const comment = input.comment?.trim();
  return fileHolderRequest(app, tenant, session, 'account_closure', comment ? { comment } : {}, []);
}

/**
 * What agents see of holder requests: the identity as it stands, what is asked, the
 * justificatifs (among `requestDocuments`, the documents of `rows` the caller reads anyway).
 */
export async function holderViews(
  db: Database,
  tenantId: string,
  rows: readonly RequestRow[],
  requestDocuments: Promise<readonly DocumentRow[]>,
): Promise<Map<string, NonNullable<AgentRequest['account']>>> {
  const holder = rows.filter((r) => isHolderKind(r.kind));
  const views = new Map<string, NonNullable<AgentRequest['account']>>();
  if (holder.length === 0) return views;
  const [holders, docs] = await Promise.all([
    db
      .select({ id: accounts.id, ...identityColumns })
      .from(accounts)
      .where(
        and(
          eq(accounts.tenantId, tenantId),
          inArray(
            accounts.id,
            holder.map((r) => r.memberId),
          ),
        ),
      ),
    requestDocuments,
  ]);
  for (const row of holder) {
    const current = holders.find((a) => a.id === row.memberId);
    const profile = row.profile as Record<string, unknown>;
    views.set(row.id, {
      current: current ? identityOf(current) : {},
      ...(row.kind === 'identity_change' && { requested: profile }),
      ...(typeof profile['comment'] === 'string' && { comment: profile['comment'] }),
      documents: docs.filter((d: DocumentRow) => d.requestId === row.id).map(toDocumentInfo),
    });
  }
  return views;
}

/**
 * An agent's decision on a holder request, in the decision's transaction: a validated
 * identity change becomes the account's identity; a validated closure disables the account
 * and ends its sessions (its rows stay: invoices and payments must be kept; erasing the
 * rest is the service's procedure). A refusal changes nothing.
 */
export async function applyHolderDecision(tx: Database, tenantId: string, request: RequestRow, status: 'validee' | 'refusee', now: Date): Promise<void> {
  if (status !== 'validee') return;
  const where = and(eq(accounts.tenantId, tenantId), eq(accounts.id, request.memberId));
  if (request.kind === 'identity_change') {
    const p = request.profile as Record<string, string | undefined>;
    await tx
      .update(accounts)
      .set({
        civilite: (p['civilite'] as 'madame' | 'monsieur' | undefined) ?? null,
        nomUsage: p['nomUsage']!,
        nomNaissance: p['nomNaissance'] ?? null,
        prenoms: p['prenoms']!,
        dateNaissance: p['dateNaissance'] ?? null,
        updatedAt: now,
      })
      .where(where);
  } else if (request.kind === 'account_closure') {
    await tx.update(accounts).set({ status: 'disabled', updatedAt: now }).where(where);
    await deleteSessionsOf(tx, tenantId, request.memberId);
  }
}
