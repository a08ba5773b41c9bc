import { Alert, App, Button, Card, Empty, Skeleton, Space, Switch } from 'antd';
import { useState } from 'react';
import { errorLine } from '../api/errorText';
import { useHotline } from '../api/HotlineContext';
import { useT } from '../i18n/I18nProvider';
import { IssueCard, type Resolve } from './IssueCard';
import type { SyncIssueView } from '../../shared/domain/syncIssue';
import { useSyncIssues } from './useSyncIssues';

/** 冲突与退回: every change the server did not take as made, until the operator decides about it. */
export function IssueInbox() {
  const t = useT();
  const api = useHotline();
  const { message } = App.useApp();
  const [showResolved, setShowResolved] = useState(false);
  const query = useSyncIssues(showResolved);

  const resolver =
    (issue: SyncIssueView): Resolve =>
    async (action, merged) => {
      const result = await api.sync.resolveIssue({ id: issue.id, action, ...(merged ? { merged } : {}) });
      if (!result.ok) {
        void message.error(`${t('inbox.actionFailed')}${t('common.colon')}${errorLine(t, result.error)}`);
        return false;
      }
      query.reload();
      return true;
    };

  return (
    <Card
      title={t('inbox.title')}
      data-testid="issue-inbox"
      extra={
        <Space>
          <span>{t('inbox.showResolved')}</span>
          <Switch size="small" checked={showResolved} onChange={setShowResolved} data-testid="inbox-show-resolved" />
        </Space>
      }
    >
      {query.error && (
        <Alert
          type="error"
          showIcon
          title={t('inbox.loadFailed')}
          description={errorLine(t, query.error)}
          action={<Button onClick={query.reload}>{t('common.retry')}</Button>}
        />
      )}
      {!query.data && !query.error && <Skeleton active />}
      {query.data && query.data.length === 0 && <Empty description={t('inbox.empty')} />}
      <Space orientation="vertical" size="middle" className="issue-list">
        {query.data?.map((issue) => (
          <IssueCard key={issue.id} issue={issue} onResolve={resolver(issue)} />
        ))}
      </Space>
    </Card>
  );
}
