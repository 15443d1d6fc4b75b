import type { FieldError, RegistrationAccepted, RegistrationInput } from '@famille/contract';
import type * as z from 'zod/mini';
import type { AppContext } from '../deps.ts';
import { ProblemError } from '../http/problem.ts';
import type { Tenant } from '../tenants/registry.ts';
import { findAccountByEmailKey, findAccountByIdentifiantKey, insertAccount, type NewAccountRow } from '../db/accounts.ts';
import { uniqueViolation } from '../db/errors.ts';
import { newUuid } from '../db/ids.ts';
import { commonPasswordsFrom } from '../domain/common-passwords.ts';
import { normalizeEmail, normalizeIdentifiant } from '../domain/identifiant.ts';
import { assessPassword, passwordFieldError } from '../domain/password-policy.ts';
import { enqueueMail, type QueuedMail } from '../mail/outbox.ts';
import { forgotPasswordLink } from '../mail/links.ts';
import { throttleMailRequest } from './mail-throttle.ts';
import { issueActivation } from './tokens.ts';

type Input = z.output<typeof RegistrationInput>;

const identifiantTaken = (): ProblemError => new ProblemError('validation_failed', { fieldErrors: [{ path: 'credentials.identifiant', code: 'taken' }] });

/** Checks a new password against the tenant's policy and the common-password list. */
export async function newPasswordError(app: AppContext, tenant: Tenant, password: string, path: string): Promise<FieldError | undefined> {
  const common = await commonPasswordsFrom(app.commonPasswords);
  return passwordFieldError(assessPassword(tenant.config.passwordPolicy, password, common), path);
}

/**
 * Creates a pending account, its activation token and its e-mail in ONE transaction.
 *
 * The answer never says whether the e-mail address already has an account: when it
 * has, nothing is created and that address receives instead "you already have an
 * account" (its identifiant, and the way to a new password) — or, for an account never
 * activated, a new activation link (the earlier form's data stands; the new one is
 * dropped). The password is hashed in every case, so both cost the same time. A taken
 * identifiant is reported (field error `taken`): the parent must choose another one.
 */
export async function register(app: AppContext, tenant: Tenant, input: Input, ip: string | undefined): Promise<RegistrationAccepted> {
  const tenantId = tenant.config.id;
  const emailKey = normalizeEmail(input.contacts.email);
  const identifiantKey = normalizeIdentifiant(input.credentials.identifiant);
  await throttleMailRequest(app, tenantId, 'register', emailKey, ip);

  const fieldErrors: FieldError[] = [];
  if (await findAccountByIdentifiantKey(app.db, tenantId, identifiantKey)) fieldErrors.push({ path: 'credentials.identifiant', code: 'taken' });
  const passwordError = await newPasswordError(app, tenant, input.credentials.password, 'credentials.password');
  if (passwordError) fieldErrors.push(passwordError);
  if (fieldErrors.length > 0) throw new ProblemError('validation_failed', { fieldErrors });

  const passwordHash = await app.hasher.hash(input.credentials.password);
  const now = app.clock.now();
  const locale = input.locale ?? tenant.config.defaultLocale;
  const { identity, address, contacts } = input;
  const row: NewAccountRow = {
    tenantId,
    id: newUuid(app.randomBytes),
    identifiant: input.credentials.identifiant,
    identifiantKey,
    email: contacts.email.trim(),
    emailKey,
    civilite: identity.civilite,
    nomUsage: identity.nomUsage,
    nomNaissance: identity.nomNaissance || null,
    prenoms: identity.prenoms,
    dateNaissance: identity.dateNaissance ?? null,
    // Empty strings are not kept: an absent field and a blank one mean the same.
    address: Object.fromEntries(Object.entries(address).filter(([, value]) => value)),
    telephone: contacts.telephone || null,
    mobile: contacts.mobile || null,
    preferredContact: contacts.preferredContact ?? null,
    locale,
    cguAcceptedAt: now,
    passwordHash,
    status: 'pending_activation',
    createdAt: now,
    updatedAt: now,
  };

  let queued: QueuedMail[];
  try {
    queued = await app.db.transaction(async (tx) => {
      const existing = await findAccountByEmailKey(tx, tenantId, emailKey);
      if (!existing) {
        await insertAccount(tx, row);
        return [await issueActivation(tx, app, tenant, { id: row.id, email: row.email, identifiant: row.identifiant, prenoms: row.prenoms, locale }, now)];
      }
      if (existing.status === 'pending_activation') return [await issueActivation(tx, app, tenant, existing, now)];
      if (existing.status === 'disabled') return [];
      const content = { kind: 'account_exists', prenoms: existing.prenoms, identifiant: existing.identifiant, link: forgotPasswordLink(tenant) } as const;
      return [await enqueueMail(tx, app.randomBytes, tenant, existing.email, existing.locale, content, now)];
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    // Two registrations at once: the identifiant went to the other one…
    if (constraint?.includes('identifiant_key')) throw identifiantTaken();
    // …or the address did, and the other one's e-mail covers it: same answer as always.
    if (constraint?.includes('email_key')) queued = [];
    else throw error;
  }
  app.mailer.queued(queued);
  return { email: input.contacts.email, activationTtlHours: tenant.config.activationTtlHours };
}
