import { describe, expect, it } from 'vitest';
import { gramCounter } from './gramCounter';

const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => a.localeCompare(b));

describe('gramCounter', () => {
  it('counts overlapping pairs and lone characters wherever they occur in the text', () => {
    const count = gramCounter(['玉米', '米螟', '螟', 'x']);
    expect(sorted(count('玉米螟，玉米？螟虫'))).toEqual([
      ['玉米', 2],
      ['米螟', 1],
      ['螟', 2],
    ]);
  });

  it('does not join a pair across a character outside the BMP or a lone surrogate', () => {
    expect(sorted(gramCounter(['玉米'])('玉𠀀米 玉\ud800米 玉米'))).toEqual([['玉米', 1]]);
  });

  it('counts terms outside the BMP by code point', () => {
    expect(sorted(gramCounter(['𠀀玉', '𠀀'])('𠀀玉𠀀'))).toEqual([
      ['𠀀', 2],
      ['𠀀玉', 1],
    ]);
  });
});
