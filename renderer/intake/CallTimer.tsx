import { Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { formatDuration } from '../i18n/dates';
import { useT } from '../i18n/I18nProvider';

/** How long the current call has lasted; it starts with a new inquiry and its length is saved with the case. */
export function CallTimer({ startedAt }: { startedAt: string | null }) {
  const t = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!startedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [startedAt]);

  const started = startedAt ? Date.parse(startedAt) : NaN;
  const running = !Number.isNaN(started);
  return (
    <Tooltip title={running ? t('timer.running') : t('timer.idle')}>
      <Tag
        data-testid="call-timer"
        data-running={running}
        color={running ? 'processing' : 'default'}
        className="call-timer"
      >
        {t('timer.label')} {running ? formatDuration((now - started) / 1000) : '0:00'}
      </Tag>
    </Tooltip>
  );
}
