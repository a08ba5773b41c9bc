import { SyncOutlined } from '@ant-design/icons';
import { Button, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { KbSeatStatus } from '../../shared/contract/kbMethods';
import { useHotline } from '../api/HotlineContext';
import { useQuery } from '../api/useQuery';
import { useReportError } from '../app/ErrorBanner';
import { useT } from '../i18n/I18nProvider';
import { useSyncStatus } from '../sync/SyncStatusContext';

/** How many articles this seat searches, where they came from, and — offline — that only they are searched. */
export function KbStatusLine() {
  const t = useT();
  const api = useHotline();
  const reportError = useReportError();
  const { status: sync } = useSyncStatus();
  const query = useQuery('kb-status', (a) => a.kb.status());
  const [afterSync, setAfterSync] = useState<KbSeatStatus | null>(null);
  const [running, setRunning] = useState(false);
  const status = afterSync ?? query.data;
  // The seat also updates on its own (timer, after login): follow it without a reload.
  useEffect(() => api.on['kb:statusChanged']((next) => setAfterSync(next)), [api]);

  const syncNow = async () => {
    setRunning(true);
    const result = await api.kb.syncNow();
    setRunning(false);
    if (result.ok) setAfterSync(result.value);
    else reportError(result.error);
  };

  return (
    <Space wrap size="middle" data-testid="kb-status" className="kb-status">
      {status ? (
        <>
          <Typography.Text>{t('kb.status.count', { count: status.articleCount })}</Typography.Text>
          <Typography.Text type="secondary">
            {status.source === 'server'
              ? t('kb.status.fromServer', { snapshot: shortId(status.snapshotId), seq: status.deltaSeq })
              : t('kb.status.bundled')}
          </Typography.Text>
          {status.lastError && (
            <Typography.Text type="warning">{t('kb.status.lastError', { error: status.lastError })}</Typography.Text>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">{t('kb.status.loading')}</Typography.Text>
      )}
      {sync && !sync.online && (
        <Tag color="orange" data-testid="kb-offline">
          {t('kb.status.offline')}
        </Tag>
      )}
      <Button
        size="small"
        icon={<SyncOutlined spin={running || status?.syncing === true} />}
        disabled={running || sync?.serverConfigured === false}
        onClick={() => void syncNow()}
      >
        {t('kb.status.syncNow')}
      </Button>
    </Space>
  );
}

function shortId(id: string | null): string {
  return id === null ? '—' : id.slice(0, 12);
}
