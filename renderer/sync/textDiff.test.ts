import { describe, expect, it } from 'vitest';
import { diffText, type DiffPart } from './textDiff';

const side = (parts: DiffPart[], hidden: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== hidden)
    .map((p) => p.text)
    .join('');

describe('text differences shown in a conflict', () => {
  it('marks only the changed characters of a Chinese answer', () => {
    const parts = diffText('建议喷施三环唑防治稻瘟病', '建议喷施富士一号防治稻瘟病');
    expect(parts).toEqual([
      { kind: 'same', text: '建议喷施' },
      { kind: 'removed', text: '三环唑' },
      { kind: 'added', text: '富士一号' },
      { kind: 'same', text: '防治稻瘟病' },
    ]);
  });

  it('shows an appended sentence as added, keeping the original intact', () => {
    const parts = diffText('玉米叶片发黄。', '玉米叶片发黄。已施过尿素。');
    expect(parts).toEqual([
      { kind: 'same', text: '玉米叶片发黄。' },
      { kind: 'added', text: '已施过尿素。' },
    ]);
  });

  it('rebuilds both texts exactly, also for texts too long to align character by character', () => {
    const long = '水稻'.repeat(700);
    for (const [a, b] of [
      ['', '新写的答复'],
      ['删掉的内容', ''],
      ['猪瘟疫苗怎么打', '非洲猪瘟怎么预防'],
      [long + '甲', '乙' + long],
    ] as const) {
      const parts = diffText(a, b);
      expect(side(parts, 'added')).toBe(a);
      expect(side(parts, 'removed')).toBe(b);
    }
  });
});
