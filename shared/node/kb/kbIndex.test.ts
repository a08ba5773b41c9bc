import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../../domain/kb';
import { KbIndex } from './kbIndex';
import { publishedArticle, repoAnalyzer, tempKb } from './testing';

const corn = publishedArticle({
  id: 'corn-borer',
  title: '玉米螟怎样综合防治？',
  answer:
    '玉米螟是吉林玉米最重要的害虫。秋后粉碎秸秆、处理越冬寄主可以压低虫源；成虫产卵初期释放赤眼蜂，' +
    '心叶末期可以撒施颗粒剂，严重时在大喇叭口期按标签用药。防治要统防统治，连片进行效果才好。',
  category: '植物保护-病虫害',
  tags: ['玉米螟', '赤眼蜂'],
  subjects: ['玉米'],
  season: '夏',
  regions: ['2201'],
});
const rice = publishedArticle({
  id: 'rice-blast',
  title: '水稻稻瘟病怎样防治？',
  answer: '稻瘟病是水稻最主要的病害，阴雨寡照时多发。选用抗病品种，合理施用氮肥，破口期和齐穗期各施一次药。',
  category: '植物保护-病虫害',
  tags: ['稻瘟病'],
  subjects: ['水稻'],
  season: '夏',
});
const pig = publishedArticle({
  id: 'swine-fever',
  title: '猪瘟怎么预防？',
  answer: '猪瘟要按免疫程序接种疫苗，做好消毒和引种检疫，发现病猪及时报告。',
  category: '畜牧兽医',
  subjects: ['生猪'],
  season: '全年',
});
const potato = publishedArticle({
  id: 'potato-storage',
  title: '马铃薯窖藏温度多少合适？',
  answer: '马铃薯入窖前要晾干，窖温保持在2～4℃，湿度85%左右，定期检查，防止受冻和发芽。',
  category: '种植业-经济作物与园艺',
  subjects: ['马铃薯'],
  season: '秋',
  regions: ['220102'],
});
const all: KbArticle[] = [corn, rice, pig, potato];

describe('KbIndex search', () => {
  it('finds an article by the dialect name of its crop', () => {
    const { index } = tempKb(all);
    expect(index.search({ q: '地豆下窖多少度' }).hits[0]?.id).toBe('potato-storage');
    index.close();
  });

  it('finds a two-character query', () => {
    const { index } = tempKb(all);
    expect(index.search({ q: '猪瘟' }).hits[0]?.id).toBe('swine-fever');
    index.close();
  });

  it('shows nothing when nothing fits', () => {
    const { index } = tempKb(all);
    expect(index.search({ q: '驾照考试科目一难不难' }).hits).toEqual([]);
    expect(index.search({ q: '咖啡豆红了咋采' }).hits).toEqual([]);
    index.close();
  });

  it.each([
    ['a quote', '"'],
    ['an unbalanced quote in words', '玉米螟"防治'],
    ['AND', '玉米螟 AND'],
    ['OR and NOT', 'OR NOT 玉米'],
    ['a star', '玉*'],
    ['NEAR(', 'NEAR(玉米螟'],
    ['unbalanced brackets', '((玉米螟'],
    ['a column filter', 'title:玉米螟'],
    ['a caret', '^玉米螟'],
    ['emoji', '🌽🐛玉米螟😀'],
    ['only punctuation', '？！。，'],
    ['empty text', ''],
    ['spaces', '   '],
    ['5,000 characters', '玉'.repeat(5000)],
    ['more than 5,000 characters', 'AND "'.repeat(2000)],
  ])('never errors and never matches everything for %s', (_name, q) => {
    const { index } = tempKb(all);
    const result = index.search({ q, limit: 100 });
    expect(result.hits.length).toBeLessThan(all.length);
    index.close();
  });

  it('treats FTS5 keywords typed by a user as plain words', () => {
    const { index } = tempKb([
      ...all,
      publishedArticle({
        id: 'and-article',
        title: 'AND 牌喷雾器怎么清洗',
        answer: '用清水冲洗药桶。',
        category: '农机',
      }),
    ]);
    expect(index.search({ q: 'and' }).hits.map((h) => h.id)).toEqual(['and-article']);
    index.close();
  });

  it('applies category, subject, season and region filters', () => {
    const { index } = tempKb(all);
    const ids = (q: string, filters: object) =>
      index
        .search({ q, limit: 10, filters })
        .hits.map((h) => h.id)
        .sort();
    expect(ids('怎样防治', {})).toEqual(['corn-borer', 'rice-blast']);
    expect(ids('怎样防治', { subject: '水稻' })).toEqual(['rice-blast']);
    expect(ids('怎样防治', { category: '畜牧兽医' })).toEqual([]);
    expect(ids('怎样防治', { season: '秋' })).toEqual([]);
    // Year-round articles answer in every season.
    expect(ids('猪瘟', { season: '冬' })).toEqual(['swine-fever']);
    // An article for 2201 (长春) serves a county inside it, not another city; no regions = province-wide.
    expect(ids('怎样防治', { region: '220102' })).toEqual(['corn-borer', 'rice-blast']);
    expect(ids('怎样防治', { region: '2202' })).toEqual(['rice-blast']);
    expect(ids('马铃薯窖藏', { region: '2201' })).toEqual(['potato-storage']);
    expect(ids('马铃薯窖藏', { region: '2202' })).toEqual([]);
    index.close();
  });

  it('marks the matched words in the title and a snippet around them', () => {
    const { index } = tempKb(all);
    const hit = index.search({ q: '赤眼蜂' }).hits[0]!;
    expect(hit.id).toBe('corn-borer');
    expect(hit.titleMarked.map((m) => m.text).join('')).toBe(corn.title);
    expect(hit.snippet.some((m) => m.hit && m.text.includes('赤眼蜂'))).toBe(true);
    const snippetText = hit.snippet.map((m) => m.text).join('');
    expect(snippetText.length).toBeLessThanOrEqual(82);
    expect(snippetText.startsWith('…')).toBe(true);
    index.close();
  });

  it('marks the dialect word’s canonical term found in the title', () => {
    const { index } = tempKb(all);
    const hit = index.search({ q: '苞米螟' }).hits[0]!;
    expect(hit.titleMarked.filter((m) => m.hit).map((m) => m.text)).toContain('玉米螟');
    index.close();
  });
});

describe('KbIndex storage', () => {
  it('removes an article from search, leaving the others searchable', () => {
    const { index } = tempKb(all);
    index.remove(['corn-borer']);
    expect(index.search({ q: '玉米螟' }).hits.map((h) => h.id)).not.toContain('corn-borer');
    expect(index.get('corn-borer')).toBeNull();
    expect(index.search({ q: '稻瘟病' }).hits[0]?.id).toBe('rice-blast');
    expect(index.count()).toBe(3);
    index.close();
  });

  it('replaces an article on upsert: the new text is found, the old text is not', () => {
    const { index } = tempKb(all);
    index.upsert([{ ...pig, version: 2, title: '仔猪腹泻怎么治？', answer: '仔猪拉稀要补液，查明病因后对症用药。' }]);
    expect(index.get('swine-fever')?.version).toBe(2);
    expect(index.search({ q: '仔猪拉稀' }).hits[0]?.id).toBe('swine-fever');
    expect(index.search({ q: '猪瘟' }).hits).toEqual([]);
    expect(index.count()).toBe(4);
    index.close();
  });

  it('keeps articles, metadata and the analyzer version across reopening, read-only too', () => {
    const { index, file } = tempKb(all);
    index.transaction(() => index.setMeta('delta_seq', '42'));
    index.close();
    const again = KbIndex.open(file, repoAnalyzer(), { readonly: true });
    expect(again.count()).toBe(4);
    expect(again.getMeta('delta_seq')).toBe('42');
    expect(again.getMeta('missing')).toBeNull();
    expect(again.analyzerVersion).toBe(repoAnalyzer().version);
    expect(again.get('rice-blast')).toEqual(rice);
    expect(() => again.upsert([corn])).toThrow();
    again.close();
  });

  it('refuses a KB file of an older layout, saying to import or sync it again', () => {
    const { index, file } = tempKb([rice]);
    index.close();
    const db = new Database(file);
    db.pragma('user_version = 1');
    db.close();
    expect(() => KbIndex.open(file, repoAnalyzer())).toThrow(/已过时.*重新导入或同步/);
  });

  it('rolls back a caller’s transaction as a whole', () => {
    const { index } = tempKb([rice]);
    expect(() =>
      index.transaction(() => {
        index.upsert([corn]);
        index.setMeta('cursor', '7');
        throw new Error('network cut');
      }),
    ).toThrow('network cut');
    expect(index.count()).toBe(1);
    expect(index.getMeta('cursor')).toBeNull();
    expect(index.search({ q: '玉米螟' }).hits).toEqual([]);
    index.close();
  });
});
