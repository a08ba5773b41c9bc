import { Alert, App, Badge, Button, Card, Descriptions, Tooltip } from 'antd';
import { useSession } from '../account/SessionContext';
import { errorLine } from '../api/errorText';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { formatAge, useNow } from './age';
import { useSyncStatus } from './SyncStatusContext';

/** The status bar's facts in full, plus 立即同步. */
export function SyncPanel() {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const { message } = App.useApp();
  const { openLogin } = useSession();
  const { status, running, syncNow } = useSyncStatus();
  const syncing = running || (status?.syncing ?? false);
  const configured = status?.serverConfigured ?? false;

  const runNow = async () => {
    const outcome = await syncNow();
    if (outcome.ok) void message.success(t('sync.done', { count: outcome.status.pending }));
    else void message.error(`${t('sync.failed')}${t('common.colon')}${errorLine(t, outcome.error)}`);
  };

  const server = !configured ? (
    <Badge status="default" text={t('bar.noServer')} />
  ) : status?.online ? (
    <Badge status="success" text={t('bar.online')} />
  ) : (
    <Badge status="error" text={t('bar.offline')} />
  );

  return (
    <Card
      title={t('sync.title')}
      data-testid="sync-panel"
      extra={
        <Tooltip title={t('sync.nowTip')}>
          <Button
            type="primary"
            data-testid="sync-now"
            loading={syncing}
            disabled={syncing || !configured || status?.needsUpgrade}
            onClick={() => void runNow()}
          >
            {syncing ? t('sync.running') : t('sync.now')}
          </Button>
        </Tooltip>
      }
    >
      {!configured && status && <Alert type="info" showIcon title={t('sync.noServerHint')} className="sync-alert" />}
      {status?.needsUpgrade && (
        <Alert
          type="error"
          showIcon
          title={t('sync.upgradeTitle')}
          description={t('sync.upgradeHint')}
          className="sync-alert"
        />
      )}
      {status?.needsLogin && (
        <Alert
          type="warning"
          showIcon
          title={t('sync.loginTitle')}
          description={t('sync.loginHint')}
          action={<Button onClick={openLogin}>{t('bar.login')}</Button>}
          className="sync-alert"
        />
      )}
      {status?.lastError && (
        <Alert
          type="warning"
          showIcon
          title={t('sync.lastError')}
          description={status.lastError}
          className="sync-alert"
          data-testid="sync-last-error"
        />
      )}
      <Descriptions column={1} size="small" bordered data-testid="sync-facts">
        <Descriptions.Item label={t('sync.server')}>{server}</Descriptions.Item>
        <Descriptions.Item label={t('sync.pending')}>
          <span data-testid="sync-pending">{t('sync.pendingCount', { count: status?.pending ?? 0 })}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.oldest')}>
          {status?.oldestPendingAt
            ? `${formatDateTime(locale, status.oldestPendingAt)}（${formatAge(t, status.oldestPendingAt, now)}）`
            : t('sync.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.lastSync')}>
          <span data-testid="sync-last-sync">
            {status?.lastSyncAt
              ? `${formatDateTime(locale, status.lastSyncAt)}（${formatAge(t, status.lastSyncAt, now)}）`
              : t('sync.never')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.openIssues')}>
          <Badge count={status?.openIssues ?? 0} showZero color={(status?.openIssues ?? 0) > 0 ? 'red' : 'green'} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
