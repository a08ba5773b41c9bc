import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WIRE_MAX_FRAME_BYTES } from '../../../shared/contract/wire';
import { openSocket, ownOrigin, socketUrl, startHostFixture, wireClient, type HostFixture } from './webHostFixture';

const INQUIRY = {
  callerPhone: '13812345678',
  callerName: '王大爷',
  channel: 'phone',
  category: '种植业-粮食作物',
  subject: '玉米',
  question: '玉米叶子发黄，下部叶片先黄，是缺什么肥？',
  answer: '多为缺氮，可追施尿素，每亩 10 公斤左右。',
};

describe('browser-mode host: the RPC socket', () => {
  let fx: HostFixture;
  beforeEach(async () => {
    fx = await startHostFixture();
  });
  afterEach(async () => {
    await fx.dispose();
  });

  async function connect() {
    const opened = await openSocket(socketUrl(fx.host), ownOrigin(fx.host));
    if (!('ws' in opened)) throw new Error(`socket refused with ${opened.refused}`);
    return { ws: opened.ws, client: wireClient(opened.ws) };
  }

  it('refuses the socket without the right token, from another origin, or on another path', async () => {
    expect(await openSocket(socketUrl(fx.host, null), ownOrigin(fx.host))).toEqual({ refused: 401 });
    expect(await openSocket(socketUrl(fx.host, 'wrong-token'), ownOrigin(fx.host))).toEqual({ refused: 401 });
    expect(await openSocket(socketUrl(fx.host), 'http://evil.example')).toEqual({ refused: 403 });
    expect(await openSocket(socketUrl(fx.host), `http://localhost:${fx.host.port}`)).toEqual({ refused: 403 });
    expect(await openSocket(socketUrl(fx.host), undefined)).toEqual({ refused: 403 });
    expect(await openSocket(`ws://127.0.0.1:${fx.host.port}/other?token=${fx.host.token}`, ownOrigin(fx.host))).toEqual(
      { refused: 404 },
    );
  });

  it('answers settings:get with the seat settings', async () => {
    const { ws, client } = await connect();
    const result = await client.call('settings:get');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ seatCode: expect.any(String), ui: { locale: 'zh-CN' } });
    ws.close();
  });

  it('saves an inquiry, finds it in the list, and pushes the change to every open socket', async () => {
    const first = await connect();
    const second = await connect();
    const changed = second.client.nextEvent((e) => e.event === 'inquiry:changed');

    const created = await first.client.call('inquiry:create', INQUIRY);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const saved = created.value as { id: string; caseNo: string; question: string };
    expect(saved.question).toBe(INQUIRY.question);

    expect((await changed).payload).toEqual({ ids: [saved.id] });

    const listed = await first.client.call('inquiry:list', { text: '发黄' });
    expect(listed.ok).toBe(true);
    if (listed.ok) {
      const page = listed.value as { total: number; items: { id: string; caseNo: string }[] };
      expect(page.total).toBe(1);
      expect(page.items[0]).toMatchObject({ id: saved.id, caseNo: saved.caseNo });
    }
    first.ws.close();
    second.ws.close();
  });

  it('answers malformed frames with INVALID_INPUT and keeps serving', async () => {
    const { ws, client } = await connect();
    const notJson = await client.sendRaw('{not json', -1);
    expect(notJson).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const badShape = await client.sendRaw(JSON.stringify({ type: 'call', id: 7, method: 42 }), 7);
    expect(badShape).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const binary = await client.sendRaw(Buffer.from([1, 2, 3]), -1);
    expect(binary).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const unknownMethod = await client.call('inquiry:drop', {});
    expect(unknownMethod).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const invalidPhone = await client.call('inquiry:create', { ...INQUIRY, callerPhone: '1234' });
    expect(invalidPhone).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const list = await client.call('inquiry:list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 0 } });
    ws.close();
  });

  it('closes only the socket that sends an oversized frame', async () => {
    const big = await connect();
    const closed = new Promise<number>((resolve) => big.ws.once('close', (code) => resolve(code)));
    big.ws.send('x'.repeat(WIRE_MAX_FRAME_BYTES + 1));
    expect(await closed).toBe(1009);

    const next = await connect();
    expect(await next.client.call('settings:get')).toMatchObject({ ok: true });
    next.ws.close();
  });
});
