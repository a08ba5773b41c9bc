import { describe, expect, it } from 'vitest';
import type { CaseSearchPage } from '../../../shared/domain/kbServer';
import { silentLogger } from '../log/logger';
import type { FetchFn } from '../sync/httpClient';
import { caseSearchService, SERVER_PAGE_SIZE, type CaseSearchServiceDeps } from './caseSearchService';

const PAGE: CaseSearchPage = {
  hits: [
    {
      id: '01900000-0000-7000-8000-000000000001',
      caseNo: 'S02-250611-0003',
      seatCode: 'S02',
      createdAt: '2025-06-11T01:20:00.000Z',
      status: 'closed',
      category: '植物保护-病虫害',
      subject: '玉米',
      regionCode: '220113',
      callerPhoneMasked: '139****2345',
      questionExcerpt: '苞米叶子上一条一条的黄斑',
      answerExcerpt: '可能是玉米大斑病',
      kbArticleId: null,
    },
  ],
  terms: ['玉米', '黄斑'],
  nextCursor: '41',
  match: 'all',
};

type Sent = { url: string; init: RequestInit };
function serverAnswering(status: number, body: string, sent: Sent[] = []): FetchFn {
  return async (url, init) => {
    sent.push({ url, init });
    return new Response(body, { status, headers: { 'content-type': 'application/json' } });
  };
}

function service(overrides: Partial<CaseSearchServiceDeps> = {}) {
  return caseSearchService({
    serverUrl: () => 'http://127.0.0.1:8316/',
    sessionToken: () => 'session-token-0123456789',
    log: silentLogger(),
    fetch: serverAnswering(200, JSON.stringify(PAGE)),
    ...overrides,
  });
}

describe('case search through the server', () => {
  it('asks the server with the operator session and returns its page', async () => {
    const sent: Sent[] = [];
    const page = await service({ fetch: serverAnswering(200, JSON.stringify(PAGE), sent) }).search({
      q: '苞米 黄斑',
      cursor: '80',
    });

    expect(page).toEqual(PAGE);
    const url = new URL(sent[0]!.url);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8316/cases/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: '苞米 黄斑',
      limit: String(SERVER_PAGE_SIZE),
      cursor: '80',
    });
    expect(new Headers(sent[0]!.init.headers).get('authorization')).toBe('Bearer session-token-0123456789');
  });

  it('reads a page from a server older than partial matches as one whose hits hold every word', async () => {
    const { match: _match, ...older } = PAGE;
    const page = await service({ fetch: serverAnswering(200, JSON.stringify(older)) }).search({ q: '苞米 黄斑' });
    expect(page).toEqual({ ...older, match: 'all' });
  });

  it('says only local cases can be searched when the server does not answer', async () => {
    const unreachable: FetchFn = async () => {
      throw new TypeError('fetch failed', { cause: new Error('ECONNREFUSED') });
    };
    await expect(service({ fetch: unreachable }).search({ q: '玉米' })).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringContaining('只能检索本机工单'),
    });
  });

  it('says so without asking when no server address is set', async () => {
    const sent: Sent[] = [];
    const search = service({ serverUrl: () => null, fetch: serverAnswering(200, '{}', sent) }).search({ q: '玉米' });
    await expect(search).rejects.toMatchObject({ code: 'OFFLINE', message: expect.stringContaining('服务器地址') });
    expect(sent).toEqual([]);
  });

  it('asks for an online login first', async () => {
    await expect(service({ sessionToken: () => null }).search({ q: '玉米' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('联网登录'),
    });
  });

  it('asks to log in again when the server has ended the session', async () => {
    const fetch = serverAnswering(401, JSON.stringify({ error: { code: 'UNAUTHORIZED', message: '登录已失效' } }));
    await expect(service({ fetch }).search({ q: '玉米' })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('重新登录'),
    });
  });

  it('says the role may not search when the server forbids it', async () => {
    const fetch = serverAnswering(403, JSON.stringify({ error: { code: 'FORBIDDEN', message: '无权访问' } }));
    await expect(service({ fetch }).search({ q: '玉米' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('passes on the reason the server refused the query', async () => {
    const body = JSON.stringify({ error: { code: 'INVALID_INPUT', message: '翻页位置不正确，请重新搜索' } });
    await expect(service({ fetch: serverAnswering(400, body) }).search({ q: '玉米' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: '翻页位置不正确，请重新搜索',
    });
  });

  it('reports a bad answer instead of showing half a page', async () => {
    for (const body of ['<html>502 Bad Gateway</html>', JSON.stringify({ hits: [{ id: 1 }] })]) {
      await expect(service({ fetch: serverAnswering(200, body) }).search({ q: '玉米' })).rejects.toMatchObject({
        code: 'INTERNAL',
        message: expect.stringContaining('应答格式不对'),
      });
    }
  });

  it('asks to try later when the server cannot serve', async () => {
    await expect(service({ fetch: serverAnswering(503, 'busy') }).search({ q: '玉米' })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining('稍后再试'),
    });
  });
});
