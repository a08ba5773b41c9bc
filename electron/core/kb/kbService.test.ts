import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KbArticle, KbHit } from '../../../shared/domain/kb';
import type { KbVersionSummary } from '../../../shared/domain/kbServer';
import { loadKbAnalyzer } from '../../../shared/node/kb/analyzer';
import { KbIndex } from '../../../shared/node/kb/kbIndex';
import { silentLogger } from '../log/logger';
import { sourceResourcesDir } from '../paths';
import type { FetchFn } from '../sync/httpClient';
import { kbService, preferContext, type KbServiceDeps } from './kbService';
import type { SeatKb } from './seatKb';

const opened: { index: KbIndex; dir: string }[] = [];
afterEach(() => {
  for (const { index, dir } of opened.splice(0)) {
    index.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const article = (a: Pick<KbArticle, 'id' | 'title' | 'answer' | 'category'> & Partial<KbArticle>): KbArticle => ({
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

function seatKbWith(articles: KbArticle[]): SeatKb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-service-'));
  const index = KbIndex.open(path.join(dir, 'kb.db'), loadKbAnalyzer(path.join(sourceResourcesDir(), 'data')));
  index.upsert(articles);
  opened.push({ index, dir });
  return {
    current: () => index,
    status: () => ({
      articleCount: index.count(),
      snapshotId: null,
      deltaSeq: 0,
      source: 'bundled',
      syncing: false,
      lastError: null,
    }),
    syncNow: async () => undefined,
    close: () => undefined,
  };
}

type Sent = { url: string; init: RequestInit };
function serverAnswering(status: number, body: unknown, sent: Sent[] = []): FetchFn {
  return async (url, init) => {
    sent.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
}

function service(overrides: Partial<KbServiceDeps> = {}) {
  return kbService({
    kb: seatKbWith([]),
    serverUrl: () => 'http://127.0.0.1:8316',
    sessionToken: () => 'session-token-0123456789',
    log: silentLogger(),
    ...overrides,
  });
}

const VERSIONS: KbVersionSummary[] = [
  {
    version: 2,
    action: 'publish',
    restoredFrom: null,
    by: { id: 'u-s', name: '孙秀梅' },
    at: '2026-11-01T00:00:00Z',
    note: null,
  },
  {
    version: 1,
    action: 'seed',
    restoredFrom: null,
    by: { id: 'u-a', name: '系统' },
    at: '2026-10-01T00:00:00Z',
    note: null,
  },
];

describe('kb service', () => {
  it('moves the article that fits the chosen category up among equally good matches', () => {
    const kb = seatKbWith([
      article({
        id: 'a-grain',
        title: '玉米叶片发黄怎么办',
        answer: '玉米叶片发黄多是缺肥。',
        category: '种植业-粮食作物',
      }),
      article({
        id: 'a-pest',
        title: '玉米叶片发黄怎么办',
        answer: '玉米叶片发黄多是缺肥。',
        category: '植物保护-病虫害',
      }),
    ]);
    const kbs = service({ kb });
    const ids = (category: '种植业-粮食作物' | '植物保护-病虫害') =>
      kbs.search({ q: '玉米叶片发黄', limit: 5, filters: {}, context: { category } }).hits.map((h) => h.id);

    expect(ids('植物保护-病虫害')).toEqual(['a-pest', 'a-grain']);
    expect(ids('种植业-粮食作物')).toEqual(['a-grain', 'a-pest']);
  });

  it('keeps a clearly better match first even when another fits the context', () => {
    const hit = (id: string, score: number, category: string): KbHit => ({
      id,
      title: id,
      score,
      titleMarked: [],
      snippet: [],
      category,
      subjects: [],
      season: '全年',
      validUntil: null,
    });
    const hits = [hit('best', 1, '畜牧兽医'), hit('weak', 0.5, '农机')];
    expect(preferContext(hits, { category: '农机' }).map((h) => h.id)).toEqual(['best', 'weak']);
  });

  it('fetches the version history with the operator session', async () => {
    const sent: Sent[] = [];
    const history = await service({ fetch: serverAnswering(200, { versions: VERSIONS }, sent) }).history('kb-0118');

    expect(history).toEqual(VERSIONS);
    expect(sent[0]?.url).toBe('http://127.0.0.1:8316/kb/articles/kb-0118/versions');
    expect(new Headers(sent[0]?.init.headers).get('authorization')).toBe('Bearer session-token-0123456789');
  });

  it('says history is unavailable offline when the server does not answer', async () => {
    const unreachable: FetchFn = async () => {
      throw new TypeError('fetch failed');
    };
    await expect(service({ fetch: unreachable }).history('kb-0118')).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringContaining('离线时无法查看历史版本'),
    });
  });

  it('asks for an online login before history or feedback', async () => {
    const kbs = service({ sessionToken: () => null, fetch: serverAnswering(200, { versions: VERSIONS }) });
    await expect(kbs.history('kb-0118')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(kbs.feedback('kb-0118', true)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('asks to log in again when the server has ended the session', async () => {
    const fetch = serverAnswering(401, { error: { code: 'UNAUTHORIZED', message: '登录已失效，请重新登录' } });
    await expect(service({ fetch }).history('kb-0118')).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('重新登录'),
    });
  });

  it('sends a not-helpful mark and returns the counts the server keeps', async () => {
    const sent: Sent[] = [];
    const counts = { helpful: 3, notHelpful: 1, mine: false };
    const fetch = serverAnswering(200, { id: 'kb-0118', feedback: counts }, sent);

    expect(await service({ fetch }).feedback('kb-0118', false)).toEqual(counts);
    expect(sent[0]?.init.method).toBe('POST');
    expect(sent[0]?.url).toBe('http://127.0.0.1:8316/kb/articles/kb-0118/feedback');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({ helpful: false });
  });
});
