import { isStopword } from './stopwords';

/**
 * Spoken constructions that hold a word articles write whole. Speech splits a verb–object word
 * (离合词: 打药, 下雨, 租地) with an aspect marker, a size word or whose the object is (打完药, 下大雨,
 * 租俺地), and tells a change of state with 了 (黄了) where writing says 发黄 or 变黄. A query saying
 * it so meets those articles only by characters.
 */
export interface SpokenForm {
  /** The stretch of the text read (打完药). */
  readonly source: string;
  /** The written word it stands for (打药). */
  readonly word: string;
}

/** Aspect markers and size words split any verb, 下 and 上 too (下大雨, 上了肥). */
const MARKERS = new Set(['完', '了', '过', '着', '好', '大', '小']);
/** Whose the object is splits a verb that is a content word (租俺地, 包的地; not 的在地). */
const OWNERS = new Set(['俺', '我', '你', '他', '她', '咱', '的']);
/** Prefixes that make a state word a change of state (发黄, 变软). */
const BECOMING = ['发', '变'];

const splits = (head: string, middle: string) => MARKERS.has(middle) || (OWNERS.has(middle) && !isStopword(head));

/**
 * The written words (as `isWord` knows them) the text says in a spoken form. A word the text also
 * holds whole needs no second reading.
 */
export function spokenForms(text: string, isWord: (word: string) => boolean): SpokenForm[] {
  const out: SpokenForm[] = [];
  const add = (source: string, word: string) => {
    if (!text.includes(word) && !isStopword(word) && isWord(word)) out.push({ source, word });
  };
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 2 < chars.length; i++) {
      const [head, middle, tail] = [chars[i]!, chars[i + 1]!, chars[i + 2]!];
      if (splits(head, middle)) add(head + middle + tail, head + tail);
    }
    for (let i = 0; i + 1 < chars.length; i++) {
      const state = chars[i]!;
      if (chars[i + 1] !== '了' || isStopword(state)) continue;
      for (const prefix of BECOMING) add(state + '了', prefix + state);
    }
  }
  return out;
}
