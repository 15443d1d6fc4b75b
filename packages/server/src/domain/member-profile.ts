import type { FieldError, MemberInput, MemberRole } from '@famille/contract';
import { addDays } from './paris-date.ts';

type Profile = MemberInput & { attachments?: readonly string[] | undefined };

/** The longest a pregnancy announced in advance can run: an expected birth date further out is a typo. */
export const MAX_EXPECTED_BIRTH_DAYS = 300;

/**
 * Rules the schema alone cannot say, checked against the server's clock (`today`,
 * YYYY-MM-DD in UTC): a child has exactly one of `dateNaissance` (past) and
 * `dateNaissancePrevue` (future, within ~10 months); every birth date is in the past.
 */
export function memberProfileErrors(profile: Profile, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const born = 'dateNaissance' in profile ? profile.dateNaissance : undefined;
  if (born !== undefined && born >= today) errors.push({ path: 'dateNaissance', code: 'not_in_past' });
  if (profile.role === 'enfant') {
    const expected = profile.dateNaissancePrevue;
    if (born === undefined && expected === undefined) errors.push({ path: 'dateNaissance', code: 'required' });
    if (born !== undefined && expected !== undefined) errors.push({ path: 'dateNaissancePrevue', code: 'invalid_value' });
    if (expected !== undefined) {
      if (expected <= today) errors.push({ path: 'dateNaissancePrevue', code: 'not_in_future' });
      else if (expected > addDays(today, MAX_EXPECTED_BIRTH_DAYS)) {
        errors.push({ path: 'dateNaissancePrevue', code: 'too_large', params: { maximum: addDays(today, MAX_EXPECTED_BIRTH_DAYS) } });
      }
    }
  }
  return errors;
}

const roleLabels: Readonly<Record<MemberRole, string>> = { coRepresentant: 'co-représentant', enfant: 'enfant', contact: 'contact' };

/** "Léo Martin (enfant)", "Martin (futur enfant)": how lists name the member a request is about. */
export function memberLabel(profile: Profile): string {
  const name = [profile.prenoms, profile.nomUsage].filter(Boolean).join(' ');
  const role = profile.role === 'enfant' && profile.dateNaissancePrevue ? 'futur enfant' : roleLabels[profile.role];
  return `${name} (${role})`;
}

/** The profile as stored: everything but the attachments (documents are rows of their own). */
export function storedProfile(profile: Profile): Record<string, unknown> {
  const { attachments: _, confirmDuplicate: __, ...rest } = profile;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== ''));
}
