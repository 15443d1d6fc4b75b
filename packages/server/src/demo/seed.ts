import type { AppDeps } from '../deps.ts';
import { systemClock } from '../deps.ts';
import { webRandomBytes } from '../auth/password-hash.ts';
import { findAccountByIdentifiantKey, insertAccountIfAbsent } from '../db/accounts.ts';
import { normalizeEmail, normalizeIdentifiant } from '../domain/identifiant.ts';
import { checkPassword } from '@famille/contract';
import type { AccountStatus } from '../domain/types.ts';
import { newUuid } from '../db/ids.ts';
import { findAgentByIdentifiantKey, insertAgentIfAbsent } from '../db/agents.ts';

/** Published in the README and the demo page: this password protects nothing real. */
export const demoPassword = 'Famille-Demo-2026';

export const demoAccounts: readonly { identifiant: string; status: AccountStatus; email: string; prenoms: string }[] = [
  { identifiant: 'parent.demo', status: 'active', email: 'parent.demo@example.fr', prenoms: 'Camille' },
  // Shows the "account not activated" answer.
  { identifiant: 'parent.attente', status: 'pending_activation', email: 'parent.attente@example.fr', prenoms: 'Alex' },
];

/** Published in the README: the demo agents' password (each demo tenant has `agent.demo`). */
export const demoAgentPassword = 'Agent-Demo-2026';

export const demoAgents: readonly { identifiant: string; displayName: string; role: 'agent' | 'admin' }[] = [
  { identifiant: 'agent.demo', displayName: 'Agent de démonstration', role: 'agent' },
];

/**
 * Creates the demo parents and agents in every tenant of the registry. Idempotent: run at each start
 * of a persistent demo, it leaves existing accounts alone (and hashes nothing then).
 */
export async function seedDemo(deps: Pick<AppDeps, 'db' | 'tenants' | 'hasher' | 'clock' | 'randomBytes'>): Promise<void> {
  const now = (deps.clock ?? systemClock).now();
  const randomBytes = deps.randomBytes ?? webRandomBytes;
  let hash: Promise<string> | undefined;
  let agentHash: Promise<string> | undefined;
  for (const tenant of deps.tenants.list()) {
    const violations = checkPassword(tenant.config.passwordPolicy, demoPassword).filter((check) => !check.met);
    if (violations.length > 0) throw new TypeError(`The demo password breaks ${tenant.config.id}'s policy: ${JSON.stringify(violations)}`);
    for (const account of demoAccounts) {
      const identifiantKey = normalizeIdentifiant(account.identifiant);
      if (await findAccountByIdentifiantKey(deps.db, tenant.config.id, identifiantKey)) continue;
      // One hash for all demo rows: scrypt is the slow part of starting the in-browser demo.
      hash ??= deps.hasher.hash(demoPassword);
      await insertAccountIfAbsent(deps.db, {
        tenantId: tenant.config.id,
        id: newUuid(randomBytes),
        identifiant: account.identifiant,
        identifiantKey,
        email: account.email,
        emailKey: normalizeEmail(account.email),
        locale: 'fr',
        cguAcceptedAt: now,
        ...(account.status === 'active' && { activatedAt: now }),
        civilite: 'madame',
        nomUsage: 'Martin',
        prenoms: account.prenoms,
        passwordHash: await hash,
        status: account.status,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const agent of demoAgents) {
      const identifiantKey = normalizeIdentifiant(agent.identifiant);
      if (await findAgentByIdentifiantKey(deps.db, tenant.config.id, identifiantKey)) continue;
      agentHash ??= deps.hasher.hash(demoAgentPassword);
      await insertAgentIfAbsent(deps.db, {
        tenantId: tenant.config.id,
        id: newUuid(randomBytes),
        identifiant: agent.identifiant,
        identifiantKey,
        displayName: agent.displayName,
        role: agent.role,
        passwordHash: await agentHash,
        status: 'active',
        createdAt: now,
      });
    }
  }
}
