import { describe, expect, it } from 'vitest';
import { askingClauses } from './clauses';

describe('KB query clauses', () => {
  it('finds the clause that asks after a story', () => {
    expect(askingClauses('前些天下了场冻雨，棚膜上结了冰，黄瓜苗用啥药好')).toEqual(['黄瓜苗用啥药好']);
  });

  it('reads "V not V" and a final particle as asking', () => {
    expect(askingClauses('地里积水三天了，苗还要不要补')).toEqual(['苗还要不要补']);
    expect(askingClauses('秧苗叫水泡了两天，还能种不')).toEqual(['还能种不']);
  });

  it('tells nothing apart in one clause, or when no clause or every clause asks', () => {
    expect(askingClauses('黄瓜苗用啥药好')).toBeNull();
    expect(askingClauses('棚膜结冰了，黄瓜苗冻蔫了')).toBeNull();
    expect(askingClauses('啥时候种，咋种')).toBeNull();
  });
});
