import dayjs from 'dayjs';
import type { Locale } from '../../shared/domain/settings';
import { DISPLAY_TZ, formatDate } from '../i18n/dates';

/** Today in the calendar validity dates are written in (Asia/Shanghai), whatever the PC's zone. */
export const seatToday = (): string => dayjs().tz(DISPLAY_TZ).format('YYYY-MM-DD');

/** A validity date as the UI writes dates; it is a Shanghai calendar day, so it is read as one. */
export const validityDate = (locale: Locale, date: string): string => formatDate(locale, `${date}T00:00:00+08:00`);
