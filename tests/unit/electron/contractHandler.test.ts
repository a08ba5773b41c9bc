import { describe, expect, it, vi } from 'vitest';
import { ok } from '../../../shared/contract/result';
import type { ShellLog } from '../../../electron/main/app/shellLog';
import { contractHandler } from '../../../electron/main/ipc/contractHandler';

const log: ShellLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const origins = ['app://hotline'];

function fakeSeat() {
  return { call: vi.fn(async (method: unknown, input: unknown) => ok({ method, input })) };
}

describe('Electron contract binding', () => {
  it('passes a call from our UI to the seat under its own method name', async () => {
    const seat = fakeSeat();
    const handler = contractHandler('inquiry:get', seat, origins, log);
    const result = await handler({ senderFrame: { url: 'app://hotline/index.html' } }, { id: 'x' });
    expect(result).toEqual({ ok: true, value: { method: 'inquiry:get', input: { id: 'x' } } });
  });

  it.each([
    ['a file:// page', { url: 'file:///tmp/index.html' }],
    ['a web page', { url: 'https://evil.example/' }],
    ['a vanished frame', null],
  ])('answers FORBIDDEN to %s and never reaches the seat', async (_name, senderFrame) => {
    const seat = fakeSeat();
    const handler = contractHandler('inquiry:create', seat, origins, log);
    const result = await handler({ senderFrame }, { question: '写入尝试' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('FORBIDDEN');
      expect(result.error.message).toMatch(/拒绝访问/);
    }
    expect(seat.call).not.toHaveBeenCalled();
  });
});
