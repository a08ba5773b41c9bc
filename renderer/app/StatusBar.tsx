import { Badge, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/domain/seat';
import { useConnectionState, useHotline } from '../api/HotlineContext';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { useSettings } from '../settings/SettingsContext';

/** Always on screen (STYLE.md "UI"): who is at this seat, whether it syncs, and how much is waiting to. */
export function StatusBar() {
  const t = useT();
  const locale = useLocale();
  const api = useHotline();
  const connection = useConnectionState();
  const { settings } = useSettings();
  const [sync, setSync] = useState<SyncStatus | null>(null);

  useEffect(() => {
    if (connection !== 'online') return;
    let current = true;
    const refresh = () =>
      void api.sync.status().then((r) => {
        if (current && r.ok) setSync(r.value);
      });
    refresh();
    const offStatus = api.on['sync:statusChanged']((status) => setSync(status));
    // A save adds to the unsynced count; ask again in case the seat sends no status event for it.
    const offChanged = api.on['inquiry:changed'](refresh);
    return () => {
      current = false;
      offStatus();
      offChanged();
    };
  }, [api, connection]);

  const online = sync?.online ?? false;
  const pending = sync?.pending ?? 0;
  const pendingTip = sync?.oldestPendingAt
    ? t('bar.oldestPending', { at: formatDateTime(locale, sync.oldestPendingAt) })
    : t('bar.nothingPending');
  const lastSync = sync?.lastSyncAt
    ? t('bar.lastSync', { at: formatDateTime(locale, sync.lastSyncAt) })
    : t('bar.neverSynced');

  return (
    <footer className="status-bar" data-testid="status-bar">
      <Space size="large" wrap>
        <span data-testid="status-seat">
          {t('bar.seat')}
          {t('common.colon')}
          <strong>{settings.seatCode}</strong>
        </span>
        <span data-testid="status-operator">
          {t('bar.operator')}
          {t('common.colon')}
          <strong>{settings.operatorName}</strong>
        </span>
        <Tooltip title={lastSync}>
          <span data-testid="status-online" data-online={online}>
            <Badge status={online ? 'success' : 'default'} text={online ? t('bar.online') : t('bar.offline')} />
          </span>
        </Tooltip>
        <Tooltip title={pendingTip}>
          <span data-testid="status-unsynced" data-count={pending}>
            <Badge status={pending > 0 ? 'warning' : 'success'} text={t('bar.unsynced', { count: pending })} />
          </span>
        </Tooltip>
      </Space>
    </footer>
  );
}
