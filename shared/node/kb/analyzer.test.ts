import { describe, expect, it } from 'vitest';
import { loadKbAnalyzer } from './analyzer';
import { planQuery, type TermLookup } from './queryPlan';
import { publishedArticle, REPO_DATA_DIR, repoAnalyzer, tempKb } from './testing';

const noIndex: TermLookup = { isKnown: () => false, byPinyin: () => [], byInitials: () => [] };

describe('KB analyzer', () => {
  const analyzer = repoAnalyzer();

  it('keeps agricultural terms whole and also yields their parts (search mode)', () => {
    expect(analyzer.segment('稻瘟病防治')).toEqual(expect.arrayContaining(['稻瘟病', '防治']));
    expect(analyzer.segment('耕地地力保护补贴')).toEqual(expect.arrayContaining(['耕地地力保护补贴', '耕地', '补贴']));
  });

  it('normalises full-width letters and case and drops punctuation and function words', () => {
    expect(analyzer.segment('ＡＳＦ，怎么办？')).toEqual(['asf']);
    expect(analyzer.indexText('玉米的播种')).toBe('玉米 播种');
  });

  it('is loaded once per data directory and has a stable version', () => {
    expect(loadKbAnalyzer(REPO_DATA_DIR)).toBe(analyzer);
    expect(analyzer.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reads a dialect word as its canonical term, weighted below the word typed', () => {
    const plan = planQuery('地豆', analyzer, noIndex);
    const alternatives = plan.concepts[0]!.alternatives;
    expect(alternatives[0]).toEqual({ word: '地豆', weight: 1 });
    const canonical = alternatives.find((a) => a.word === '马铃薯');
    expect(canonical?.weight).toBeLessThan(1);
  });

  it('keeps an everyday phrase whole, without taking a real word from the text around it', () => {
    expect(analyzer.segment('苗打蔫了')).toContain('打蔫');
    const words = planQuery('泡种子', analyzer, noIndex).concepts.flatMap((c) => c.alternatives.map((a) => a.word));
    expect(words).toContain('浸种');
    // 苞米叶 (husks) is an everyday word too, but 苞米叶子上 is 苞米 / 叶子 / 上.
    expect(analyzer.segment('苞米叶子上有黄斑')).toEqual(expect.arrayContaining(['苞米', '叶子', '黄斑']));
    expect(analyzer.segment('苞米叶子上有黄斑')).not.toContain('苞米叶');
  });

  it('reads a canonical term as its dialect names too', () => {
    const words = planQuery('玉米', analyzer, noIndex).concepts.flatMap((c) => c.alternatives.map((a) => a.word));
    expect(words).toEqual(expect.arrayContaining(['苞米', '棒子']));
  });
});

describe('KB query understanding against an index', () => {
  const articles = [
    publishedArticle({
      id: 'rice-blast',
      title: '水稻稻瘟病怎样防治？',
      answer: '稻瘟病在阴雨天多发，及时用药。',
      category: '植物保护',
    }),
    publishedArticle({
      id: 'fertilizer',
      title: '化肥怎样合理施用？',
      answer: '按测土配方确定化肥用量。',
      category: '农资',
    }),
    publishedArticle({
      id: 'asf',
      title: '非洲猪瘟怎样防控？',
      answer: '非洲猪瘟没有疫苗，做好生物安全。',
      category: '畜牧兽医',
    }),
    publishedArticle({
      id: 'subsidy',
      title: '耕地地力保护补贴发给谁？',
      answer: '地力补贴发给承包户。',
      category: '惠农政策',
    }),
  ];

  it.each([
    ['稻温病', 'rice-blast', '稻瘟病'],
    ['化费用量', 'fertilizer', '化肥'],
    ['非洲zw', 'asf', '非洲猪瘟'],
    ['dl补贴', 'subsidy', '地力补贴'],
  ])('understands the typo or initials in %s as the intended word', (q, id, word) => {
    const { index } = tempKb(articles);
    const result = index.search({ q });
    expect(result.hits[0]?.id).toBe(id);
    expect(result.terms).toContain(word);
    index.close();
  });
});
