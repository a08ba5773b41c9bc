import { describe, expect, it } from 'vitest';
import { packWords, unpackWords } from './wordOffsets';

describe('packed words', () => {
  it('reads back the words of each field in order, repeats and overlapping search-mode words included', () => {
    const texts = ['中华人民共和国', '', '玉米 玉米螟 防治玉米螟，玉米'];
    const words = [
      ['中华', '华人', '人民', '共和', '共和国', '中华人民共和国'],
      [],
      ['玉米', '玉米', '米螟', '玉米螟', '防治', '玉米'],
    ];
    expect(unpackWords(packWords(texts, words), texts)).toEqual(words);
  });

  it('keeps a word that is not in its text as text', () => {
    const texts = ['ﬁ农药', 'abc'];
    const words = [
      ['fi', '农药'],
      ['𠀀字', 'abc'],
    ];
    expect(unpackWords(packWords(texts, words), texts)).toEqual(words);
  });

  it('stores a long answer in a few bytes a word', () => {
    const text = '稻瘟病是水稻上的常见病害，'.repeat(200);
    const words = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? '稻瘟病' : '水稻'));
    const packed = packWords([text], [words]);
    expect(unpackWords(packed, [text])).toEqual([words]);
    expect(packed.length).toBeLessThan(3 * words.length);
  });
});
