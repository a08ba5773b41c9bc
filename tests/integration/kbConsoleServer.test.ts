import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD } from './server/harness';
import { openSeatWithServer, type SeatWithServer } from './fixtures/seatWithServer';

let world: SeatWithServer;

beforeEach(async () => {
  world = await openSeatWithServer();
  await world.server.createUser('op1', 'operator', { kind: 'seats', seatCodes: ['S01'] });
});

afterEach(async () => {
  await world.close();
});

describe('KB history and helpful marks through the central server', () => {
  it('asks for an online login first, then shows the server history of an article', async () => {
    expect(await world.seat.call('kb:history', { id: 'kb-0118' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: expect.stringContaining('登录') },
    });

    await world.must('auth:login', { username: 'op1', password: PASSWORD });
    const versions = await world.must('kb:history', { id: 'kb-0118' });
    expect(versions).toEqual([expect.objectContaining({ version: 1, action: 'seed' })]);
  });

  it('records a helpful mark and answers with the counts', async () => {
    await world.must('auth:login', { username: 'op1', password: PASSWORD });
    expect(await world.must('kb:feedback', { id: 'kb-0118', helpful: true })).toEqual({
      helpful: 1,
      notHelpful: 0,
      mine: true,
    });
  });

  it('says history is not available offline once the network is gone', async () => {
    await world.must('auth:login', { username: 'op1', password: PASSWORD });
    world.net.down = true;
    const result = await world.seat.call('kb:history', { id: 'kb-0118' });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    if (!result.ok) expect(result.error.message).toContain('离线时无法查看历史版本');
    const found = await world.must('kb:search', { q: '苞米大斑病', limit: 5 });
    expect(found.hits[0]?.id).toBe('kb-0118');
  });
});
