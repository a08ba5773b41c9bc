import { Alert, Button, Empty, Skeleton, Timeline, Typography } from 'antd';
import { errorLine } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';

/** Published versions, newest first, from the central server when the tab is opened (online only). */
export function ArticleHistory({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const query = useQuery(`kb-history:${id}`, (api) => api.kb.history({ id }));

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
  return (
    <div data-testid="kb-history">
      <Timeline
        items={query.data.map((v) => ({
          key: v.version,
          color: v.action === 'rollback' ? 'orange' : 'green',
          content: (
            <>
              <Typography.Text strong>
                {t('kb.history.entry', { version: v.version, action: t(`kb.history.action.${v.action}`) })}
                {v.restoredFrom !== null && ` ${t('kb.history.restoredFrom', { version: v.restoredFrom })}`}
              </Typography.Text>
              <div className="kb-history-who">
                {t('kb.history.who', { name: v.by.name, at: formatDateTime(locale, v.at) })}
              </div>
              {v.note && <Typography.Paragraph className="kb-history-note">{v.note}</Typography.Paragraph>}
            </>
          ),
        }))}
      />
    </div>
  );
}
