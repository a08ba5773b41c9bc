import { AppError } from '../../../shared/errors';
import {
  checkTransition,
  STATUS_LABELS_ZH,
  TRANSITION_REFUSAL_MESSAGES,
  type Status,
  type TransitionContext,
} from '../../../shared/domain/status';

/** Applies the status machine; a refused move becomes an operator-readable INVALID_INPUT. */
export function assertTransition(from: Status, to: Status, ctx: TransitionContext): void {
  const result = checkTransition(from, to, ctx);
  if (!result.ok) {
    throw new AppError(
      'INVALID_INPUT',
      `无法从“${STATUS_LABELS_ZH[from]}”改为“${STATUS_LABELS_ZH[to]}”：${TRANSITION_REFUSAL_MESSAGES[result.reason]}`,
    );
  }
}
