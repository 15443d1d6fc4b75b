/** Answers whether a password is one that attackers try first. */
export interface CommonPasswordList {
  has(password: string): boolean;
  readonly size: number;
}

/** Loads the words of the list, most common first. Called at most once per loader. */
export type CommonPasswordLoader = () => Promise<readonly string[]>;

/**
 * The default list: the 49 000 most common passwords of public leaks, ranked, from
 * @zxcvbn-ts/language-common (MIT). A dynamic import, so bundlers split it off: in the
 * browser (mock server) it is fetched only when a password is first checked, and
 * nothing of it weighs on the page before.
 */
export const zxcvbnCommonPasswords: CommonPasswordLoader = async () => {
  const { dictionary } = await import('@zxcvbn-ts/language-common');
  return dictionary['passwords-common'];
};

// French favourites that an international list under-ranks.
const frenchFavourites =
  'motdepasse azerty azertyuiop soleil bonjour doudou loulou chouchou marseille vivelafrance jetaime famille enfant bebe princesse ' +
  'nicolas camille chocolat coucou bisous amour doudoune liberte france paris lyon toulouse';

/** Stems (trailing digits and symbols removed) are compared against the most common entries only. */
const STEM_RANKS = 10_000;
const MIN_STEM_LENGTH = 4;

const canonical = (password: string) => password.normalize('NFKC').toLowerCase();

/**
 * Builds the list. A password is common when, in lower case, it is on the list; or when
 * it is the same character repeated or a run of consecutive digits; or when, without its
 * trailing digits and symbols ("Azerty123!" → "azerty"), it is among the 10 000 most
 * common entries.
 */
export function createCommonPasswordList(ranked: readonly string[]): CommonPasswordList {
  const all = new Set<string>();
  const top = new Set<string>();
  const add = (word: string, isTop: boolean) => {
    const key = canonical(word);
    all.add(key);
    if (isTop) top.add(key);
  };
  ranked.forEach((word, rank) => add(word, rank < STEM_RANKS));
  for (const word of frenchFavourites.split(' ')) add(word, true);
  return {
    size: all.size,
    has(password) {
      const key = canonical(password);
      if (all.has(key)) return true;
      if (/^(.)\1*$/u.test(key) || '01234567890'.includes(key) || '09876543210'.includes(key)) return true;
      const stem = key.replace(/[\p{N}\p{P}\p{S}\s]+$/u, '');
      return stem.length >= MIN_STEM_LENGTH && stem !== key && top.has(stem);
    },
  };
}

const loaded = new WeakMap<CommonPasswordLoader, Promise<CommonPasswordList>>();

/** The list of a loader, loaded once per process however many apps share it. */
export function commonPasswordsFrom(loader: CommonPasswordLoader): Promise<CommonPasswordList> {
  let list = loaded.get(loader);
  if (!list) {
    list = loader().then(createCommonPasswordList);
    // A failed load is retried at the next check rather than cached.
    list.catch(() => loaded.delete(loader));
    loaded.set(loader, list);
  }
  return list;
}
