import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/errors';
import { logUncaughtErrors } from '../../../electron/main/app/crashLogging';
import type { ShellLog } from '../../../electron/main/app/shellLog';
import { startupFailureMessage } from '../../../electron/main/app/startupFailure';

const LOG = '/data/12316-seat/logs/shell.log';

describe('startup failure dialog', () => {
  it.each([
    ['DB_FROM_FUTURE', /安装最新版本/],
    ['DB_CORRUPT', /不要自行删除/],
    ['DB_READONLY', /磁盘空间/],
  ] as const)(
    "tells the operator what to do next for %s, keeping the core's message with the file path",
    (code, nextStep) => {
      const message = `数据库文件 /data/12316-seat/seat.db 无法打开（${code}）`;
      const shown = startupFailureMessage(new AppError(code, message), LOG);
      expect(shown.message).toBe(message);
      expect(shown.detail).toMatch(nextStep);
      expect(shown.title).not.toBe('');
    },
  );

  it('points to the log file for an unexpected error and does not show its internals', () => {
    const shown = startupFailureMessage(new TypeError('cannot read properties of undefined'), LOG);
    expect(shown.message).not.toContain('undefined');
    expect(shown.detail).toContain(LOG);
  });
});

describe('last-resort error logging', () => {
  it('writes uncaught exceptions and unhandled rejections to the shell log', () => {
    const handlers = new Map<string, (arg: never) => void>();
    const proc = { on: (event: string, listener: (arg: never) => void) => handlers.set(event, listener) };
    const log: ShellLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    logUncaughtErrors(proc, log);
    const boom = new Error('boom');
    handlers.get('uncaughtException')?.(boom as never);
    handlers.get('unhandledRejection')?.('rejected' as never);
    expect(log.error).toHaveBeenCalledWith('uncaught exception', boom);
    expect(log.error).toHaveBeenCalledWith('unhandled promise rejection', 'rejected');
  });
});
