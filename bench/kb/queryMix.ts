import { pinyin } from 'pinyin-pro';
import { livestockFamily } from '../../scripts/cli/generate/animalTemplates';
import { cropFamily } from '../../scripts/cli/generate/plantTemplates';
import { Rng } from '../../scripts/cli/generate/random';
import type { Vocabulary } from '../../scripts/cli/generate/vocabulary';

/**
 * The fixed query mix of `bench:kb`, made from the same vocabularies as the articles (never from
 * evaluation queries): short keywords, dialect names, homophone typos, rambling long questions,
 * everyday phrasing and a few strings with search syntax in them — plus questions typed one
 * character at a time, as the suggestions panel sees them.
 */

export type QueryStyle = 'short' | 'dialect' | 'typo' | 'long' | 'colloquial' | 'syntax';
export type BenchQuery = { readonly q: string; readonly style: QueryStyle };

const STYLE_WEIGHTS: readonly { value: QueryStyle; weight: number }[] = [
  { value: 'short', weight: 25 },
  { value: 'dialect', weight: 22 },
  { value: 'typo', weight: 18 },
  { value: 'long', weight: 15 },
  { value: 'colloquial', weight: 17 },
  { value: 'syntax', weight: 3 },
];

const ASKS = ['咋整', '咋办啊', '怎么弄', '是咋回事', '用啥药', '还能治不', '该怎么管', '有啥办法'];
const ASIDES = [
  '去年也是这样',
  '邻居家的倒没事',
  '前几天刚下过雨',
  '我也不太懂这个',
  '孩子在外地打工让我打电话问问',
  '村里技术员没在家',
];

function homophones(vocabulary: Vocabulary): Map<string, string[]> {
  const words = [
    ...Object.values(vocabulary.terms).flat(),
    ...vocabulary.crops,
    ...vocabulary.animals,
    ...vocabulary.categories.flatMap((c) => c.value.tags),
  ];
  const bySound = new Map<string, Set<string>>();
  for (const ch of new Set(words.join(''))) {
    if (!/\p{Script=Han}/u.test(ch)) continue;
    const [sound] = pinyin(ch, { toneType: 'none', type: 'array' });
    if (!sound) continue;
    const chars = bySound.get(sound) ?? new Set<string>();
    chars.add(ch);
    bySound.set(sound, chars);
  }
  const result = new Map<string, string[]>();
  for (const chars of bySound.values()) {
    for (const ch of chars)
      result.set(
        ch,
        [...chars].filter((other) => other !== ch),
      );
  }
  return result;
}

/** One character of a word swapped for another of the same sound, as a hurried operator's IME would. */
function typo(rng: Rng, word: string, sounds: Map<string, string[]>): string | null {
  const chars = [...word];
  const positions = chars.map((ch, i) => ((sounds.get(ch)?.length ?? 0) > 0 ? i : -1)).filter((i) => i >= 0);
  if (positions.length === 0) return null;
  const at = rng.pick(positions);
  chars[at] = rng.pick(sounds.get(chars[at]!)!);
  return chars.join('');
}

export type QueryMix = {
  readonly queries: readonly BenchQuery[];
  /** Each entry: the prefixes of one question, from two characters to the whole, as typed. */
  readonly typing: readonly (readonly string[])[];
};

export function buildQueryMix(vocabulary: Vocabulary, seed: number, count: number, typed: number): QueryMix {
  const rng = new Rng(seed);
  const sounds = homophones(vocabulary);
  const { terms } = vocabulary;
  const keywords = [
    ...vocabulary.crops,
    ...vocabulary.animals,
    ...terms.cropDisease,
    ...terms.animalDisease,
    ...terms.pest,
    ...terms.policy,
    ...vocabulary.categories.flatMap((c) => c.value.tags),
  ].filter((w) => w.length >= 2 && w.length <= 5);
  const typoable = [...terms.cropDisease, ...terms.animalDisease, ...terms.pest, ...terms.pesticide, ...terms.policy];
  const dialect = [...vocabulary.otherNames.entries()].flatMap(([, names]) => names);
  const cropTrouble = () => `${rng.pick(vocabulary.crops)}${rng.pick(cropFamily.symptoms)}`;
  const animalTrouble = () => `${rng.pick(vocabulary.animals)}${rng.pick(livestockFamily.symptoms)}`;
  const colloquial = () => `${rng.chance(0.7) ? cropTrouble() : animalTrouble()}${rng.pick(ASKS)}`;
  const make: Record<QueryStyle, () => string> = {
    short: () => rng.pick(keywords),
    dialect: () => `${rng.pick(dialect)}${rng.pick(ASKS)}`,
    typo: () => {
      for (let tries = 0; tries < 10; tries++) {
        const word = typo(rng, rng.pick(typoable), sounds);
        if (word) return rng.chance(0.5) ? word : `${word}${rng.pick(ASKS)}`;
      }
      return rng.pick(typoable);
    },
    long: () =>
      `我是${rng.pick(vocabulary.places).name}的，家里种了${rng.int(5, 80)}亩${rng.pick(vocabulary.crops)}，` +
      `${rng.pick(ASIDES)}，这几天${cropTrouble()}，${rng.pick(ASIDES)}，` +
      `想问问${rng.pick(typoable)}${rng.pick(ASKS)}`,
    colloquial,
    syntax: () =>
      rng.pick([`"${rng.pick(keywords)}" AND *`, `${rng.pick(keywords)} NEAR(`, `((${rng.pick(keywords)} OR`]),
  };

  const queries = Array.from({ length: count }, () => {
    const style = rng.weighted(STYLE_WEIGHTS);
    return { q: make[style](), style };
  });
  const typing = Array.from({ length: typed }, () => {
    const chars = [...(rng.chance(0.5) ? colloquial() : make.dialect())];
    return chars.slice(1).map((_, i) => chars.slice(0, i + 2).join(''));
  });
  return { queries, typing };
}
