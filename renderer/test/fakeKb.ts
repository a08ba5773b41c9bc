import type { In, Out } from '../../shared/contract/contract';
import { methods } from '../../shared/contract/contract';
import type { KbSeatStatus } from '../../shared/contract/kbMethods';
import { fail, ok, type Result } from '../../shared/contract/result';
import type { KbArticle, KbHit, Marked } from '../../shared/domain/kb';
import type { KbVersionSummary } from '../../shared/domain/kbServer';

type KbMethod = 'kb:search' | 'kb:get' | 'kb:status' | 'kb:syncNow' | 'kb:history' | 'kb:feedback';

const article = (a: Partial<KbArticle> & Pick<KbArticle, 'id' | 'title' | 'answer' | 'category'>): KbArticle => ({
  tags: [],
  subjects: [],
  season: '全年',
  regions: [],
  version: 1,
  status: 'published',
  validUntil: null,
  reviewEachSeason: false,
  updatedAt: '2026-10-01T02:00:00.000Z',
  usageCount: 0,
  ...a,
});

/** As the seat filters: an article without regions applies everywhere; one with regions, in and above them. */
const inRegion = (a: KbArticle, region: string | undefined) =>
  !region || a.regions.length === 0 || a.regions.some((r) => r.startsWith(region) || region.startsWith(r));

/** A few articles written for the renderer tests; the real KB and its search live in the seat. */
export const FAKE_ARTICLES: KbArticle[] = [
  article({
    id: 'kb-0101',
    title: '玉米大斑病怎么防治？',
    answer: '玉米大斑病叶片上出现长梭形灰褐色病斑。发病初期可喷施苯醚甲环唑，间隔7到10天再喷一次。',
    category: '植物保护-病虫害',
    tags: ['大斑病', '病斑'],
    subjects: ['玉米'],
    season: '夏',
    reviewEachSeason: true,
    usageCount: 12,
    version: 3,
  }),
  article({
    id: 'kb-0102',
    title: '玉米苗期叶片发黄是什么原因？',
    answer: '苗期黄叶多与低温、缺氮或缺锌有关，可叶面喷施尿素和硫酸锌。',
    category: '种植业-粮食作物',
    tags: ['黄叶', '苗期'],
    subjects: ['玉米'],
    season: '春',
    regions: ['2202'],
    validUntil: '2099-12-31',
  }),
  article({
    id: 'kb-0201',
    title: '水稻稻瘟病如何防治？',
    answer: '稻瘟病要以预防为主，抽穗前后喷施三环唑。',
    category: '植物保护-病虫害',
    tags: ['稻瘟病'],
    subjects: ['水稻'],
    season: '夏',
    validUntil: '2024-09-30',
  }),
  article({
    id: 'kb-0301',
    title: '生猪不吃食怎么办？',
    answer: '先测体温，体温升高要及时请兽医诊治，不要自行乱用抗生素。',
    category: '畜牧兽医',
    tags: ['厌食'],
    subjects: ['生猪'],
  }),
];

/** Dialect words the fake understands, so tests can type what farmers say. */
const SYNONYMS: Record<string, string> = { 苞米: '玉米', 地豆: '马铃薯' };

function terms(q: string): string[] {
  let text = q;
  for (const [dialect, word] of Object.entries(SYNONYMS)) text = text.replaceAll(dialect, word);
  const words = new Set<string>();
  for (const a of FAKE_ARTICLES) {
    for (const w of [...a.tags, ...a.subjects]) if (text.includes(w)) words.add(w);
  }
  return [...words];
}

function mark(text: string, words: readonly string[]): Marked {
  if (words.length === 0) return [{ text, hit: false }];
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return text
    .split(pattern)
    .filter((part) => part !== '')
    .map((part) => ({ text: part, hit: words.includes(part) }));
}

/**
 * The knowledge-base half of the fake seat. Tests can hold the next search open (to deliver its
 * answer late, after a newer one), take the server away, and read what was asked. History comes
 * from the fake server's versions (`server.versions`) when it holds the article.
 */
export function createFakeKb(server: { versions?: (id: string) => KbVersionSummary[] | undefined } = {}) {
  let online = true;
  let gate: Promise<void> | null = null;
  const articles = [...FAKE_ARTICLES];
  const feedback: { id: string; helpful: boolean }[] = [];
  const status: KbSeatStatus = {
    articleCount: FAKE_ARTICLES.length,
    snapshotId: null,
    deltaSeq: 0,
    source: 'bundled',
    syncing: false,
    lastError: null,
  };
  const versions = (a: KbArticle): KbVersionSummary[] =>
    Array.from({ length: a.version }, (_, i) => {
      const version = a.version - i;
      return {
        version,
        action: version === 1 ? 'seed' : 'publish',
        restoredFrom: null,
        by: version === 1 ? { id: 'u-admin', name: '系统导入' } : { id: 'u-sup1', name: '孙秀梅' },
        at: a.updatedAt,
        note: version === 1 ? null : '更新用药建议',
      };
    });

  const handlers: { [M in KbMethod]: (input: In<M>) => Result<Out<M>> | Promise<Result<Out<M>>> } = {
    'kb:search': async (raw) => {
      const query = methods['kb:search'].input.parse(raw);
      const held = gate;
      gate = null;
      if (held) await held;
      const words = terms(query.q);
      // As the seat does: nothing typed but a filter chosen lists what the filter selects.
      const browsing = query.q.trim() === '' && Object.keys(query.filters).length > 0;
      const hits: KbHit[] = articles
        .map((a) => ({
          a,
          score: words.filter((w) => a.tags.includes(w) || a.subjects.includes(w)).length,
        }))
        .filter(
          ({ a, score }) =>
            (score > 0 || browsing) && (!query.filters.category || a.category === query.filters.category),
        )
        .filter(({ a }) => inRegion(a, query.filters.region))
        .sort((x, y) => y.score - x.score)
        .slice(0, query.limit)
        .map(({ a, score }) => ({
          id: a.id,
          title: a.title,
          score,
          titleMarked: mark(a.title, words),
          snippet: mark(a.answer.slice(0, 60), words),
          category: a.category,
          subjects: a.subjects,
          season: a.season,
          validUntil: a.validUntil,
        }));
      return ok({ hits, terms: words, tookMs: 1 });
    },
    'kb:get': ({ id }) => {
      const found = articles.find((a) => a.id === id);
      return found ? ok(found) : fail('NOT_FOUND', '本机知识库中没有这条知识，可能已下线。请重新检索。');
    },
    'kb:status': () => ok(status),
    'kb:syncNow': () => ok(status),
    'kb:history': ({ id }) => {
      if (!online)
        return fail('OFFLINE', '离线时无法查看历史版本，也无法提交评价。联网后再试；检索本机知识库不受影响。');
      const held = server.versions?.(id);
      if (held) return ok(held);
      const found = articles.find((a) => a.id === id);
      return found ? ok(versions(found)) : fail('NOT_FOUND', '服务器上没有这条知识（可能已下线）。');
    },
    'kb:feedback': ({ id, helpful }) => {
      if (!online)
        return fail('OFFLINE', '离线时无法查看历史版本，也无法提交评价。联网后再试；检索本机知识库不受影响。');
      feedback.push({ id, helpful });
      const mine = feedback.filter((f) => f.id === id);
      return ok({
        helpful: mine.filter((f) => f.helpful).length,
        notHelpful: mine.filter((f) => !f.helpful).length,
        mine: helpful,
      });
    },
  };

  return {
    handlers,
    feedback,
    setOnline: (next: boolean) => {
      online = next;
    },
    /** More articles in this seat's KB, e.g. more than one page of them. */
    addArticles: (more: (Partial<KbArticle> & Pick<KbArticle, 'id' | 'title' | 'answer' | 'category'>)[]) => {
      articles.push(...more.map(article));
    },
    /** The next search waits until the returned function is called. */
    holdNextSearch: () => {
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => release();
    },
  };
}
