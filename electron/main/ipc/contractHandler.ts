import type { MethodName } from '../../../shared/contract/channels';
import { fail, type Result } from '../../../shared/contract/result';
import type { Seat } from '../../core/seat';
import type { ShellLog } from '../app/shellLog';
import { isTrustedSender, type SenderFrame } from './senderCheck';

export const FORBIDDEN_MESSAGE = '拒绝访问：这个请求不是来自坐席台界面。请关闭其他窗口后重新启动坐席台。';

/** The part of IpcMainInvokeEvent the handler reads. */
export type InvokeEvent = { readonly senderFrame: SenderFrame };

export type ContractHandler = (event: InvokeEvent, input: unknown) => Promise<Result<unknown>>;

/**
 * One IPC handler per contract method: refuse any sender that is not our own UI (FORBIDDEN), then
 * let the seat validate the input and run the call; `seat.call` never throws, so neither does this.
 */
export function contractHandler(
  method: MethodName,
  seat: Pick<Seat, 'call'>,
  origins: readonly string[],
  log: ShellLog,
): ContractHandler {
  return async (event, input) => {
    if (!isTrustedSender(event.senderFrame, origins)) {
      log.warn('contract call refused: untrusted sender', { method });
      return fail('FORBIDDEN', FORBIDDEN_MESSAGE);
    }
    return seat.call(method, input);
  };
}
