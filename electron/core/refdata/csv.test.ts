import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields holding commas, quotes and line breaks', () => {
    const text = 'code,name,note\r\n1,"甲,乙","他说""好"""\n2,"两\n行",\n';
    expect(parseCsv(text)).toEqual([
      { code: '1', name: '甲,乙', note: '他说"好"' },
      { code: '2', name: '两\n行', note: '' },
    ]);
  });

  it('ignores a byte-order mark and a missing final newline', () => {
    expect(parseCsv('\uFEFFcode,name\n22,吉林省')).toEqual([{ code: '22', name: '吉林省' }]);
  });

  it('refuses a row whose field count does not match the header', () => {
    expect(() => parseCsv('code,name\n22,吉林省,多余\n')).toThrow(/row 2/);
  });
});
