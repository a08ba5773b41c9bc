import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Out } from '../../shared/contract/contract';
import type { MethodName } from '../../shared/contract/channels';
import { silentLogger } from '../../electron/core/log/logger';
import { sourceResourcesDir } from '../../electron/core/paths';
import { openSeat, type Seat } from '../../electron/core/seat';
import { openConfBackend } from '../../electron/core/settings/confBackend';

let dataDir: string;
let seat: Seat;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seat-kb-'));
  seat = openSeat({
    dataDir,
    resourcesDir: sourceResourcesDir(),
    mode: 'browser',
    appVersion: '0.1.0-test',
    settingsBackend: openConfBackend(dataDir),
    log: silentLogger(),
    checkOutput: true,
  });
});

afterAll(async () => {
  await seat.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function must<M extends MethodName>(method: M, input?: unknown): Promise<Out<M>> {
  const result = await seat.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as Out<M>;
}

describe('the seat knowledge base, through the contract', () => {
  it('searches the bundled demo KB on first start, offline, in the words a farmer uses', async () => {
    const status = await must('kb:status');
    expect(status).toMatchObject({ source: 'bundled', snapshotId: null });
    expect(status.articleCount).toBeGreaterThanOrEqual(300);

    const found = await must('kb:search', { q: '俺家苞米叶子上大斑病咋整', limit: 5 });
    expect(found.hits[0]?.id).toBe('kb-0118');
    expect(found.hits[0]?.titleMarked.some((part) => part.hit)).toBe(true);
    expect(found.hits.length).toBeLessThanOrEqual(5);
  });

  it('takes query syntax and half-typed text as plain words, never as an error', async () => {
    for (const q of ['"AND" OR NEAR(*', '((( 苞米', '', '   ', '玉'.repeat(5000)]) {
      const found = await seat.call('kb:search', { q, limit: 5 });
      expect(found.ok, q.slice(0, 20)).toBe(true);
    }
  });

  it('records which article answered a case when its answer is used', async () => {
    const [hit] = (await must('kb:search', { q: '苞米大斑病', limit: 5, context: { category: '植物保护-病虫害' } }))
      .hits;
    const article = await must('kb:get', { id: hit!.id });
    const saved = await must('inquiry:create', {
      callerPhone: '13812345678',
      channel: 'phone',
      category: '植物保护-病虫害',
      subject: '玉米',
      question: '苞米叶子上一道一道的大斑',
      answer: article.answer,
      kbArticleId: article.id,
    });

    const reread = await must('inquiry:get', { id: saved.id });
    expect(reread.inquiry.kbArticleId).toBe('kb-0118');
    expect(reread.inquiry.answer).toBe(article.answer);
  });

  it('says an article is gone when its id is not in the local KB', async () => {
    expect(await seat.call('kb:get', { id: 'kb-9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses history without a server, saying what to do', async () => {
    const result = await seat.call('kb:history', { id: 'kb-0118' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    if (!result.ok) expect(result.error.message).toContain('服务器地址');
  });
});
