import { describe, expect, it } from 'vitest';
import { buildMatch, indexText, searchTerms } from './searchText';

describe('search text', () => {
  it('splits text into runs of letters and digits, folding full-width and case', () => {
    expect(searchTerms('玉米、叶片发黄！ＡＢＣ１２3 0431-8555')).toEqual([
      '玉米',
      '叶片发黄',
      'abc123',
      '0431',
      '8555',
    ]);
  });

  it('indexes bigrams and distinct characters', () => {
    expect(indexText(['玉米发黄', null, '王'])).toEqual({ grams: '玉米 米发 发黄 王', chars: '玉 米 发 黄 王' });
  });

  it('builds a query only from quoted phrases of letters and digits', () => {
    expect(buildMatch('玉米 叶片发黄')).toBe('grams : "玉米" AND grams : "叶片 片发 发黄"');
    expect(buildMatch('猪')).toBe('chars : "猪"');
    expect(buildMatch('"玉米" AND NEAR(猪*')).toBe(
      'grams : "玉米" AND grams : "an nd" AND grams : "ne ea ar" AND chars : "猪"',
    );
  });

  it('returns nothing to search for text with no letters or digits', () => {
    expect(buildMatch('"*()^:-+')).toBeNull();
    expect(buildMatch('   ')).toBeNull();
  });
});
