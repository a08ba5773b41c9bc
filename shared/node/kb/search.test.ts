import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KbArticleContent } from '../../domain/kb';
import type { KbIndex } from './kbIndex';
import { publishedArticle, REPO_DATA_DIR, tempKb } from './testing';

/** Behaviour operators reported on the demo KB (data/kb/kb.jsonl), kept as regressions. */
const demo = fs
  .readFileSync(path.join(REPO_DATA_DIR, 'kb', 'kb.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => publishedArticle(KbArticleContent.parse(JSON.parse(l))));

const borerGranules = publishedArticle({
  id: 'kb-9001',
  title: '玉米螟颗粒剂怎么撒',
  answer: '玉米螟颗粒剂怎么撒：按说明书用药，注意安全间隔期。',
  category: '植保',
  subjects: ['玉米'],
  season: '夏',
});

describe('KB search on the demo articles', () => {
  let index: KbIndex;
  beforeAll(() => {
    index = tempKb(demo).index;
  });
  afterAll(() => index.close());

  it('finds every article first when its exact title is typed', () => {
    const missed = demo.filter((a) => index.search({ q: a.title }).hits[0]?.id !== a.id).map((a) => a.title);
    expect(missed).toEqual([]);
  });

  it('finds an article that arrived after the build first by its exact title', () => {
    const { index: kb } = tempKb(demo);
    kb.upsert([borerGranules]);
    expect(kb.search({ q: borerGranules.title }).hits[0]?.id).toBe('kb-9001');
    kb.close();
  });

  it.each(['zzzz qqqq', 'asdf', 'qwer zxcv', 'xx yy zz', '1234 5678', '……！！'])(
    'shows nothing for keyboard junk like %s',
    (q) => {
      expect(index.search({ q }).hits).toEqual([]);
    },
  );

  it('reads initials typed as a whole word, next to characters', () => {
    const hit = index.search({ q: 'ymm' }).hits[0];
    expect(hit?.title).toContain('玉米螟');
  });

  it('reads pinyin spelled out next to characters as the word it sounds like', () => {
    expect(index.search({ q: 'yu米螟' }).hits[0]?.title).toContain('玉米螟');
  });

  it('ranks the disease of the crop named in dialect above the same symptom on another crop', () => {
    const hits = index.search({ q: '苞米叶子上长了好些大斑，咋治？' }).hits;
    expect(hits[0]?.title).toContain('玉米大斑病');
  });

  it('lists the articles a filter selects when nothing is typed, and nothing without a filter', () => {
    const hits = index.search({ q: '', limit: 100, filters: { category: '农机' } }).hits;
    expect(hits.map((h) => h.id)).toEqual(demo.filter((a) => a.category === '农机').map((a) => a.id));
    expect(index.search({ q: '  ', limit: 100 }).hits).toEqual([]);
    expect(index.search({ q: '……', limit: 100, filters: { category: '农机' } }).hits).toEqual([]);
  });

  it('reads 地豆子, the Jilin name of the potato, as the potato, not as 地 + 豆子 (soybean)', () => {
    const potato = new Set(demo.filter((a) => a.subjects.includes('马铃薯')).map((a) => a.id));
    const hits = index.search({ q: '地豆子长得不好咋整' }).hits.slice(0, 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.filter((h) => potato.has(h.id))).toEqual(hits);
  });
});

describe('KB search of a question told with a story', () => {
  const articles = [
    publishedArticle({
      id: 'kb-9101',
      title: '冻雨过后大棚怎样清冰加固？',
      answer: '冻雨会在大棚棚膜上结冰，冰层重量压塌大棚。冻雨过后及时清除棚膜上的冰，检查立柱和拱架，加固压膜线。',
      category: '设施农业',
      subjects: ['大棚'],
    }),
    publishedArticle({
      id: 'kb-9102',
      title: '黄瓜苗期用什么药防治猝倒病？',
      answer: '黄瓜苗期低温高湿易发猝倒病，发病初期喷施霜霉威或恶霉灵等药剂，注意控制棚内湿度。',
      category: '植保',
      subjects: ['黄瓜'],
    }),
    publishedArticle({
      id: 'kb-9103',
      title: '大棚冬季怎样保温？',
      answer: '大棚冬季保温要加盖草帘和保温被，修补破损棚膜，夜间关严风口。',
      category: '设施农业',
      subjects: ['大棚'],
    }),
  ];

  it('answers the clause that asks, not the story told before it', () => {
    const { index } = tempKb(articles);
    expect(index.search({ q: '昨天下了一宿冻雨，大棚上结了一层冰，黄瓜苗用啥药好' }).hits[0]?.id).toBe('kb-9102');
    index.close();
  });
});
