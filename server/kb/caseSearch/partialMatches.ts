import { type WordGroup } from './caseQuery';
import { type ScopedIndex, holding, newestMatches } from './newestMatches';

/** Newest cases looked at per word: bounds the work of a long question over millions of cases. */
export const PER_WORD = 200;

/**
 * How telling a word is, from its newest matches: a word found fewer than PER_WORD times is counted
 * exactly over the whole index; a commoner one by how densely it fills the newest positions.
 */
function rarity(ids: readonly number[], below: number): number {
  if (ids.length === 0) return 0;
  const span = ids.length < PER_WORD ? below - 1 : below - Math.min(...ids);
  return Math.log(1 + span / ids.length);
}

/**
 * The case a farmer's whole question describes rarely repeats all its words. When no case holds them
 * all, these are the cases sharing the most of them — a rarer word counting more — best first, newest
 * among equals: a question of two or three words needs one of them, a longer one two. Candidates are
 * each word's newest PER_WORD cases, so every case sharing a rare word is among them; an older case
 * sharing only common words may be missed.
 */
export async function partialMatches(
  index: ScopedIndex,
  groups: readonly WordGroup[],
  below: number,
  limit: number,
): Promise<number[]> {
  const lists: number[][] = [];
  for (const group of groups) lists.push(await newestMatches(index, [group], below, PER_WORD));
  const candidates = [...new Set(lists.flat())];
  const score = new Map<number, number>();
  const count = new Map<number, number>();
  for (const [i, ids] of lists.entries()) {
    const weight = rarity(ids, below);
    // A word with fewer matches than the cap has them all in its list; a commoner one is checked
    // against every candidate, so a candidate found through another word still counts it.
    const held = ids.length < PER_WORD ? new Set(ids) : await holding(index, groups[i]!, candidates);
    for (const id of held) {
      score.set(id, (score.get(id) ?? 0) + weight);
      count.set(id, (count.get(id) ?? 0) + 1);
    }
  }
  const least = groups.length <= 3 ? 1 : 2;
  return candidates
    .filter((id) => (count.get(id) ?? 0) >= least)
    .sort((a, b) => score.get(b)! - score.get(a)! || b - a)
    .slice(0, limit);
}
