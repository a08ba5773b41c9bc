import { Alert, Button, Empty, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { KbArticleDetail } from '../../shared/domain/kbServer';
import { useSession } from '../account/SessionContext';
import { errorLine } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { kbRights } from './rights';
import { RollbackButton } from './RollbackButton';
import { VersionChanges } from './VersionChanges';

type Props = {
  id: string;
  /** The version seats search now (no rollback to it), or null when the article is retired. */
  currentVersion?: number | null;
  /** The revision the caller shows, checked by the server on a rollback. */
  revision?: number;
  onChanged?: (after: KbArticleDetail | null) => void;
};

/**
 * Published versions, newest first, from the central server when the tab is opened (online only).
 * Each later version shows what it changed on request; supervisors may roll back to an earlier one.
 */
export function ArticleHistory({ id, currentVersion, revision, onChanged }: Props) {
  const t = useT();
  const locale = useLocale();
  const reviewer = kbRights(useSession().session?.user).review;
  const query = useQuery(`kb-history:${id}`, (api) => api.kb.history({ id }));
  const [shown, setShown] = useState<ReadonlySet<number>>(new Set());
  const toggle = (version: number) =>
    setShown((s) => {
      const next = new Set(s);
      if (!next.delete(version)) next.add(version);
      return next;
    });

  if (query.error) {
    const offline = query.error.code === 'OFFLINE';
    return (
      <Alert
        data-testid="kb-history-error"
        type={offline ? 'info' : 'warning'}
        showIcon
        title={offline ? t('kb.history.offline') : t('kb.history.failed')}
        description={offline ? query.error.message : errorLine(t, query.error)}
        action={<Button onClick={query.reload}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!query.data) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (query.data.length === 0) return <Empty description={t('kb.history.empty')} />;
  const live = currentVersion === undefined ? query.data[0]?.version : currentVersion;
  return (
    <div data-testid="kb-history">
      <Timeline
        items={query.data.map((v) => ({
          key: v.version,
          color: v.action === 'rollback' ? 'orange' : 'green',
          content: (
            <div data-testid={`kb-version-${v.version}`}>
              <Typography.Text strong>
                {t('kb.history.entry', { version: v.version, action: t(`kb.history.action.${v.action}`) })}
                {v.restoredFrom !== null && ` ${t('kb.history.restoredFrom', { version: v.restoredFrom })}`}
              </Typography.Text>
              <div className="kb-history-who">
                {t('kb.history.who', { name: v.by.name, at: formatDateTime(locale, v.at) })}
              </div>
              {v.note && <Typography.Paragraph className="kb-history-note">{v.note}</Typography.Paragraph>}
              <Space size="small" className="kb-history-actions">
                {v.version > 1 && (
                  <Button
                    size="small"
                    type="link"
                    aria-expanded={shown.has(v.version)}
                    onClick={() => toggle(v.version)}
                  >
                    {t(shown.has(v.version) ? 'kb.history.hideDiff' : 'kb.history.showDiff')}
                  </Button>
                )}
                {reviewer && v.version !== live && (
                  <RollbackButton
                    id={id}
                    version={v.version}
                    revision={revision}
                    onChanged={(after) => {
                      query.reload();
                      onChanged?.(after);
                    }}
                  />
                )}
              </Space>
              {shown.has(v.version) && <VersionChanges id={id} to={v.version} />}
            </div>
          ),
        }))}
      />
    </div>
  );
}
