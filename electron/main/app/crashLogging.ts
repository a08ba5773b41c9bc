import type { ShellLog } from './shellLog';

type ProcessEvents = {
  on(event: 'uncaughtException', listener: (err: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
};

/** Last resort: a bug that escapes every handler is written to the shell log instead of vanishing. */
export function logUncaughtErrors(proc: ProcessEvents, log: ShellLog): void {
  proc.on('uncaughtException', (err) => log.error('uncaught exception', err));
  proc.on('unhandledRejection', (reason) => log.error('unhandled promise rejection', reason));
}
