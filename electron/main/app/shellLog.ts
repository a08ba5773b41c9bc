import path from 'node:path';
import { inspect } from 'node:util';
import electronLog from 'electron-log/node';
import { maskPhonesInText } from '../../core/log/logger';

/** What the shell logs through; the seat core has its own pino logger (logs/core.log). */
export type ShellLog = {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
};

export function shellLogFile(dataDir: string): string {
  return path.join(dataDir, 'logs', 'shell.log');
}

/** Every logged value becomes text with phone numbers masked: no farmer's number reaches a log file (PIPL). */
export function maskForLog(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : value instanceof Error
        ? (value.stack ?? value.message)
        : inspect(value, { depth: 4 });
  return maskPhonesInText(text);
}

/**
 * electron-log for the shell: <dataDir>/logs/shell.log at level info, warnings and errors also on the
 * console. Its /node entry, not /main: /main registers its own ipcMain channel for renderer logging,
 * and bindContract.ts is meant to be the only IPC entry point.
 */
export function createShellLog(dataDir: string): ShellLog {
  const log = electronLog.create({ logId: 'shell' });
  log.transports.file.resolvePathFn = () => shellLogFile(dataDir);
  log.transports.file.level = 'info';
  log.transports.console.level = 'warn';
  log.hooks.push((message) => ({ ...message, data: message.data.map(maskForLog) }));
  return log;
}
