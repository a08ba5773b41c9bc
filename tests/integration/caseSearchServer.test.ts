import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_PAGE_SIZE } from '../../electron/core/caseSearch/caseSearchService';
import { openSeatWithServer, type SeatWithServer } from './fixtures/seatWithServer';
import { createMutation, newInquiry, pushBody } from './server/fixtures';
import { PASSWORD } from './server/harness';

let world: SeatWithServer;

beforeEach(async () => {
  world = await openSeatWithServer();
  await world.server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01', 'S02'] });
});

afterEach(async () => {
  await world.close();
});

/** Cases another seat (S02) recorded: on the server only, never in this seat's database. */
async function pushFromOtherSeat(questions: string[]) {
  const token = await world.server.login('op1');
  const other = await world.server.registerSeat(token, 'S02');
  const cases = questions.map((question) => newInquiry('S02', { question, callerPhone: '13904312345' }));
  const res = await world.server.request({
    method: 'POST',
    url: '/sync/push',
    token: other.deviceToken,
    payload: pushBody(
      other,
      cases.map((c, i) => createMutation(i + 1, c)),
    ),
  });
  expect(res.statusCode, res.body).toBe(200);
  return cases;
}

describe('searching every case through the central server', () => {
  it('asks for an online login first, then finds cases of this seat and of others', async () => {
    expect(await world.seat.call('cases:searchServer', { q: '玉米' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: expect.stringContaining('登录') },
    });

    await world.must('auth:login', { username: 'op1', password: PASSWORD });
    const mine = await world.must('inquiry:create', {
      callerPhone: '13812345678',
      channel: 'phone',
      category: '植物保护-病虫害',
      question: '苞米叶子上一条一条的黄斑',
    });
    await world.must('sync:now');
    const [theirs] = await pushFromOtherSeat(['玉米叶子发黄是缺肥吗']);

    const page = await world.must('cases:searchServer', { q: '玉米 叶子' });
    expect(page.hits.map((h) => h.caseNo).sort()).toEqual([mine.caseNo, theirs!.caseNo].sort());
    expect(page.terms).toEqual(expect.arrayContaining(['玉米', '叶子']));
    expect(page.hits.find((h) => h.id === theirs!.id)?.callerPhoneMasked).toBe('139****2345');
    expect(JSON.stringify(page)).not.toContain('13904312345');
  });

  it('pages on with the cursor the server gave, without repeating or skipping a case', async () => {
    await world.must('auth:login', { username: 'op1', password: PASSWORD });
    const pushed = await pushFromOtherSeat(
      Array.from({ length: SERVER_PAGE_SIZE + 1 }, (_, i) => `猪不吃食第${i + 1}天`),
    );

    const first = await world.must('cases:searchServer', { q: '猪 不吃食' });
    expect(first.hits).toHaveLength(SERVER_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await world.must('cases:searchServer', { q: '猪 不吃食', cursor: first.nextCursor });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.hits, ...second.hits].map((h) => h.id);
    expect(ids.sort()).toEqual(pushed.map((c) => c.id).sort());
  });

  it('says only local cases can be searched once the network is gone', async () => {
    await world.must('auth:login', { username: 'op1', password: PASSWORD });
    world.net.down = true;
    const result = await world.seat.call('cases:searchServer', { q: '玉米' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    if (!result.ok) expect(result.error.message).toContain('只能检索本机工单');
  });
});
