// Whether a member a parent declares is one already in the family: the same rule for the
// server (which refuses it unless the parent confirms) and <famille-entourage> (which
// warns before sending).

/** What the rule reads of a member's profile. */
export interface MemberIdentity {
  readonly role: string;
  readonly nomUsage?: string | undefined;
  readonly prenoms?: string | undefined;
  readonly dateNaissance?: string | undefined;
  readonly dateNaissancePrevue?: string | undefined;
}

/** Names as people retype them: case, accents, hyphens and spaces do not count. */
const comparable = (name: string | undefined) =>
  (name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();

/**
 * The same person: same role, same surname and first names (compared as typed loosely),
 * and, for a child, the same birth date (or expected birth date). Twins have different
 * first names; an expected child without a first name matches one with the same
 * expected birth date. A contact or co-parent with a birth date on both sides must share it.
 */
export function sameMember(a: MemberIdentity, b: MemberIdentity): boolean {
  if (a.role !== b.role || comparable(a.nomUsage) !== comparable(b.nomUsage) || comparable(a.prenoms) !== comparable(b.prenoms)) return false;
  if (a.role === 'enfant') {
    const birth = (m: MemberIdentity) => m.dateNaissance ?? m.dateNaissancePrevue;
    return birth(a) === birth(b);
  }
  return !a.dateNaissance || !b.dateNaissance || a.dateNaissance === b.dateNaissance;
}
