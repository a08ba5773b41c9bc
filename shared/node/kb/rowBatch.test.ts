import { describe, expect, it } from 'vitest';
import type { IndexRow } from './indexRow';
import { packRows, transferList, unpackRows } from './rowBatch';

function row(n: number, extra: Partial<IndexRow> = {}): IndexRow {
  return {
    id: `a-${n}`,
    category: '植物保护-病虫害',
    season: '夏',
    regionless: n % 2,
    lens: [1, 2, 3, 4, 5, 6, 7, 8, n],
    words: ['玉米 玉米螟', '玉米', `防治 ${n}`],
    packedWords: Uint8Array.from([n, 1, 2]),
    bigrams: ['玉米 米螟', ''],
    body: Uint8Array.from([9, 8, 7, n]),
    subjects: [],
    regions: [],
    chars: '玉米螟',
    terms: [],
    ...extra,
  };
}

describe('packed row batches', () => {
  it('read back as the same rows after their buffers are moved to another thread', () => {
    const rows = [
      row(1, {
        subjects: ['玉米', '大豆'],
        regions: ['2201'],
        terms: [{ term: '玉米螟', pinyin: 'yumiming', initials: 'ymm' }],
      }),
      row(2),
      row(3, { packedWords: new Uint8Array(0), regions: ['2201', '2202'] }),
    ];
    const packed = packRows(rows);
    const moved = structuredClone(packed, { transfer: transferList(packed) });
    expect(packed.bytes.byteLength).toBe(0);
    expect(unpackRows(moved)).toEqual(rows);
  });
});
