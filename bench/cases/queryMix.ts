import { Rng } from '../../scripts/cli/generate/random';

/**
 * The fixed query mix of `bench:cases`: what a supervisor types into the full-history search. The
 * words come from the generator's vocabularies (bench/cases/generateCases.ts), never from its output.
 */

export const QUERY_KINDS = ['common', 'two_words', 'rare', 'synonym', 'nothing', 'long', 'page2', 'hostile'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** `page2`: `q` is asked once untimed, then its second page (the returned cursor) is what is timed. */
export type CaseQuery = { readonly kind: QueryKind; readonly q: string };

const QUERIES: Record<QueryKind, readonly string[]> = {
  // In 10–30 % of the cases.
  common: ['玉米', '叶子', '发黄', '建议'],
  two_words: ['玉米 叶子', '生猪 拉稀', '水稻 稻瘟病', '大豆 喷雾'],
  // Tail words: a weed (~0.3 % of the cases) and places callers name (0.04–0.06 %).
  rare: ['菟丝子', '秋梨沟', '腰窝堡', '依拉嘎乡'],
  // Dialect names of the subjects (data/kb/synonyms.tsv): found through the standard term.
  synonym: ['苞米', '土豆', '黄豆', '稻子'],
  nothing: ['区块链', '火星探测器', '股票基金'],
  // Rambling farmers' questions of 15–30 characters.
  long: [
    '俺家苞米叶子上一条一条的黄斑咋整',
    '我家三十亩玉米叶片发黄还打卷了，该打什么药？',
    '养了二十头猪这两天都不吃食还拉稀是咋回事',
    '大豆地里菟丝子又冒出来了用啥除草剂好',
    '我是农安县的，想问问玉米大豆生产者补贴今年发了没有',
  ],
  page2: ['玉米', '叶片 发黄', '生猪'],
  hostile: ['"', 'AND', 'NEAR(', '"玉米" AND *', "') OR 1=1 --", '((叶子 OR'],
};

export function caseQueries(): CaseQuery[] {
  return QUERY_KINDS.flatMap((kind) => QUERIES[kind].map((q) => ({ kind, q })));
}

/** `rounds` passes over the mix, each in its own seeded order, so a run cut short is still a fair sample. */
export function timedOrder(queries: readonly CaseQuery[], rounds: number, seed: number): CaseQuery[] {
  const rng = new Rng(seed);
  return Array.from({ length: rounds }, () => rng.sample(queries, queries.length)).flat();
}
