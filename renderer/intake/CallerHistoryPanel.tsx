import { Alert, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import type { CallerHistory } from '../../shared/domain/inquiry';
import { REPEAT_CALL_WINDOW_DAYS } from '../../shared/domain/inquiry';
import { isOpen } from '../../shared/domain/status';
import { errorLine } from '../api/errorText';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import type { HistoryState } from './useCallerHistory';

/** The caller's earlier inquiries, with a repeat-call warning the operator cannot miss. */
export function CallerHistoryPanel({ state, phoneHidden }: { state: HistoryState; phoneHidden: boolean }) {
  const t = useT();
  return (
    <Card size="small" title={t('history.title')} data-testid="caller-history" className="caller-history">
      {state.kind === 'idle' && (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={phoneHidden ? t('history.hiddenNumber') : t('history.waitingForNumber')}
        />
      )}
      {state.kind === 'loading' && <Skeleton active paragraph={{ rows: 3 }} title={false} />}
      {state.kind === 'failed' && (
        <Alert type="warning" showIcon title={t('history.failed')} description={errorLine(t, state.error)} />
      )}
      {state.kind === 'loaded' && <HistoryBody history={state.history} />}
    </Card>
  );
}

function HistoryBody({ history }: { history: CallerHistory }) {
  const t = useT();
  const locale = useLocale();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {history.repeat && <RepeatFlag repeat={history.repeat} />}
      <Typography.Text type="secondary">
        {history.total === 0 ? t('history.firstCall') : t('history.total', { count: history.total })}
        {history.callerName ? ` · ${history.callerName}` : ''}
      </Typography.Text>
      {history.recent.length > 0 && (
        <ol className="caller-history-list">
          {history.recent.map((item) => (
            <li key={item.id}>
              <Space wrap size="small">
                <Typography.Text strong copyable={{ text: item.caseNo }}>
                  {item.caseNo}
                </Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(locale, item.createdAt)}</Typography.Text>
                <Tag>{t(`category.${item.category}`)}</Tag>
                <Tag color={isOpen(item.status) ? 'orange' : 'green'}>{t(`status.${item.status}`)}</Tag>
              </Space>
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                {item.questionExcerpt}
              </Typography.Paragraph>
            </li>
          ))}
        </ol>
      )}
    </Space>
  );
}

function RepeatFlag({ repeat }: { repeat: NonNullable<CallerHistory['repeat']> }) {
  const t = useT();
  const locale = useLocale();
  const open = repeat.openCase;
  return (
    <Alert
      data-testid="caller-repeat-flag"
      type="warning"
      showIcon
      className="repeat-flag"
      title={t('history.repeat.title', { days: REPEAT_CALL_WINDOW_DAYS, count: repeat.callsInWindow })}
      description={
        open
          ? t('history.repeat.open', {
              caseNo: open.caseNo,
              status: t(`status.${open.status}`),
              at: formatDateTime(locale, open.createdAt),
            })
          : t('history.repeat.noOpen', { at: formatDateTime(locale, repeat.lastCallAt) })
      }
    />
  );
}
