import { Tag, Tooltip } from 'antd';
import type { KbStatus } from '../../shared/domain/kb';
import type { KbReviewReason } from '../../shared/domain/kbServer';
import { useT } from '../i18n/I18nProvider';

const STATUS_COLORS: Record<KbStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  published: 'success',
  retired: 'error',
};

export function StatusTag({ status, testId }: { status: KbStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId}>
      {t(`kbEdit.status.${status}`)}
    </Tag>
  );
}

/** Why a live article is listed for re-check; the date it lapsed on in the tooltip. */
export function DueTag({ reason, validUntil }: { reason: KbReviewReason; validUntil?: string | null }) {
  const t = useT();
  const tag = (
    <Tag color={reason === 'expired' ? 'red' : 'orange'} data-testid="kbedit-due">
      {t(`kbEdit.due.${reason}`)}
    </Tag>
  );
  return validUntil ? <Tooltip title={t('kbEdit.due.validUntil', { date: validUntil })}>{tag}</Tooltip> : tag;
}
