import { describe, expect, it } from 'vitest';
import { planQuery, type TermLookup } from './queryPlan';
import { repoAnalyzer } from './testing';

const knowing = (...words: string[]): TermLookup => ({
  isKnown: (w) => words.includes(w),
  byPinyin: () => [],
  byInitials: () => [],
});

describe('KB query plan', () => {
  const analyzer = repoAnalyzer();
  const typed = (q: string, lookup = knowing()) =>
    planQuery(q, analyzer, lookup)
      .concepts.filter((c) => c.kind === 'typed')
      .map((c) => c.source);

  it('reads a word the segmenter made up, and no index knows, as the words it is made of', () => {
    expect(typed('牛棚里咋防蚊')).toEqual(['牛棚', '防', '蚊']);
    expect(typed('牛棚里咋防蚊', knowing('防蚊'))).toEqual(['牛棚', '防蚊']);
  });

  it('asks for a long word once: its parts only help an article match', () => {
    const plan = planQuery('耕地地力保护补贴', analyzer, knowing());
    expect(typed('耕地地力保护补贴')).toEqual(['耕地地力保护补贴']);
    expect(plan.concepts.filter((c) => c.kind === 'derived').map((c) => c.source)).toEqual(
      expect.arrayContaining(['耕地', '补贴']),
    );
  });

  it('reads a word starting with an animal as about that animal, below the word itself', () => {
    const pen = planQuery('羊圈', analyzer, knowing()).concepts[0]!;
    expect(pen.source).toBe('羊圈');
    expect(pen.subject).toBe(true);
    expect(pen.alternatives[0]).toEqual({ word: '羊圈', weight: 1 });
    expect(pen.alternatives.find((a) => a.word === '羊')?.weight).toBeLessThan(1);
  });

  it('reads a spoken form as the written word articles use, covering the words typed in it', () => {
    const plan = planQuery('打完药就下雨了', analyzer, knowing('打药', '下雨'));
    const joined = plan.concepts.find((c) => c.source === '打完药')!;
    expect(joined.kind).toBe('derived');
    expect(joined.alternatives[0]!.word).toBe('打药');
    const reads = (q: string, ...known: string[]) =>
      planQuery(q, analyzer, knowing(...known)).concepts.flatMap((c) => c.alternatives.map((a) => a.word));
    expect(reads('打完药就下雨了', '下雨')).not.toContain('打药');
    // The index also holds pairs jieba's HMM made up while segmenting articles: they are no written word.
    expect(reads('叶子紫了是咋回事', '紫是')).not.toContain('紫是');
  });

  it('counts the story around the question less, unless the question only asks about the story', () => {
    const narrative = (q: string) =>
      planQuery(q, analyzer, knowing())
        .concepts.filter((c) => c.kind === 'typed' && c.narrative)
        .map((c) => c.source);
    expect(narrative('昨天下了一宿冻雨，大棚上结了一层冰，黄瓜苗用啥药好')).toEqual(
      expect.arrayContaining(['冻雨', '大棚', '冰']),
    );
    expect(narrative('昨天下了一宿冻雨，大棚上结了一层冰，黄瓜苗用啥药好')).not.toContain('药');
    expect(narrative('邻居推荐了一种新肥料，说能增产三成，划算不')).toEqual([]);
    expect(narrative('黄瓜苗用啥药好')).toEqual([]);
  });
});
