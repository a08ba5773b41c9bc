import type { z } from 'zod';
import { METHODS, type MethodName } from '../../../shared/contract/channels';
import { methods } from '../../../shared/contract/contract';
import { fail, ok, type Result } from '../../../shared/contract/result';
import { isAppError, type AppError } from '../../../shared/errors';
import type { Logger } from '../log/logger';
import type { Handlers } from './handlers';

export type DispatchOptions = {
  log: Logger;
  /** Turns a driver error (e.g. SQLITE_CORRUPT) into an operator-facing AppError, or null if it is a bug. */
  mapError?: (err: unknown) => AppError | null;
  /** Validate outputs too: catches handler/contract drift in development and tests. */
  checkOutput?: boolean;
};

export const INTERNAL_MESSAGE = '程序内部错误，已记录日志。请重试；如仍失败，请联系技术支持。';

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && (METHODS as readonly string[]).includes(name);
}

/** Operator-readable text of a zod failure: each message, with the field it is about. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.message}（${issue.path.join('.')}）` : issue.message))
    .join('；');
}

/**
 * The one place a contract call is executed, shared by the Electron IPC binding and the
 * browser-mode WebSocket binding: input validated, handler run, result wrapped, never thrown.
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  raw: unknown,
  options: DispatchOptions,
): Promise<Result<unknown>> {
  if (!isMethodName(method)) return fail('INVALID_INPUT', `未知的调用：${String(method).slice(0, 64)}`);
  const spec = methods[method];
  const parsed = spec.input.safeParse(raw);
  if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error));
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    if (options.checkOutput) spec.output.parse(value);
    return ok(value);
  } catch (err) {
    if (isAppError(err)) return fail(err.code, err.message);
    const mapped = options.mapError?.(err) ?? null;
    if (mapped) {
      options.log.error({ method, code: mapped.code, err: errorSummary(err) }, 'storage error');
      return fail(mapped.code, mapped.message);
    }
    options.log.error({ method, err: errorSummary(err) }, 'unexpected error in handler');
    return fail('INTERNAL', INTERNAL_MESSAGE);
  }
}

/** Name, message and stack only: handler inputs hold farmers' data and never reach the log. */
function errorSummary(err: unknown): { name: string; message: string; stack?: string } {
  if (err instanceof Error) return { name: err.name, message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { name: typeof err, message: String(err) };
}
