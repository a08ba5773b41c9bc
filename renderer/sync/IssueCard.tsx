import { Button, Card, Descriptions, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Resolution, SyncIssueView } from '../../shared/domain/syncIssue';
import { formatDateTime } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { ConflictField } from './ConflictField';
import { fieldLabel, isTextField, valueText } from './fieldValue';
import { MergeDialog, type MergedTexts } from './MergeDialog';

export type Resolve = (action: Resolution, merged?: MergedTexts) => Promise<boolean>;

/**
 * One conflict or rejection: what happened, the values in question and the operator's choices.
 * It stays in the inbox until one of the actions succeeds.
 */
export function IssueCard({ issue, onResolve }: { issue: SyncIssueView; onResolve: Resolve }) {
  const t = useT();
  const locale = useLocale();
  const [busy, setBusy] = useState<Resolution | null>(null);
  const [merging, setMerging] = useState(false);
  const textConflicts = issue.conflicts.filter(
    (c): c is (typeof issue.conflicts)[number] & { field: 'question' | 'answer' } => isTextField(c.field),
  );
  const open = issue.resolvedAt === null;

  const act = async (action: Resolution, merged?: MergedTexts) => {
    setBusy(action);
    const done = await onResolve(action, merged);
    setBusy(null);
    if (done) setMerging(false);
  };

  const title = (
    <Space wrap>
      <Tag color={issue.kind === 'conflict' ? 'orange' : 'red'}>{t(`inbox.kind.${issue.kind}`)}</Tag>
      <span data-testid="issue-case-no">{issue.caseNo ?? t('inbox.caseGone')}</span>
      <Typography.Text type="secondary">{formatDateTime(locale, issue.createdAt)}</Typography.Text>
    </Space>
  );
  const actions = !open ? (
    <Typography.Text type="secondary">
      {t('inbox.resolved', { at: formatDateTime(locale, issue.resolvedAt ?? issue.createdAt) })}
    </Typography.Text>
  ) : issue.kind === 'conflict' ? (
    <Space wrap>
      <Button type="primary" loading={busy === 'mine'} disabled={busy !== null} onClick={() => void act('mine')}>
        {t('inbox.keepMine')}
      </Button>
      <Popconfirm
        title={t('inbox.takeTheirs.confirm')}
        okText={t('inbox.takeTheirs')}
        cancelText={t('common.cancel')}
        onConfirm={() => act('theirs')}
      >
        <Button loading={busy === 'theirs'} disabled={busy !== null}>
          {t('inbox.takeTheirs')}
        </Button>
      </Popconfirm>
      {textConflicts.length > 0 && (
        <Button disabled={busy !== null} onClick={() => setMerging(true)}>
          {t('inbox.merge')}
        </Button>
      )}
    </Space>
  ) : (
    <Button type="primary" loading={busy === 'dismiss'} onClick={() => void act('dismiss')}>
      {t('inbox.acknowledge')}
    </Button>
  );

  return (
    <Card
      size="small"
      title={title}
      extra={actions}
      data-testid="issue"
      data-issue-id={issue.id}
      data-kind={issue.kind}
    >
      <Typography.Paragraph data-testid="issue-message">
        {issue.kind === 'rejected' && (
          <strong>
            {t('inbox.reason')}
            {t('common.colon')}
          </strong>
        )}
        {issue.message}
      </Typography.Paragraph>
      {issue.conflicts.map((c) => (
        <ConflictField key={c.field} conflict={c} />
      ))}
      {issue.change && Object.keys(issue.change).length > 0 && (
        <Descriptions size="small" column={1} bordered title={t('inbox.rejectedChange')} data-testid="issue-change">
          {Object.entries(issue.change).map(([field, value]) => (
            <Descriptions.Item key={field} label={fieldLabel(t, field)}>
              {valueText(t, field, value)}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      <MergeDialog
        conflicts={textConflicts}
        open={merging}
        busy={busy === 'merge'}
        onCancel={() => setMerging(false)}
        onSave={(merged) => void act('merge', merged)}
      />
    </Card>
  );
}
