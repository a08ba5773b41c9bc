import { Alert, Button, Descriptions, Divider, Drawer, Skeleton, Tag } from 'antd';
import { errorLine } from '../api/errorText';
import { useQuery } from '../api/useQuery';
import { formatDateTime, formatDuration } from '../i18n/dates';
import { useLocale, useT } from '../i18n/I18nProvider';
import { CaseToKbButton } from '../kbEdit/CaseToKbButton';
import { useReferenceLists } from '../reference/useReferenceLists';
import { CaseEditForm } from './CaseEditForm';
import { CaseKbArticle } from './CaseKbArticle';
import { CaseTimeline } from './CaseTimeline';

/** One case: its facts, an edit form and the timeline of everything that happened to it. */
export function CaseDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const { lists } = useReferenceLists();
  const query = useQuery(id, (api) => api.inquiry.get({ id }));
  const detail = query.data?.inquiry.id === id ? query.data : undefined;
  const inquiry = detail?.inquiry;
  const expert = lists.experts.find((e) => e.id === inquiry?.expertId);
  const department = lists.departments.find((d) => d.id === inquiry?.departmentId);

  return (
    <Drawer
      open
      onClose={onClose}
      size={760}
      title={inquiry ? t('case.title', { caseNo: inquiry.caseNo }) : t('case.loading')}
      extra={inquiry && <CaseToKbButton inquiry={inquiry} />}
      destroyOnHidden
    >
      <div data-testid="case-detail">
        {query.error && !detail && (
          <Alert
            type="error"
            showIcon
            title={t('case.loadFailed')}
            description={errorLine(t, query.error)}
            action={<Button onClick={query.reload}>{t('common.retry')}</Button>}
          />
        )}
        {!detail && !query.error && <Skeleton active />}
        {detail && inquiry && (
          <>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('case.caseNo')}>{inquiry.caseNo}</Descriptions.Item>
              <Descriptions.Item label={t('intake.status')}>
                <Tag color="blue">{t(`status.${inquiry.status}`)}</Tag>
                {inquiry.pendingSync && <Tag color="orange">{t('case.pendingSync')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('intake.phone')}>
                {inquiry.callerPhone === 'unknown' ? t('intake.phoneHiddenValue') : inquiry.callerPhone}
              </Descriptions.Item>
              <Descriptions.Item label={t('intake.callerName')}>{inquiry.callerName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('intake.region')} span={2}>
                {inquiry.regionName ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('intake.channel')}>{t(`channel.${inquiry.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('intake.priority')}>{t(`priority.${inquiry.priority}`)}</Descriptions.Item>
              <Descriptions.Item label={t('case.createdAt')}>
                {formatDateTime(locale, inquiry.createdAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.operator')}>
                {inquiry.operator} ({inquiry.seatCode})
              </Descriptions.Item>
              <Descriptions.Item label={t('case.callDuration')}>
                {inquiry.callDurationSec === null ? '—' : formatDuration(inquiry.callDurationSec)}
              </Descriptions.Item>
              <Descriptions.Item label={t('case.assignee')}>
                {expert?.name ?? department?.name ?? '—'}
              </Descriptions.Item>
              {inquiry.kbArticleId && (
                <Descriptions.Item label={t('field.kbArticleId')} span={2}>
                  <CaseKbArticle id={inquiry.kbArticleId} />
                </Descriptions.Item>
              )}
            </Descriptions>
            <Divider titlePlacement="start">{t('case.edit')}</Divider>
            <CaseEditForm
              key={`${inquiry.id}:${inquiry.version}`}
              inquiry={inquiry}
              lists={lists}
              onSaved={query.reload}
              onReload={query.reload}
            />
            <Divider titlePlacement="start">{t('case.timeline')}</Divider>
            <CaseTimeline events={detail.events} refused={detail.refusedEventIds} />
          </>
        )}
      </div>
    </Drawer>
  );
}
