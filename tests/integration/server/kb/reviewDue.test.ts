import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KbReviewDueList } from '../../../../shared/domain/kbServer';
import { type Role } from '../../../../shared/sync/auth';
import { VARIANTS } from '../harness';
import { type KbTestServer, detailOf, startKbServer } from './kbHarness';

const DAY = 24 * 60 * 60 * 1000;

describe.each(VARIANTS)('validity and review (%s)', (variant) => {
  let kb: KbTestServer;
  beforeEach(async () => {
    kb = await startKbServer(variant);
  });
  afterEach(async () => kb.close());

  const due = async (role: Role) => KbReviewDueList.parse((await kb.call(role, 'GET', '/kb/review-due')).json()).items;

  it('lists an article past its date for its expert and supervisors, not for operators', async () => {
    // The test clock is 2026-11-28 (autumn); the article is valid until the end of November.
    const article = await kb.publishNew({ validUntil: '2026-11-30' });
    expect(await due('expert')).toEqual([]);

    await kb.advance(3 * DAY);
    expect((await due('expert')).map((i) => [i.id, i.reason])).toEqual([[article.id, 'expired']]);
    expect((await due('supervisor')).map((i) => i.id)).toEqual([article.id]);
    expect(detailOf(await kb.call('operator', 'GET', `/kb/articles/${article.id}`)).reviewDue).toBe('expired');
    expect((await kb.call('operator', 'GET', '/kb/review-due')).statusCode).toBe(403);
  });

  it('flags a review-each-season article when a new season starts, and clears it when reviewed', async () => {
    const article = await kb.publishNew({ reviewEachSeason: true });
    expect(await due('expert')).toEqual([]);

    await kb.advance(5 * DAY); // 2026-12-03: winter
    expect((await due('expert')).map((i) => [i.id, i.reason])).toEqual([[article.id, 'season']]);
    const current = detailOf(await kb.call('expert', 'GET', `/kb/articles/${article.id}`));
    const reviewed = detailOf(
      await kb.call('expert', 'POST', `/kb/articles/${article.id}/reviewed`, { expectedRevision: current.revision }),
    );
    expect(reviewed.reviewDue).toBeNull();
    expect(await due('expert')).toEqual([]);
  });

  it("does not list another expert's article for an expert", async () => {
    await kb.publishNew({ validUntil: '2026-11-28' });
    await kb.server.createUser('expert2', 'expert', { kind: 'expert', expertId: 'E002' });
    await kb.advance(2 * DAY);
    const token = await kb.server.login('expert2');
    expect((await due('expert')).length).toBe(1);
    const res = await kb.server.request({ method: 'GET', url: '/kb/review-due', token });
    expect(KbReviewDueList.parse(res.json()).items).toEqual([]);
  });
});
