import { describe, expect, it } from 'vitest';
import { placePinyin } from './pinyin';

describe('placePinyin', () => {
  it('reads 长 as cháng in place names', () => {
    expect(placePinyin('长春市')).toEqual({ full: 'changchunshi', initials: 'ccs' });
    expect(placePinyin('长白山')).toEqual({ full: 'changbaishan', initials: 'cbs' });
    expect(placePinyin('长岭县')).toEqual({ full: 'changlingxian', initials: 'clx' });
    expect(placePinyin('长进村委会').initials).toBe('cjcwh');
  });

  it('keeps the place readings the general dictionary gets wrong', () => {
    expect(placePinyin('九台区').initials).toBe('jtq');
    expect(placePinyin('珲春市').full).toBe('hunchunshi');
    expect(placePinyin('乐亭县').full).toBe('laotingxian');
    expect(placePinyin('长子县').full).toBe('zhangzixian');
  });

  it('writes ü as v and drops punctuation', () => {
    expect(placePinyin('绿园区').full).toBe('lvyuanqu');
    expect(placePinyin('（白城市生态新区）官银号街道').initials).toBe('bcsstxqgyhjd');
  });
});
