import { useEffect, useState } from 'react';
import type { Translate } from '../i18n/I18nProvider';

/** "3 小时前": how long ago, in whole units, so the operator sees at a glance how stale the backlog is. */
export function formatAge(t: Translate, iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return t('age.justNow');
  if (minutes < 60) return t('age.minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('age.hours', { n: hours });
  return t('age.days', { n: Math.floor(hours / 24) });
}

/** The current time, refreshed every `everyMs` so "3 分钟前" does not freeze on screen. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
