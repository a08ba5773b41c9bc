import { App, Badge, Button, Space, Tag, Tooltip } from 'antd';
import { useSession } from '../account/SessionContext';
import { useHotline } from '../api/HotlineContext';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { isBlankIntake, valuesFromDraft } from '../intake/intakeValues';
import { INTAKE_DRAFT_KEY } from '../intake/useIntakeDraft';
import { useSettings } from '../settings/SettingsContext';
import { formatAge, useNow } from '../sync/age';
import { useSyncStatus } from '../sync/SyncStatusContext';

/**
 * Always on screen (STYLE.md "UI"): who is at this seat, whether it reaches the server, how much is
 * waiting to sync and since when, and anything that needs the operator (conflicts, login, upgrade).
 */
export function StatusBar({ onOpenSync }: { onOpenSync: () => void }) {
  const t = useT();
  const locale = useLocale();
  const now = useNow();
  const { settings } = useSettings();
  const { status, running } = useSyncStatus();
  const { session, openLogin, logout } = useSession();
  const api = useHotline();
  const { modal } = App.useApp();

  // A seat is shared across shifts: whoever logs in next sees the form and would sign the case.
  const confirmLogout = async () => {
    const draft = await api.draft.get({ key: INTAKE_DRAFT_KEY });
    if (!draft.ok || !draft.value || isBlankIntake(valuesFromDraft(draft.value.data))) return void logout();
    modal.confirm({
      title: t('bar.logoutDraft.title'),
      content: t('bar.logoutDraft.body'),
      okText: t('bar.logoutDraft.ok'),
      cancelText: t('common.cancel'),
      onOk: () => logout(),
    });
  };

  const configured = status?.serverConfigured ?? false;
  const online = status?.online ?? false;
  const pending = status?.pending ?? 0;
  const openIssues = status?.openIssues ?? 0;
  const syncing = running || (status?.syncing ?? false);
  const user = session?.user ?? null;
  const lastSync = status?.lastSyncAt
    ? t('bar.lastSync', { at: formatDateTime(locale, status.lastSyncAt) })
    : t('bar.neverSynced');
  const serverText = !configured ? t('bar.noServer') : online ? t('bar.online') : t('bar.offline');
  const serverTip = !configured ? t('bar.noServerTip') : (status?.lastError ?? lastSync);

  return (
    <footer className="status-bar" data-testid="status-bar">
      <Space size="large" wrap>
        <span data-testid="status-seat">
          {t('bar.seat')}
          {t('common.colon')}
          <strong>{settings.seatCode}</strong>
        </span>
        {user ? (
          <span data-testid="status-user" data-offline={session?.offline ?? false}>
            <Tooltip
              title={session?.expiresAt ? t('bar.sessionUntil', { at: formatDateTime(locale, session.expiresAt) }) : ''}
            >
              <strong>{user.displayName}</strong>（{t(`role.${user.role}`)}）
            </Tooltip>
            {session?.offline && (
              <Tooltip title={t('login.offline')}>
                <Tag color="orange" className="status-tag" data-testid="status-offline-login">
                  {t('bar.offlineLogin')}
                </Tag>
              </Tooltip>
            )}
            <Button size="small" type="link" data-testid="status-logout" onClick={() => void confirmLogout()}>
              {t('bar.logout')}
            </Button>
          </span>
        ) : (
          <span data-testid="status-operator">
            {t('bar.operator')}
            {t('common.colon')}
            <strong>{settings.operatorName}</strong>
            <Button size="small" type="link" data-testid="status-login" onClick={openLogin}>
              {t('bar.login')}
            </Button>
          </span>
        )}
        <Tooltip title={serverTip}>
          <span data-testid="status-online" data-online={online} data-configured={configured}>
            <Badge status={online ? 'success' : configured ? 'error' : 'default'} text={serverText} />
          </span>
        </Tooltip>
        {syncing && (
          <span data-testid="status-syncing">
            <Badge status="processing" text={t('bar.syncing')} />
          </span>
        )}
        <Tooltip
          title={
            status?.oldestPendingAt
              ? t('bar.oldestPending', { at: formatDateTime(locale, status.oldestPendingAt) })
              : t('bar.nothingPending')
          }
        >
          <span data-testid="status-unsynced" data-count={pending}>
            <Badge status={pending > 0 ? 'warning' : 'success'} text={t('bar.unsynced', { count: pending })} />
            {pending > 0 && status?.oldestPendingAt && (
              <span className="status-age">
                {' · '}
                {t('bar.oldestAge', { age: formatAge(t, status.oldestPendingAt, now) })}
              </span>
            )}
          </span>
        </Tooltip>
        {configured && (
          <span data-testid="status-last-sync" className="status-muted">
            {status?.lastSyncAt
              ? t('bar.lastSyncShort', { at: formatDateTime(locale, status.lastSyncAt) })
              : t('sync.never')}
          </span>
        )}
        {openIssues > 0 && (
          <Tooltip title={t('bar.issuesTip')}>
            <Button size="small" danger data-testid="status-issues" data-count={openIssues} onClick={onOpenSync}>
              <Badge count={openIssues} size="small" offset={[6, -2]}>
                <span className="status-issues-label">{t('bar.issues')}</span>
              </Badge>
            </Button>
          </Tooltip>
        )}
        {status?.needsUpgrade && (
          <Tooltip title={t('bar.needsUpgradeTip')}>
            <Tag color="red" className="status-tag" data-testid="status-upgrade" onClick={onOpenSync}>
              {t('bar.needsUpgrade')}
            </Tag>
          </Tooltip>
        )}
        {status?.needsLogin && (
          <Tooltip title={t('bar.needsLoginTip')}>
            <Button size="small" danger type="primary" data-testid="status-needs-login" onClick={openLogin}>
              {t('bar.needsLogin')}
            </Button>
          </Tooltip>
        )}
      </Space>
    </footer>
  );
}
