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

  it('leaves text without words, or with characters special to patterns, as it is', () => {
    expect(markTerms('猪不吃食 (急)', [])).toEqual([{ text: '猪不吃食 (急)', hit: false }]);
    expect(markTerms('猪不吃食 (急)', ['(急'])).toEqual([
      { text: '猪不吃食 ', hit: false },
      { text: '(急', hit: true },
      { text: ')', hit: false },
    ]);
  });
});
