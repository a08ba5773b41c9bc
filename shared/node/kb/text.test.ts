import { describe, expect, it } from 'vitest';
import { hanCounts } from './hanCounts';
import { bigramsOf, hanCharsOf } from './text';

/** The definitions the table-driven cutting must agree with: the Unicode Han script, by regex. */
const byRegex = {
  chars: (text: string) => text.match(/\p{Script=Han}/gu) ?? [],
  bigrams: (text: string) =>
    (text.match(/\p{Script=Han}+/gu) ?? []).flatMap((run) => {
      const chars = Array.from(run);
      return chars.length === 1 ? [run] : chars.slice(1).map((ch, i) => chars[i]! + ch);
    }),
};

const TEXTS = [
  '',
  '玉米螟怎么防治？用药间隔7天',
  '玉',
  'a玉b米螟c',
  // Han outside the BMP (𠀀), Han-script marks (々 〇 ⺀), a lone surrogate and an emoji between Han characters.
  '𠀀玉𠀀，々〇⺀米',
  '玉\ud800米\udc00螟😀虫',
  '𠀀',
  '稻 瘟 病',
];

describe('Han characters and bigrams', () => {
  it.each(TEXTS)('cuts %j as the Han script regex does', (text) => {
    expect(hanCharsOf(text)).toEqual(byRegex.chars(text));
    expect(bigramsOf(text)).toEqual(byRegex.bigrams(text));
  });

  it('counts characters and pairs per text without cutting, and lists the distinct characters of all in first-seen order', () => {
    const counts = hanCounts(TEXTS);
    expect(counts.chars).toEqual(TEXTS.map((t) => byRegex.chars(t).length));
    expect(counts.bigrams).toEqual(TEXTS.map((t) => byRegex.bigrams(t).length));
    expect(counts.distinct).toBe([...new Set(TEXTS.flatMap(byRegex.chars))].join(''));
  });

  it('starts the distinct characters afresh on every call', () => {
    expect(hanCounts(['玉米']).distinct).toBe('玉米');
    expect(hanCounts(['米玉𠀀']).distinct).toBe('米玉𠀀');
  });
});
