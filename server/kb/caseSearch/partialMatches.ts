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

/** PostgreSQL looks up a few words at once, each on a connection of its pool; SQLite has one connection. */
const AT_ONCE = { postgres: 4, sqlite: 1 } as const;

async function eachGroup<T>(
  { dialect }: ScopedIndex,
  groups: readonly WordGroup[],
  run: (group: WordGroup, i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < groups.length; i += AT_ONCE[dialect])
    out.push(...(await Promise.all(groups.slice(i, i + AT_ONCE[dialect]).map((g, k) => run(g, i + k)))));
  return out;
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
  const lists = await eachGroup(index, groups, (group) => newestMatches(index, [group], below, PER_WORD));
  const candidates = [...new Set(lists.flat())];
  // A word with fewer matches than the cap has them all in its list; a commoner one is checked
  // against every candidate, so a candidate found through another word still counts it.
  const held = await eachGroup(index, groups, async (group, i) =>
    lists[i]!.length < PER_WORD ? new Set(lists[i]) : holding(index, group, candidates),
  );
  const weights = lists.map((ids) => rarity(ids, below));
  const within = partsOf(groups);
  const ranked = candidates.map((id) => {
    let score = 0;
    let words = 0;
    for (const [i, cases] of held.entries()) {
      if (!cases.has(id) || within[i]!.some((k) => held[k]!.has(id))) continue;
      score += weights[i]!;
      words++;
    }
    return { id, score, words };
  });
  const least = headWords(groups, within) <= 3 ? 1 : 2;
  return ranked
    .filter((r) => r.words >= least)
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .map((r) => r.id)
    .slice(0, limit);
}

/**
 * For each group, the groups whose word holds it: search mode also reads the dictionary words inside a
 * longer word (农安县 → 农安, 安县), and a case holding the longer word counts once, not for each part.
 */
function partsOf(groups: readonly WordGroup[]): number[][] {
  const word = (g: WordGroup) => g[0]!.join('');
  return groups.map((g, i) =>
    groups.flatMap((h, k) => (k !== i && word(h).length > word(g).length && word(h).includes(word(g)) ? [k] : [])),
  );
}

/** The query's words, not counting those read inside a longer one. */
const headWords = (groups: readonly WordGroup[], within: readonly number[][]) =>
  groups.filter((_, i) => within[i]!.length === 0).length;
