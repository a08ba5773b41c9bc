import { REPEAT_CALL_WINDOW_DAYS, type CallerHistory } from '../../../shared/domain/inquiry';
import { PHONE_UNKNOWN } from '../../../shared/domain/phone';
import type { Store } from '../db/store';
import type { Clock } from './actor';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A number's earlier inquiries, newest first, and whether this call is a repeat: the same number
 * called within REPEAT_CALL_WINDOW_DAYS. A withheld number ('unknown') is nobody's history.
 */
export function callerHistory(store: Store, now: Clock, phone: string, limit: number): CallerHistory {
  if (phone === PHONE_UNKNOWN) return { phone, callerName: null, regionCode: null, total: 0, recent: [], repeat: null };
  const since = new Date(now().getTime() - REPEAT_CALL_WINDOW_DAYS * DAY_MS).toISOString();
  const stats = store.queries.phoneStats(phone, since);
  const caller = store.callers.get(phone);
  return {
    phone,
    callerName: caller?.name ?? null,
    regionCode: caller?.regionCode ?? null,
    total: stats.total,
    recent: store.queries.recentByPhone(phone, limit),
    repeat:
      stats.callsSince > 0 && stats.lastCallAt
        ? {
            lastCallAt: stats.lastCallAt,
            callsInWindow: stats.callsSince,
            openCase: store.queries.latestOpenByPhone(phone),
          }
        : null,
  };
}
