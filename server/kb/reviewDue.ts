import { type KbReviewReason, isPastValidity } from '../../shared/domain/kbServer';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
/** First month (0-based) of the season each month belongs to: 春 3–5, 夏 6–8, 秋 9–11, 冬 12–2. */
const SEASON_START_MONTH = [11, 11, 2, 2, 2, 5, 5, 5, 8, 8, 8, 11] as const;

/** Today's date in Asia/Shanghai (YYYY-MM-DD), the calendar the experts' validity dates are written in. */
export function shanghaiToday(now: number): string {
  return new Date(now + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant (ISO, UTC) the current season began in Asia/Shanghai. */
export function seasonStart(now: number): string {
  const local = new Date(now + SHANGHAI_OFFSET_MS);
  const month = local.getUTCMonth();
  const year = local.getUTCFullYear() - (month < 2 ? 1 : 0);
  return new Date(Date.UTC(year, SEASON_START_MONTH[month]!, 1) - SHANGHAI_OFFSET_MS).toISOString();
}

/** Whether a validity date (the last day an article is known to be right) is behind us. */
export const isPastDate = (date: string | null, now: number): boolean => isPastValidity(date, shanghaiToday(now));

export interface Validity {
  valid_until: string | null;
  review_each_season: number;
  last_reviewed_at: string;
}

/** Why a live article needs review now, or null: its date has passed, or it was not reviewed this season. */
export function reviewDueReason(v: Validity, now: number): KbReviewReason | null {
  if (isPastDate(v.valid_until, now)) return 'expired';
  if (v.review_each_season !== 0 && v.last_reviewed_at < seasonStart(now)) return 'season';
  return null;
}
