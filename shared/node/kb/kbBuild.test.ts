import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KbArticle } from '../../domain/kb';
import { KbIndex } from './kbIndex';
import { publishedArticle, REPO_DATA_DIR, repoAnalyzer, tempKb } from './testing';

const CROPS = ['玉米', '水稻', '大豆', '马铃薯', '人参', '白菜'];
const PESTS = ['玉米螟', '稻瘟病', '蚜虫', '晚疫病', '黏虫', '霜霉病'];

/** Articles varied enough that statistics differ per term: the n-th names a crop, a pest and a number. */
function articles(n: number): KbArticle[] {
  return Array.from({ length: n }, (_, i) => {
    const crop = CROPS[i % CROPS.length]!;
    const pest = PESTS[(i * 7) % PESTS.length]!;
    return publishedArticle({
      id: `a-${String(i).padStart(5, '0')}`,
      title: `${crop}${pest}怎么防治？第${i}问`,
      answer: `${pest}在${crop}上发生时，先查田确认虫口或病情，再按标签用药，间隔${(i % 9) + 5}天复查一次。`,
      category: i % 2 === 0 ? '植物保护-病虫害' : '种植业-粮食作物',
      tags: [pest],
      subjects: [crop],
      season: i % 3 === 0 ? '夏' : '全年',
      regions: i % 5 === 0 ? ['2201'] : [],
    });
  });
}

const QUERIES = ['玉米螟咋防', '苞米生了蚜虫', '稻瘟病', '地豆晚疫病用啥药', '第17问', '白菜霜霉病 间隔'];

function tempFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kb-build-')), 'kb.sqlite');
}

function answers(index: KbIndex) {
  return QUERIES.map((q) => index.search({ q, limit: 10, filters: {} }).hits.map((h) => [h.id, h.score]));
}

describe('KbIndex.build', () => {
  it('answers every query exactly as a KB filled by upserts, and leaves only the finished file', async () => {
    const all = articles(300);
    const { index: upserted } = tempKb(all);
    const file = tempFile();
    expect(await KbIndex.build(file, repoAnalyzer(), all, { meta: { delta_seq: '9' } })).toBe(300);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['kb.sqlite']);
    const built = KbIndex.open(file, repoAnalyzer(), { readonly: true });
    expect(answers(built)).toEqual(answers(upserted));
    expect(answers(built)[0]!.length).toBeGreaterThan(0);
    expect(built.count()).toBe(300);
    expect(built.get('a-00042')).toEqual(all[42]);
    expect(built.getMeta('delta_seq')).toBe('9');
    expect(built.analyzerVersion).toBe(repoAnalyzer().version);
    built.close();
    upserted.close();
  });

  it('segments in worker threads with the same result as in one thread', async () => {
    const all = articles(4600);
    const inThread = tempFile();
    const pooled = tempFile();
    await KbIndex.build(inThread, repoAnalyzer(), all);
    const progress: number[] = [];
    await KbIndex.build(pooled, repoAnalyzer(), all, { dataDir: REPO_DATA_DIR, onProgress: (n) => progress.push(n) });
    expect(progress.at(-1)).toBe(4600);
    const a = KbIndex.open(inThread, repoAnalyzer(), { readonly: true });
    const b = KbIndex.open(pooled, repoAnalyzer(), { readonly: true });
    expect(answers(b)).toEqual(answers(a));
    expect(b.search({ q: '人参蚜虫', filters: { region: '220102', season: '夏' } }).hits).toEqual(
      a.search({ q: '人参蚜虫', filters: { region: '220102', season: '夏' } }).hits,
    );
    a.close();
    b.close();
  });

  it('keeps the last copy of an id that comes twice', async () => {
    const [first, second] = articles(2);
    const file = tempFile();
    const renamed = {
      ...first!,
      version: 2,
      title: '大豆根腐病怎么防？',
      answer: '种子包衣，合理轮作。',
      tags: ['根腐病'],
      subjects: ['大豆'],
    };
    expect(await KbIndex.build(file, repoAnalyzer(), [first!, second!, renamed])).toBe(2);
    const index = KbIndex.open(file, repoAnalyzer(), { readonly: true });
    expect(index.count()).toBe(2);
    expect(index.get(first!.id)?.version).toBe(2);
    expect(index.search({ q: '根腐病' }).hits[0]?.id).toBe(first!.id);
    expect(index.search({ q: first!.tags[0]! }).hits.map((h) => h.id)).not.toContain(first!.id);
    index.close();
  });

  it('leaves the existing file untouched and no partial file when the articles fail midway', async () => {
    const file = tempFile();
    await KbIndex.build(file, repoAnalyzer(), articles(3));
    function* failing() {
      yield* articles(10);
      throw new Error('disk read failed');
    }
    await expect(KbIndex.build(file, repoAnalyzer(), failing())).rejects.toThrow('disk read failed');
    await expect(KbIndex.build(file, repoAnalyzer(), [{ ...articles(1)[0]!, title: '' }])).rejects.toThrow();
    expect(fs.readdirSync(path.dirname(file))).toEqual(['kb.sqlite']);
    const index = KbIndex.open(file, repoAnalyzer(), { readonly: true });
    expect(index.count()).toBe(3);
    index.close();
  });

  it('takes upserts, removals and deltas afterwards like any KB file', async () => {
    const all = articles(20);
    const file = tempFile();
    await KbIndex.build(file, repoAnalyzer(), all);
    const index = KbIndex.open(file, repoAnalyzer());
    index.remove([all[0]!.id]);
    index.upsert([{ ...all[1]!, version: 2, title: '谷子白发病怎么防？' }]);
    expect(index.count()).toBe(19);
    expect(index.search({ q: '谷子白发病' }).hits[0]?.id).toBe(all[1]!.id);
    expect(index.get(all[0]!.id)).toBeNull();
    index.close();
  });
});
