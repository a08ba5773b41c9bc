import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Locale } from '../../shared/domain/settings';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every seat shows China time, whatever the PC's clock zone is set to (DESIGN.md §5). */
export const DISPLAY_TZ = 'Asia/Shanghai';

const PATTERNS: Record<Locale, { dateTime: string; date: string }> = {
  'zh-CN': { dateTime: 'YYYY年M月D日 HH:mm', date: 'YYYY年M月D日' },
  en: { dateTime: 'YYYY-MM-DD HH:mm', date: 'YYYY-MM-DD' },
};

export function applyDayjsLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
}

export function formatDateTime(locale: Locale, iso: string): string {
  return dayjs(iso).tz(DISPLAY_TZ).format(PATTERNS[locale].dateTime);
}

export function formatDate(locale: Locale, iso: string): string {
  return dayjs(iso).tz(DISPLAY_TZ).format(PATTERNS[locale].date);
}

/** 0:05, 12:41, 1:02:09 — the call timer and call durations. */
export function formatDuration(totalSec: number): string {
  const s = Math.max(0, Math.floor(totalSec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** Today in the calendar validity dates are written in (Asia/Shanghai), whatever the PC's zone. */
export const seatToday = (): string => dayjs().tz(DISPLAY_TZ).format('YYYY-MM-DD');

/** A validity date as the UI writes dates; it is a Shanghai calendar day, so it is read as one. */
export const validityDate = (locale: Locale, date: string): string => formatDate(locale, `${date}T00:00:00+08:00`);
