// Which content coding to answer with, from the request's Accept-Encoding: one rule for
// the kit's scripts, the docs' script and JSON answers.
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';

/**
 * The highest q among the codings the answer has (the first listed on a tie), `*` standing
 * for any coding not named, q=0 refusing; identity when none is acceptable or when the
 * client explicitly prefers identity to all of them.
 */
function preferredCoding(
  accepted: readonly { readonly type: string; readonly q: number }[],
  config: { readonly supports: readonly string[]; readonly default: string },
): string {
  const q = (coding: string) => (accepted.find((a) => a.type.toLowerCase() === coding) ?? accepted.find((a) => a.type === '*'))?.q ?? 0;
  const identity = accepted.find((a) => a.type.toLowerCase() === 'identity')?.q ?? 0;
  let best: string | undefined;
  let bestQ = 0;
  for (const coding of config.supports) {
    const value = q(coding);
    if (value > bestQ) [best, bestQ] = [coding, value];
  }
  return best !== undefined && bestQ >= identity ? best : config.default;
}

/** One of `codings` (in order of preference on a tie), or `identity`. */
export function contentCoding(c: Context, codings: readonly string[]): string {
  return accepts(c, { header: 'Accept-Encoding', supports: [...codings], default: 'identity', match: preferredCoding });
}
