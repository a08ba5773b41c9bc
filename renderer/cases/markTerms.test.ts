import { describe, expect, it } from 'vitest';
import { markTerms } from './markTerms';

describe('markTerms', () => {
  it('marks every occurrence of the matched words, longest first, ignoring letter case', () => {
    expect(markTerms('玉米大斑病：玉米叶片NPK', ['玉米', '大斑病', '大斑', 'npk'])).toEqual([
      { text: '玉米', hit: true },
      { text: '大斑病', hit: true },
      { text: '：', hit: false },
      { text: '玉米', hit: true },
      { text: '叶片', hit: false },
      { text: 'NPK', hit: true },
    ]);
  });

  it('marks a word inside a longer one it overlaps (玉米 in 玉米叶) as the longer one where both fit', () => {
    expect(markTerms('玉米叶子发黄，玉米倒伏', ['玉米', '玉米叶'])).toEqual([
      { text: '玉米叶', hit: true },
      { text: '子发黄，', hit: false },
      { text: '玉米', hit: true },
      { text: '倒伏', hit: false },
    ]);
  });

  it('leaves text without words, or with characters special to patterns, as it is', () => {
    expect(markTerms('猪不吃食 (急)', [])).toEqual([{ text: '猪不吃食 (急)', hit: false }]);
    expect(markTerms('猪不吃食 (急)', ['(急'])).toEqual([
      { text: '猪不吃食 ', hit: false },
      { text: '(急', hit: true },
      { text: ')', hit: false },
    ]);
  });
});
